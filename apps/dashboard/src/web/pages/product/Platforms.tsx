import { api, type Json, unwrap, unwrapJson, useApi } from '../../api.js';
import { Bars } from '../../components/Bars.js';
import { formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { PanelHead } from '../../components/PanelHead.js';
import { formatPoints, Period, ProductLayout, useInsightKey } from './ProductLayout.js';

type PlatformRow = Json<'getInsightsProductPlatforms'>['platforms'][number];
type Share = Json<'getInsightsProductPlatforms'>['partner']['context'];

const NAMES: Record<string, string> = {
  ios: 'iOS',
  android: 'Android',
  web: 'Web',
  desktop: 'Desktop',
  car: 'Car',
  speaker: 'Speaker',
  tv: 'TV',
  other: 'Other',
};

const COLUMNS: Column<PlatformRow>[] = [
  { key: 'platform', label: 'Platform', value: (r) => NAMES[r.platform] ?? r.platform },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'share', label: 'Share', value: (r) => r.share, render: (r) => formatPercent(r.share), numeric: true },
  { key: 'previous', label: 'Streams before', value: (r) => r.previous_streams, render: (r) => formatNumber(r.previous_streams), numeric: true },
  {
    key: 'change',
    label: 'Share change',
    value: (r) => (r.share ?? 0) - (r.previous_share ?? 0),
    render: (r) => formatPoints(r.share, r.previous_share),
    numeric: true,
  },
];

function ShareStat({ label, share, testId }: { label: string; share: Share; testId: string }) {
  return (
    <div class="stat" data-testid={testId}>
      <div class="stat-label">{label}</div>
      <div class="stat-value" data-value={share.streams}>
        {formatNumber(share.streams)}
      </div>
      <div class="stat-change">
        {formatPercent(share.share)} of all streams <span class="muted">· {formatPercent(share.previous_share)} before</span>
      </div>
    </div>
  );
}

/** Streams by platform and how much goes through partners' integrations and devices. */
export function Platforms() {
  const range = useRange();
  const platforms = useApi(useInsightKey(`product/platforms/${range.key}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/platforms', { params: { query: { ...range.query, format: 'json' } } })),
  );
  return (
    <ProductLayout title="Platforms" intro="Phones, computers, cars, speakers and TVs: where Chorus is played." actions={<RangePicker />}>
      <section class="card" aria-labelledby="platforms-title">
        <PanelHead
          id="platforms-title"
          title="Streams by platform"
          csv={{
            what: 'platforms',
            filename: `platforms-${range.key}.csv`,
            load: async () =>
              unwrap(await api.GET('/v1/insights/product/platforms', { params: { query: { ...range.query, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
        <Loaded state={platforms} label="Loading platforms">
          {(p) =>
            p.total_streams === 0 ? (
              <Empty title="No streams in this range.">Pick a longer range.</Empty>
            ) : (
              <>
                <div class="stats-row">
                  <div class="stat" data-testid="total-streams">
                    <div class="stat-label">All streams</div>
                    <div class="stat-value" data-value={p.total_streams}>
                      {formatNumber(p.total_streams)}
                    </div>
                    <div class="stat-change muted">{formatNumber(p.previous_total_streams)} before</div>
                  </div>
                  <ShareStat testId="partner-context" label="Through partner integrations" share={p.partner.context} />
                  <ShareStat testId="partner-devices" label="On partner devices (car, speaker, TV)" share={p.partner.devices} />
                </div>
                <Bars
                  title="Share of streams by platform"
                  bars={p.platforms.map((x) => ({ label: NAMES[x.platform] ?? x.platform, value: x.streams, share: x.share }))}
                />
                <Period from={p.from} to={p.to} previousFrom={p.previous_from} previousTo={p.previous_to} />
              </>
            )
          }
        </Loaded>
      </section>
      <section class="card" aria-labelledby="platform-table-title">
        <PanelHead id="platform-table-title" title="Against the period before" />
        <Loaded state={platforms} label="Loading platforms">
          {(p) => (
            <Table rows={p.platforms} columns={COLUMNS} caption="Streams by platform" rowKey={(r) => r.platform} initialSort={{ key: 'streams', desc: true }} />
          )}
        </Loaded>
      </section>
    </ProductLayout>
  );
}
