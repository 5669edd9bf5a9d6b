import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * Exact distinct listeners of an artist over windows of fixed lengths, kept as deltas (artist_listener_windows;
 * the 2026-12-06T0023 migration explains the pieces they sum). Aggregation maintains them in the statement that
 * changes the listener sets (see applyEvents), and a window's count is one index range of at most a few hundred
 * rows per year of history, whatever the number of listeners.
 */

const DAY_MS = 86_400_000;
/** Days in the inclusive window [from, to] of 'YYYY-MM-DD' days. */
export const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Window lengths kept: the named ranges of a week and longer (28 days is also monthly listeners). */
export const LISTENER_WINDOW_DAYS: readonly number[] = [7, 28, 90, 365];

const WINDOWS = sql.raw(`(VALUES ${LISTENER_WINDOW_DAYS.map((d) => `(${d})`).join(', ')}) AS w (days)`);

/**
 * Whoever changes the deltas holds this lock (two-key form, class "LW") until commit, and takes it in a statement
 * of its own before the one that reads the listener sets: the delta of a new listener-day depends on the
 * listener's neighbouring days with the artist, so two transactions changing the same listener's days must see
 * each other's. Aggregation runs one applier per worker process by default, so in practice this only orders the
 * rare concurrent ones (a deletion, an ISRC move, a second worker process).
 */
export const LISTENER_WINDOWS_LOCK = sql`pg_advisory_xact_lock(${0x4c57}, 0)`;

/** The column of artist_listener_windows holding the deltas of one window length. */
const column = (days: number) => sql.ref(`d${days}`);

/**
 * The deltas of `pieces`, a relation of (artist_id, day, prev, weight): the piece of the listener-day `day` whose
 * previous listener-day (of the same listener with the artist) is `prev`, null for none, added (weight 1) or
 * taken away (weight -1). A piece of length L covers [max(day, prev + L), day + L - 1]. One row per artist and
 * day with a column per length, rows whose deltas all cancel left out, in key order.
 */
function windowDeltas(pieces: RawBuilder<unknown>) {
  const sumOf = (days: number) => sql`coalesce(sum(delta) FILTER (WHERE window_days = ${sql.lit(days)}), 0)`;
  return sql`
    SELECT artist_id, day, ${sql.join(LISTENER_WINDOW_DAYS.map((days) => sql`${sumOf(days)} AS ${column(days)}`))}
    FROM (
      SELECT p.artist_id, w.days AS window_days, CASE WHEN p.prev IS NULL THEN p.day ELSE greatest(p.day, p.prev + w.days) END AS day, p.weight AS delta
      FROM ${pieces} p CROSS JOIN ${WINDOWS}
      UNION ALL
      SELECT p.artist_id, w.days, p.day + w.days, -p.weight FROM ${pieces} p CROSS JOIN ${WINDOWS}
    ) d
    GROUP BY 1, 2 HAVING ${sql.join(
      LISTENER_WINDOW_DAYS.map((days) => sql`${sumOf(days)} <> 0`),
      sql` OR `,
    )} ORDER BY 1, 2`;
}

/** Adds the deltas of `pieces` (see windowDeltas) to the kept ones. */
export function upsertWindowDeltas(pieces: RawBuilder<unknown>) {
  const adds = LISTENER_WINDOW_DAYS.map((days) => sql`${column(days)} = r.${column(days)} + excluded.${column(days)}`);
  return sql`
    INSERT INTO artist_listener_windows AS r (artist_id, day, ${sql.join(LISTENER_WINDOW_DAYS.map(column))})
    ${windowDeltas(pieces)}
    ON CONFLICT (artist_id, day) DO UPDATE SET ${sql.join(adds)}`;
}

/** Every listener-day of the artists as a piece after the listener's previous day: the deltas from scratch. */
const piecesFromScratch = (artistIds: string[]) => sql`(
  SELECT artist_id, day, lag(day) OVER (PARTITION BY artist_id, user_id ORDER BY day) AS prev, 1 AS weight
  FROM artist_day_listeners WHERE artist_id = ANY(${artistIds}::uuid[]))`;

/** The listener-day of the same listener and artist as `c` nearest before (max) or after (min) `c.day`, in the statement's snapshot. */
const neighbour = (c: string, side: 'before' | 'after') =>
  sql`(SELECT ${side === 'before' ? sql`max(l.day)` : sql`min(l.day)`} FROM artist_day_listeners l
       WHERE l.user_id = ${sql.ref(`${c}.user_id`)} AND l.artist_id = ${sql.ref(`${c}.artist_id`)}
         AND l.day ${side === 'before' ? sql`<` : sql`>`} ${sql.ref(`${c}.day`)})`;

/**
 * Common table expressions for applyEvents, after `listeners` (the upsert of artist_day_listeners, returning
 * artist_id, day, user_id, streams and whether the row is new): the delta upsert for the listener-days that
 * appeared (sign 1) or went to zero streams (sign -1). They read the listener sets as they were before the
 * statement (its snapshot), so neighbours are found among the days that existed before; the pieces that change
 * are the changed days' own and those of the days right after them.
 */
