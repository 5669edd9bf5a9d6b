import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../connection.js';
import { LISTENER_WINDOWS_LOCK } from './listener-windows.queries.js';

/**
 * A track's listeners of each closed day kept as one array of user ordinals (track_day_sets; the 2026-12-07T0024
 * migration says why). Aggregation deletes the set of every track-day it changes and queues the day as pending, in
 * the statement that changes it (see applyEvents); compactTrackDays builds the sets of pending days once closed and
 * takes them off the list, in one statement. A read takes the sets in its range and the listener rows of its
 * pending days (today, one changed since, one the job has not reached), so every day is read exactly.
 */

/** Days this recent stay rows: today (UTC) still gets listens, and its sets would be rebuilt over and over. */
export const OPEN_DAYS = 1;

export const daySetQueries = {
  /**
   * The track's listener-days over [from, to] as a relation (day, u), u a user ordinal: the ordinals of its sets in
   * the range, and those of its listener rows on the range's pending days. A track-day with listener rows has a set
   * or is pending (see the migration); should it have both, distinct counts over the relation are the same.
   */
  trackListenerDays: (trackId: RawBuilder<string>, from: string, to: string) => sql`(
    SELECT s.day, unnest(s.users) AS u FROM track_day_sets s WHERE s.track_id = ${trackId} AND s.day BETWEEN ${from}::date AND ${to}::date
    UNION ALL
    -- From the pending days to their rows, so the rows of days with a set are never read (as a filter on the track's
    -- rows, the planner chose to read them all on the 1M set: 4.3 ms, not 0.7).
    SELECT p.day, us.ordinal FROM track_day_sets_pending p
    JOIN track_day_listeners l ON l.track_id = p.track_id AND l.day = p.day
    JOIN users us ON us.id = l.user_id
    WHERE p.track_id = ${trackId} AND p.day BETWEEN ${from}::date AND ${to}::date
  )`,

  /** Distinct listeners of the track `trackId` (a column or a value) over [from, to], as a scalar subquery. */
  trackListeners: (trackId: RawBuilder<string>, from: string, to: string) =>
    sql<string>`(SELECT count(DISTINCT u) FROM ${daySetQueries.trackListenerDays(trackId, from, to)} listener_days)`,

  /**
   * Builds the sets of up to `limit` pending track-days closed `OPEN_DAYS` ago or more, oldest first, and says how
   * many. Under the lock aggregation takes before it changes listener sets, so the rows a set is built from are
   * every committed change, and a change after it deletes the set again.
   */
  async compactTrackDays(db: Db, limit: number): Promise<number> {
    return db.transaction().execute(async (trx) => {
      await sql`SELECT ${LISTENER_WINDOWS_LOCK}`.execute(trx);
      const { rows } = await sql<{ compacted: string }>`
        WITH picked AS (
          DELETE FROM track_day_sets_pending p
          USING (SELECT track_id, day FROM track_day_sets_pending
                 WHERE day <= (now() AT TIME ZONE 'UTC')::date - ${OPEN_DAYS}::int
                 ORDER BY day, track_id LIMIT ${limit}) q
          WHERE p.track_id = q.track_id AND p.day = q.day
          RETURNING p.track_id, p.day
        ), built AS (
          INSERT INTO track_day_sets AS s (track_id, day, users)
          SELECT p.track_id, p.day, coalesce(array_agg(us.ordinal ORDER BY us.ordinal) FILTER (WHERE us.ordinal IS NOT NULL), '{}')
          FROM picked p
          LEFT JOIN (track_day_listeners l JOIN users us ON us.id = l.user_id) ON l.track_id = p.track_id AND l.day = p.day
          GROUP BY p.track_id, p.day
          ORDER BY p.track_id, p.day
          ON CONFLICT (track_id, day) DO UPDATE SET users = excluded.users
        )
        SELECT count(*) AS compacted FROM picked`.execute(trx);
      return Number(rows[0]?.compacted ?? 0);
    });
  },

  /**
   * compactTrackDays a batch of `limit` at a time until nothing closed is pending or `budgetMs` has passed; says how
   * many track-days it built.
   */
  async compactPending(db: Db, limit: number, budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
    const started = Date.now();
    let total = 0;
    for (;;) {
      const n = await daySetQueries.compactTrackDays(db, limit);
      total += n;
      if (n < limit || Date.now() - started >= budgetMs) return total;
    }
  },

  /**
   * Puts the given track-days back to rows: their sets go and they are queued for the compaction job, which builds
   * them again from the rows. The repair of days that driftedTrackDays found.
   */
  async repairTrackDays(db: Db, days: Array<{ track_id: string; day: string }>): Promise<void> {
    if (days.length === 0) return;
    const [tracks, dates] = [days.map((d) => d.track_id), days.map((d) => d.day)];
    await db.transaction().execute(async (trx) => {
      await sql`SELECT ${LISTENER_WINDOWS_LOCK}`.execute(trx);
      await sql`
        DELETE FROM track_day_sets s USING unnest(${tracks}::uuid[], ${dates}::date[]) AS r (track_id, day)
        WHERE s.track_id = r.track_id AND s.day = r.day`.execute(trx);
      await sql`
        INSERT INTO track_day_sets_pending (track_id, day) SELECT * FROM unnest(${tracks}::uuid[], ${dates}::date[]) ON CONFLICT DO NOTHING`.execute(trx);
    });
  },

  /** A page of track ids in order, after `after`: what the check walks. */
  async trackPage(db: Db, after: string | undefined, limit: number): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM tracks ${after === undefined ? sql`` : sql`WHERE id > ${after}::uuid`} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => r.id);
  },

  /**
   * The track-days of the tracks that a read would count wrong: a set that differs from the day's listener rows and
   * is not pending, or listener rows with neither a set nor a pending mark. None when all is as it should be.
   */
  async driftedTrackDays(db: Db, trackIds: string[]): Promise<Array<{ track_id: string; day: string }>> {
    if (trackIds.length === 0) return [];
    const { rows } = await sql<{ track_id: string; day: string }>`
      WITH rows_of AS (
        SELECT l.track_id, l.day, array_agg(us.ordinal ORDER BY us.ordinal) AS users
        FROM track_day_listeners l JOIN users us ON us.id = l.user_id
        WHERE l.track_id = ANY(${trackIds}::uuid[]) GROUP BY 1, 2
      ), sets AS (
        SELECT track_id, day, users FROM track_day_sets WHERE track_id = ANY(${trackIds}::uuid[])
      )
      SELECT coalesce(s.track_id, r.track_id) AS track_id, to_char(coalesce(s.day, r.day), 'YYYY-MM-DD') AS day
      FROM sets s FULL JOIN rows_of r ON r.track_id = s.track_id AND r.day = s.day
      WHERE s.users IS DISTINCT FROM coalesce(r.users, '{}')
        AND NOT EXISTS (SELECT 1 FROM track_day_sets_pending p WHERE p.track_id = coalesce(s.track_id, r.track_id) AND p.day = coalesce(s.day, r.day))
      ORDER BY 1, 2`.execute(db);
    return rows;
  },
};
