/**
 * Connected listeners at the end of given days from per-day changes (connectionStatsQueries.connectedDeltas):
 * the sum of the changes on or before each day. `days` in any order; changes of days after the last are ignored.
 */
export function levelsAt(deltas: ReadonlyArray<{ day: string; delta: number }>, days: readonly string[]): Map<string, number> {
  const changes = [...deltas].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out = new Map<string, number>();
  let level = 0;
  let i = 0;
  for (const day of [...days].sort()) {
    for (; i < changes.length && changes[i]!.day <= day; i++) level += changes[i]!.delta;
    out.set(day, level);
  }
  return out;
}
