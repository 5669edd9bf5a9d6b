import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * Exact distinct listeners of an artist or a partner over windows of fixed lengths, kept as deltas
 * (artist_listener_windows, partner_listener_windows; the 2026-12-06T0023 migration explains the pieces they sum).
 * Aggregation maintains them in the statement that changes the listener sets (see applyEvents), and a window's
 * count is one index range of at most a few hundred rows per year of history, whatever the number of listeners.
 */

const DAY_MS = 86_400_000;
/** Days in the inclusive window [from, to] of 'YYYY-MM-DD' days. */
export const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Window lengths kept: the named ranges of a week and longer (28 days is also monthly listeners). */
export const LISTENER_WINDOW_DAYS: readonly number[] = [7, 28, 90, 365];

/** A partner's own lengths: a day too (2026-12-08T0032), whose running sum is each day's listeners (its timeseries). */
export const PARTNER_WINDOW_DAYS: readonly number[] = [1, ...LISTENER_WINDOW_DAYS];

/** What the deltas of a subject are written by: their table, key columns and lengths (see WindowSubject). */
export type DeltaShape = Pick<WindowSubject, 'table' | 'keys' | 'lengths'>;

/** The subject's window lengths as a FROM item `w (days)`. */
const windowsOf = (subject: DeltaShape) => sql.raw(`(VALUES ${subject.lengths.map((d) => `(${d})`).join(', ')}) AS w (days)`);

/**
 * Whoever changes the deltas holds this lock (two-key form, class "LW") until commit, and takes it in a statement
 * of its own before the one that reads the listener sets: the delta of a new listener-day depends on the
 * listener's neighbouring days with the artist, so two transactions changing the same listener's days must see
 * each other's. Aggregation runs one applier per worker process by default, so in practice this only orders the
 * rare concurrent ones (a deletion, an ISRC move, a second worker process).
 */
export const LISTENER_WINDOWS_LOCK = sql`pg_advisory_xact_lock(${0x4c57}, 0)`;

/** The column of the kept deltas holding those of one window length. */
const column = (days: number) => sql.ref(`d${days}`);

/**
 * Whose listeners a set of kept windows counts: an artist's (a row of artist_day_listeners per listener-day), a
 * partner's (partner_day_listeners, a row per app and listener-day: a listener-day is there when any app's row is),
 * or those of one of a partner's apps or device classes (the same rows, each of one app and one device class).
 */
export interface WindowSubject {
  /** The kept deltas. */
  table: 'artist_listener_windows' | 'partner_listener_windows' | 'partner_app_listener_windows' | 'partner_class_listener_windows' | 'track_listener_windows';
  /**
   * The columns naming one subject, in the deltas and the listener rows alike. The first is the artist or partner
   * whose subjects a rebuild or a check takes together; an index on the listener rows led by it (or by user_id)
   * and holding user_id and day finds a listener's neighbouring days.
   */
  keys: readonly [string, ...string[]];
  /** The listener rows. */
  rows: 'artist_day_listeners' | 'partner_day_listeners';
  /** Whether `rows` holds one row per listener-day (else several, one per app, to be taken as one). */
  onePerListenerDay: boolean;
  /** The window lengths kept, a column `d<length>` each. */
  lengths: readonly number[];
  /** Prefix of the common table expressions applyEvents gets for this subject. */
  prefix: string;
}

export const ARTIST_WINDOWS: WindowSubject = {
  table: 'artist_listener_windows',
  keys: ['artist_id'],
  rows: 'artist_day_listeners',
  onePerListenerDay: true,
  lengths: LISTENER_WINDOW_DAYS,
  prefix: 'window',
};
export const PARTNER_WINDOWS: WindowSubject = {
  table: 'partner_listener_windows',
  keys: ['partner_id'],
  rows: 'partner_day_listeners',
  onePerListenerDay: false,
  lengths: PARTNER_WINDOW_DAYS,
  prefix: 'partner_window',
};
/** One app's listeners in one device class: a listener row of a partner is of one app and one device class. */
export const PARTNER_APP_WINDOWS: WindowSubject = {
  table: 'partner_app_listener_windows',
  keys: ['partner_id', 'app_id', 'device_class'],
  rows: 'partner_day_listeners',
  onePerListenerDay: true,
  lengths: LISTENER_WINDOW_DAYS,
  prefix: 'app_window',
};
/** A partner's listeners in one device class, across its apps. */
export const PARTNER_CLASS_WINDOWS: WindowSubject = {
  table: 'partner_class_listener_windows',
  keys: ['partner_id', 'device_class'],
  rows: 'partner_day_listeners',
  onePerListenerDay: false,
  lengths: LISTENER_WINDOW_DAYS,
  prefix: 'class_window',
};
/** Every kept window subject of a partner: what a fixture writing partner listener rows by hand rebuilds, and the check walks. */
export const PARTNER_WINDOW_SUBJECTS: readonly WindowSubject[] = [PARTNER_WINDOWS, PARTNER_APP_WINDOWS, PARTNER_CLASS_WINDOWS];

