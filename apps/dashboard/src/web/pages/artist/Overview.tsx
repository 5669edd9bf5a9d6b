import { useState } from 'preact/hooks';
import { api, unwrapJson, useApi, useEventStream } from '../../api.js';
import { TimeChart } from '../../components/Chart.js';
import { Options } from '../../components/controls.js';
import { formatDuration, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Stat } from '../../components/Stat.js';
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

interface LiveCount {
  day: string;
  streams: number;
  at: string;
}

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

  const [live, setLive] = useState<LiveCount | null>(null);
  const liveState = useEventStream(`/v1/artists/${encodeURIComponent(id)}/stats/live`, (_type, data) => setLive(data as LiveCount), ['streams']);

  return (
    <ArtistLayout id={id} title="Overview" actions={<RangePicker />}>
      <div class="live-strip" aria-live="polite">
        <span class={`live-dot ${liveState}`} aria-hidden="true" />
        <span>
          Today (UTC), live:{' '}
          <strong data-testid="live-streams" data-value={live?.streams ?? ''}>
            {live ? formatNumber(live.streams) : '…'}
          </strong>{' '}
          streams
        </span>
        <span class="muted small">
          {liveState === 'live' ? 'updates within seconds of a listen' : liveState === 'connecting' ? 'connecting…' : 'reconnecting…'}
        </span>
      </div>
      <Loaded state={stats} label="Loading statistics">
        {(s) => (
          <>
            <div class="stats-row">
              <Stat testId="stat-streams" label="Streams" measure={s.streams} format={formatNumber} />
              <Stat testId="stat-listeners" label="Listeners" measure={s.listeners} format={formatNumber} />
              <Stat testId="stat-saves" label="Saves" measure={s.saves} format={formatNumber} />
              <Stat testId="stat-skip-rate" label="Skip rate" measure={s.skip_rate} format={formatPercent} />
              <Stat testId="stat-playlist-adds" label="Playlist adds" measure={s.playlist_adds} format={formatNumber} />
            </div>
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
