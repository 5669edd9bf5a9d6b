import { type RawBuilder, sql } from 'kysely';
import { andIf, type Condition, type Db, havingIf, prepared } from '../connection.js';

/**
 * Audience breakdowns (by listener country, age bracket or gender) of one artist, under k-anonymity that holds
 * across answers, not only within one.
 *
 * The unit is the day-cell: one artist, one UTC day, one value. Every range is a union of days, so two answers
 * whose ranges differ by one day can be subtracted to isolate that day; a rule that only judged each answer's
 * own cells would let that subtraction expose a day-cell under k. So the rule judges day-cells, each on its
 * own day and never by the range asked for:
 *
 * - a day-cell with fewer than k distinct listeners is hidden;
 * - when a day hides any cell, further cells of that day are hidden, smallest first (by listeners, then streams,
 *   then value), until at least two hidden cells hold listeners and together hold at least k. The day's exact
 *   totals (which /stats and the time series publish) minus its shown cells is then a sum of two or more unknown
 *   cells of at least k listeners, never one cell's number. A day that cannot meet this hides every cell.
 *
 * Every number broken down by value (audience cells, the markets and audience shares the insight jobs read,
 * and product trends by market) is computed from shown day-cells only. A hidden day-cell's listens therefore
 * change no such number, whatever ranges are asked for and subtracted: they reach only the artist's overall
 * totals, mixed with the day's other hidden cells. A value's listeners over a range are the distinct listeners of its shown day-cells,
 * so a value with any listeners has at least k.
 */

export type AudienceDimension = 'country' | 'age' | 'gender';

/** Every dimension, in the order the audience cells keep them. */
export const AUDIENCE_DIMENSIONS: readonly AudienceDimension[] = ['country', 'age', 'gender'];

/** Listeners and streams of one value over a range, from its shown day-cells. */
export interface AudienceCellSums {
  value: string;
  listeners: number;
  streams: number;
}

export interface AudienceSums {
  /** Values with at least one shown day-cell in the range. */
  cells: AudienceCellSums[];
  /** Distinct listeners and streams of the range, exact (as /stats gives them). */
  total_listeners: number;
  total_streams: number;
  /** Listeners with no shown day-cell in the range, and the streams of hidden day-cells. */
  unattributed_listeners: number;
  unattributed_streams: number;
}

/**
 * Sums what a WITH clause defines as `days` (day, user_id, value, streams, shown: one row per listener-day) into
 * the shown cells and the totals, for an artist's audience and a partner's alike.
 */
export async function sumAudienceDays(db: Db, withDays: RawBuilder<unknown>): Promise<AudienceSums>;
/** The same, answering undefined when `onlyIf` (an access rule) is false. */
export async function sumAudienceDays(db: Db, withDays: RawBuilder<unknown>, onlyIf: Condition): Promise<AudienceSums | undefined>;
export async function sumAudienceDays(db: Db, withDays: RawBuilder<unknown>, onlyIf?: Condition): Promise<AudienceSums | undefined> {
  const { rows } = await prepared(sql<{
    value: string | null;
    listeners: string;
    streams: string | null;
    hidden_listeners: string | null;
    hidden_streams: string | null;
  }>`
    WITH ${withDays}
    SELECT value, count(DISTINCT user_id)::int8 AS listeners, sum(streams)::int8 AS streams, NULL AS hidden_listeners, NULL AS hidden_streams
    FROM days WHERE shown GROUP BY value
    UNION ALL
    SELECT NULL, count(DISTINCT user_id)::int8, coalesce(sum(streams), 0)::int8,
           (count(DISTINCT user_id) - count(DISTINCT user_id) FILTER (WHERE shown))::int8, coalesce(sum(streams) FILTER (WHERE NOT shown), 0)::int8
    FROM days ${havingIf(onlyIf)}`).execute(db);
  // The totals row is always there (an aggregate over no rows is one row), unless the access rule said no.
  const totals = rows.find((r) => r.value === null);
  if (!totals) return undefined;
  return {
    cells: rows.filter((r) => r.value !== null).map((r) => ({ value: r.value!, listeners: Number(r.listeners), streams: Number(r.streams) })),
    total_listeners: Number(totals.listeners),
    total_streams: Number(totals.streams),
    unattributed_listeners: Number(totals.hidden_listeners),
    unattributed_streams: Number(totals.hidden_streams),
  };
}

/** The listener-row column of each dimension. */
const COLUMN_OF: Record<AudienceDimension, string> = { country: 'country', age: 'age_bracket', gender: 'gender' };

/**
 * A listener row's value in `dimension` (of the table or alias `of`, when given), as text in byte order
 * (COLLATE "C"): deterministic ties whatever the database's collation, and cheap sorts.
 */
export const audienceValue = (dimension: AudienceDimension, of?: string) =>
  sql<string>`${sql.ref(of ? `${of}.${COLUMN_OF[dimension]}` : COLUMN_OF[dimension])}::text COLLATE "C"`;

/**
 * The shown ones of `cells`, a relation of day-cells (artist_id, day, value, listeners, streams), with the same
 * columns. Whether a cell is shown is decided per artist and day over all of that day's cells, so it never
 * depends on the range asked for. Ties go by value in byte order.
 */
export function shown(cells: RawBuilder<unknown>, k: number) {
  return sql`
    SELECT artist_id, day, value, listeners, streams
    FROM (
      SELECT artist_id, day, value, listeners, streams,
             row_number() OVER smallest_first AS position,
             sum(listeners) OVER smallest_first AS running,
             count(*) FILTER (WHERE listeners < ${k}) OVER (PARTITION BY artist_id, day) AS under
      FROM (${cells}) day_cells
      WINDOW smallest_first AS (PARTITION BY artist_id, day ORDER BY listeners, streams, value ROWS UNBOUNDED PRECEDING)
    ) ranked
    -- Hidden: the cells under k, then the smallest others until the hidden prefix holds k listeners. A prefix
    -- holding k is at least two cells, since its first cell is under k.
    WHERE under = 0 OR (position > under AND running - listeners >= ${k})`;
}