/** The subject's key columns, as a list (qualified by `alias` when given). */
const keyList = (subject: DeltaShape, alias?: string) => sql.join(subject.keys.map((k) => sql.ref(alias ? `${alias}.${k}` : k)));
/** `a.k = b.k` for every key column of the subject. */
const sameSubject = (subject: WindowSubject, a: string, b: string) =>
  sql.join(
    subject.keys.map((k) => sql`${sql.ref(`${a}.${k}`)} = ${sql.ref(`${b}.${k}`)}`),
    sql` AND `,
  );
/** 1, 2, …: the positions of the key columns (and `extra` more) in a select list, for GROUP BY and ORDER BY. */
const positions = (subject: DeltaShape, extra = 0) => sql.raw(Array.from({ length: subject.keys.length + extra }, (_, i) => String(i + 1)).join(', '));

/**
 * The deltas of `pieces`, a relation of (keys, day, prev, weight): the piece of the listener-day `day` whose
 * previous listener-day (of the same listener with the subject) is `prev`, null for none, added (weight 1) or
 * taken away (weight -1). A piece of length L covers [max(day, prev + L), day + L - 1]. One row per subject and
 * day with a column per length, rows whose deltas all cancel left out, in key order.
 */
export function windowDeltas(pieces: RawBuilder<unknown>, subject: DeltaShape) {
  const sumOf = (days: number) => sql`coalesce(sum(delta) FILTER (WHERE window_days = ${sql.lit(days)}), 0)`;
  const keys = positions(subject, 1);
  return sql`
    SELECT ${keyList(subject)}, day, ${sql.join(subject.lengths.map((days) => sql`${sumOf(days)} AS ${column(days)}`))}
    FROM (
      SELECT ${keyList(subject, 'p')}, w.days AS window_days, CASE WHEN p.prev IS NULL THEN p.day ELSE greatest(p.day, p.prev + w.days) END AS day, p.weight AS delta
      FROM ${pieces} p CROSS JOIN ${windowsOf(subject)}
      UNION ALL
      SELECT ${keyList(subject, 'p')}, w.days, p.day + w.days, -p.weight FROM ${pieces} p CROSS JOIN ${windowsOf(subject)}
    ) d
    GROUP BY ${keys} HAVING ${sql.join(
      subject.lengths.map((days) => sql`${sumOf(days)} <> 0`),
      sql` OR `,
    )} ORDER BY ${keys}`;
}

/** Adds the deltas of `pieces` (see windowDeltas) to the kept ones. */
export function upsertWindowDeltas(pieces: RawBuilder<unknown>, subject: DeltaShape) {
  const adds = subject.lengths.map((days) => sql`${column(days)} = r.${column(days)} + excluded.${column(days)}`);
  return sql`
    INSERT INTO ${sql.table(subject.table)} AS r (${keyList(subject)}, day, ${sql.join(subject.lengths.map(column))})
    ${windowDeltas(pieces, subject)}
    ON CONFLICT (${keyList(subject)}, day) DO UPDATE SET ${sql.join(adds)}`;
}

/** The first key column's ids among `ids`: which artists' or partners' subjects a rebuild or a check takes. */
const ofIds = (ids: string[], subject: WindowSubject) => sql`${sql.ref(subject.keys[0])} = ANY(${ids}::uuid[])`;

