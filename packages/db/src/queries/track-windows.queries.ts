import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../connection.js';
import { type DeltaShape, daysIn, LISTENER_WINDOW_DAYS, LISTENER_WINDOWS_LOCK, upsertWindowDeltas, windowDeltas } from './listener-windows.queries.js';

/**
 * A track's distinct listeners over windows of 28, 90 and 365 days, kept as deltas by the compaction job from the
 * track's day sets (the 2026-12-08T0033 migration says why, and what the three tables hold). The job folds a
 * track's days in order, once their sets are built and no earlier day of the track is pending; the days after the
 * folded ones (today, and any a pending day holds back) are counted at read time, each listener looked up in
 * track_listener_last. So aggregation writes nothing for them.
 */

/** The deltas' table, keys and lengths: the artists' but a week, which the day sets count as fast (the migration). */
export const TRACK_WINDOWS: DeltaShape = { table: 'track_listener_windows', keys: ['track_id'], lengths: LISTENER_WINDOW_DAYS.filter((days) => days > 7) };

/**
 * The listener-days of the tracks `ids` that a fold adds, as pieces (track_id, day, u, prev, weight) for
 * windowDeltas: each track's day sets after its folded ones (all of them for a track not folded) and before its
 * first pending day, each after the listener's previous folded or added day.
 */
const foldPieces = (ids: string[]) => sql`(
  -- The last folded day by key for each listener of the new days (few), not a join the planner may hash whole.
  SELECT d.track_id, d.day, d.u,
         coalesce(lag(d.day) OVER (PARTITION BY d.track_id, d.u ORDER BY d.day),
                  (SELECT l.day FROM track_listener_last l WHERE l.track_id = d.track_id AND l.user_ordinal = d.u)) AS prev,
         1 AS weight
  FROM (
    SELECT s.track_id, s.day, u
    FROM unnest(${ids}::uuid[]) t (track_id)
    LEFT JOIN track_windows_folded f ON f.track_id = t.track_id
    JOIN track_day_sets s ON s.track_id = t.track_id AND s.day > coalesce(f.through, '-infinity'::date)
      AND NOT EXISTS (SELECT 1 FROM track_day_sets_pending p WHERE p.track_id = t.track_id AND p.day <= s.day)
    CROSS JOIN LATERAL unnest(s.users) u
  ) d)`;

/**
 * The tracks among `ids` whose folded days are all as they were folded: none of them pending again. A track with
 * one is folded again by the job once the day's set is built, and reads do not use its windows meanwhile.
 */
const settled = (ids: string[]) => sql`(
  SELECT f.track_id, f.through FROM track_windows_folded f
  WHERE f.track_id = ANY(${ids}::uuid[])
    AND NOT EXISTS (SELECT 1 FROM track_day_sets_pending p WHERE p.track_id = f.track_id AND p.day <= f.through))`;

/** What the kept state of settled tracks should be, from their folded day sets alone: pieces from scratch, for the check. */
const piecesFromScratch = (ids: string[]) => sql`(
  SELECT s.track_id, s.day, u, lag(s.day) OVER (PARTITION BY s.track_id, u ORDER BY s.day) AS prev, 1 AS weight
  FROM ${settled(ids)} f JOIN track_day_sets s ON s.track_id = f.track_id AND s.day <= f.through
  CROSS JOIN LATERAL unnest(s.users) u)`;

/** Forgets what is folded of the tracks `ids` (a fold after it starts from their first day). */
async function forget(db: Db, ids: string[]): Promise<void> {
  await sql`
    WITH windows AS (DELETE FROM track_listener_windows WHERE track_id = ANY(${ids}::uuid[])),
         last AS (DELETE FROM track_listener_last WHERE track_id = ANY(${ids}::uuid[]))
    DELETE FROM track_windows_folded WHERE track_id = ANY(${ids}::uuid[])`.execute(db);
}

/**
 * Folds the day sets of the tracks `ids` that are ready (built, after the folded ones, before any pending day) into
 * their kept windows, one statement. The listeners' previous days are the last folded ones, read in the statement's
 * snapshot, before it moves them on.
 */
async function fold(db: Db, ids: string[]): Promise<void> {
  await sql`
    WITH pieces AS MATERIALIZED ${foldPieces(ids)},
    deltas AS (${upsertWindowDeltas(sql`pieces`, TRACK_WINDOWS)}),
    last AS (
      INSERT INTO track_listener_last AS l (track_id, user_ordinal, day)
      SELECT track_id, u, max(day) FROM pieces GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (track_id, user_ordinal) DO UPDATE SET day = excluded.day
    )
    INSERT INTO track_windows_folded AS f (track_id, through)
    SELECT track_id, max(day) FROM pieces GROUP BY 1 ORDER BY 1
    ON CONFLICT (track_id) DO UPDATE SET through = excluded.through`.execute(db);
}

