import { type RawBuilder, sql } from 'kysely';
import { andIf, type Condition, type Db } from '../connection.js';
import {
  ARTIST_CELL_KEEPING,
  AUDIENCE_DIMENSIONS as DIMENSIONS,
  audienceValue,
  COLUMN_OF,
  type CellKeeping,
  PARTNER_CELL_KEEPING,
  PARTNER_CELLS,
  listenerOrdinal,
  type Ordinal,
  ordinalFromUsers,
  ordinalOf,
  ranked,
} from './audience.queries.js';
import { LISTENER_WINDOWS_LOCK } from './listener-windows.queries.js';
import { trackWindowQueries } from './track-windows.queries.js';

/**
 * A track's listeners of each closed day kept as one array of user ordinals (track_day_sets; the 2026-12-07T0024
 * migration says why), and an artist's audience cells of each closed day the same way (artist_cell_sets;
 * 2026-12-07T0025), and a partner's (partner_cell_sets; 2026-12-07T0028). Aggregation deletes the sets of every
 * track-day, artist-day and partner-day it changes and queues the day as pending, in the statement that changes it
 * (see applyEvents); compactTrackDays, compactArtistDays and compactPartnerDays build the sets of pending days once
 * closed and take them off the list, in one statement. A read takes the sets in its range and
 * the listener rows of its pending days (today, one changed since, one the job has not reached), so every day is
 * read exactly (the audience's read is audienceQueries').
 */

/** Days this recent stay rows: today (UTC) still gets listens, and its sets would be rebuilt over and over. */
export const OPEN_DAYS = 1;

/** The closed days: those `OPEN_DAYS` or more before today (UTC). */
const CLOSED = sql`day <= (now() AT TIME ZONE 'UTC')::date - ${OPEN_DAYS}::int`;

/** The value of an artist_day_listeners row `l` in each dimension of the audience cells. */
const CELL_VALUES = sql`(VALUES ${sql.join(DIMENSIONS.map((d) => sql`(${sql.lit(d)}, ${audienceValue(d, 'l')})`))})`;

/**
 * Kept day-cells (artist_cell_sets, partner_cell_sets) of the days `days`, a relation of (`key`, day): each day's
 * cells (dimension, value, streams, users: its listeners' ordinals in order) from `ofDay`, a subquery that reads
 * the day `d`'s rows by its key (a grouped LATERAL is never flattened into a join, which stale statistics once
 * turned into a sort of every listener row), with their ranks (see ranked), as the tables hold them.
 */
const keptCells = (key: 'artist_id' | 'partner_id', days: RawBuilder<unknown>, ofDay: RawBuilder<unknown>) => sql`
  SELECT ${sql.ref(key)}, dimension, day, value, streams, users, least_listeners::int4, listeners_before::int4
  FROM (${ranked(
    sql`
      SELECT d.${sql.ref(key)}, c.dimension, d.day, c.value, c.streams, c.users, cardinality(c.users) AS listeners
      FROM ${days} d CROSS JOIN LATERAL (${ofDay}) c`,
    sql`${sql.ref(key)}, dimension, day`,
  )}) cells`;

/**
 * The audience cells of artist-days from their listener rows, as artist_cell_sets holds them: one per artist,
 * dimension, day and value, and one per partner kind, day and named partner (artist_partner_day_listeners).
 */
const cellsFromRows = (days: RawBuilder<unknown>, ordinal: Ordinal = listenerOrdinal) =>
  keptCells(
    'artist_id',
    days,
    sql`
      SELECT v.dimension, v.value, sum(l.streams)::int8 AS streams, array_agg(us.ordinal ORDER BY us.ordinal) AS users
      FROM artist_day_listeners l
      ${ordinalOf('l', ordinal)}
      CROSS JOIN LATERAL ${CELL_VALUES} v (dimension, value)
      WHERE l.artist_id = d.artist_id AND l.day = d.day AND us.ordinal IS NOT NULL
      GROUP BY 1, 2
      UNION ALL
      -- The named partners: a partition of cells per partner kind, judged apart (see artistNamedPartners).
      SELECT ${PARTNER_CELLS.part}, ${PARTNER_CELLS.value}, sum(l.streams)::int8, array_agg(us.ordinal ORDER BY us.ordinal)
      FROM ${sql.table(PARTNER_CELLS.rows)} l
      ${ordinalOf('l', ordinal)}
      WHERE l.artist_id = d.artist_id AND l.day = d.day AND us.ordinal IS NOT NULL
      GROUP BY 1, 2`,
  );

