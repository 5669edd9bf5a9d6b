import { sql } from 'kysely';
import type { Db } from '../connection.js';

/** A listen as the ListenBrainz read API shows it: the names the client gave, else the catalog's. */
export interface LbListenRow {
  listened_at: Date;
  received_at: Date;
  artist_name: string | null;
  track_name: string | null;
  release_name: string | null;
  isrc: string | null;
  duration_ms: number | null;
  client: string | null;
}

/** Reads behind the ListenBrainz-compatible API: listeners by handle, their listens, and import marks. */
export const listenbrainzQueries = {
  /** The listener with this handle (handles are stored lower-case), with whether their listens are public. */
  userByHandle: (db: Db, handle: string) => db.selectFrom('users').select(['id', 'handle', 'listens_public']).where('handle', '=', handle).executeTakeFirst(),

  handleOf: async (db: Db, userId: string) => (await db.selectFrom('users').select('handle').where('id', '=', userId).executeTakeFirst())?.handle ?? null,

  /**
   * Up to `limit` listens of one listener strictly inside (after, before) (either bound may be absent), newest
   * first. With only `after`, the ones right after it (ListenBrainz pages forward that way). The primary key
   * (user_id, listened_at, track_key) serves both directions.
   */
  async listens(db: Db, userId: string, range: { after: Date | null; before: Date | null; limit: number }): Promise<LbListenRow[]> {
    if (range.limit <= 0) return [];
    const forward = range.after !== null && range.before === null;
    let q = db
      .selectFrom('listens as l')
      .leftJoin('tracks as t', 't.id', 'l.track_id')
      .leftJoin('artists as a', 'a.id', 't.artist_id')
      .leftJoin('releases as r', 'r.id', 't.release_id')
      .select([
        'l.listened_at',
        'l.received_at',
        sql<string | null>`coalesce(l.artist_name, a.name)`.as('artist_name'),
        sql<string | null>`coalesce(l.track_name, t.title)`.as('track_name'),
        sql<string | null>`CASE WHEN l.track_name IS NULL THEN coalesce(l.release_name, r.title) ELSE l.release_name END`.as('release_name'),
        'l.isrc',
        sql<number | null>`coalesce(l.duration_ms, t.duration_ms)`.as('duration_ms'),
        'l.client',
      ])
      .where('l.user_id', '=', userId);
    if (range.after) q = q.where('l.listened_at', '>', range.after);
    if (range.before) q = q.where('l.listened_at', '<', range.before);
    const direction = forward ? 'asc' : 'desc';
    const rows = await q.orderBy('l.listened_at', direction).orderBy('l.track_key', direction).limit(range.limit).execute();
    return forward ? rows.reverse() : rows;
  },

  /** How many listens a listener has, and their oldest and newest times (null when none). */
  async listenStats(db: Db, userId: string): Promise<{ count: number; oldest: Date | null; latest: Date | null }> {
    const { rows } = await sql<{ count: number; oldest: Date | null; latest: Date | null }>`
      SELECT count(*)::int AS count, min(listened_at) AS oldest, max(listened_at) AS latest FROM listens WHERE user_id = ${userId}`.execute(db);
    return rows[0] ?? { count: 0, oldest: null, latest: null };
  },

  /** A listener's latest-import mark for a service, in unix seconds; 0 when none was set. */
  async latestImport(db: Db, userId: string, service: string): Promise<number> {
    const row = await db
      .selectFrom('listen_import_marks')
      .select('latest_import')
      .where('user_id', '=', userId)
      .where('service', '=', service)
      .executeTakeFirst();
    return row?.latest_import ?? 0;
  },

  /** Raises a listener's latest-import mark for a service to `ts` (it never moves back). */
  raiseLatestImport: (db: Db, userId: string, service: string, ts: number) =>
    sql`
      INSERT INTO listen_import_marks AS m (user_id, service, latest_import) VALUES (${userId}, ${service}, ${ts})
      ON CONFLICT (user_id, service) DO UPDATE SET latest_import = excluded.latest_import, updated_at = now()
      WHERE m.latest_import < excluded.latest_import`.execute(db),
};
