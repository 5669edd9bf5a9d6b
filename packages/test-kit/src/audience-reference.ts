import type { AudienceDimension, AudienceSums } from '@chorus/db';

/** One row of artist_day_listeners: a listener's streams of the artist on one day, with their profile that day. */
export interface ListenerDay {
  day: string;
  user: string;
  streams: number;
  country: string;
  age: string;
  gender: string;
}

const valueIn = (r: ListenerDay, dimension: AudienceDimension) => (dimension === 'country' ? r.country : dimension === 'age' ? r.age : r.gender);

/**
 * The rule, written again from its statement and not from the SQL: per day, cells are taken smallest first
 * (listeners, streams, value in byte order); every cell under k is hidden, then more cells while the hidden ones
 * are fewer than two or hold fewer than k listeners. A value's numbers come from its shown day-cells only.
 */
export function referenceAudience(rows: readonly ListenerDay[], dimension: AudienceDimension, from: string, to: string, k: number): AudienceSums {
  const inRange = rows.filter((r) => r.day >= from && r.day <= to);
  const byDay = new Map<string, Map<string, { value: string; listeners: number; streams: number }>>();
  for (const r of inRange) {
    const cells = byDay.get(r.day) ?? new Map();
    const value = valueIn(r, dimension);
    const cell = cells.get(value) ?? { value, listeners: 0, streams: 0 };
    cell.listeners++;
    cell.streams += r.streams;
    cells.set(value, cell);
    byDay.set(r.day, cells);
  }
  const hidden = new Set<string>();
  for (const [d, cells] of byDay) {
    const ordered = [...cells.values()].sort((a, b) => a.listeners - b.listeners || a.streams - b.streams || (a.value < b.value ? -1 : 1));
    const under = ordered.filter((c) => c.listeners < k).length;
    if (under === 0) continue;
    let held = 0;
    for (const [i, c] of ordered.entries()) {
      if (i >= under && i >= 2 && held >= k) break;
      hidden.add(`${d}|${c.value}`);
      held += c.listeners;
    }
  }
  const shown = (r: ListenerDay) => !hidden.has(`${r.day}|${valueIn(r, dimension)}`);
  const values = new Map<string, { users: Set<string>; streams: number }>();
  const seen = new Set<string>();
  const shownUsers = new Set<string>();
  let streams = 0;
  let hiddenStreams = 0;
  for (const r of inRange) {
    seen.add(r.user);
    streams += r.streams;
    if (!shown(r)) {
      hiddenStreams += r.streams;
      continue;
    }
    shownUsers.add(r.user);
    const v = values.get(valueIn(r, dimension)) ?? { users: new Set(), streams: 0 };
    v.users.add(r.user);
    v.streams += r.streams;
    values.set(valueIn(r, dimension), v);
  }
  return {
    cells: [...values].map(([value, v]) => ({ value, listeners: v.users.size, streams: v.streams })),
    total_listeners: seen.size,
    total_streams: streams,
    unattributed_listeners: seen.size - shownUsers.size,
    unattributed_streams: hiddenStreams,
  };
}
