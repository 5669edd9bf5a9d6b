import { type Db, foldText, uuidv7 } from '@chorus/db';
import { addDays } from '@chorus/insights';
import { sql } from 'kysely';

export { mulberry32, poisson } from '../../../packages/insights/test/support/random.js';

/** Inserts an artist with one release and the given tracks; returns their ids. */
export async function createArtist(db: Db, name: string, trackTitles: string[] = []) {
  const id = uuidv7();
  await db.insertInto('artists').values({ id, name, name_folded: foldText(name), bio: null, country: null, genres: [] }).execute();
  const releaseId = uuidv7();
  await db
    .insertInto('releases')
    .values({ id: releaseId, artist_id: id, title: `${name} LP`, title_folded: foldText(`${name} LP`), type: 'album', release_date: '2026-01-01' })
    .execute();
  const tracks: Array<{ id: string; title: string }> = [];
  for (const [i, title] of trackTitles.entries()) {
    const trackId = uuidv7();
    await db
      .insertInto('tracks')
      .values({ id: trackId, release_id: releaseId, artist_id: id, title, title_folded: foldText(title), isrc: null, duration_ms: 200_000, release_date: '2026-01-01', track_number: i + 1 })
      .execute();
    tracks.push({ id: trackId, title });
  }
  return { id, name, tracks };
}

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

export interface ListenerDay {
  day: string;
  user_id: string;
  country: string;
  age_bracket?: string;
  streams?: number;
}

/** Adds rows to the exact listener sets (artist_day_listeners). */
export async function writeListeners(db: Db, artistId: string, rows: ListenerDay[]) {
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    await sql`
      INSERT INTO artist_day_listeners (artist_id, day, user_id, streams, country, age_bracket, gender)
      SELECT ${artistId}::uuid, d.day, d.user_id, d.streams, d.country, d.age_bracket, 'unknown'
      FROM unnest(${chunk.map((r) => r.day)}::date[], ${chunk.map((r) => r.user_id)}::uuid[], ${chunk.map((r) => r.streams ?? 1)}::int[],
                  ${chunk.map((r) => r.country)}::text[], ${chunk.map((r) => r.age_bracket ?? '25-34')}::text[]) AS d (day, user_id, streams, country, age_bracket)
      ON CONFLICT DO NOTHING`.execute(db);
  }
}

/** The `n` days ending on `end`, oldest first. */
export function daysEnding(end: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(end, i - (n - 1)));
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Stored insights of an artist, oldest first. */
export function insightsOf(db: Db, artistId: string) {
  return db.selectFrom('insights').selectAll().where('artist_id', '=', artistId).orderBy('created_at').orderBy('id').execute();
}

/** Polls until `check` is true. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
