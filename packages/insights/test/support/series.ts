import type { DailyPoint } from '../../src/index.js';
import { addDays } from '../../src/index.js';

/** A daily series starting on `start` with the given values. */
export function seriesFrom(start: string, values: readonly number[]): DailyPoint[] {
  return values.map((value, i) => ({ day: addDays(start, i), value }));
}
