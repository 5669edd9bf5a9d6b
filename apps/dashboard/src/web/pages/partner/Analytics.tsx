import type { operations } from '@chorus/sdk';
import { useMemo, useState } from 'preact/hooks';
import { api, unwrap, unwrapJson, useApi, useEventStream } from '../../api.js';
import { Bars } from '../../components/Bars.js';
import { TimeChart } from '../../components/Chart.js';
import { type Granularity, GranularityPicker, Options } from '../../components/controls.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { formatDay, formatDuration, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Stat } from '../../components/Stat.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { PartnerLayout, usePartner } from './PartnerLayout.js';

type Json<Op extends keyof operations> = operations[Op] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type AppRow = Json<'getPartnerStatsApps'>['apps'][number];
type ClassRow = Json<'getPartnerStatsApps'>['device_classes'][number];
type ConnectionRow = Json<'getPartnerStatsApps'>['connections'][number];
type ArtistRow = Json<'getPartnerStatsTopArtists'>['items'][number];
type TrackRow = Json<'getPartnerStatsTopTracks'>['items'][number];
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

interface LiveCount {
  day: string;
  streams: number;
  skips: number;
  apps: Array<{ app_id: string; name: string | null; streams: number; skips: number }>;
  at: string;
}

const formatMs = (value: number | null) => (value === null ? '–' : formatDuration(value));
const formatHours = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('en', { maximumFractionDigits: 1 })} h`);
const appName = (name: string | null) => name ?? 'a deleted app';

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
  const file = (what: string) => `partner-${what}-${range.key}.csv`;
  return (
    <>
      <Live id={id} />
      <section aria-labelledby="headline-title">
        <div class="card-head">
          <h2 id="headline-title">Headline numbers</h2>
          <DownloadCsv
            what="headline numbers"
            filename={file('stats')}
            load={async () => unwrap(await api.GET('/v1/partners/{id}/stats', { params: { path, query: { ...range.query, format: 'csv' } }, parseAs: 'text' }))}
          />
        </div>
        <Loaded state={stats} label="Loading statistics">
          {(s) => (
            <>
              <div class="stats-row">
                <Stat testId="stat-streams" label="Streams" measure={s.streams} format={formatNumber} />
                <Stat testId="stat-listeners" label="Listeners" measure={s.listeners} format={formatNumber} />
                <Stat testId="stat-monthly-listeners" label="Monthly listeners" measure={s.monthly_listeners} format={formatNumber} />
                <Stat testId="stat-skip-rate" label="Skip rate" measure={s.skip_rate} format={formatPercent} />
                <Stat testId="stat-ms-played" label="Time played" measure={s.ms_played} format={formatMs} />
                <Stat testId="stat-connected-users" label="Connected users" measure={s.connected_users} format={formatNumber} />
                <Stat testId="stat-new-connections" label="New connections" measure={s.new_connections} format={formatNumber} />
                <Stat testId="stat-revoked-connections" label="Revoked connections" measure={s.revoked_connections} format={formatNumber} />
              </div>
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

function Live({ id }: { id: string }) {
  const [live, setLive] = useState<LiveCount | null>(null);
  const state = useEventStream(`/v1/partners/${encodeURIComponent(id)}/stats/live`, (_type, data) => setLive(data as LiveCount), ['streams']);
  const busiest = live ? [...live.apps].sort((a, b) => b.streams - a.streams).slice(0, 3) : [];
  return (
    <div class="live-strip" aria-live="polite">
      <span class={`live-dot ${state}`} aria-hidden="true" />
      <span>
        Today (UTC), live:{' '}
        <strong data-testid="live-streams" data-value={live?.streams ?? ''}>
          {live ? formatNumber(live.streams) : '…'}
        </strong>{' '}
        streams{live ? `, ${formatNumber(live.skips)} skips` : ''}
      </span>
      {busiest.length ? (
        <span class="muted small">{busiest.map((a) => `${appName(a.name)}: ${formatNumber(a.streams)}`).join(' · ')}</span>
      ) : (
        <span class="muted small">{state === 'live' ? 'updates within seconds of a listen' : state === 'connecting' ? 'connecting…' : 'reconnecting…'}</span>
      )}
    </div>
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
  const chart = useMemo(() => {
    const ts = series.data;
    if (!ts) return null;
    const scale = metric === 'ms_played' ? 1 / 3_600_000 : 1;
    return { days: ts.points.map((p) => p.start), series: [{ label: name, values: ts.points.map((p) => p.value * scale) }] };
  }, [series.data, metric, name]);
  return (
    <section class="card" aria-labelledby="over-time-title">
      <div class="card-head">
        <h2 id="over-time-title">Over time</h2>
        <div class="filters">
          <label>
            Metric{' '}
            <select value={metric} onChange={(event) => setMetric(event.currentTarget.value as Metric)}>
              <Options list={METRICS} />
            </select>
          </label>
          <GranularityPicker value={granularity} onChange={setGranularity} />
          <DownloadCsv
            what="over time"
            filename={`partner-${metric}-per-${granularity}-${range.key}.csv`}
            load={async () =>
              unwrap(await api.GET('/v1/partners/{id}/stats/timeseries', { params: { path: { id }, query: { ...query, format: 'csv' } }, parseAs: 'text' }))
            }
          />
        </div>
      </div>
      <Loaded state={series} label="Loading the chart">
        {() =>
          chart ? (
            <TimeChart
              title={`${name} per ${granularity}`}
              days={chart.days}
              series={chart.series}
              format={metric === 'ms_played' ? formatHours : formatNumber}
            />
          ) : null
        }
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
      <div class="card-head">
        <h2 id="per-app-title">Per app and device class</h2>
        <DownloadCsv
          what="per app"
          filename={`partner-apps-${range.key}.csv`}
          load={async () =>
            unwrap(await api.GET('/v1/partners/{id}/stats/apps', { params: { path: { id }, query: { ...range.query, format: 'csv' } }, parseAs: 'text' }))
          }
        />
      </div>
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
      <div class="card-head">
        <h2 id="audience-title">Audience</h2>
        <div class="filters">
          <label>
            By{' '}
            <select value={dimension} onChange={(event) => setDimension(event.currentTarget.value as Dimension)}>
              <Options list={DIMENSIONS} />
            </select>
          </label>
          <DownloadCsv
            what="audience"
            filename={`partner-audience-${dimension}-${range.key}.csv`}
            load={async () =>
              unwrap(
                await api.GET('/v1/partners/{id}/stats/audience', {
                  params: { path: { id }, query: { ...range.query, dimension, format: 'csv' } },
                  parseAs: 'text',
                }),
              )
            }
          />
        </div>
      </div>
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
  return (
    <section class="card" aria-labelledby="top-artists-title">
      <div class="card-head">
        <h2 id="top-artists-title">Top artists</h2>
        <DownloadCsv
          what="top artists"
          filename={`partner-top-artists-${range.key}.csv`}
          load={async () =>
            unwrap(
              await api.GET('/v1/partners/{id}/stats/top-artists', {
                params: { path: { id }, query: { ...range.query, limit: 100, format: 'csv' } },
                parseAs: 'text',
              }),
            )
          }
        />
      </div>
      <Loaded state={top} label="Loading top artists">
        {(t) =>
          t.items.length === 0 ? (
            <p class="muted">No streams through your apps in this range.</p>
          ) : (
            <>
              <Table rows={t.items} columns={ARTIST_COLUMNS} caption="Top artists" rowKey={(r) => r.artist_id} />
              <p class="muted small">
                {formatNumber(t.total_artists)} artist{t.total_artists === 1 ? '' : 's'} streamed through your apps in this range.
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function TopTracks({ id }: { id: string }) {
  const range = useRange();
  const top = useApi(`partner/${id}/stats/top-tracks/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/partners/{id}/stats/top-tracks', { params: { path: { id }, query: { ...range.query, limit: 10, format: 'json' } } })),
  );
  return (
    <section class="card" aria-labelledby="top-tracks-title">
      <div class="card-head">
        <h2 id="top-tracks-title">Top tracks</h2>
        <DownloadCsv
          what="top tracks"
          filename={`partner-top-tracks-${range.key}.csv`}
          load={async () =>
            unwrap(
              await api.GET('/v1/partners/{id}/stats/top-tracks', {
                params: { path: { id }, query: { ...range.query, limit: 100, format: 'csv' } },
                parseAs: 'text',
              }),
            )
          }
        />
      </div>
      <Loaded state={top} label="Loading top tracks">
        {(t) =>
          t.items.length === 0 ? (
            <p class="muted">No streams through your apps in this range.</p>
          ) : (
            <>
              <Table rows={t.items} columns={TRACK_COLUMNS} caption="Top tracks" rowKey={(r) => r.track_id} />
              <p class="muted small">
                {formatNumber(t.total_tracks)} track{t.total_tracks === 1 ? '' : 's'} streamed through your apps in this range.
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