/** The subjects' listener-days (keys, day, user_id), each once. */
const listenerDaysOf = (ids: string[], subject: WindowSubject) =>
  sql`(SELECT ${subject.onePerListenerDay ? sql`` : sql`DISTINCT `}${keyList(subject)}, day, user_id FROM ${sql.table(subject.rows)} WHERE ${ofIds(ids, subject)})`;

/** Every listener-day of the subjects as a piece after the listener's previous day: the deltas from scratch. */
const piecesFromScratch = (ids: string[], subject: WindowSubject) => sql`(
  SELECT ${keyList(subject)}, day, lag(day) OVER (PARTITION BY ${keyList(subject)}, user_id ORDER BY day) AS prev, 1 AS weight
  FROM ${listenerDaysOf(ids, subject)} listener_days)`;

/** The listener-day of the same listener and subject as `c` nearest before (max) or after (min) `c.day`, in the statement's snapshot. */
const neighbour = (c: string, side: 'before' | 'after', subject: WindowSubject) =>
  sql`(SELECT ${side === 'before' ? sql`max(l.day)` : sql`min(l.day)`} FROM ${sql.table(subject.rows)} l
       WHERE l.user_id = ${sql.ref(`${c}.user_id`)} AND ${sameSubject(subject, 'l', c)}
         AND l.day ${side === 'before' ? sql`<` : sql`>`} ${sql.ref(`${c}.day`)})`;

/**
 * Common table expressions for applyEvents, after `listeners` (a relation of the subject's changed listener-days:
 * keys, day, user_id, their streams after the change and whether the listener-day is new): the delta upsert for
 * the listener-days that appeared (sign 1) or went to zero streams (sign -1). They read the listener sets as they
 * were before the statement (its snapshot), so neighbours are found among the days that existed before; the
 * pieces that change are the changed days' own and those of the days right after them.
 */
export function windowDeltasOf(listeners: string, sign: 1 | -1, subject: WindowSubject) {
  const from = sql.table(listeners);
  const keys = keyList(subject);
  const cte = (name: string) => sql.table(`${subject.prefix}_${name}`);
  const [near, pieces] = [cte('near'), cte('pieces')];
  if (sign > 0) {
    return sql`
      ${near} AS MATERIALIZED (
        SELECT ${keyList(subject, 'c')}, c.user_id, c.day, ${neighbour('c', 'before', subject)} AS before, ${neighbour('c', 'after', subject)} AS after,
               lag(c.day) OVER (PARTITION BY ${keyList(subject, 'c')}, c.user_id ORDER BY c.day) AS before_new
        FROM ${from} c WHERE c.fresh
      ),
      -- A new day's piece starts after its nearest earlier day, old or new; the old day right after one or more
      -- new days (after) now follows the latest of them instead of its old neighbour (before, the same for all).
      ${pieces} AS (
        SELECT ${keys}, day, greatest(before, before_new) AS prev, 1 AS weight FROM ${near}
        UNION ALL SELECT ${keys}, after, min(before), -1 FROM ${near} WHERE after IS NOT NULL GROUP BY ${keys}, user_id, after
        UNION ALL SELECT ${keys}, after, max(day), 1 FROM ${near} WHERE after IS NOT NULL GROUP BY ${keys}, user_id, after
      ),
      ${cte('deltas')} AS (${upsertWindowDeltas(pieces, subject)})`;
  }
  const gone = cte('gone');
  return sql`
    ${gone} AS MATERIALIZED (
      SELECT ${keyList(subject, 'c')}, c.user_id, c.day, array_agg(c.day) OVER (PARTITION BY ${keyList(subject, 'c')}, c.user_id) AS gone
      FROM ${from} c WHERE NOT c.fresh AND c.streams <= 0
    ),
    ${near} AS MATERIALIZED (
      SELECT ${keyList(subject, 'c')}, c.user_id, c.day, c.gone, ${neighbour('c', 'before', subject)} AS before, ${neighbour('c', 'after', subject)} AS after FROM ${gone} c
    ),
    -- A gone day's piece goes; the day right after it that stays now follows the nearest earlier day that stays.
    ${pieces} AS (
      SELECT ${keys}, day, before AS prev, -1 AS weight FROM ${near}
      UNION ALL SELECT ${keys}, after, day, -1 FROM ${near} WHERE after <> ALL (gone)
      UNION ALL
      SELECT ${keyList(subject, 'n')}, n.after,
             (SELECT max(l.day) FROM ${sql.table(subject.rows)} l
              WHERE l.user_id = n.user_id AND ${sameSubject(subject, 'l', 'n')} AND l.day < n.after AND l.day <> ALL (n.gone)), 1
      FROM ${near} n WHERE n.after <> ALL (n.gone)
    ),
    ${cte('deltas')} AS (${upsertWindowDeltas(pieces, subject)})`;
}

