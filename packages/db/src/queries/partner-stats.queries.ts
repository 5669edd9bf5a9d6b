import { type RawBuilder, sql } from 'kysely';
import { PARTNER_KINDS, type PartnerKind, type PartnerRole } from '../app-registry.js';
import { type AllowedRow, allowedRow, andIf, type Condition, type Db, guardedRows, havingIf, prepared } from '../connection.js';
import type { Granularity, StatsWindows } from './analytics.queries.js';
import {
  type AudienceDimension,
  type AudienceSums,
  artistDayCells,
  audienceValue,
  dayCells,
  keptTotal,
  PARTNER_CELL_KEEPING,
  PARTNER_CELLS,
  sumAudienceCells,
} from './audience.queries.js';
import { daySetQueries, partnerListenersOf } from './day-sets.queries.js';
import { listenerCounts, listenerWindowQueries, PARTNER_APP_WINDOWS, PARTNER_CLASS_WINDOWS, PARTNER_WINDOWS } from './listener-windows.queries.js';

/**
 * Partner analytics and the partner breakdowns of artists and of the platform: reads of the attribution rollups
 * only (see migration 2026-12-06T0019-attribution), never of raw listens. Every predicate is
 * `<key> = $1 AND day BETWEEN ...` on a rollup's primary key, so a request costs what its days cost.
 */

export type PartnerSeriesMetric = 'streams' | 'listeners' | 'skips' | 'ms_played';

export interface PartnerCounterSums {
  streams: number;
  skips: number;
  ms_played: number;
}

export interface PartnerStatsSums {
  current: PartnerCounterSums;
  previous: PartnerCounterSums;
  listeners: number;
  previous_listeners: number;
  monthly_listeners: number;
  previous_monthly_listeners: number;
  first_day: string | null;
}

export interface PartnerAppRow {
  app_id: string;
  /** Null when the app has since been deleted. */
  name: string | null;
  device_class: string;
  streams: number;
  skips: number;
  ms_played: number;
  listeners: number;
  previous_streams: number;
}

export interface NamedPartnerSums {
  partner_id: string;
  name: string | null;
  kind: PartnerKind;
  listeners: number;
  streams: number;
}

const date = (day: string) => sql`${day}::date`;

const BUCKET: Record<Granularity, RawBuilder<string>> = {
  day: sql<string>`day`,
  week: sql<string>`date_trunc('week', day::timestamp)::date`,
  month: sql<string>`date_trunc('month', day::timestamp)::date`,
};

const n = (v: unknown) => Number(v ?? 0);

