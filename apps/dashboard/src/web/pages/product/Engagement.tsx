import { useState } from 'preact/hooks';
import { api, type Json, unwrap, unwrapJson, useApi } from '../../api.js';
import { TimeChart } from '../../components/Chart.js';
import { Options } from '../../components/controls.js';
import { formatDuration, formatHours, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { type MeasureKey, type StatSpec, StatsRow } from '../../components/Stat.js';
import { Empty, Loaded } from '../../components/States.js';
import { PanelHead } from '../../components/PanelHead.js';
import { Period, ProductLayout, useInsightKey } from './ProductLayout.js';

const DAILY = [
  { value: 'dau', label: 'Daily active listeners' },
  { value: 'streams', label: 'Streams' },
  { value: 'skips', label: 'Skips' },
  { value: 'hours', label: 'Hours played' },
] as const;
type Daily = (typeof DAILY)[number]['value'];

const formatRatio = (value: number | null) => (value === null ? '–' : value.toLocaleString('en', { maximumFractionDigits: 1 }));

const STATS: ReadonlyArray<StatSpec<MeasureKey<Json<'getInsightsProductEngagement'>>>> = [
  { key: 'dau', testId: 'stat-dau', label: 'Daily active (last day)', format: formatNumber },
  { key: 'wau', testId: 'stat-wau', label: 'Weekly active', format: formatNumber },
  { key: 'mau', testId: 'stat-mau', label: 'Monthly active', format: formatNumber },
  { key: 'stickiness', testId: 'stat-stickiness', label: 'Stickiness (DAU / MAU)', format: formatPercent },
  { key: 'active_listeners', testId: 'stat-active-listeners', label: 'Active listeners in range', format: formatNumber },
  { key: 'average_dau', testId: 'stat-average-dau', label: 'Average daily active', format: formatRatio },
  { key: 'streams_per_active_listener', testId: 'stat-streams-per-listener', label: 'Streams per active listener', format: formatRatio },
  { key: 'skip_rate', testId: 'stat-skip-rate', label: 'Skip rate', format: formatPercent },
];

/** How many listen and how much: active listeners, stickiness, streams per listener, skip rate, and each day. */
export function Engagement() {
  const range = useRange();
  const [daily, setDaily] = useState<Daily>('dau');
  const engagement = useApi(useInsightKey(`product/engagement/${range.key}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/engagement', { params: { query: { ...range.query, format: 'json' } } })),
  );
  const name = DAILY.find((m) => m.value === daily)!.label;
  return (
    <ProductLayout title="Engagement" intro="Who listens, how often and how much, across Chorus." actions={<RangePicker />}>
      <section aria-labelledby="engagement-title">
        <PanelHead
          id="engagement-title"
          title="Listeners"
          csv={{
            what: 'engagement',
            filename: `engagement-${range.key}.csv`,
            load: async () =>
              unwrap(await api.GET('/v1/insights/product/engagement', { params: { query: { ...range.query, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
        <Loaded state={engagement} label="Loading engagement">
          {(e) => (
            <>
              <StatsRow measures={e} stats={STATS} />
              <Period from={e.from} to={e.to} previousFrom={e.previous_from} previousTo={e.previous_to} />
              <p class="muted small">
                Daily, weekly and monthly active count distinct listeners with a stream (a play of at least 30 seconds) on the range's last day and the 7 and 28
                days ending there. Listening time in the range: {formatDuration(e.daily.reduce((sum, d) => sum + d.ms_played, 0))}.
              </p>
              {e.active_listeners.value === 0 ? (
                <Empty title="Nobody listened in this range.">Pick a longer range: listening counts here within seconds of being submitted.</Empty>
              ) : null}
            </>
          )}
        </Loaded>
      </section>
      <section class="card" aria-labelledby="daily-title">
        <PanelHead id="daily-title" title="Day by day">
          <label>
            Show{' '}
            <select value={daily} onChange={(event) => setDaily(event.currentTarget.value as Daily)}>
              <Options list={DAILY} />
            </select>
          </label>
        </PanelHead>
        <Loaded state={engagement} label="Loading the chart">
          {(e) => (
            <TimeChart
              title={`${name} per day`}
              days={e.daily.map((d) => d.day)}
              series={[{ label: name, values: e.daily.map((d) => (daily === 'hours' ? d.ms_played / 3_600_000 : d[daily])) }]}
              format={daily === 'hours' ? formatHours : formatNumber}
            />
          )}
        </Loaded>
      </section>
    </ProductLayout>
  );
}