export function windowDeltasOf(listeners: string, sign: 1 | -1) {
  const from = sql.table(listeners);
  if (sign > 0) {
    return sql`
      window_near AS MATERIALIZED (
        SELECT c.artist_id, c.user_id, c.day, ${neighbour('c', 'before')} AS before, ${neighbour('c', 'after')} AS after,
               lag(c.day) OVER (PARTITION BY c.artist_id, c.user_id ORDER BY c.day) AS before_new
        FROM ${from} c WHERE c.fresh
      ),
      -- A new day's piece starts after its nearest earlier day, old or new; the old day right after one or more
      -- new days (after) now follows the latest of them instead of its old neighbour (before, the same for all).
      window_pieces AS (
        SELECT artist_id, day, greatest(before, before_new) AS prev, 1 AS weight FROM window_near
        UNION ALL SELECT artist_id, after, min(before), -1 FROM window_near WHERE after IS NOT NULL GROUP BY artist_id, user_id, after
        UNION ALL SELECT artist_id, after, max(day), 1 FROM window_near WHERE after IS NOT NULL GROUP BY artist_id, user_id, after
      ),
      listener_windows AS (${upsertWindowDeltas(sql`window_pieces`)})`;
  }
  return sql`
    window_gone AS MATERIALIZED (
      SELECT c.artist_id, c.user_id, c.day, array_agg(c.day) OVER (PARTITION BY c.artist_id, c.user_id) AS gone
      FROM ${from} c WHERE NOT c.fresh AND c.streams <= 0
    ),
    window_near AS MATERIALIZED (
      SELECT c.artist_id, c.user_id, c.day, c.gone, ${neighbour('c', 'before')} AS before, ${neighbour('c', 'after')} AS after FROM window_gone c
    ),
    -- A gone day's piece goes; the day right after it that stays now follows the nearest earlier day that stays.
    window_pieces AS (
      SELECT artist_id, day, before AS prev, -1 AS weight FROM window_near
      UNION ALL SELECT artist_id, after, day, -1 FROM window_near WHERE after <> ALL (gone)
      UNION ALL
      SELECT n.artist_id, n.after,
             (SELECT max(l.day) FROM artist_day_listeners l
              WHERE l.user_id = n.user_id AND l.artist_id = n.artist_id AND l.day < n.after AND l.day <> ALL (n.gone)), 1
      FROM window_near n WHERE n.after <> ALL (n.gone)
    ),
    listener_windows AS (${upsertWindowDeltas(sql`window_pieces`)})`;
}

export const listenerWindowQueries = {
  /**
   * Distinct listeners of the artist in the `days`-day window ending on `to` (days one of LISTENER_WINDOW_DAYS),
   * as a scalar subquery.
   */
  count: (artistId: string, days: number, to: string) =>
    sql<string>`(SELECT coalesce(sum(${column(days)}), 0) FROM artist_listener_windows WHERE artist_id = ${artistId} AND day <= ${to}::date)`,

  /**
   * Distinct listeners of the artist over [from, to] from the kept windows, as a scalar subquery; undefined when
   * no kept window has the range's length.
   */
  countOver: (artistId: string, from: string, to: string) =>
    LISTENER_WINDOW_DAYS.includes(daysIn(from, to)) ? listenerWindowQueries.count(artistId, daysIn(from, to), to) : undefined,

  /**
   * Recomputes the artists' deltas from their listener sets: for rows written other than by aggregation (test
   * fixtures), and the repair of drifted ones (`npm run admin -- listener-windows --repair`).
   */
  async rebuild(db: Db, artistIds: string[]): Promise<void> {
    if (artistIds.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT ${LISTENER_WINDOWS_LOCK}`.execute(trx);
      await sql`DELETE FROM artist_listener_windows WHERE artist_id = ANY(${artistIds}::uuid[])`.execute(trx);
      await sql`WITH pieces AS ${piecesFromScratch(artistIds)} ${upsertWindowDeltas(sql`pieces`)}`.execute(trx);
    });
  },

  /**
   * The artists among `artistIds` whose kept deltas differ from what their listener sets say, in one snapshot
   * (aggregation changes both in one statement, so a check beside it sees no drift that is not there). Rows whose
   * deltas all cancel are the same as no row.
   */
  async drifted(db: Db, artistIds: string[]): Promise<string[]> {
    if (artistIds.length === 0) return [];
    const differs = LISTENER_WINDOW_DAYS.map((days) => sql`coalesce(want.${column(days)}, 0) <> coalesce(have.${column(days)}, 0)`);
    const { rows } = await sql<{ artist_id: string }>`
      WITH pieces AS ${piecesFromScratch(artistIds)},
           want AS (${windowDeltas(sql`pieces`)}),
           have AS (SELECT * FROM artist_listener_windows WHERE artist_id = ANY(${artistIds}::uuid[]))
      SELECT DISTINCT coalesce(want.artist_id, have.artist_id) AS artist_id
      FROM want FULL JOIN have ON have.artist_id = want.artist_id AND have.day = want.day
      WHERE ${sql.join(differs, sql` OR `)}
      ORDER BY 1`.execute(db);
    return rows.map((r) => r.artist_id);
  },

  /** A page of artist ids in id order, after `after` (the start when undefined): how a check walks every artist. */
  async artistPage(db: Db, after: string | undefined, limit: number): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM artists ${after === undefined ? sql`` : sql`WHERE id > ${after}::uuid`} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => r.id);
  },
};