export const partnerStatsQueries = {
  /** The partner's first day with attributed listens and its creation day; undefined when it does not exist. */
  partnerForStats: async (db: Db, partnerId: string) => {
    const { rows } = await sql<{ id: string; name: string; first_day: string | null; created_day: string }>`
      SELECT id, name, (SELECT min(day)::text FROM partner_app_daily WHERE partner_id = ${partnerId}) AS first_day,
             to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS created_day
      FROM partners WHERE id = ${partnerId}`.execute(db);
    return rows[0];
  },

  /** The caller's role on the partner's team, or undefined (the partner may not exist either). */
  memberRole: async (db: Db, partnerId: string, userId: string): Promise<PartnerRole | undefined> => {
    const row = await db.selectFrom('partner_members').select('role').where('partner_id', '=', partnerId).where('user_id', '=', userId).executeTakeFirst();
    return row?.role;
  },

  /** Headline numbers of one partner for a range and the period before it (listeners exact), in one statement. */
  stats: async (db: Db, partnerId: string, w: StatsWindows): Promise<PartnerStatsSums> => {
    const cur = sql`day >= ${date(w.from)}`;
    const prev = sql`day <= ${date(w.previousTo)}`;
    const sum = (column: string, when: RawBuilder<unknown>) => sql`sum(${sql.ref(column)}) FILTER (WHERE ${when})`;
    // Distinct listeners of the four windows asked (range, previous period, their monthly windows): those of a kept
    // length from the kept deltas; the others from the listener-days of the kept cells and pending days over their
    // span, hashed once by listener.
    const listeners = listenerCounts(
      [
        [w.from, w.to],
        [w.previousFrom, w.previousTo],
        [w.monthFrom, w.to],
        [w.previousMonthFrom, w.previousTo],
      ],
      {
        kept: { id: partnerId, subject: PARTNER_WINDOWS },
        scan: (windows) => sql`
          SELECT ${sql.join(windows.map(({ column }) => sql`count(*) FILTER (WHERE ${sql.ref(column)}) AS ${sql.ref(column)}`))} FROM (
            SELECT ${sql.join(windows.map(({ from, to, column }) => sql`bool_or(day BETWEEN ${date(from)} AND ${date(to)}) AS ${sql.ref(column)}`))}
            FROM ${daySetQueries.partnerListenerDays(
              partnerId,
              windows.map((x) => x.from).sort()[0]!,
              windows
                .map((x) => x.to)
                .sort()
                .at(-1)!,
            )} listener_days
            GROUP BY u) listeners`,
      },
    );
    const { rows } = await sql<Record<string, number | string | null>>`
      SELECT totals.*, first.first_day, ${sql.join(listeners.columns)} FROM
        (SELECT ${sum('streams', cur)} AS streams, ${sum('skips', cur)} AS skips, ${sum('ms_played', cur)} AS ms_played,
                ${sum('streams', prev)} AS p_streams, ${sum('skips', prev)} AS p_skips, ${sum('ms_played', prev)} AS p_ms_played
         FROM partner_app_daily
         WHERE partner_id = ${partnerId} AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}) totals,
        (SELECT min(day)::text AS first_day FROM partner_app_daily WHERE partner_id = ${partnerId}) first${listeners.from}`.execute(db);
    const r = rows[0] ?? {};
    return {
      current: { streams: n(r.streams), skips: n(r.skips), ms_played: n(r.ms_played) },
      previous: { streams: n(r.p_streams), skips: n(r.p_skips), ms_played: n(r.p_ms_played) },
      listeners: n(r[listeners.columnOf[0]!]),
      previous_listeners: n(r[listeners.columnOf[1]!]),
      monthly_listeners: n(r[listeners.columnOf[2]!]),
      previous_monthly_listeners: n(r[listeners.columnOf[3]!]),
      first_day: typeof r.first_day === 'string' ? r.first_day : null,
    };
  },

  /** One metric of a partner per bucket (only buckets with rows; the caller zero-fills); listeners distinct per bucket. */
  series: async (db: Db, partnerId: string, metric: PartnerSeriesMetric, granularity: Granularity, from: string, to: string) => {
    const where = sql`partner_id = ${partnerId} AND day BETWEEN ${date(from)} AND ${date(to)}`;
    const bucket = BUCKET[granularity];
    const query =
      metric !== 'listeners'
        ? sql<{ bucket: string; value: number }>`
            SELECT to_char(${bucket}, 'YYYY-MM-DD') AS bucket, sum(${sql.ref(metric)})::bigint AS value
            FROM partner_app_daily WHERE ${where} GROUP BY ${bucket}`
        : granularity === 'day'
          ? // Each day's listeners from the kept one-day windows: the partner's deltas, not its listener rows.
            sql<{ bucket: string; value: number }>`
              SELECT to_char(day, 'YYYY-MM-DD') AS bucket, listeners AS value
              FROM ${listenerWindowQueries.daily(partnerId, from, to, PARTNER_WINDOWS)} daily`
          : sql<{ bucket: string; value: number }>`
              SELECT to_char(${bucket}, 'YYYY-MM-DD') AS bucket, count(DISTINCT user_id) AS value
              FROM partner_day_listeners WHERE ${where} GROUP BY ${bucket}`;
    const { rows } = await query.execute(db);
    return rows.map((r) => ({ bucket: r.bucket, value: Number(r.value) }));
  },

  /**
   * Per app and device class over the range: streams, skips, time played, distinct listeners, and the previous
   * period's streams; then per device class the same over all of the partner's apps (listeners distinct across them).
   */
  apps: async (db: Db, partnerId: string, w: Pick<StatsWindows, 'from' | 'to' | 'previousFrom'>) => {
    // One statement. Distinct listeners per app and device class, and per device class across apps (the rows with
    // a null app_id): for a range of a kept length from the kept windows, an index range of deltas each; otherwise
    // the range's listener rows hashed once into (app, device class, listener), and both counts taken from that by
    // hashing again (a count(DISTINCT) sorted its input, once per count).
    const perApp = listenerWindowQueries.countsOver(partnerId, w.from, w.to, PARTNER_APP_WINDOWS);
    const perClass = listenerWindowQueries.countsOver(partnerId, w.from, w.to, PARTNER_CLASS_WINDOWS);
    const people =
      perApp && perClass
        ? sql`people AS ${perApp}, class_people AS ${perClass}`
        : sql`pairs AS MATERIALIZED (
            SELECT app_id, device_class, user_id
            FROM partner_day_listeners
            WHERE partner_id = ${partnerId} AND day BETWEEN ${date(w.from)} AND ${date(w.to)}
            GROUP BY 1, 2, 3
          ),
          people AS (SELECT app_id, device_class, count(*) AS listeners FROM pairs GROUP BY 1, 2),
          class_people AS (SELECT device_class, count(*) AS listeners FROM (SELECT device_class, user_id FROM pairs GROUP BY 1, 2) per_class GROUP BY 1)`;
    const { rows } = await sql<Record<string, string | number | null>>`
      WITH counters AS (
        SELECT app_id, device_class,
               sum(streams) FILTER (WHERE day >= ${date(w.from)}) AS streams, sum(skips) FILTER (WHERE day >= ${date(w.from)}) AS skips,
               sum(ms_played) FILTER (WHERE day >= ${date(w.from)}) AS ms_played, sum(streams) FILTER (WHERE day < ${date(w.from)}) AS previous_streams
        FROM partner_app_daily
        WHERE partner_id = ${partnerId} AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}
        GROUP BY 1, 2
      ), ${people}
      SELECT c.app_id::text AS app_id, a.name, c.device_class, c.streams, c.skips, c.ms_played, c.previous_streams, p.listeners
      FROM counters c
      LEFT JOIN people p ON p.app_id = c.app_id AND p.device_class = c.device_class
      LEFT JOIN partner_apps a ON a.id = c.app_id
      UNION ALL
      SELECT NULL, NULL, device_class, NULL, NULL, NULL, NULL, listeners FROM class_people`.execute(db);
    const apps = rows.filter((r) => r.app_id !== null);
    const classes = rows.filter((r) => r.app_id === null);
    return {
      apps: apps.map(
        (r): PartnerAppRow => ({
          app_id: String(r.app_id),
          name: r.name === null ? null : String(r.name),
          device_class: String(r.device_class),
          streams: n(r.streams),
          skips: n(r.skips),
          ms_played: n(r.ms_played),
          listeners: n(r.listeners),
          previous_streams: n(r.previous_streams),
        }),
      ),
      classListeners: new Map(classes.map((r) => [String(r.device_class), n(r.listeners)])),
    };
  },

  /** The partner's artists with the most streams over the range (ties by artist id), and how many artists there were. */
  topArtists: async (db: Db, partnerId: string, from: string, to: string, limit: number) => {
    const { rows } = await sql<{ artist_id: string; name: string | null; streams: string; total: string }>`
      WITH sums AS (
        SELECT artist_id, sum(streams) AS streams FROM partner_artist_daily
        WHERE partner_id = ${partnerId} AND day BETWEEN ${date(from)} AND ${date(to)}
        GROUP BY 1 HAVING sum(streams) > 0
      )
      SELECT s.artist_id::text AS artist_id, a.name, s.streams, (SELECT count(*) FROM sums) AS total
      FROM (SELECT * FROM sums ORDER BY streams DESC, artist_id LIMIT ${limit}) s
      LEFT JOIN artists a ON a.id = s.artist_id
      ORDER BY s.streams DESC, s.artist_id`.execute(db);
    return rows.map((r) => ({ artist_id: r.artist_id, name: r.name, streams: Number(r.streams), total: Number(r.total) }));
  },

  /** The partner's tracks with the most streams over the range (ties by track id), and how many tracks there were. */
  topTracks: async (db: Db, partnerId: string, from: string, to: string, limit: number) => {
    const { rows } = await sql<{ track_id: string; title: string | null; artist_id: string; artist_name: string | null; streams: string; total: string }>`
      WITH sums AS (
        SELECT track_id, min(artist_id::text)::uuid AS artist_id, sum(streams) AS streams FROM partner_track_daily
        WHERE partner_id = ${partnerId} AND day BETWEEN ${date(from)} AND ${date(to)}
        GROUP BY 1 HAVING sum(streams) > 0
      )
      SELECT s.track_id::text AS track_id, t.title, s.artist_id::text AS artist_id, a.name AS artist_name, s.streams, (SELECT count(*) FROM sums) AS total
      FROM (SELECT * FROM sums ORDER BY streams DESC, track_id LIMIT ${limit}) s
      LEFT JOIN tracks t ON t.id = s.track_id
      LEFT JOIN artists a ON a.id = s.artist_id
      ORDER BY s.streams DESC, s.track_id`.execute(db);
    return rows.map((r) => ({
      track_id: r.track_id,
      title: r.title,
      artist_id: r.artist_id,
      artist_name: r.artist_name,
      streams: Number(r.streams),
      total: Number(r.total),
    }));
  },

  /**
   * A partner's audience over [from, to] by one dimension under the artists' day-cell rule (audienceQueries):
   * a day-cell is one partner, one UTC day, one value, judged on its own day over all of that day's cells.
   * A listener who used two of the partner's apps on a day is one listener of that day. Its kept cells and its
   * pending days' rows, as for an artist (see dayCells); the total of a long kept window from the partner's kept
   * windows, as an artist's (see keptTotal: on the 10M set, 90 days 12-34 -> 9-29 ms; 7 and 28 days no faster).
   */
  audience: (db: Db, partnerId: string, dimension: AudienceDimension, from: string, to: string, k: number): Promise<AudienceSums> =>
    sumAudienceCells(
      db,
      sql`cells AS MATERIALIZED (${dayCells(
        PARTNER_CELL_KEEPING,
        partnerId,
        [dimension],
        (days) => sql`
          SELECT ${sql.lit(dimension)} AS part, p.day, ${audienceValue(dimension, 'l')} AS value, count(*) AS listeners, sum(l.streams)::int8 AS streams,
                 array_agg(l.ordinal) AS users
          FROM ${days} p CROSS JOIN LATERAL ${partnerListenersOf(sql`p.partner_id`, sql`p.day`)} l
          GROUP BY 1, 2, 3`,
        { from, to, k },
      )})`,
      undefined,
      keptTotal(partnerId, from, to, PARTNER_WINDOWS),
    ),

  /** Today's streams and skips of a partner, in all and per app (what its live counter shows). */
  liveToday: async (db: Db, partnerId: string, day: string) => {
    const { rows } = await sql<{ app_id: string; name: string | null; streams: string; skips: string }>`
      SELECT d.app_id::text AS app_id, a.name, sum(d.streams) AS streams, sum(d.skips) AS skips
      FROM partner_app_daily d LEFT JOIN partner_apps a ON a.id = d.app_id
      WHERE d.partner_id = ${partnerId} AND d.day = ${date(day)}
      GROUP BY 1, 2 ORDER BY 1`.execute(db);
    const apps = rows.map((r) => ({ app_id: r.app_id, name: r.name, streams: Number(r.streams), skips: Number(r.skips) }));
    return { streams: apps.reduce((s, a) => s + a.streams, 0), skips: apps.reduce((s, a) => s + a.skips, 0), apps };
  },

  // --- the partner side of artists' statistics ---

  /**
   * An artist's streams by partner kind for the range and the previous period: the verified kinds and
   * unverified from their rollup, `none` as the artist's streams minus those.
   */
  artistPartnerKinds: async (db: Db, artistId: string, w: Pick<StatsWindows, 'from' | 'to' | 'previousFrom'>, onlyIf?: Condition) => {
    const { rows } = await prepared(sql<{ kind: string; current: string; previous: string }>`
      SELECT kind, coalesce(sum(streams) FILTER (WHERE day >= ${date(w.from)}), 0)::bigint AS current,
             coalesce(sum(streams) FILTER (WHERE day < ${date(w.from)}), 0)::bigint AS previous
      FROM artist_partner_kind_daily
      WHERE artist_id = ${artistId} AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}${andIf(onlyIf)}
      GROUP BY kind
      UNION ALL
      SELECT 'total', coalesce(sum(streams) FILTER (WHERE day >= ${date(w.from)}), 0)::bigint,
             coalesce(sum(streams) FILTER (WHERE day < ${date(w.from)}), 0)::bigint
      FROM artist_daily
      WHERE artist_id = ${artistId} AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}
      ${havingIf(onlyIf)}`).execute(db);
    // The total row is always there (an aggregate over no rows is one row), unless the access rule said no.
    if (!rows.some((r) => r.kind === 'total')) return undefined;
    return rows.map((r) => ({ kind: r.kind, current: Number(r.current), previous: Number(r.previous) }));
  },

  /**
   * An artist's verified streams per named partner over [from, to], under the day-cell rule: a day-cell is one
   * artist, one UTC day, one partner; cells are judged within their partner kind, so that a kind's total (which
   * the partner-kind breakdown publishes) minus its shown partners is always two or more hidden partners holding
   * at least k listeners, never one partner's number. Returns the partners with a shown day-cell (listeners
   * distinct over their shown days, streams of those days) and those with streams but none shown.
   */
  artistNamedPartners: async (db: Db, artistId: string, from: string, to: string, k: number, onlyIf?: Condition) => {
    type Row = { partner_id: string; kind: PartnerKind; name: string | null; listeners: string; streams: string; shown: boolean };
    // Prepared: planning it cost more than running it for most artists (10M set, 28 days: 1.1-1.4 ms a call
    // planned each time, 0.4 prepared). Its generic plan once took 2.4 s for the top artist over 365 days; since the
    // cells are kept (the 2026-12-07T0025 migration) every plan is led by the artist's index, and a generic plan
    // forced on it answers the top artist's 365 days in 28-39 ms, as its own plan does (28-54 ms).
    const { rows } = await prepared(sql<Row | AllowedRow<Row>>`
      WITH cells AS MATERIALIZED (
        -- A partition of cells per partner kind: the rule judges each kind's cells of a day apart.
        ${artistDayCells(artistId, PARTNER_KINDS, PARTNER_CELLS, { from, to, k }, onlyIf)}
      ),
      listeners AS (
        SELECT value, count(*) AS listeners
        FROM (SELECT DISTINCT c.value, u FROM cells c CROSS JOIN LATERAL unnest(c.users) u WHERE c.shown) shown_listeners GROUP BY 1
      ),
      per_partner AS (
        SELECT value, min(part) AS kind, coalesce(sum(streams) FILTER (WHERE shown), 0) AS streams, bool_or(shown) AS shown
        FROM cells GROUP BY value HAVING sum(streams) > 0
      )
      SELECT p.value AS partner_id, p.kind, pa.name, coalesce(l.listeners, 0) AS listeners, p.streams, p.shown
      FROM per_partner p LEFT JOIN listeners l ON l.value = p.value LEFT JOIN partners pa ON pa.id = p.value::uuid
      ${allowedRow(onlyIf, 6)}`).execute(db);
    return guardedRows(rows, onlyIf, 'partner_id')?.map((r) => ({
      partner_id: r.partner_id,
      kind: r.kind,
      name: r.name,
      listeners: Number(r.listeners),
      streams: Number(r.streams),
      shown: r.shown,
    }));
  },

  // --- product insight (platform-wide) ---

  /**
   * Platform-wide streams per day: in all (artist_daily) and by partner kind (the verified kinds and
   * unverified; `none` is the rest), over [from, to].
   */
  platformPartnerKindsDaily: async (db: Db, from: string, to: string) => {
    const { rows } = await sql<{ day: string; kind: string; streams: string }>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, sum(streams)::bigint AS streams
      FROM artist_partner_kind_daily WHERE day BETWEEN ${date(from)} AND ${date(to)} GROUP BY day, kind
      UNION ALL
      SELECT to_char(day, 'YYYY-MM-DD'), 'total', sum(streams)::bigint
      FROM artist_daily WHERE day BETWEEN ${date(from)} AND ${date(to)} GROUP BY day`.execute(db);
    return rows.map((r) => ({ day: r.day, kind: r.kind, streams: Number(r.streams) }));
  },
};
