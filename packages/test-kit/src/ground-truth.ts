import type { Db } from '@chorus/db';
import { utcDay } from './days.js';

/** A matched listen as the rollups see it: who, what, when, how long, from where, with the listener's profile. */
export interface TruthEvent {
  user_id: string;
  track_id: string;
  artist_id: string;
  listened_at: Date;
  ms_played: number;
  country: string;
  age_bracket: string;
  gender: string;
  context_type: string;
  context_id: string | null;
  platform: string;
}

/** The rollups as they must be, computed in plain JavaScript from the raw events (not from SQL). */
export function groundTruth(events: TruthEvent[]) {
  const artistDaily = new Map<string, { streams: number; skips: number; ms_played: number }>();
  const trackDaily = new Map<string, { streams: number; skips: number; ms_played: number }>();
  const breakdown = new Map<string, number>();
  const artistListeners = new Map<string, number>();
  const trackListeners = new Map<string, number>();
  const playlist = new Map<string, number>();
  const bump = (m: Map<string, { streams: number; skips: number; ms_played: number }>, k: string, e: TruthEvent) => {
    const v = m.get(k) ?? { streams: 0, skips: 0, ms_played: 0 };
    if (e.ms_played >= 30_000) v.streams++;
    else v.skips++;
    v.ms_played += e.ms_played;
    m.set(k, v);
  };
  for (const e of events) {
    const d = utcDay(e.listened_at);
    bump(artistDaily, `${e.artist_id}|${d}`, e);
    bump(trackDaily, `${e.track_id}|${d}`, e);
    if (e.ms_played < 30_000) continue;
    for (const [dim, value] of [
      ['country', e.country],
      ['age', e.age_bracket],
      ['gender', e.gender],
      ['source', e.context_type],
      ['platform', e.platform],
    ] as const) {
      const k = `${e.artist_id}|${d}|${dim}|${value}`;
      breakdown.set(k, (breakdown.get(k) ?? 0) + 1);
    }
    const ak = `${e.artist_id}|${d}|${e.user_id}`;
    artistListeners.set(ak, (artistListeners.get(ak) ?? 0) + 1);
    const tk = `${e.track_id}|${d}|${e.user_id}`;
    trackListeners.set(tk, (trackListeners.get(tk) ?? 0) + 1);
    if (e.context_id && ['own_playlist', 'playlist', 'collaborative_playlist'].includes(e.context_type)) {
      const pk = `${e.artist_id}|${d}|${e.context_id}|${e.track_id}`;
      playlist.set(pk, (playlist.get(pk) ?? 0) + 1);
    }
  }
  return { artistDaily, trackDaily, breakdown, artistListeners, trackListeners, playlist };
}

/** The matched raw events as stored, in groundTruth's shape (read back so the truth does not trust the rollups). */
export async function rawEvents(db: Db): Promise<TruthEvent[]> {
  const rows = await db.selectFrom('listens').selectAll().where('track_id', 'is not', null).execute();
  return rows.map((r) => ({
    user_id: r.user_id,
    track_id: r.track_id!,
    artist_id: r.artist_id!,
    listened_at: r.listened_at,
    ms_played: r.ms_played,
    country: r.country,
    age_bracket: r.age_bracket,
    gender: r.gender,
    context_type: r.context_type,
    context_id: r.context_id,
    platform: r.platform,
  }));
}

/** The rollups as stored, in the same shapes as groundTruth (rows that count nothing are left out). */
export async function storedRollups(db: Db) {
  const nonzero = <T extends { streams: number; skips: number; ms_played: number }>(v: T) => v.streams !== 0 || v.skips !== 0 || v.ms_played !== 0;
  const artistDaily = new Map(
    (await db.selectFrom('artist_daily').select(['artist_id', 'day', 'streams', 'skips', 'ms_played']).execute())
      .filter(nonzero)
      .map((r) => [`${r.artist_id}|${r.day}`, { streams: r.streams, skips: r.skips, ms_played: r.ms_played }]),
  );
  const trackDaily = new Map(
    (await db.selectFrom('track_daily').select(['track_id', 'day', 'streams', 'skips', 'ms_played']).execute())
      .filter(nonzero)
      .map((r) => [`${r.track_id}|${r.day}`, { streams: r.streams, skips: r.skips, ms_played: r.ms_played }]),
  );
  const breakdown = new Map(
    (await db.selectFrom('artist_daily_breakdown').selectAll().where('streams', '<>', 0).execute()).map((r) => [
      `${r.artist_id}|${r.day}|${r.dimension}|${r.value}`,
      r.streams,
    ]),
  );
  const listenerRows = await db.selectFrom('artist_day_listeners').selectAll().execute();
  // Streams by age bracket and gender are read from the listener sets, whose rows carry the listener's profile.
  for (const r of listenerRows) {
    for (const [dimension, value] of [
      ['age', r.age_bracket],
      ['gender', r.gender],
    ] as const) {
      const k = `${r.artist_id}|${r.day}|${dimension}|${value}`;
      breakdown.set(k, (breakdown.get(k) ?? 0) + r.streams);
    }
  }
  const artistListeners = new Map(listenerRows.map((r) => [`${r.artist_id}|${r.day}|${r.user_id}`, r.streams]));
  const trackListeners = new Map(
    (await db.selectFrom('track_day_listeners').selectAll().execute()).map((r) => [`${r.track_id}|${r.day}|${r.user_id}`, r.streams]),
  );
  const playlist = new Map(
    (await db.selectFrom('playlist_context_daily').selectAll().where('streams', '<>', 0).execute()).map((r) => [
      `${r.artist_id}|${r.day}|${r.context_id}|${r.track_id}`,
      r.streams,
    ]),
  );
  return { artistDaily, trackDaily, breakdown, artistListeners, trackListeners, playlist };
}

/** Plain objects, sorted, for t.same comparisons with readable diffs. */
export function sorted<V>(m: Map<string, V>): Record<string, V> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
