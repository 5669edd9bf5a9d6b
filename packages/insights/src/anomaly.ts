import { formatDate } from './format.js';
import { formatInt, mad, median } from './stats.js';
import type { DailyPoint, InsightCandidate, Severity, Subject } from './types.js';

export interface AnomalyInput {
  subject: Subject;
  /** Daily streams, ascending and zero-filled. */
  series: readonly DailyPoint[];
  /** Day to test (default: the last day of the series). */
  day?: string;
  /** Baseline length in days before `day` (default 28). */
  window?: number;
  /** |robust z| at or above which the day is flagged (default 3.5). */
  threshold?: number;
}

/** Normal-consistent scale factor for the MAD. */
const MAD_SCALE = 1.4826;
/** Below this baseline median the counts are too small for a rate to mean anything. */
const MIN_BASELINE_MEDIAN = 5;
/** Weekday-aware expectations need at least three weeks of history. */
const MIN_SEASONAL_BASELINE = 21;
const MIN_BASELINE = 7;

function anomalySeverity(absZ: number): Severity {
  if (absZ >= 10) return 'major';
  if (absZ >= 6) return 'notable';
  return 'info';
}

/** Flags a spike or drop on one day by robust z-score (median/MAD) against the preceding window, weekday-adjusted. */
export function detectAnomaly(input: AnomalyInput): InsightCandidate[] {
  const { subject, series } = input;
  const window = input.window ?? 28;
  const threshold = input.threshold ?? 3.5;
  if (series.length === 0) return [];
  const day = input.day ?? series[series.length - 1]!.day;
  const idx = series.findIndex((p) => p.day === day);
  if (idx < 0) return [];
  const baseline = series.slice(Math.max(0, idx - window), idx).map((p) => p.value);
  if (baseline.length < MIN_BASELINE) return [];
  const baselineMedian = median(baseline);
  if (baselineMedian < MIN_BASELINE_MEDIAN) return [];

  const value = series[idx]!.value;
  const seasonal = baseline.length >= MIN_SEASONAL_BASELINE;
  const len = baseline.length;
  // Baseline index i is (len - i) days before the tested day, so the same weekday means (len - i) % 7 === 0.
  const samePhase = (i: number, j: number): boolean => (i - j) % 7 === 0;
  let expected: number;
  let residuals: number[];
  if (seasonal) {
    expected = median(baseline.filter((_, i) => (len - i) % 7 === 0));
    // Leave-one-out residuals: each baseline day against its other same-weekday days, so the spread is
    // measured out of sample just like the tested day's deviation is.
    residuals = baseline.map((v, i) => v - median(baseline.filter((_, j) => j !== i && samePhase(i, j))));
  } else {
    expected = baselineMedian;
    residuals = baseline.map((v) => v - baselineMedian);
  }
  const spread = mad(residuals);
  // A flat baseline has MAD 0; the floor keeps tiny wiggles on steady series from scoring as infinite.
  const scale = MAD_SCALE * Math.max(spread, 1, 0.05 * baselineMedian);
  // Same-weekday expectations keep a regular weekend dip from reading as a drop.
  const z = (value - expected) / scale;
  if (Math.abs(z) < threshold) return [];

  const direction = z > 0 ? 'spike' : 'drop';
  const zText = z.toFixed(1);
  const versus = seasonal ? `a typical ${formatInt(expected)} for that weekday` : `a typical ${formatInt(expected)}`;
  return [
    {
      type: 'anomaly',
      severity: anomalySeverity(Math.abs(z)),
      title: `Unusual ${direction} in streams of ${subject.name} on ${formatDate(day)}`,
      body: `${subject.name} had ${formatInt(value)} streams on ${formatDate(day)}, against ${versus} over the previous ${baseline.length} days (robust z ${zText}).`,
      evidence: {
        day,
        value,
        expected,
        direction,
        z,
        threshold,
        mad: spread,
        scale,
        baseline_median: baselineMedian,
        baseline_days: baseline.length,
        weekday_adjusted: seasonal,
      },
      dedupe_key: `anomaly:${day}:${direction}`,
      subject,
    },
  ];
}
