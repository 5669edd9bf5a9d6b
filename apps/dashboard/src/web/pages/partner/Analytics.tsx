import type { operations } from '@chorus/sdk';
import { useState } from 'preact/hooks';
import { api, type Json, type Loaded as LoadedState, unwrap, unwrapJson, useApi } from '../../api.js';
import { Bars } from '../../components/Bars.js';
import { TimeChart } from '../../components/Chart.js';
import { type Granularity, GranularityPicker, Options } from '../../components/controls.js';
import { formatDay, formatDuration, formatHours, formatNumber, formatPercent } from '../../components/format.js';
import { type LiveCount, LiveStrip } from '../../components/LiveStrip.js';
import { PanelHead } from '../../components/PanelHead.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { type MeasureKey, type StatSpec, StatsRow } from '../../components/Stat.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { PartnerLayout, usePartner } from './PartnerLayout.js';

type AppRow = Json<'getPartnerStatsApps'>['apps'][number];
type ClassRow = Json<'getPartnerStatsApps'>['device_classes'][number];
type ConnectionRow = Json<'getPartnerStatsApps'>['connections'][number];
type ArtistRow = Json<'getPartnerStatsTopArtists'>['items'][number];
type TrackRow = Json<'getPartnerStatsTopTracks'>['items'][number];
type Stats = Json<'getPartnerStats'>;
type Metric = NonNullable<NonNullable<operations['getPartnerStatsTimeseries']['parameters']['query']>['metric']>;
type Dimension = 'country' | 'age' | 'gender';

const METRICS: Array<{ value: Metric; label: string }> = [
  { value: 'streams', label: 'Streams' },
  { value: 'listeners', label: 'Listeners' },
  { value: 'skips', label: 'Skips' },
  { value: 'ms_played', label: 'Hours played' },
  { value: 'new_connections', label: 'New connections' },
  { value: 'revoked_connections', label: 'Revoked connections' },
  { value: 'connected_users', label: 'Connected users' },
];

const DIMENSIONS: Array<{ value: Dimension; label: string }> = [
  { value: 'country', label: 'Country' },
  { value: 'age', label: 'Age' },
  { value: 'gender', label: 'Gender' },
];

interface PartnerLiveCount extends LiveCount {
  skips: number;
  apps: Array<{ app_id: string; name: string | null; streams: number; skips: number }>;
}

const formatMs = (value: number | null) => (value === null ? '–' : formatDuration(value));
const appName = (name: string | null) => name ?? 'a deleted app';

const STATS: ReadonlyArray<StatSpec<MeasureKey<Stats>>> = [
  { key: 'streams', testId: 'stat-streams', label: 'Streams', format: formatNumber },
  { key: 'listeners', testId: 'stat-listeners', label: 'Listeners', format: formatNumber },
  { key: 'monthly_listeners', testId: 'stat-monthly-listeners', label: 'Monthly listeners', format: formatNumber },
  { key: 'skip_rate', testId: 'stat-skip-rate', label: 'Skip rate', format: formatPercent },
  { key: 'ms_played', testId: 'stat-ms-played', label: 'Time played', format: formatMs },
  { key: 'connected_users', testId: 'stat-connected-users', label: 'Connected users', format: formatNumber },
  { key: 'new_connections', testId: 'stat-new-connections', label: 'New connections', format: formatNumber },
  { key: 'revoked_connections', testId: 'stat-revoked-connections', label: 'Revoked connections', format: formatNumber },
];

/** A partner's listening through its apps: headline numbers, over time, per app, audience, top artists and tracks, and today live. */
export function Analytics({ id }: { id: string }) {
  const { may, partner } = usePartner(id);
  const allowed = may.readAnalytics;
  return (
    <PartnerLayout id={id} title="Analytics" actions={allowed ? <RangePicker /> : undefined}>
      {() =>
        allowed ? (
          <AnalyticsBody id={id} />
        ) : (
          <Empty title="Analytics are for the organisation's admins and analysts.">
            You are a {partner.data?.role ?? 'member'} of this team. An admin can change your role on the Team tab.
          </Empty>
        )
      }
    </PartnerLayout>
  );
}