/** The shown day-cells of the artists `artists` (a predicate on artist_id) over [from, to], as a subquery body. */
export function shownDayCells(artists: RawBuilder<boolean>, dimension: AudienceDimension, from: string, to: string, k: number) {
  return shown(
    sql`SELECT artist_id, day, ${audienceValue(dimension)} AS value, count(*) AS listeners, sum(streams) AS streams
        FROM artist_day_listeners
        WHERE ${artists} AND day BETWEEN ${from}::date AND ${to}::date
        GROUP BY 1, 2, 3`,
    k,
  );
}

/**
 * One artist's audience cells of a dimension over [from, to] as a relation (day, value, streams, users), users the
 * ordinals of the cell's listeners: the kept cells (artist_cell_sets) of its days that are not pending, and the
 * cells of its pending days built from their listener rows (today, a day changed since, one the compaction job
 * has not reached; see daySetQueries). A day never has both (the 2026-12-07T0025 migration), so each day's cells
 * are all there, once, as the rule that judges them needs. Gated by `onlyIf` like a scan.
 */
function artistCells(artistId: string, dimension: AudienceDimension, from: string, to: string, onlyIf?: Condition) {
  return sql`
    SELECT s.day, s.value, s.streams, s.users FROM artist_cell_sets s
    WHERE s.artist_id = ${artistId} AND s.dimension = ${dimension} AND s.day BETWEEN ${from}::date AND ${to}::date${andIf(onlyIf)}
    UNION ALL
    -- From the pending days to their rows, so the rows of days with cells are never read.
    SELECT l.day, ${audienceValue(dimension, 'l')}, sum(l.streams)::int8, array_agg(us.ordinal)
    FROM artist_day_sets_pending p
    JOIN artist_day_listeners l ON l.artist_id = p.artist_id AND l.day = p.day
    JOIN users us ON us.id = l.user_id
    WHERE p.artist_id = ${artistId} AND p.day BETWEEN ${from}::date AND ${to}::date${andIf(onlyIf)}
    GROUP BY 1, 2`;
}

/**
 * Common table expressions for one artist over [from, to], read once: `days` holds its listener-days (day,
 * user_id, value, streams, shown), user_id a user ordinal from its audience cells. A cell's streams ride on its
 * first listener, so sums over the relation are the cells' sums.
 */
function cellDays(artistId: string, dimension: AudienceDimension, from: string, to: string, k: number, onlyIf?: Condition) {
  return sql`
    day_cells AS MATERIALIZED (${artistCells(artistId, dimension, from, to, onlyIf)}),
    shown_cells AS (${shown(sql`SELECT NULL::uuid AS artist_id, day, value, cardinality(users) AS listeners, streams FROM day_cells`, k)}),
    days AS MATERIALIZED (
      SELECT c.day, u.ordinal AS user_id, c.value, CASE WHEN u.n = 1 THEN c.streams ELSE 0 END AS streams, s.day IS NOT NULL AS shown
      FROM day_cells c
      LEFT JOIN shown_cells s ON s.day = c.day AND s.value = c.value
      CROSS JOIN LATERAL unnest(c.users) WITH ORDINALITY AS u (ordinal, n)
    )`;
}

export const audienceQueries = {
  /** One artist's audience over [from, to] by one dimension: shown values, exact totals, what is unattributed. */
  async cells(db: Db, artistId: string, dimension: AudienceDimension, from: string, to: string, k: number): Promise<AudienceSums> {
    return sumAudienceDays(db, cellDays(artistId, dimension, from, to, k));
  },

  /** cells, read only when `onlyIf` (an access rule) holds: undefined, having read nothing, when it does not. */
  async cellsIf(db: Db, artistId: string, dimension: AudienceDimension, from: string, to: string, k: number, onlyIf: Condition) {
    return sumAudienceDays(db, cellDays(artistId, dimension, from, to, k, onlyIf), onlyIf);
  },

  /**
   * Distinct listeners per shown value in the current window [currentFrom, to] and in the previous one
   * [previousFrom, currentFrom), in one pass (the audience-shift insight).
   */
  async windows(db: Db, artistId: string, dimension: AudienceDimension, previousFrom: string, currentFrom: string, to: string, k: number) {
    const { rows } = await sql<{ value: string; current: number; previous: number }>`
      WITH ${cellDays(artistId, dimension, previousFrom, to, k)}
      SELECT value,
             count(DISTINCT user_id) FILTER (WHERE day >= ${currentFrom}::date)::int AS current,
             count(DISTINCT user_id) FILTER (WHERE day < ${currentFrom}::date)::int AS previous
      FROM days WHERE shown GROUP BY value`.execute(db);
    return rows;
  },

  /** Streams per shown country day-cell over [from, to] (sparse: a missing day is zero), for the market trends. */
  async marketStreams(db: Db, artistId: string, from: string, to: string, k: number) {
    const { rows } = await sql<{ market: string; day: string; streams: string }>`
      SELECT value AS market, to_char(day, 'YYYY-MM-DD') AS day, streams::int8 AS streams
      FROM (${shownDayCells(sql<boolean>`artist_id = ${artistId}`, 'country', from, to, k)}) shown`.execute(db);
    return rows.map((r) => ({ market: r.market, day: r.day, streams: Number(r.streams) }));
  },
};