/**
 * A partner-day's listeners, one row per listener (`l`: ordinal, streams, and the least of their rows' values in
 * each dimension, as audienceValue gives them), from the partner_day_listeners rows (one per app) of the partner
 * `partner` (a column or value) on `day`. A listener of two of the partner's apps on a day is one listener of it.
 */
export const partnerListenersOf = (partner: RawBuilder<unknown>, day: RawBuilder<unknown>, ordinal: Ordinal = listenerOrdinal) => sql`(
  SELECT us.ordinal, sum(l.streams)::int8 AS streams,
         ${sql.join(DIMENSIONS.map((d) => sql`min(${audienceValue(d, 'l')}) AS ${sql.ref(COLUMN_OF[d])}`))}
  FROM partner_day_listeners l ${ordinalOf('l', ordinal)}
  WHERE l.partner_id = ${partner} AND l.day = ${day} AND us.ordinal IS NOT NULL
  GROUP BY us.ordinal)`;

/** The audience cells of partner-days from their listener rows, as partner_cell_sets holds them. */
const partnerCellsFromRows = (days: RawBuilder<unknown>, ordinal: Ordinal = listenerOrdinal) =>
  keptCells(
    'partner_id',
    days,
    sql`
      SELECT v.dimension, v.value, sum(l.streams)::int8 AS streams, array_agg(l.ordinal ORDER BY l.ordinal) AS users
      FROM ${partnerListenersOf(sql`d.partner_id`, sql`d.day`, ordinal)} l
      CROSS JOIN LATERAL ${CELL_VALUES} v (dimension, value)
      GROUP BY 1, 2`,
  );

/** Distinct listeners of the track over [from, to] over its day sets and rows, as a scalar subquery. */
const scanTrackListeners = (trackId: RawBuilder<string>, from: string, to: string) =>
  sql<string>`(SELECT count(DISTINCT u) FROM ${listenerDaysOf('track', trackId, from, to)} listener_days)`;