function AnalyticsBody({ id }: { id: string }) {
  const range = useRange();
  const base = `partner/${id}/stats`;
  const path = { id };
  const stats = useApi(`${base}/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats', { params: { path, query: { ...range.query, format: 'json' } } })),
  );
  return (
    <>
      <LiveStrip<PartnerLiveCount>
        path={`/v1/partners/${encodeURIComponent(id)}/stats/live`}
        more={(live) => `, ${formatNumber(live.skips)} skips`}
        detail={(live) =>
          [...live.apps]
            .sort((a, b) => b.streams - a.streams)
            .slice(0, 3)
            .map((a) => `${appName(a.name)}: ${formatNumber(a.streams)}`)
            .join(' · ')
        }
      />
      <section aria-labelledby="headline-title">
        <PanelHead
          id="headline-title"
          title="Headline numbers"
          csv={{
            what: 'headline numbers',
            filename: `partner-stats-${range.key}.csv`,
            load: async () => unwrap(await api.GET('/v1/partners/{id}/stats', { params: { path, query: { ...range.query, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
        <Loaded state={stats} label="Loading statistics">
          {(s) => (
            <>
              <StatsRow measures={s} stats={STATS} />
              <p class="muted small">
                {formatDay(s.from)} to {formatDay(s.to)} (UTC), compared with {formatDay(s.previous_from)} to {formatDay(s.previous_to)}. Counted from listens
                your apps submitted with their own tokens (a stream is a play of at least 30 seconds; a shorter one is a skip).
              </p>
              {s.streams.value === 0 && s.skips.value === 0 && s.streams.previous === 0 ? (
                <Empty title="No listening through your apps in this range yet.">
                  Listens your apps submit with a listener's token (<code>POST /v1/listens</code>) count here within seconds. Connect a test listener on the
                  allow-list, or pick a longer range.
                </Empty>
              ) : null}
            </>
          )}
        </Loaded>
      </section>
      <OverTime id={id} />
      <PerApp id={id} />
      <Audience id={id} />
      <div class="grid two">
        <TopArtists id={id} />
        <TopTracks id={id} />
      </div>
    </>
  );
}

function OverTime({ id }: { id: string }) {
  const range = useRange();
  const [metric, setMetric] = useState<Metric>('streams');
  const [granularity, setGranularity] = useState<Granularity>('day');
  const query = { ...range.query, metric, granularity };
  const series = useApi(`partner/${id}/stats/timeseries/${metric}/${granularity}/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats/timeseries', { params: { path: { id }, query: { ...query, format: 'json' } } })),
  );
  const name = METRICS.find((m) => m.value === metric)!.label;
  const scale = metric === 'ms_played' ? 1 / 3_600_000 : 1;
  return (
    <section class="card" aria-labelledby="over-time-title">
      <PanelHead
        id="over-time-title"
        title="Over time"
        csv={{
          what: 'over time',
          filename: `partner-${metric}-per-${granularity}-${range.key}.csv`,
          load: async () =>
            unwrap(await api.GET('/v1/partners/{id}/stats/timeseries', { params: { path: { id }, query: { ...query, format: 'csv' } }, parseAs: 'text' })),
        }}
      >
        <label>
          Metric{' '}
          <select value={metric} onChange={(event) => setMetric(event.currentTarget.value as Metric)}>
            <Options list={METRICS} />
          </select>
        </label>
        <GranularityPicker value={granularity} onChange={setGranularity} />
      </PanelHead>
      <Loaded state={series} label="Loading the chart">
        {(ts) => (
          <TimeChart
            title={`${name} per ${granularity}`}
            days={ts.points.map((p) => p.start)}
            series={[{ label: name, values: ts.points.map((p) => p.value * scale) }]}
            format={metric === 'ms_played' ? formatHours : formatNumber}
          />
        )}
      </Loaded>
    </section>
  );
}

const APP_COLUMNS: Column<AppRow>[] = [
  { key: 'app', label: 'App', value: (r) => appName(r.name) },
  { key: 'class', label: 'Device class', value: (r) => r.device_class },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'previous', label: 'Before', value: (r) => r.previous_streams, render: (r) => formatNumber(r.previous_streams), numeric: true },
  { key: 'listeners', label: 'Listeners', value: (r) => r.listeners, render: (r) => formatNumber(r.listeners), numeric: true },
  { key: 'skip', label: 'Skip rate', value: (r) => r.skip_rate, render: (r) => formatPercent(r.skip_rate), numeric: true },
  { key: 'played', label: 'Time played', value: (r) => r.ms_played, render: (r) => formatDuration(r.ms_played), numeric: true },
];

