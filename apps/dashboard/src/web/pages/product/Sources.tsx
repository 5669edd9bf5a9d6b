import { api, type Json, unwrap, unwrapJson, useApi } from '../../api.js';
import { Bars } from '../../components/Bars.js';
import { formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { PanelHead } from '../../components/PanelHead.js';
import { formatPoints, Period, ProductLayout, useInsightKey } from './ProductLayout.js';

type Family = Json<'getInsightsProductSources'>['families'][number];

const SOURCE_NAMES: Record<string, string> = {
  library: 'Library',
  own_playlist: 'Own playlists',
  playlist: "Others' playlists",
  collaborative_playlist: 'Collaborative playlists',
  album: 'Albums',
  artist: 'Artist pages',
  search: 'Search',
  radio: 'Radio',
  partner: 'Partner integrations',
  other: 'Other',
};

const FAMILY_NAMES: Record<string, string> = {
  own_library_and_playlists: 'Own library and playlists',
  others_playlists: "Others' playlists",
  collaborative: 'Collaborative',
  artist_profile_and_catalog: 'Artist profile and catalog',
  search: 'Search',
  radio: 'Radio',
  partner_devices: 'Partner devices',
  other: 'Other',
};

const FAMILY_COLUMNS: Column<Family>[] = [
  {
    key: 'family',
    label: 'Family',
    value: (r) => FAMILY_NAMES[r.family] ?? r.family,
    render: (r) => (
      <>
        {FAMILY_NAMES[r.family] ?? r.family}
        <span class="muted small"> · {r.sources.map((s) => SOURCE_NAMES[s] ?? s).join(', ')}</span>
      </>
    ),
  },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'share', label: 'Share', value: (r) => r.share, render: (r) => formatPercent(r.share), numeric: true },
  { key: 'previous', label: 'Share before', value: (r) => r.previous_share, render: (r) => formatPercent(r.previous_share), numeric: true },
  {
    key: 'change',
    label: 'Change',
    value: (r) => (r.share ?? 0) - (r.previous_share ?? 0),
    render: (r) => formatPoints(r.share, r.previous_share),
    numeric: true,
  },
];

/** Where plays start: each source's share of the platform's streams, by family, against the previous period. */
export function Sources() {
  const range = useRange();
  const sources = useApi(useInsightKey(`product/sources/${range.key}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/sources', { params: { query: { ...range.query, format: 'json' } } })),
  );
  return (
    <ProductLayout title="Sources" intro="Where plays start: libraries, playlists, search, radio, partner integrations." actions={<RangePicker />}>
      <section class="card" aria-labelledby="sources-title">
        <PanelHead
          id="sources-title"
          title="Streams by source"
          csv={{
            what: 'sources',
            filename: `sources-${range.key}.csv`,
            load: async () => unwrap(await api.GET('/v1/insights/product/sources', { params: { query: { ...range.query, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
        <Loaded state={sources} label="Loading sources">
          {(s) =>
            s.total_streams === 0 ? (
              <Empty title="No streams in this range.">Pick a longer range.</Empty>
            ) : (
              <>
                <p>
                  <strong data-testid="total-streams" data-value={s.total_streams}>
                    {formatNumber(s.total_streams)}
                  </strong>{' '}
                  streams in the range ({formatNumber(s.previous_total_streams)} in the period before).
                </p>
                <Bars
                  title="Share of streams by source"
                  bars={s.sources.map((x) => ({ label: SOURCE_NAMES[x.source] ?? x.source, value: x.streams, share: x.share }))}
                />
                <Period from={s.from} to={s.to} previousFrom={s.previous_from} previousTo={s.previous_to} />
              </>
            )
          }
        </Loaded>
      </section>
      <section class="card" aria-labelledby="families-title">
        <PanelHead id="families-title" title="By family, against the period before" />
        <Loaded state={sources} label="Loading families">
          {(s) => (
            <>
              <Table
                rows={s.families}
                columns={FAMILY_COLUMNS}
                caption="Streams by source family"
                rowKey={(r) => r.family}
                initialSort={{ key: 'streams', desc: true }}
              />
              <p class="small">
                Collaborative playlists contribute <strong>{formatNumber(s.collaborative_playlists.streams)}</strong> streams,{' '}
                {formatPercent(s.collaborative_playlists.share)} of all ({formatPercent(s.collaborative_playlists.previous_share)} before).
              </p>
            </>
          )}
        </Loaded>
      </section>
    </ProductLayout>
  );
}
