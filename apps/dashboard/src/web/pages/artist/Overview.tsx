import { useState } from 'preact/hooks';
import { api, type Json, unwrapJson, useApi } from '../../api.js';
import { TimeChart } from '../../components/Chart.js';
import { Options } from '../../components/controls.js';
import { formatDuration, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { LiveStrip } from '../../components/LiveStrip.js';
import { type MeasureKey, type StatSpec, StatsRow } from '../../components/Stat.js';
import { Empty, Loaded } from '../../components/States.js';
import { ArtistLayout } from './ArtistLayout.js';

const METRICS = [
  { value: 'streams', label: 'Streams' },
  { value: 'listeners', label: 'Listeners' },
  { value: 'saves', label: 'Saves' },
  { value: 'skips', label: 'Skips' },
  { value: 'playlist_adds', label: 'Playlist adds' },
] as const;
type Metric = (typeof METRICS)[number]['value'];

const STATS: ReadonlyArray<StatSpec<MeasureKey<Json<'getArtistStats'>>>> = [
  { key: 'streams', testId: 'stat-streams', label: 'Streams', format: formatNumber },
  { key: 'listeners', testId: 'stat-listeners', label: 'Listeners', format: formatNumber },
  { key: 'saves', testId: 'stat-saves', label: 'Saves', format: formatNumber },
  { key: 'skip_rate', testId: 'stat-skip-rate', label: 'Skip rate', format: formatPercent },
  { key: 'playlist_adds', testId: 'stat-playlist-adds', label: 'Playlist adds', format: formatNumber },
];

/** An artist at a glance: the headline numbers against the previous period, the chosen metric over time, and today live. */
export function Overview({ id }: { id: string }) {
  const range = useRange();
  const [metric, setMetric] = useState<Metric>('streams');
  const stats = useApi(`artist/${id}/stats/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/artists/{id}/stats', { params: { path: { id }, query: { ...range.query, format: 'json' } } })),
  );
  const series = useApi(`artist/${id}/timeseries/${metric}/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/artists/{id}/stats/timeseries', { params: { path: { id }, query: { ...range.query, metric, format: 'json' } } })),
  );
  const previous = series.data;
  const before = useApi(previous ? `artist/${id}/timeseries/${metric}/${previous.previous_from}..${previous.previous_to}` : null, async () =>
    unwrapJson(
      await api.GET('/v1/artists/{id}/stats/timeseries', {
        params: {
          path: { id },
          query: { from: previous!.previous_from, to: previous!.previous_to, metric, granularity: previous!.granularity as 'day', format: 'json' },
        },
      }),
    ),
  );

  return (
    <ArtistLayout id={id} title="Overview" actions={<RangePicker />}>
      <LiveStrip path={`/v1/artists/${encodeURIComponent(id)}/stats/live`} />
      <Loaded state={stats} label="Loading statistics">
        {(s) => (
          <>
            <StatsRow measures={s} stats={STATS} />
            <p class="muted small">
              {s.from} to {s.to} (UTC), compared with {s.previous_from} to {s.previous_to}. Listening time: {formatDuration(s.ms_played.value ?? 0)}. A stream
              is a play of at least 30 seconds; listeners are exact distinct counts.
            </p>
            {s.streams.value === 0 && s.streams.previous === 0 ? (
              <Empty title="No streams in this range yet.">
                Listens count here within seconds of being submitted: <code>POST /v1/listens</code> with a token of a listener (see <a href="/docs">/docs</a>),
                or pick a longer range.
              </Empty>
            ) : null}
          </>
        )}
      </Loaded>
      <div class="card">
        <div class="card-head">
          <h2>Over time</h2>
          <label>
            Metric{' '}
            <select value={metric} onChange={(event) => setMetric(event.currentTarget.value as Metric)}>
              <Options list={METRICS} />
            </select>
          </label>
        </div>
        <Loaded state={series} label="Loading the chart">
          {(ts) => (
            <TimeChart
              title={`${METRICS.find((m) => m.value === metric)!.label} per ${ts.granularity}`}
              days={ts.points.map((p) => p.start)}
              series={[
                { label: 'This period', values: ts.points.map((p) => p.value) },
                // The previous period, dashed, when it has listens to compare with (before the first listen it is all zeros).
                ...(before.data && before.data.points.length === ts.points.length && before.data.points.some((p) => p.value > 0)
                  ? [{ label: 'Previous period', values: before.data.points.map((p) => p.value), dashed: true }]
                  : []),
              ]}
            />
          )}
        </Loaded>
      </div>
    </ArtistLayout>
  );
}