const CLASS_COLUMNS: Column<ClassRow>[] = [
  { key: 'class', label: 'Device class', value: (r) => r.device_class },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'previous', label: 'Before', value: (r) => r.previous_streams, render: (r) => formatNumber(r.previous_streams), numeric: true },
  { key: 'listeners', label: 'Listeners', value: (r) => r.listeners, render: (r) => formatNumber(r.listeners), numeric: true },
  { key: 'skip', label: 'Skip rate', value: (r) => r.skip_rate, render: (r) => formatPercent(r.skip_rate), numeric: true },
];

const CONNECTION_COLUMNS: Column<ConnectionRow>[] = [
  { key: 'app', label: 'App', value: (r) => r.name },
  { key: 'connected', label: 'Connected users', value: (r) => r.connected_users, render: (r) => formatNumber(r.connected_users), numeric: true },
  { key: 'new', label: 'New', value: (r) => r.new_connections, render: (r) => formatNumber(r.new_connections), numeric: true },
  { key: 'revoked', label: 'Revoked', value: (r) => r.revoked_connections, render: (r) => formatNumber(r.revoked_connections), numeric: true },
];

function PerApp({ id }: { id: string }) {
  const range = useRange();
  const apps = useApi(`partner/${id}/stats/apps/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats/apps', { params: { path: { id }, query: { ...range.query, format: 'json' } } })),
  );
  return (
    <section class="card" aria-labelledby="per-app-title">
      <PanelHead
        id="per-app-title"
        title="Per app and device class"
        csv={{
          what: 'per app',
          filename: `partner-apps-${range.key}.csv`,
          load: async () =>
            unwrap(await api.GET('/v1/partners/{id}/stats/apps', { params: { path: { id }, query: { ...range.query, format: 'csv' } }, parseAs: 'text' })),
        }}
      />
      <Loaded state={apps} label="Loading per app">
        {(a) => (
          <>
            {a.apps.length === 0 ? (
              <p class="muted">No app of yours had plays in this range or the one before.</p>
            ) : (
              <Table
                rows={a.apps}
                columns={APP_COLUMNS}
                caption="Listening per app and device class"
                rowKey={(r) => `${r.app_id}:${r.device_class}`}
                initialSort={{ key: 'streams', desc: true }}
              />
            )}
            {a.device_classes.length > 0 ? (
              <>
                <h3 class="subhead">Per device class, all apps</h3>
                <Table
                  rows={a.device_classes}
                  columns={CLASS_COLUMNS}
                  caption="Listening per device class"
                  rowKey={(r) => r.device_class}
                  initialSort={{ key: 'streams', desc: true }}
                />
              </>
            ) : null}
            <h3 class="subhead">Connections</h3>
            {a.connections.length === 0 ? (
              <p class="muted">No apps yet: connections show here once people approve your apps.</p>
            ) : (
              <Table
                rows={a.connections}
                columns={CONNECTION_COLUMNS}
                caption="Connections per app"
                rowKey={(r) => r.app_id}
                initialSort={{ key: 'connected', desc: true }}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Audience({ id }: { id: string }) {
  const range = useRange();
  const [dimension, setDimension] = useState<Dimension>('country');
  const audience = useApi(`partner/${id}/stats/audience/${dimension}/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats/audience', { params: { path: { id }, query: { ...range.query, dimension, format: 'json' } } })),
  );
  return (
    <section class="card" aria-labelledby="audience-title">
      <PanelHead
        id="audience-title"
        title="Audience"
        csv={{
          what: 'audience',
          filename: `partner-audience-${dimension}-${range.key}.csv`,
          load: async () =>
            unwrap(
              await api.GET('/v1/partners/{id}/stats/audience', {
                params: { path: { id }, query: { ...range.query, dimension, format: 'csv' } },
                parseAs: 'text',
              }),
            ),
        }}
      >
        <label>
          By{' '}
          <select value={dimension} onChange={(event) => setDimension(event.currentTarget.value as Dimension)}>
            <Options list={DIMENSIONS} />
          </select>
        </label>
      </PanelHead>
      <Loaded state={audience} label="Loading the audience">
        {(a) => {
          const hidden = a.cells.filter((c) => 'suppressed' in c).length;
          const why = `A value with fewer than ${a.k} listeners on a day is hidden for that day, with others until the hidden ones hold at least ${a.k} together, so no listener can be singled out.`;
          if (a.total_listeners === 0) return <p class="muted">No listeners through your apps in this range, so no audience to show yet.</p>;
          return (
            <>
              {a.withheld ? (
                <Empty title="Hidden to protect listeners.">
                  Your apps have {formatNumber(a.total_listeners)} listener{a.total_listeners === 1 ? '' : 's'} in this range, but too few share any one value
                  to show it. {why} More listeners, or a longer range, bring the values out.
                </Empty>
              ) : (
                <>
                  <Bars
                    title={`Listeners by ${dimension}`}
                    bars={a.cells.map((c) =>
                      'suppressed' in c ? { label: c.value, value: null } : { label: c.value, value: c.listeners, share: c.listener_share },
                    )}
                  />
                  <p class="muted small">
                    {hidden > 0 ? `${hidden} value${hidden === 1 ? ' is' : 's are'} shown as hidden: ` : 'Why a value can be hidden: '}
                    {why} {formatNumber(a.unattributed_listeners)} of {formatNumber(a.total_listeners)} listeners and {formatNumber(a.unattributed_streams)} of{' '}
                    {formatNumber(a.total_streams)} streams fall under no shown value.
                  </p>
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

const ARTIST_COLUMNS: Column<ArtistRow>[] = [
  { key: 'name', label: 'Artist', value: (r) => r.name ?? 'unknown' },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'share', label: 'Share', value: (r) => r.share, render: (r) => formatPercent(r.share), numeric: true },
];

const TRACK_COLUMNS: Column<TrackRow>[] = [
  {
    key: 'title',
    label: 'Track',
    value: (r) => r.title ?? 'unknown',
    render: (r) => (
      <>
        {r.title ?? 'unknown'}
        <span class="muted small"> · {r.artist_name ?? 'unknown'}</span>
      </>
    ),
  },
  { key: 'streams', label: 'Streams', value: (r) => r.streams, render: (r) => formatNumber(r.streams), numeric: true },
  { key: 'share', label: 'Share', value: (r) => r.share, render: (r) => formatPercent(r.share), numeric: true },
];

function TopArtists({ id }: { id: string }) {
  const range = useRange();
  const top = useApi(`partner/${id}/stats/top-artists/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats/top-artists', { params: { path: { id }, query: { ...range.query, limit: 10, format: 'json' } } })),
  );
  const csv = async () =>
    unwrap(
      await api.GET('/v1/partners/{id}/stats/top-artists', { params: { path: { id }, query: { ...range.query, limit: 100, format: 'csv' } }, parseAs: 'text' }),
    );
  return <TopCard what="artist" state={top} columns={ARTIST_COLUMNS} rowKey={(r) => r.artist_id} total={(t) => t.total_artists} csv={csv} file={range.key} />;
}

function TopTracks({ id }: { id: string }) {
  const range = useRange();
  const top = useApi(`partner/${id}/stats/top-tracks/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats/top-tracks', { params: { path: { id }, query: { ...range.query, limit: 10, format: 'json' } } })),
  );
  const csv = async () =>
    unwrap(
      await api.GET('/v1/partners/{id}/stats/top-tracks', { params: { path: { id }, query: { ...range.query, limit: 100, format: 'csv' } }, parseAs: 'text' }),
    );
  return <TopCard what="track" state={top} columns={TRACK_COLUMNS} rowKey={(r) => r.track_id} total={(t) => t.total_tracks} csv={csv} file={range.key} />;
}

/** The top ten artists or tracks through the partner's apps (the CSV holds a hundred), and how many there were. */
function TopCard<Row, Top extends { items: Row[] }>({
  what,
  state,
  columns,
  rowKey,
  total,
  csv,
  file,
}: {
  what: 'artist' | 'track';
  state: LoadedState<Top>;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  total: (top: Top) => number;
  csv: () => Promise<string>;
  file: string;
}) {
  const title = `Top ${what}s`;
  return (
    <section class="card" aria-labelledby={`top-${what}s-title`}>
      <PanelHead id={`top-${what}s-title`} title={title} csv={{ what: `top ${what}s`, filename: `partner-top-${what}s-${file}.csv`, load: csv }} />
      <Loaded state={state} label={`Loading top ${what}s`}>
        {(t) =>
          t.items.length === 0 ? (
            <p class="muted">No streams through your apps in this range.</p>
          ) : (
            <>
              <Table rows={t.items} columns={columns} caption={title} rowKey={rowKey} />
              <p class="muted small">
                {formatNumber(total(t))} {what}
                {total(t) === 1 ? '' : 's'} streamed through your apps in this range.
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