/** A window of distinct listeners that a statement counts: its inclusive days and the column of its count. */
export interface CountedWindow {
  from: string;
  to: string;
  column: string;
}

/** How a statement can count one subject's distinct listeners over a window. */
export interface ListenerCountWays {
  /** Whose kept windows count a window of a kept length; none (a track's listeners) means no window is kept. */
  kept?: { id: string; subject: WindowSubject };
  /** Counts a window some other kept way (a track's windows, kept by the compaction job), or undefined when it cannot. */
  count?: (from: string, to: string) => RawBuilder<unknown> | undefined;
  /** Counts one day's listeners as a scalar subquery, when the subject has a cheaper way for that than `scan`. */
  day?: (day: string) => RawBuilder<unknown>;
  /** One subquery over the listener-days of these windows' span, with one column per window (`column`) counting it. */
  scan: (windows: CountedWindow[]) => RawBuilder<unknown>;
}

/**
 * The distinct-listener columns of a statistics statement for the windows asked ([from, to] each), each window
 * counted once however often it is asked (a 28-day range is its own monthly window), by the cheapest way it allows:
 * a kept length from the kept deltas, one short index range each; a single day by `day`; the rest together by `scan`.
 * Gives the select list (one `… AS wN` per distinct window), the FROM item to add (empty without scanned windows:
 * `, (…) people`) and, for each asked window, the column that answers it.
 */
export function listenerCounts(asked: ReadonlyArray<readonly [string, string]>, ways: ListenerCountWays) {
  const windows: Array<CountedWindow & { count: RawBuilder<unknown> | undefined }> = [];
  const columnOf = asked.map(([from, to]) => {
    let window = windows.find((x) => x.from === from && x.to === to);
    if (!window) {
      const column = `w${windows.length}`;
      const count = ways.kept ? listenerWindowQueries.countOver(ways.kept.id, from, to, ways.kept.subject) : ways.count?.(from, to);
      window = { from, to, column, count: count ?? (from === to ? ways.day?.(to) : undefined) };
      windows.push(window);
    }
    return window.column;
  });
  const scanned = windows.filter((x) => !x.count);
  return {
    columns: windows.map(({ column, count }) => (count ? sql`${count} AS ${sql.ref(column)}` : sql`people.${sql.ref(column)}`)),
    from: scanned.length === 0 ? sql`` : sql`, (${ways.scan(scanned.map(({ from, to, column }) => ({ from, to, column })))}) people`,
    columnOf,
  };
}