export const daySetQueries = {
  /**
   * The track's listener-days over [from, to] as a relation (day, u), u a user ordinal (see listenerDaysOf). A
   * track-day with listener rows has a set or is pending (see the migration); should it have both, distinct counts
   * over the relation are the same. Gated by `onlyIf` like a scan.
   */
  trackListenerDays: (trackId: RawBuilder<string>, from: string, to: string, onlyIf?: Condition) => listenerDaysOf('track', trackId, from, to, onlyIf),

  /**
   * The artist's listener-days over [from, to] as a relation (day, u), from its gender cells (the fewest; the cells of
   * one dimension partition a day's listeners). A day never has both cells and a pending mark (the 2026-12-07T0025
   * migration). Gated by `onlyIf` like a scan.
   */
  artistListenerDays: (artistId: string, from: string, to: string, onlyIf?: Condition) => listenerDaysOf('artist', artistId, from, to, onlyIf),

  /**
   * The partner's listener-days over [from, to] as a relation (day, u), from its gender cells, and its pending days'
   * rows: one per app, so a listener of two apps on a pending day comes twice (distinct counts are the same).
   */
  partnerListenerDays: (partnerId: string, from: string, to: string) => listenerDaysOf('partner', partnerId, from, to),

  /**
   * Distinct listeners of the track `trackId` (a column or a value) over [from, to], as a scalar subquery: from its
   * kept windows for a range of a kept length (trackWindowQueries.listeners), else over its day sets and rows.
   */
  trackListeners: (trackId: RawBuilder<string>, from: string, to: string) =>
    daySetQueries.keptTrackListeners(trackId, from, to) ?? scanTrackListeners(trackId, from, to),

  /** The same from the track's kept windows, as a scalar expression; undefined when no kept window has the range's length. */
  keptTrackListeners: (trackId: RawBuilder<string>, from: string, to: string) =>
    trackWindowQueries.listeners(trackId, from, to, (after) => listenerDaysOf('track', trackId, after, to), scanTrackListeners(trackId, from, to)),

  /**
   * Builds the sets of up to `limit` pending closed track-days, oldest first (see compactDays), and folds them into
   * the tracks' kept windows (trackWindowQueries); says how many.
   */
  compactTrackDays: (db: Db, limit: number) =>
    compactDays(
      db,
      'track',
      limit,
      sql`
        INSERT INTO track_day_sets AS s (track_id, day, users)
        -- Each picked day's rows by key, as cellsFromRows.
        SELECT p.track_id, p.day, coalesce(
          (SELECT array_agg(us.ordinal ORDER BY us.ordinal) FROM track_day_listeners l ${ordinalOf('l')}
           WHERE l.track_id = p.track_id AND l.day = p.day AND us.ordinal IS NOT NULL), '{}')
        FROM picked p
        ORDER BY p.track_id, p.day
        ON CONFLICT (track_id, day) DO UPDATE SET users = excluded.users`,
      // The built sets fold into the tracks' kept windows in the same transaction.
      trackWindowQueries.afterCompaction,
    ),

  /** Builds the audience cells of up to `limit` pending closed artist-days, oldest first; says how many days. */
  compactArtistDays: (db: Db, limit: number) => compactCells(db, 'artist', limit, cellsFromRows(sql`picked`)),

  /** Builds the audience cells of up to `limit` pending closed partner-days, oldest first; says how many days. */
  compactPartnerDays: (db: Db, limit: number) => compactCells(db, 'partner', limit, partnerCellsFromRows(sql`picked`)),

  /**
   * Compacts pending closed days, tracks', artists' and partners', a batch of `limit` of each at a time, until
   * nothing closed is pending or `budgetMs` has passed; says how many days it built.
   */
  async compactPending(db: Db, limit: number, budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
    const started = Date.now();
    let total = 0;
    for (;;) {
      const built = [
        await daySetQueries.compactTrackDays(db, limit),
        await daySetQueries.compactArtistDays(db, limit),
        await daySetQueries.compactPartnerDays(db, limit),
      ];
      total += built.reduce((a, b) => a + b, 0);
      if (built.every((n) => n < limit) || Date.now() - started >= budgetMs) return total;
    }
  },

  /**
   * Puts the given track-days back to rows: their sets go and they are queued for the compaction job, which builds
   * them again from the rows. The repair of days that driftedTrackDays found.
   */
  repairTrackDays: (db: Db, days: Array<{ track_id: string; day: string }>) =>
    requeue(
      db,
      'track',
      days.map((d) => ({ id: d.track_id, day: d.day })),
    ),

  /** The same for artist-days (driftedArtistDays): their audience cells go and the days are queued. */
  repairArtistDays: (db: Db, days: Array<{ artist_id: string; day: string }>) =>
    requeue(
      db,
      'artist',
      days.map((d) => ({ id: d.artist_id, day: d.day })),
    ),

  /** The same for partner-days (driftedPartnerDays): their audience cells go and the days are queued. */
  repairPartnerDays: (db: Db, days: Array<{ partner_id: string; day: string }>) =>
    requeue(
      db,
      'partner',
      days.map((d) => ({ id: d.partner_id, day: d.day })),
    ),

  /** A page of partner ids in order, after `after`: what the check walks. */
  async partnerPage(db: Db, after: string | undefined, limit: number): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM partners ${after === undefined ? sql`` : sql`WHERE id > ${after}::uuid`} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => r.id);
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

  /**
   * The artist-days of the artists that a read would count wrong: a day whose kept audience cells (or their ranks)
   * differ from its listener rows and is not pending, a day with listener rows and neither cells nor a pending mark, or a day with
   * both cells and a pending mark (a read would count its listeners twice). None when all is as it should be.
   */
  async driftedArtistDays(db: Db, artistIds: string[]): Promise<Array<{ artist_id: string; day: string }>> {
    if (artistIds.length === 0) return [];
    const rows = await driftedCellDays(
      db,
      'artist',
      artistIds,
      cellsFromRows(sql`(SELECT DISTINCT artist_id, day FROM artist_day_listeners WHERE artist_id = ANY(${artistIds}::uuid[]))`, ordinalFromUsers),
    );
    return rows.map((r) => ({ artist_id: r.id, day: r.day }));
  },

  /** The same for partners' audience cells. */
  async driftedPartnerDays(db: Db, partnerIds: string[]): Promise<Array<{ partner_id: string; day: string }>> {
    if (partnerIds.length === 0) return [];
    const rows = await driftedCellDays(
      db,
      'partner',
      partnerIds,
      partnerCellsFromRows(sql`(SELECT DISTINCT partner_id, day FROM partner_day_listeners WHERE partner_id = ANY(${partnerIds}::uuid[]))`, ordinalFromUsers),
    );
    return rows.map((r) => ({ partner_id: r.id, day: r.day }));
  },
};

