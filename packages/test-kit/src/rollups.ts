import { type Db, daySetQueries, listenerWindowQueries } from '@chorus/db';
import { sql } from 'kysely';

/** Adds streams to artist_daily (what aggregation would have written). */
export async function writeArtistDays(db: Db, artistId: string, days: Array<{ day: string; streams: number }>) {
  if (days.length === 0) return;
  await sql`
    INSERT INTO artist_daily AS r (artist_id, day, streams)
    SELECT ${artistId}::uuid, d.day, d.streams FROM unnest(${days.map((d) => d.day)}::date[], ${days.map((d) => d.streams)}::int8[]) AS d (day, streams)
    ON CONFLICT (artist_id, day) DO UPDATE SET streams = r.streams + excluded.streams`.execute(db);
}

/** Adds streams per listener country to artist_daily_breakdown. */
export async function writeMarketDays(db: Db, artistId: string, rows: Array<{ day: string; market: string; streams: number }>) {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO artist_daily_breakdown AS r (artist_id, dimension, day, value, streams)
    SELECT ${artistId}::uuid, 'country', d.day, d.market, d.streams
    FROM unnest(${rows.map((d) => d.day)}::date[], ${rows.map((d) => d.market)}::text[], ${rows.map((d) => d.streams)}::int8[]) AS d (day, market, streams)
    ON CONFLICT (artist_id, dimension, day, value) DO UPDATE SET streams = r.streams + excluded.streams`.execute(db);
}

/** A row for writeListeners; age bracket and streams default to '25-34' and 1, gender is 'unknown'. */
export interface NewListenerDay {
  day: string;
  user_id: string;
  country: string;
  age_bracket?: string;
  streams?: number;
}

/**
 * Adds rows to the exact listener sets (artist_day_listeners), as aggregation would leave them: their listeners are
 * users (made here when missing, as listeners of no other consequence), and the days are pending for the
 * compaction job (their audience cells are read from these rows until it runs).
 */
export async function writeListeners(db: Db, artistId: string, rows: NewListenerDay[]) {
  const users = [...new Set(rows.map((r) => r.user_id))];
  await sql`
    INSERT INTO users (id, email, password_hash, display_name, country, roles)
    SELECT id, id || '@listeners.example.test', '!', 'Listener', 'SE', '{}' FROM unnest(${users}::uuid[]) AS u (id)
    ON CONFLICT DO NOTHING`.execute(db);
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    await sql`
      INSERT INTO artist_day_listeners (artist_id, day, user_id, streams, country, age_bracket, gender)
      SELECT ${artistId}::uuid, d.day, d.user_id, d.streams, d.country, d.age_bracket, 'unknown'
      FROM unnest(${chunk.map((r) => r.day)}::date[], ${chunk.map((r) => r.user_id)}::uuid[], ${chunk.map((r) => r.streams ?? 1)}::int[],
                  ${chunk.map((r) => r.country)}::text[], ${chunk.map((r) => r.age_bracket ?? '25-34')}::text[]) AS d (day, user_id, streams, country, age_bracket)
      ON CONFLICT DO NOTHING`.execute(db);
  }
  // Aggregation keeps the window deltas with the sets; rows written here get theirs from the sets.
  await listenerWindowQueries.rebuild(db, [artistId]);
  const days = [...new Set(rows.map((r) => r.day))];
  await daySetQueries.repairArtistDays(
    db,
    days.map((day) => ({ artist_id: artistId, day })),
  );
}