export const trackWindowQueries = {
  /**
   * What the compaction job does after building the sets of `picked` track-days, in its transaction (under the
   * lock aggregation takes): a track with a picked day it had folded before (a day that changed since) is
   * folded again from its first day; then every picked track folds the days that are ready.
   */
  async afterCompaction(trx: Db, picked: ReadonlyArray<{ id: string; day: string }>): Promise<void> {
    if (picked.length === 0) return;
    const { rows } = await sql<{ track_id: string }>`
      SELECT DISTINCT f.track_id FROM unnest(${picked.map((p) => p.id)}::uuid[], ${picked.map((p) => p.day)}::date[]) AS p (track_id, day)
      JOIN track_windows_folded f ON f.track_id = p.track_id AND p.day <= f.through`.execute(trx);
    if (rows.length > 0)
      await forget(
        trx,
        rows.map((r) => r.track_id),
      );
    await fold(trx, [...new Set(picked.map((p) => p.id))]);
  },

  /**
   * Distinct listeners of the track `trackId` (a column or a value) over [from, to] from its kept windows, as a
   * scalar expression; undefined when no kept window has the range's length. `scan` counts the range some other
   * way (the day sets), for a track not folded or with a pending day among its folded ones in the range. The
   * folded listeners of the window ending on `to` are the deltas' sum up to it (the folded days after `from` are
   * the only ones that reach it); the listeners of the days after the folded ones (`days`, from a day on, as a
   * relation of (day, u)) are added when their last folded day is before `from`.
   */
  listeners(
    trackId: RawBuilder<string>,
    from: string,
    to: string,
    days: (from: RawBuilder<unknown>) => RawBuilder<unknown>,
    scan: RawBuilder<unknown>,
  ): RawBuilder<string> | undefined {
    const length = daysIn(from, to);
    if (!TRACK_WINDOWS.lengths.includes(length)) return undefined;
    return sql<string>`(
      SELECT CASE
        WHEN f.through IS NULL OR EXISTS (
          SELECT 1 FROM track_day_sets_pending p WHERE p.track_id = ${trackId} AND p.day BETWEEN ${from}::date AND f.through)
        THEN ${scan}
        ELSE (SELECT coalesce(sum(${sql.ref(`d${length}`)}), 0) FROM track_listener_windows w WHERE w.track_id = ${trackId} AND w.day <= ${to}::date)
           + (SELECT count(DISTINCT n.u) FROM ${days(sql`greatest(${from}::date, f.through + 1)`)} n
              WHERE NOT EXISTS (
                SELECT 1 FROM track_listener_last l WHERE l.track_id = ${trackId} AND l.user_ordinal = n.u AND l.day >= ${from}::date))
      END
      FROM (SELECT (SELECT through FROM track_windows_folded WHERE track_id = ${trackId}) AS through) f)`;
  },

  /**
   * The tracks among `ids` whose kept windows or last folded days differ from what their folded day sets say, in
   * one snapshot. Rows whose deltas all cancel are the same as no row.
   */
  async drifted(db: Db, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const differs = TRACK_WINDOWS.lengths.map((days) => sql`coalesce(want.${sql.ref(`d${days}`)}, 0) <> coalesce(have.${sql.ref(`d${days}`)}, 0)`);
    // Tracks folded with a day pending again are left to the job; every other track's kept state is checked,
    // and one not folded must have none.
    const { rows } = await sql<{ id: string }>`
      WITH checked AS MATERIALIZED (
        SELECT id AS track_id FROM unnest(${ids}::uuid[]) id
        WHERE NOT EXISTS (SELECT 1 FROM track_windows_folded f WHERE f.track_id = id)
        UNION ALL SELECT track_id FROM ${settled(ids)} s
      ),
      pieces AS MATERIALIZED ${piecesFromScratch(ids)},
      want AS (${windowDeltas(sql`(SELECT track_id, day, prev, weight FROM pieces)`, TRACK_WINDOWS)}),
      have AS (SELECT w.* FROM track_listener_windows w JOIN checked c ON c.track_id = w.track_id),
      want_last AS (SELECT track_id, u AS user_ordinal, max(day) AS day FROM pieces GROUP BY 1, 2),
      have_last AS (SELECT l.track_id, l.user_ordinal, l.day FROM track_listener_last l JOIN checked c ON c.track_id = l.track_id)
      SELECT coalesce(want.track_id, have.track_id) AS id
      FROM want FULL JOIN have ON have.track_id = want.track_id AND have.day = want.day
      WHERE ${sql.join(differs, sql` OR `)}
      UNION
      SELECT coalesce(want_last.track_id, have_last.track_id)
      FROM want_last FULL JOIN have_last ON have_last.track_id = want_last.track_id AND have_last.user_ordinal = want_last.user_ordinal
      WHERE want_last.day IS DISTINCT FROM have_last.day
      ORDER BY 1`.execute(db);
    return rows.map((r) => r.id);
  },

  /** Folds the tracks `ids` again from their first day: the repair of drifted ones. */
  async refold(db: Db, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT ${LISTENER_WINDOWS_LOCK}`.execute(trx);
      await forget(trx, ids);
      await fold(trx, ids);
    });
  },
};
