import { changeReason, formatChange } from './format.js';

interface Measure {
  value: number | null;
  previous: number | null;
  change: number | null;
  change_reason: string | null;
}

/** A headline number with its change against the previous period of the same length. */
export function Stat({ label, measure, format, testId }: { label: string; measure: Measure; format: (value: number | null) => string; testId?: string }) {
  const up = (measure.change ?? 0) > 0;
  const down = (measure.change ?? 0) < 0;
  return (
    <div class="stat" data-testid={testId}>
      <div class="stat-label">{label}</div>
      <div class="stat-value" data-value={measure.value ?? ''}>
        {format(measure.value)}
      </div>
      <div class={`stat-change ${up ? 'up' : down ? 'down' : ''}`}>
        {measure.change !== null ? (
          <>
            <span aria-hidden="true">{up ? '▲' : down ? '▼' : '■'}</span> {formatChange(measure.change)}
            <span class="muted"> vs {format(measure.previous)} before</span>
          </>
        ) : (
          <span class="muted">{changeReason(measure.change_reason) || 'no comparison'}</span>
        )}
      </div>
    </div>
  );
}

/** The fields of a statistics answer that are measures. */
export type MeasureKey<T> = { [K in keyof T]: T[K] extends Measure ? K : never }[keyof T] & string;

/** One number of a stats row: which measure of the answer, in what words and format. */
export interface StatSpec<K extends string> {
  key: K;
  label: string;
  format: (value: number | null) => string;
  testId: string;
}

/** A row of headline numbers, one per spec, from the measures of one statistics answer. */
export function StatsRow<K extends string>({ measures, stats }: { measures: Record<K, Measure>; stats: ReadonlyArray<StatSpec<K>> }) {
  return (
    <div class="stats-row">
      {stats.map((s) => (
        <Stat key={s.key} testId={s.testId} label={s.label} measure={measures[s.key]} format={s.format} />
      ))}
    </div>
  );
}
