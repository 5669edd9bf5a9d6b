import { type RawBuilder, sql } from 'kysely';
import { PARTNER_KINDS } from '../app-registry.js';
import { andIf, type Condition, type Db, prepared } from '../connection.js';
import { ARTIST_WINDOWS, daysIn, listenerWindowQueries, type WindowSubject } from './listener-windows.queries.js';

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
 * Sums what a WITH clause defines as `cells` (value, streams, users, shown: one row per day-cell, users its
 * listeners, each once) into the shown values and the totals, for an artist's audience and a partner's alike. A
 * value's listeners are the distinct listeners of its shown cells; the totals' listeners those of every cell, and
 * the unattributed ones those with no shown cell. Distinct listeners are found by hashing the unnested cells (not
 * by a sort per aggregate), and streams are summed per cell. `totalListeners`, when given, is a scalar subquery
 * that counts the range's distinct listeners some cheaper way (an artist's kept windows): then only the shown
 * cells are unnested, and the unattributed listeners are the total less the listeners of the shown ones.
 */
export async function sumAudienceCells(db: Db, withCells: RawBuilder<unknown>, onlyIf?: undefined, totalListeners?: RawBuilder<unknown>): Promise<AudienceSums>;
/** The same, answering undefined when `onlyIf` (an access rule) is false. */
export async function sumAudienceCells(
  db: Db,
  withCells: RawBuilder<unknown>,
  onlyIf: Condition,
  totalListeners?: RawBuilder<unknown>,
): Promise<AudienceSums | undefined>;
export async function sumAudienceCells(
  db: Db,
  withCells: RawBuilder<unknown>,
  onlyIf?: Condition,
  totalListeners?: RawBuilder<unknown>,
): Promise<AudienceSums | undefined> {
  const listeners = totalListeners
    ? sql`SELECT ${totalListeners}::int8 AS listeners, (SELECT count(*) FROM (SELECT u FROM shown_listeners GROUP BY u) shown)::int8 AS shown`
    : sql`SELECT count(*)::int8 AS listeners, count(*) FILTER (WHERE shown)::int8 AS shown FROM (
            SELECT u, bool_or(c.shown) AS shown FROM cells c CROSS JOIN LATERAL unnest(c.users) u GROUP BY u) per_listener`;
  const { rows } = await prepared(sql<{
    value: string | null;
    listeners: string;
    streams: string | null;
    hidden_listeners: string | null;
    hidden_streams: string | null;
  }>`
    WITH ${withCells},
    shown_listeners AS (SELECT DISTINCT c.value, u FROM cells c CROSS JOIN LATERAL unnest(c.users) u WHERE c.shown)
    SELECT v.value, v.listeners, s.streams, NULL::int8 AS hidden_listeners, NULL::int8 AS hidden_streams
    FROM (SELECT value, count(*)::int8 AS listeners FROM shown_listeners GROUP BY value) v
    JOIN (SELECT value, sum(streams)::int8 AS streams FROM cells WHERE shown GROUP BY value) s ON s.value = v.value
    UNION ALL
    SELECT NULL, l.listeners, t.streams, l.listeners - l.shown, t.hidden
    FROM (${listeners}) l,
         (SELECT coalesce(sum(streams), 0)::int8 AS streams, coalesce(sum(streams) FILTER (WHERE NOT shown), 0)::int8 AS hidden FROM cells) t
    WHERE true${andIf(onlyIf)}`).execute(db);
  // The totals row is always there (aggregates over no rows are one row), unless the access rule said no.
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

/** How a statement takes a listener row `l`'s ordinal. */
export type Ordinal = (l: string) => RawBuilder<number>;

/**
 * The ordinal from users, never from the row: what the checks compare the kept sets with, so a row carrying a wrong
 * ordinal is found too (the compaction would have built the wrong set from it).
 */
export const ordinalFromUsers: Ordinal = (l) => sql<number>`(SELECT us.ordinal FROM users us WHERE us.id = ${sql.ref(`${l}.user_id`)})`;

/**
 * The ordinal of the listener of a listener row `l` (artist_day_listeners, track_day_listeners,
 * artist_partner_day_listeners, partner_day_listeners): kept on the row by aggregation, looked up in users only for
 * a row written before it was (2026-12-07T0030). A row of a user who no longer exists has none, and is left out.
 */
export const listenerOrdinal: Ordinal = (l) => sql<number>`coalesce(${sql.ref(`${l}.user_ordinal`)}, ${ordinalFromUsers(l)})`;

/** The LATERAL that gives a listener row `l` its ordinal as `us.ordinal` (null for a user who no longer exists). */
export const ordinalOf = (l: string, ordinal: Ordinal = listenerOrdinal) => sql`CROSS JOIN LATERAL (SELECT ${ordinal(l)} AS ordinal) us`;

/** How a day's listener rows make day-cells: their table, and each row `l`'s partition and value. */
export interface CellsOfRows {
  rows: 'artist_day_listeners' | 'artist_partner_day_listeners';
  part: RawBuilder<string>;
  value: RawBuilder<string>;
}

/**
 * The named partners' cells: one partition per partner kind (the rule judges each kind's cells of a day apart),
 * valued by the partner's id as text in byte order, like audienceValue's.
 */
export const PARTNER_CELLS: CellsOfRows = {
  rows: 'artist_partner_day_listeners',
  part: sql<string>`l.partner_kind`,
  value: sql<string>`l.partner_id::text COLLATE "C"`,
};

/**
 * What artist_cell_sets keeps per artist-day: a partition of cells per audience dimension and one per partner
 * kind (named partners). Aggregation deletes a changed day's cells by these, so the key is probed, not scanned.
 */
export const ARTIST_CELL_DIMENSIONS: readonly string[] = [...AUDIENCE_DIMENSIONS, ...PARTNER_KINDS];

/** The listener-row column of each dimension. */
export const COLUMN_OF: Record<AudienceDimension, string> = { country: 'country', age: 'age_bracket', gender: 'gender' };

/**
 * A listener row's value in `dimension` (of the table or alias `of`, when given), as text in byte order
 * (COLLATE "C"): deterministic ties whatever the database's collation, and cheap sorts.
 */
export const audienceValue = (dimension: AudienceDimension, of?: string) =>
  sql<string>`${sql.ref(of ? `${of}.${COLUMN_OF[dimension]}` : COLUMN_OF[dimension])}::text COLLATE "C"`;

/**
 * `cells`, a relation of day-cells (artist_id, day, value, listeners, streams), each with what decides whether it is
 * shown whatever k is: `least_listeners`, the fewest listeners of a cell of its artist and day, and
 * `listeners_before`, the listeners of the cells before it smallest first (by listeners, then streams, then value
 * in byte order). `day` is what makes a day of cells (an artist's day, by default). The audience cells keep both
 * (artist_cell_sets), so reading them needs no ranking.
 */
export function ranked(cells: RawBuilder<unknown>, day = sql`artist_id, day`) {
  return sql`
    SELECT *,
           min(listeners) OVER (PARTITION BY ${day}) AS least_listeners,
           coalesce(sum(listeners) OVER (PARTITION BY ${day} ORDER BY listeners, streams, value ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS listeners_before
    FROM (${cells}) day_cells`;
}

/**
 * Whether a ranked day-cell (see ranked) of `listeners` listeners is shown under k: every cell of its day has k
 * listeners, or it has k and the smaller cells before it, which are hidden, hold k together. Hidden are the cells
 * under k, then the smallest others until the hidden ones hold k; a hidden set holding k is at least two cells,
 * since its first cell is under k.
 */
const isShown = (cell: { least: RawBuilder<unknown>; before: RawBuilder<unknown>; listeners: RawBuilder<unknown> }, k: number) =>
  sql<boolean>`(${cell.least} >= ${k} OR (${cell.listeners} >= ${k} AND ${cell.before} >= ${k}))`;

/**
 * The shown ones of `cells`, a relation of day-cells (artist_id, day, value, listeners, streams), with the same
 * columns. Whether a cell is shown is decided per artist and day over all of that day's cells, so it never
 * depends on the range asked for.
 */
export function shown(cells: RawBuilder<unknown>, k: number) {
  return sql`
    SELECT artist_id, day, value, listeners, streams FROM (${ranked(cells)}) r
    WHERE ${isShown({ least: sql`least_listeners`, before: sql`listeners_before`, listeners: sql`listeners` }, k)}`;
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

/** Whether a kept or ranked cell (a row `of` with users and ranks: artist_cell_sets, or see ranked) is shown under k. */
export const cellShown = (of: string, k: number) =>
  isShown({ least: sql.ref(`${of}.least_listeners`), before: sql.ref(`${of}.listeners_before`), listeners: sql`cardinality(${sql.ref(`${of}.users`)})` }, k);

/** Where a subject's day-cells are kept: its cells table, its list of pending days, its key column. */
export interface CellKeeping {
  sets: 'artist_cell_sets' | 'partner_cell_sets';
  pending: 'artist_day_sets_pending' | 'partner_day_sets_pending';
  key: 'artist_id' | 'partner_id';
}

export const ARTIST_CELL_KEEPING: CellKeeping = { sets: 'artist_cell_sets', pending: 'artist_day_sets_pending', key: 'artist_id' };
export const PARTNER_CELL_KEEPING: CellKeeping = { sets: 'partner_cell_sets', pending: 'partner_day_sets_pending', key: 'partner_id' };

/**
 * One subject's (an artist's, a partner's) day-cells of the partitions `parts` (the dimensions its cells table
 * keeps) over [from, to] as a relation (part, day, value, streams, users, shown), users the ordinals of the cell's
 * listeners: the kept cells of its days that are not pending, judged by the ranks they keep, and the cells of its
 * pending days built from their listener rows and ranked here (today, a day changed since, one the compaction job
 * has not reached; see daySetQueries). A day never has both (the 2026-12-07T0025 migration), so each day's cells
 * are all there, once, as the rule that judges them needs. `pendingCells` makes the cells (part, day, value,
 * listeners, streams, users) of the pending days it is given as a relation (the key and day of each), reaching
 * their rows from them, so the rows of days with cells are never read. Gated by `onlyIf` like a scan.
 */
export function dayCells(
  keeping: CellKeeping,
  id: string,
  parts: readonly string[],
  pendingCells: (days: RawBuilder<unknown>) => RawBuilder<unknown>,
  range: { from: string; to: string; k: number },
  onlyIf?: Condition,
) {
  const { from, to, k } = range;
  const key = sql.ref(keeping.key);
  return sql`
    SELECT s.dimension AS part, s.day, s.value, s.streams, s.users, ${cellShown('s', k)} AS shown FROM ${sql.table(keeping.sets)} s
    WHERE s.${key} = ${id} AND s.dimension IN (${sql.join(parts)}) AND s.day BETWEEN ${from}::date AND ${to}::date${andIf(onlyIf)}
    UNION ALL
    SELECT p.part, p.day, p.value, p.streams, p.users, ${cellShown('p', k)} FROM (${ranked(
      pendingCells(sql`(
        SELECT ${key}, day FROM ${sql.table(keeping.pending)}
        WHERE ${key} = ${id} AND day BETWEEN ${from}::date AND ${to}::date${andIf(onlyIf)})`),
      sql`part, day`,
    )}) p`;
}

/**
 * One artist's day-cells (see dayCells); `pending` says how a pending day's rows make cells: their table, and each
 * row's partition and value.
 */
export function artistDayCells(
  artistId: string,
  parts: readonly string[],
  pending: CellsOfRows,
  range: { from: string; to: string; k: number },
  onlyIf?: Condition,
) {
  return dayCells(
    ARTIST_CELL_KEEPING,
    artistId,
    parts,
    (days) => sql`
      SELECT ${pending.part} AS part, l.day, ${pending.value} AS value, count(*) AS listeners, sum(l.streams)::int8 AS streams, array_agg(us.ordinal) AS users
      FROM ${days} p
      JOIN ${sql.table(pending.rows)} l ON l.artist_id = p.artist_id AND l.day = p.day
      ${ordinalOf('l')}
      WHERE us.ordinal IS NOT NULL
      GROUP BY 1, 2, 3`,
    range,
    onlyIf,
  );
}

/** The CTE `cells` (day, value, streams, users, shown) of one artist over [from, to] in one dimension, read once. */
function artistCells(artistId: string, dimension: AudienceDimension, from: string, to: string, k: number, onlyIf?: Condition) {
  return sql`cells AS MATERIALIZED (${artistDayCells(
    artistId,
    [dimension],
    { rows: 'artist_day_listeners', part: sql.lit(dimension), value: audienceValue(dimension, 'l') },
    { from, to, k },
    onlyIf,
  )})`;
}

/**
 * The artist's (or a partner's) distinct listeners over [from, to] from its kept windows, for sumAudienceCells, when the range is a
 * kept window of 90 days or more. Over a year a listener comes back on many days, so hashing only the shown cells'
 * (value, listener) pairs beats hashing every listener-day: the 10M set's top artist, 214 -> 142 ms. Over 7 and
 * 28 days listener-days are nearly distinct listeners and the second hash saved nothing (20.0 -> 21.9 ms).
 */
export const keptTotal = (id: string, from: string, to: string, subject: WindowSubject = ARTIST_WINDOWS) =>
  daysIn(from, to) >= 90 ? listenerWindowQueries.countOver(id, from, to, subject) : undefined;

export const audienceQueries = {
  /** One artist's audience over [from, to] by one dimension: shown values, exact totals, what is unattributed. */
  async cells(db: Db, artistId: string, dimension: AudienceDimension, from: string, to: string, k: number): Promise<AudienceSums> {
    return sumAudienceCells(db, artistCells(artistId, dimension, from, to, k), undefined, keptTotal(artistId, from, to));
  },

  /** cells, read only when `onlyIf` (an access rule) holds: undefined, having read nothing, when it does not. */
  async cellsIf(db: Db, artistId: string, dimension: AudienceDimension, from: string, to: string, k: number, onlyIf: Condition) {
    return sumAudienceCells(db, artistCells(artistId, dimension, from, to, k, onlyIf), onlyIf, keptTotal(artistId, from, to));
  },

  /**
   * Distinct listeners per shown value in the current window [currentFrom, to] and in the previous one
   * [previousFrom, currentFrom), in one pass (the audience-shift insight).
   */
  async windows(db: Db, artistId: string, dimension: AudienceDimension, previousFrom: string, currentFrom: string, to: string, k: number) {
    const { rows } = await sql<{ value: string; current: number; previous: number }>`
      WITH ${artistCells(artistId, dimension, previousFrom, to, k)}
      SELECT c.value,
             count(DISTINCT u) FILTER (WHERE c.day >= ${currentFrom}::date)::int AS current,
             count(DISTINCT u) FILTER (WHERE c.day < ${currentFrom}::date)::int AS previous
      FROM cells c CROSS JOIN LATERAL unnest(c.users) u WHERE c.shown GROUP BY c.value`.execute(db);
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
