import { useMemo, useState } from 'preact/hooks';
import { api, type Json, unwrap, unwrapJson, useApi } from '../../api.js';
import { TimeChart } from '../../components/Chart.js';
import { type Granularity, GranularityPicker } from '../../components/controls.js';
import { formatDay, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { PanelHead } from '../../components/PanelHead.js';
import { formatPoints, formatShare, PALETTE, Period, ProductLayout, useInsightKey } from './ProductLayout.js';

type KindRow = Json<'getInsightsProductPartnerKinds'>['kinds'][number];
type ConnectionRow = Json<'getInsightsProductPartnerConnections'>['kinds'][number];
interface CohortRow {
  start: string;
  end: string;
  kind: string;
  cohort: number;
  retention_7d: number | null;
  retention_28d: number | null;
}

const KIND_NAMES: Record<string, string> = {
  automotive: 'Automotive',
  telecom: 'Telecom',
  device: 'Device',
  app: 'App',
  unverified: 'Unverified claim',
  none: 'No partner',
};
const PARTNER_KINDS = ['automotive', 'telecom', 'device', 'app'];
const kindName = (kind: string) => KIND_NAMES[kind] ?? kind;
const formatPct = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('en', { maximumFractionDigits: 2 })}%`);

const KIND_COLUMNS: Column<KindRow>[] = [
  {
    key: 'kind',
    label: 'Kind',
    value: (r) => kindName(r.kind),
    render: (r) => (r.verified ? kindName(r.kind) : <span class="muted">{kindName(r.kind)}</span>),
  },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'share', label: 'Share', value: (r) => r.share, render: (r) => formatShare(r.share), numeric: true },
  { key: 'previous', label: 'Share before', value: (r) => r.previous_share, render: (r) => formatShare(r.previous_share), numeric: true },
  {
    key: 'change',
    label: 'Change',
    value: (r) => (r.share ?? 0) - (r.previous_share ?? 0),
    render: (r) => formatPoints(r.share, r.previous_share),
    numeric: true,
  },
];

const CONNECTION_COLUMNS: Column<ConnectionRow>[] = [
  { key: 'kind', label: 'Kind', value: (r) => kindName(r.kind) },
  { key: 'connected', label: 'Connected users', value: (r) => r.connected_users, render: (r) => formatNumber(r.connected_users), numeric: true },
  {
    key: 'connected-before',
    label: 'Before',
    value: (r) => r.previous_connected_users,
    render: (r) => formatNumber(r.previous_connected_users),
    numeric: true,
  },
  { key: 'new', label: 'New connections', value: (r) => r.new_connections, render: (r) => formatNumber(r.new_connections), numeric: true },
  { key: 'revoked', label: 'Revoked', value: (r) => r.revoked_connections, render: (r) => formatNumber(r.revoked_connections), numeric: true },
];

const COHORT_COLUMNS: Column<CohortRow>[] = [
  {
    key: 'start',
    label: 'Connected in',
    value: (r) => r.start,
    render: (r) => (r.start === r.end ? formatDay(r.start) : `${formatDay(r.start)} to ${formatDay(r.end)}`),
  },
  { key: 'kind', label: 'Kind', value: (r) => kindName(r.kind) },
  { key: 'cohort', label: 'Newly connected', value: (r) => r.cohort, render: (r) => formatNumber(r.cohort), numeric: true },
  { key: 'r7', label: 'Kept after 7 days', value: (r) => r.retention_7d, render: (r) => formatPercent(r.retention_7d), numeric: true },
  { key: 'r28', label: 'Kept after 28 days', value: (r) => r.retention_28d, render: (r) => formatPercent(r.retention_28d), numeric: true },
];

/** Partners across Chorus: the share of listening through each kind of partner, and connections to partner apps. */
export function PartnerView() {
  return (
    <ProductLayout
      title="Partners"
      intro="Listening through partners' apps (verified from the app's token), and how many listeners connect those apps and stay."
      actions={<RangePicker />}
    >
      <PartnerKinds />
      <PartnerConnections />
    </ProductLayout>
  );
}

function PartnerKinds() {
  const range = useRange();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const query = { ...range.query, granularity };
  const kinds = useApi(useInsightKey(`product/partner-kinds/${granularity}/${range.key}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/partner-kinds', { params: { query: { ...query, format: 'json' } } })),
  );
  const chart = useMemo(() => {
    const k = kinds.data;
    if (!k) return null;
    const shown = [...PARTNER_KINDS, 'unverified'];
    return {
      days: k.series.map((b) => b.start),
      series: shown.map((kind, i) => ({
        label: kindName(kind),
        color: PALETTE[i % PALETTE.length],
        dashed: kind === 'unverified',
        values: k.series.map((b) => {
          const share = b.kinds.find((x) => x.kind === kind)?.share;
          return share === null || share === undefined ? null : share * 100;
        }),
      })),
    };
  }, [kinds.data]);
  return (
    <section class="card" aria-labelledby="kinds-title">
      <PanelHead
        id="kinds-title"
        title="Streams by partner kind"
        csv={{
          what: 'partner kinds',
          filename: `partner-kinds-${granularity}-${range.key}.csv`,
          load: async () => unwrap(await api.GET('/v1/insights/product/partner-kinds', { params: { query: { ...query, format: 'csv' } }, parseAs: 'text' })),
        }}
      >
        <GranularityPicker value={granularity} onChange={setGranularity} />
      </PanelHead>
      <Loaded state={kinds} label="Loading partner kinds">
        {(k) => {
          const verified = k.kinds.filter((x) => x.verified).reduce((sum, x) => sum + x.streams, 0);
          return (
            <>
              <p>
                <strong data-testid="partner-streams" data-value={verified}>
                  {formatNumber(verified)}
                </strong>{' '}
                of {formatNumber(k.total_streams)} streams came through partner apps ({formatShare(k.total_streams ? verified / k.total_streams : null)}).
              </p>
              <Table rows={k.kinds} columns={KIND_COLUMNS} caption="Streams by partner kind" rowKey={(r) => r.kind} />
              <p class="muted small">
                Unverified: the client claimed a partner context or a car, speaker or TV platform without a partner app's token. Such plays are not credited to
                any partner.
              </p>
              <Period from={k.from} to={k.to} previousFrom={k.previous_from} previousTo={k.previous_to} />
              {chart && chart.days.length > 1 ? (
                <TimeChart title={`Share of streams per ${k.granularity} (%)`} days={chart.days} series={chart.series} format={formatPct} height={240} />
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function PartnerConnections() {
  const range = useRange();
  const [granularity, setGranularity] = useState<Granularity>('week');
  const query = { ...range.query, granularity };
  const connections = useApi(useInsightKey(`product/partner-connections/${granularity}/${range.key}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/partner-connections', { params: { query: { ...query, format: 'json' } } })),
  );
  const derived = useMemo(() => {
    const c = connections.data;
    if (!c) return null;
    const cohorts: CohortRow[] = c.series.flatMap((b) =>
      b.kinds
        .filter((k) => k.cohort > 0)
        .map((k) => ({ start: b.start, end: b.end, kind: k.kind, cohort: k.cohort, retention_7d: k.retention_7d, retention_28d: k.retention_28d })),
    );
    const chart = {
      days: c.series.map((b) => b.start),
      series: PARTNER_KINDS.map((kind, i) => ({
        label: kindName(kind),
        color: PALETTE[i],
        values: c.series.map((b) => b.kinds.find((k) => k.kind === kind)?.connected_users ?? 0),
      })),
    };
    return { cohorts, chart };
  }, [connections.data]);
  return (
    <section class="card" aria-labelledby="connections-title">
      <PanelHead
        id="connections-title"
        title="Connections to partner apps"
        csv={{
          what: 'partner connections',
          filename: `partner-connections-${granularity}-${range.key}.csv`,
          load: async () =>
            unwrap(await api.GET('/v1/insights/product/partner-connections', { params: { query: { ...query, format: 'csv' } }, parseAs: 'text' })),
        }}
      >
        <GranularityPicker value={granularity} onChange={setGranularity} />
      </PanelHead>
      <Loaded state={connections} label="Loading connections">
        {(c) => {
          const connected = c.kinds.reduce((sum, k) => sum + k.connected_users, 0);
          const made = c.kinds.reduce((sum, k) => sum + k.new_connections, 0);
          return (
            <>
              <Table rows={c.kinds} columns={CONNECTION_COLUMNS} caption="Connections by partner kind" rowKey={(r) => r.kind} />
              <p class="muted small">
                Connected users at the end of {formatDay(c.to)} (before: at the end of {formatDay(c.previous_to)}); a listener connected to apps of two kinds
                counts in each.
              </p>
              {connected === 0 && made === 0 ? (
                <Empty title="No listener has connected a partner app in this range.">
                  Connections count when a listener approves a partner's app (OAuth consent). Pick a longer range, or look again once partners launch.
                </Empty>
              ) : derived ? (
                <>
                  {derived.chart.days.length > 1 ? (
                    <TimeChart
                      title={`Connected users at the end of each ${c.granularity}`}
                      days={derived.chart.days}
                      series={derived.chart.series}
                      height={220}
                    />
                  ) : null}
                  <h3 class="subhead">Do newly connected listeners stay?</h3>
                  {derived.cohorts.length === 0 ? (
                    <p class="muted">No new connections in this range.</p>
                  ) : (
                    <Table
                      rows={derived.cohorts}
                      columns={COHORT_COLUMNS}
                      caption="Retention of newly connected listeners"
                      rowKey={(r) => `${r.start}:${r.kind}`}
                    />
                  )}
                  <p class="muted small">
                    Kept: still connected to an app of the kind N days after connecting, and streaming through one in between; – until those days are over for
                    everyone in the cohort.
                  </p>
                </>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
