import type { DailyPoint } from './types.js';
import { addDays } from './stats.js';

/** Sum of the series over the inclusive day range [from, to]; missing days count as zero. */
export function sumRange(series: readonly DailyPoint[], from: string, to: string): number {
  // 'YYYY-MM-DD' strings order lexicographically like dates, so no parsing is needed per point.
  let sum = 0;
  for (const p of series) if (p.day >= from && p.day <= to) sum += p.value;
  return sum;
}

/** The inclusive [from, to] window of `days` days ending on `end`. */
export function windowEnding(end: string, days: number): [string, string] {
  return [addDays(end, -(days - 1)), end];
}
