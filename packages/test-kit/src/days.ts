import { addDays } from '@chorus/insights';

/** The UTC day of an instant, 'YYYY-MM-DD'. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The `n` days ending on `end`, oldest first. */
export function daysEnding(end: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(end, i - (n - 1)));
}

const DAY_MS = 86_400_000;

/** The start (ms since the epoch) of the UTC day holding the instant `ms`. */
export function utcDayStart(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * Waits, only when it must, until the span from `backMs` ago to `aheadMs` from now lies within one UTC day, and
 * returns the time it then is. For a test whose listens (dated up to `backMs` back) and reads of "today" (for up to
 * `aheadMs`) must share one day: a run near midnight waits at most `backMs + aheadMs` for the new day.
 */
export async function oneUtcDay(
  backMs: number,
  aheadMs: number,
  clock: { now(): number; sleep(ms: number): Promise<unknown> } = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
): Promise<number> {
  const now = clock.now();
  const start = utcDayStart(now);
  if (now - backMs >= start && now + aheadMs < start + DAY_MS) return now;
  // The span reaches back into yesterday (wait until it no longer does) or on into tomorrow (wait for tomorrow, then the same).
  const wake = now - backMs < start ? start + backMs : start + DAY_MS + backMs;
  await clock.sleep(wake - now + 1);
  return clock.now();
}