/**
 * The days of the subjects `ids` (artists or partners) whose kept cells (or their ranks) differ from `fromRows`,
 * the cells their listener rows make, and that are not pending; the days with rows and neither cells nor a pending
 * mark; and the days with both cells and a pending mark (a read would count their listeners twice).
 */
async function driftedCellDays(db: Db, subject: 'artist' | 'partner', ids: string[], fromRows: RawBuilder<unknown>) {
  const { sets, pending, key } = SUBJECTS[subject];
  const { rows } = await sql<{ id: string; day: string }>`
    WITH rows_of AS (${fromRows}), sets AS (
      SELECT ${key} AS id, dimension, day, value, streams, users, least_listeners, listeners_before FROM ${sets} WHERE ${key} = ANY(${ids}::uuid[])
    ), pending AS (
      SELECT ${key} AS id, day FROM ${pending} WHERE ${key} = ANY(${ids}::uuid[])
    ), differing AS (
      SELECT DISTINCT coalesce(s.id, r.${key}) AS id, coalesce(s.day, r.day) AS day
      FROM sets s FULL JOIN rows_of r ON r.${key} = s.id AND r.dimension = s.dimension AND r.day = s.day AND r.value = s.value
      WHERE (s.streams, s.users, s.least_listeners, s.listeners_before) IS DISTINCT FROM (r.streams, r.users, r.least_listeners, r.listeners_before)
    )
    SELECT id::text, to_char(day, 'YYYY-MM-DD') AS day FROM (
      SELECT id, day FROM differing EXCEPT SELECT id, day FROM pending
      UNION
      SELECT id, day FROM sets INTERSECT SELECT id, day FROM pending
    ) d
    ORDER BY 1, 2`.execute(db);
  return rows;
}

/** A subject kept as day-cells (see SUBJECTS): a day's gender cells hold each of its listeners once. */
const cellSubject = (keeping: CellKeeping) => ({
  sets: sql.table(keeping.sets),
  pending: sql.table(keeping.pending),
  key: sql.ref(keeping.key),
  onePerListenerDay: sql` AND s.dimension = 'gender'`,
});

/**
 * Where each subject's sets, pending days and listener rows are kept, its key column, and which of its sets hold
 * each listener-day once (an artist's day has a set per dimension; its gender cells are the fewest).
 */
const SUBJECTS = {
  track: {
    sets: sql.table('track_day_sets'),
    pending: sql.table('track_day_sets_pending'),
    rows: sql.table('track_day_listeners'),
    key: sql.ref('track_id'),
    onePerListenerDay: sql``,
  },
  artist: { ...cellSubject(ARTIST_CELL_KEEPING), rows: sql.table('artist_day_listeners') },
  partner: { ...cellSubject(PARTNER_CELL_KEEPING), rows: sql.table('partner_day_listeners') },
};

/**
 * The subject's listener-days over [from, to] as a relation (day, u), u a user ordinal: the ordinals of its sets in
 * the range, and those of its listener rows on the range's pending days, reached from the pending list so the rows
 * of days with a set are never read (as a filter on a track's rows, the planner read them all on the 1M set: 4.3 ms,
 * not 0.7). `id` is a value or a column.
 */