export const listenerWindowQueries = {
  /**
   * Distinct listeners of the subject (an artist unless said; a subject of one key) in the `days`-day window ending
   * on `to` (days one of the subject's lengths), as a scalar subquery.
   */
  count: (id: string, days: number, to: string, subject: WindowSubject = ARTIST_WINDOWS) =>
    sql<string>`(SELECT coalesce(sum(${column(days)}), 0) FROM ${sql.table(subject.table)} WHERE ${sql.ref(subject.keys[0])} = ${id} AND day <= ${to}::date)`,

  /**
   * Distinct listeners of the subject (an artist unless said) over [from, to] from the kept windows, as a scalar
   * subquery; undefined when no kept window has the range's length.
   */
  countOver: (id: string, from: string, to: string, subject: WindowSubject = ARTIST_WINDOWS) =>
    subject.lengths.includes(daysIn(from, to)) ? listenerWindowQueries.count(id, daysIn(from, to), to, subject) : undefined,

  /**
   * Distinct listeners of the subject (a subject of one key that keeps one-day windows: a partner) on each day of
   * [from, to], days without any left out, as a relation of (day, listeners): the running sum of the one-day deltas
   * up to `to`, read once, whatever the number of listeners.
   */
  daily: (id: string, from: string, to: string, subject: WindowSubject) => {
    if (!subject.lengths.includes(1)) throw new Error(`${subject.table} keeps no one-day windows`);
    return sql`(
      SELECT day, listeners FROM (
        -- A day of the range comes after the deltas of the same day: its running sum holds them.
        SELECT day, asked, sum(d1) OVER (ORDER BY day, asked) AS listeners FROM (
          SELECT day, d1, false AS asked FROM ${sql.table(subject.table)} WHERE ${sql.ref(subject.keys[0])} = ${id}::uuid AND day <= ${to}::date
          UNION ALL SELECT g::date, 0, true FROM generate_series(${from}::date, ${to}::date, interval '1 day') g
        ) deltas
      ) running
      WHERE asked AND listeners <> 0)`;
  },

  /**
   * Distinct listeners over [from, to] of each subject of the artist or partner `id` (a subject with more than one
   * key: each app and device class, or each device class, of a partner), from the kept windows: a relation of the
   * keys after the first and `listeners`, subjects with none left out; undefined when no kept window has the
   * range's length. One index range over the partner's deltas up to `to`, whatever the number of listeners.
   */
  countsOver: (id: string, from: string, to: string, subject: WindowSubject) => {
    const days = daysIn(from, to);
    if (!subject.lengths.includes(days)) return undefined;
    const rest = sql.join(subject.keys.slice(1).map((k) => sql.ref(k)));
    return sql`(
      SELECT ${rest}, sum(${column(days)}) AS listeners FROM ${sql.table(subject.table)}
      WHERE ${sql.ref(subject.keys[0])} = ${id}::uuid AND day <= ${to}::date
      GROUP BY ${rest} HAVING sum(${column(days)}) <> 0)`;
  },

  /**
   * Recomputes the subjects' deltas (artists' unless said) from their listener sets: for rows written other than
   * by aggregation (test fixtures), and the repair of drifted ones (`npm run admin -- listener-windows --repair`).
   */
  async rebuild(db: Db, ids: string[], subject: WindowSubject = ARTIST_WINDOWS): Promise<void> {
    if (ids.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await sql`SELECT ${LISTENER_WINDOWS_LOCK}`.execute(trx);
      await sql`DELETE FROM ${sql.table(subject.table)} WHERE ${ofIds(ids, subject)}`.execute(trx);
      await sql`WITH pieces AS ${piecesFromScratch(ids, subject)} ${upsertWindowDeltas(sql`pieces`, subject)}`.execute(trx);
    });
  },

  /**
   * The subjects among `ids` (artists unless said) whose kept deltas differ from what their listener sets say, in
   * one snapshot (aggregation changes both in one statement, so a check beside it sees no drift that is not
   * there). Rows whose deltas all cancel are the same as no row.
   */
  async drifted(db: Db, ids: string[], subject: WindowSubject = ARTIST_WINDOWS): Promise<string[]> {
    if (ids.length === 0) return [];
    const first = sql.ref(subject.keys[0]);
    const differs = subject.lengths.map((days) => sql`coalesce(want.${column(days)}, 0) <> coalesce(have.${column(days)}, 0)`);
    const { rows } = await sql<{ id: string }>`
      WITH pieces AS ${piecesFromScratch(ids, subject)},
           want AS (${windowDeltas(sql`pieces`, subject)}),
           have AS (SELECT * FROM ${sql.table(subject.table)} WHERE ${ofIds(ids, subject)})
      SELECT DISTINCT coalesce(want.${first}, have.${first}) AS id
      FROM want FULL JOIN have ON ${sameSubject(subject, 'have', 'want')} AND have.day = want.day
      WHERE ${sql.join(differs, sql` OR `)}
      ORDER BY 1`.execute(db);
    return rows.map((r) => r.id);
  },

  /** A page of artist ids in id order, after `after` (the start when undefined): how a check walks every artist. */
  async artistPage(db: Db, after: string | undefined, limit: number): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM artists ${after === undefined ? sql`` : sql`WHERE id > ${after}::uuid`} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => r.id);
  },
};