function listenerDaysOf(subject: keyof typeof SUBJECTS, id: RawBuilder<string> | string, from: string | RawBuilder<unknown>, to: string, onlyIf?: Condition) {
  const { sets, pending, rows, key, onePerListenerDay } = SUBJECTS[subject];
  return sql`(
    SELECT s.day, unnest(s.users) AS u FROM ${sets} s
    WHERE s.${key} = ${id}${onePerListenerDay} AND s.day BETWEEN ${from}::date AND ${to}::date${andIf(onlyIf)}
    UNION ALL
    SELECT p.day, us.ordinal FROM ${pending} p
    JOIN ${rows} l ON l.${key} = p.${key} AND l.day = p.day
    ${ordinalOf('l')}
    WHERE us.ordinal IS NOT NULL AND p.${key} = ${id} AND p.day BETWEEN ${from}::date AND ${to}::date${andIf(onlyIf)}
  )`;
}

/**
 * Takes up to `limit` pending days of the subject closed `OPEN_DAYS` ago or more off the list, oldest first, as
 * `picked` (its key and day), and runs `build` (which writes their sets from `picked`) in the same statement; says
 * how many. Under the lock aggregation takes before it changes listener sets, so the rows a set is built from are
 * every committed change, and a change after it deletes the set again.
 */
async function compactDays(
  db: Db,
  subject: keyof typeof SUBJECTS,
  limit: number,
  build: RawBuilder<unknown>,
  then?: (trx: Db, picked: Array<{ id: string; day: string }>) => Promise<void>,
): Promise<number> {
  const { pending, key } = SUBJECTS[subject];
  return db.transaction().execute(async (trx) => {
    // Each picked day's rows are read by key (see the builds), so a batch costs its rows; JIT compilation, which
    // the planner's estimates for a batch can call for, would cost more than the batch itself.
    await sql`SELECT set_config('jit', 'off', true), ${LISTENER_WINDOWS_LOCK}`.execute(trx);
    const { rows } = await sql<{ id: string; day: string }>`
      WITH picked AS (
        DELETE FROM ${pending} p
        USING (SELECT ${key}, day FROM ${pending} WHERE ${CLOSED} ORDER BY day, ${key} LIMIT ${limit}) q
        WHERE p.${key} = q.${key} AND p.day = q.day
        RETURNING p.${key}, p.day
      ), built AS (${build})
      SELECT ${key}::text AS id, to_char(day, 'YYYY-MM-DD') AS day FROM picked`.execute(trx);
    await then?.(trx, rows);
    return rows.length;
  });
}

/** compactDays for the subjects whose sets are day-cells: `fromRows` makes the picked days' cells from their rows. */
function compactCells(db: Db, subject: 'artist' | 'partner', limit: number, fromRows: RawBuilder<unknown>): Promise<number> {
  const { sets, key } = SUBJECTS[subject];
  return compactDays(
    db,
    subject,
    limit,
    sql`
      INSERT INTO ${sets} AS s (${key}, dimension, day, value, streams, users, least_listeners, listeners_before)
      ${fromRows}
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (${key}, dimension, day, value) DO UPDATE
      SET streams = excluded.streams, users = excluded.users, least_listeners = excluded.least_listeners, listeners_before = excluded.listeners_before`,
  );
}

/**
 * Forgets the compact sets of the given days of tracks or artists and queues the days for the compaction job, under
 * the lock aggregation takes: what a repair does.
 */
async function requeue(db: Db, subject: keyof typeof SUBJECTS, days: Array<{ id: string; day: string }>): Promise<void> {
  if (days.length === 0) return;
  const { sets, pending, key } = SUBJECTS[subject];
  const [ids, dates] = [days.map((d) => d.id), days.map((d) => d.day)];
  await db.transaction().execute(async (trx) => {
    await sql`SELECT ${LISTENER_WINDOWS_LOCK}`.execute(trx);
    await sql`DELETE FROM ${sets} s USING unnest(${ids}::uuid[], ${dates}::date[]) AS r (id, day) WHERE s.${key} = r.id AND s.day = r.day`.execute(trx);
    await sql`INSERT INTO ${pending} (${key}, day) SELECT * FROM unnest(${ids}::uuid[], ${dates}::date[]) ON CONFLICT DO NOTHING`.execute(trx);
  });
}
