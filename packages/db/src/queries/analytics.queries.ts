import { type RawBuilder, sql } from 'kysely';
import { type AllowedRow, allowedRow, andIf, type Condition, type Db, guardedRows, havingIf, prepared } from '../connection.js';
import { shownDayCells } from './audience.queries.js';
import { daySetQueries } from './day-sets.queries.js';
import { ARTIST_WINDOWS, type CountedWindow, listenerCounts } from './listener-windows.queries.js';

/**
 * Creator analytics and product insight: reads of the listening rollups only, never of raw listens, so a
 * request costs what its days and dimensions cost, not what the event history weighs. Every predicate is
 * `<subject key> = $1 AND day BETWEEN ...` on the rollups' primary keys (index range scans). Days travel as
 * 'YYYY-MM-DD' strings and are cast to date in SQL; sums are cast back to bigint so pg hands out numbers.
 */

/** Whose rollups a query reads: an artist's (artist_daily, artist_day_listeners) or a track's. */
export interface StatsSubject {
  kind: 'artist' | 'track';
  id: string;
}

/** Inclusive UTC day windows of one stats request. */
export interface StatsWindows {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** First day of the 28 days ending at `to` (monthly listeners) and at `previousTo`. */
  monthFrom: string;
  previousMonthFrom: string;
}

export interface CounterSums {
  streams: number;
  skips: number;
  ms_played: number;
  saves: number;
  playlist_adds: number;
}

export interface StatsSums {
  current: CounterSums;
  previous: CounterSums;
  listeners: number;
  previous_listeners: number;
  monthly_listeners: number;
  previous_monthly_listeners: number;
  /** The subject's first day with any data, null without any: a previous period before it has nothing to compare. */
  first_day: string | null;
}

export type SeriesMetric = 'streams' | 'listeners' | 'skips' | 'saves' | 'playlist_adds' | 'ms_played';
export type Granularity = 'day' | 'week' | 'month';

export interface TrackSums extends CounterSums {
  track_id: string;
  title: string;
  listeners: number;
}

interface SeriesRow {
  bucket: string;
  value: number;
}

export interface PlaylistContextRow {
  kind: 'public' | 'private_or_unknown' | 'total';
  playlist_id: string | null;
  name: string | null;
  collaborative: boolean | null;
  curators: number | null;
  streams: number;
  /** Public playlists that drove streams in the range (on every row). */
  public_count: number;
}

export interface EngagementSums {
  active: number;
  dau: number;
  wau: number;
  mau: number;
  streams: number;
  skips: number;
  ms_played: number;
}

export interface EngagementDay {
  day: string;
  dau: number;
  streams: number;
  skips: number;
  ms_played: number;
}

export interface BreakdownSums {
  dimension: string;
  value: string;
  current: number;
  previous: number;
}

export interface TrendCandidateRow {
  id: string;
  name: string;
  artist_id: string;
  artist_name: string;
  days: string[];
  streams: number[];
}

export interface DiversityRow {
  /** 'current', 'previous', or the Monday of an ISO week (clipped to the range). */
  bucket: string;
  total: number;
  top: number;
  artists: number;
  top_artists: number;
}

const TABLES = {
  artist: { key: 'artist_id', daily: 'artist_daily', listeners: 'artist_day_listeners', breakdown: 'artist_daily_breakdown' },
  track: { key: 'track_id', daily: 'track_daily', listeners: 'track_day_listeners', breakdown: 'track_daily_breakdown' },
} as const;

const date = (day: string) => sql`${day}::date`;

/** The calendar start of a day's bucket, still a date (grouping and sorting dates is cheaper than text). */
const BUCKET: Record<Granularity, RawBuilder<string>> = {
  day: sql<string>`day`,
  // ISO weeks start on Monday, which is what date_trunc('week') gives; a timestamp without zone keeps it a calendar day.
  week: sql<string>`date_trunc('week', day::timestamp)::date`,
  month: sql<string>`date_trunc('month', day::timestamp)::date`,
};

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * The subject's listener-days over [from, to] as a relation (day, u), u a user ordinal: from its compact day sets
 * where closed days have them, from its listener rows elsewhere (see daySetQueries). Gated by `onlyIf` like a scan.
 */
const listenerDaysOf = (subject: StatsSubject, from: string, to: string, onlyIf?: Condition) =>
  subject.kind === 'track'
    ? daySetQueries.trackListenerDays(sql<string>`${subject.id}::uuid`, from, to, onlyIf)
    : daySetQueries.artistListenerDays(subject.id, from, to, onlyIf);

/**
 * Distinct listeners of each of `scanned` (windows of one subject, named by their column) in one pass over the
 * subject's listener-days of their span.
 */
function scannedListeners(subject: StatsSubject, scanned: CountedWindow[]) {
  // ISO dates compare as text, so the span is the least start and the greatest end.
  const from = scanned.map((x) => x.from).sort()[0]!;
  const to = scanned
    .map((x) => x.to)
    .sort()
    .at(-1)!;
  const counts = scanned.map((w) => sql`count(DISTINCT u) FILTER (WHERE day BETWEEN ${date(w.from)} AND ${date(w.to)}) AS ${sql.ref(w.column)}`);
  return sql`SELECT ${sql.join(counts)} FROM ${listenerDaysOf(subject, from, to)} listener_days`;
}

export const analyticsQueries = {
  /** The artist's first day with any rollup and the day it was created: what range=all starts at. */
  artistFirstDay: async (db: Db, artistId: string) => {
    const { rows } = await sql<{ first_day: string | null; created_day: string }>`
      SELECT (SELECT min(day)::text FROM artist_daily WHERE artist_id = ${artistId}) AS first_day,
             to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS created_day
      FROM artists WHERE id = ${artistId}`.execute(db);
    return rows[0];
  },

  /**
   * A track with its artist and its first day with data (for range=all); undefined when it does not exist.
   * `visible` is the access rule `visibleIf` builds for the track's artist (see catalogQueries.teamVisibleTo), read
   * in the same statement.
   */
  trackForStats: async (db: Db, trackId: string, visibleIf: (artistId: RawBuilder<string>) => Condition) => {
    const { rows } = await sql<{ id: string; artist_id: string; title: string; first_day: string | null; created_day: string; visible: boolean }>`
      SELECT id, artist_id, title, ${visibleIf(sql<string>`tracks.artist_id`)} AS visible,
             (SELECT min(day)::text FROM track_daily WHERE track_id = ${trackId}) AS first_day,
             to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS created_day
      FROM tracks WHERE id = ${trackId}`.execute(db);
    return rows[0];
  },

  /**
   * Every headline number of one artist or track for a range and the period before it, in one statement.
   * Listeners are exact. An artist's windows of 7, 28, 90 or 365 days are read from the kept window deltas (one
   * index range each, see listenerWindowQueries); a one-day window counts that day's listener set; any other
   * window counts DISTINCT user_id over the subject's listener-day rows (one index range scan for all of them).
   * Windows that coincide (a 28-day range is its own monthly window) are counted once. With `onlyIf` (an access
   * rule), nothing is read and the answer is undefined when the condition is false.
   */
  stats: async (db: Db, subject: StatsSubject, w: StatsWindows, onlyIf?: Condition): Promise<StatsSums | undefined> => {
    const t = TABLES[subject.kind];
    const key = sql.ref(t.key);
    const cur = sql`day >= ${date(w.from)}`;
    const prev = sql`day <= ${date(w.previousTo)}`;
    // Plain FILTERed sums, no CTEs, casts or coalesce: this statement is planned on every request, and its
    // planning costs more than running it for most artists. Sums arrive as numeric strings (or null) and are read in JS.
    const sum = (column: string, when: RawBuilder<unknown>) => sql`sum(${sql.ref(column)}) FILTER (WHERE ${when})`;
    // The four windows asked: range, previous period, and their monthly windows.
    const listeners = listenerCounts(
      [
        [w.from, w.to],
        [w.previousFrom, w.previousTo],
        [w.monthFrom, w.to],
        [w.previousMonthFrom, w.previousTo],
      ],
      {
        ...(subject.kind === 'artist'
          ? { kept: { id: subject.id, subject: ARTIST_WINDOWS } }
          : { count: (from: string, to: string) => daySetQueries.keptTrackListeners(sql<string>`${subject.id}::uuid`, from, to) }),
        day: (day) => sql`(SELECT count(*) FROM ${sql.table(t.listeners)} WHERE ${key} = ${subject.id} AND day = ${date(day)})`,
        scan: (windows) => scannedListeners(subject, windows),
      },
    );
    const { rows } = await prepared(sql<Record<string, number | string | null>>`
      SELECT totals.*, first.first_day, ${sql.join(listeners.columns)} FROM
        (SELECT ${sum('streams', cur)} AS streams, ${sum('skips', cur)} AS skips, ${sum('ms_played', cur)} AS ms_played,
                ${sum('saves', cur)} AS saves, ${sum('playlist_adds', cur)} AS playlist_adds,
                ${sum('streams', prev)} AS p_streams, ${sum('skips', prev)} AS p_skips, ${sum('ms_played', prev)} AS p_ms_played,
                ${sum('saves', prev)} AS p_saves, ${sum('playlist_adds', prev)} AS p_playlist_adds
         FROM ${sql.table(t.daily)}
         WHERE ${key} = ${subject.id} AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}) totals,
        (SELECT min(day)::text AS first_day FROM ${sql.table(t.daily)} WHERE ${key} = ${subject.id}) first${listeners.from}
      ${onlyIf ? sql`WHERE ${onlyIf}` : sql``}`).execute(db);
    const r = rows[0];
    if (!r) return undefined;
    const n = (k: string) => Number(r[k] ?? 0);
    const listenersIn = (i: number) => n(listeners.columnOf[i]!);
    return {
      current: { streams: n('streams'), skips: n('skips'), ms_played: n('ms_played'), saves: n('saves'), playlist_adds: n('playlist_adds') },
      previous: { streams: n('p_streams'), skips: n('p_skips'), ms_played: n('p_ms_played'), saves: n('p_saves'), playlist_adds: n('p_playlist_adds') },
      listeners: listenersIn(0),
      previous_listeners: listenersIn(1),
      monthly_listeners: listenersIn(2),
      previous_monthly_listeners: listenersIn(3),
      first_day: typeof r.first_day === 'string' ? r.first_day : null,
    };
  },

  /** One metric per bucket (only buckets with rows; the caller zero-fills). Listeners are distinct per bucket. */
  series: async (db: Db, subject: StatsSubject, metric: SeriesMetric, granularity: Granularity, from: string, to: string, onlyIf?: Condition) => {
    const t = TABLES[subject.kind];
    const bucket = BUCKET[granularity];
    const where = sql`${sql.ref(t.key)} = ${subject.id} AND day BETWEEN ${date(from)} AND ${date(to)}${andIf(onlyIf)}`;
    // A listener has one row per day, so a day counts rows (an index-only scan, cheaper than the day sets); longer
    // buckets count distinct (bucket, listener) pairs, from the compact day sets where closed days have them.
    const query =
      metric !== 'listeners'
        ? sql<SeriesRow>`
            SELECT to_char(${bucket}, 'YYYY-MM-DD') AS bucket, sum(${sql.ref(metric)})::bigint AS value
            FROM ${sql.table(t.daily)} WHERE ${where} GROUP BY ${bucket}`
        : granularity === 'day'
          ? sql<SeriesRow>`
              SELECT to_char(day, 'YYYY-MM-DD') AS bucket, count(*) AS value
              FROM ${sql.table(t.listeners)} WHERE ${where} GROUP BY day`
          : sql<SeriesRow>`
              SELECT to_char(bucket, 'YYYY-MM-DD') AS bucket, count(*) AS value
              FROM (SELECT DISTINCT ${bucket} AS bucket, u FROM ${listenerDaysOf(subject, from, to, onlyIf)} listener_days) pairs
              GROUP BY bucket`;
    const { rows } = await prepared(sql<SeriesRow | AllowedRow<SeriesRow>>`${query} ${allowedRow(onlyIf, 2)}`).execute(db);
    return guardedRows(rows, onlyIf, 'bucket')?.map((r) => ({ bucket: r.bucket, value: Number(r.value) }));
  },

  /**
   * Every track of the artist with its sums over the range (zeros for tracks without data). Distinct listeners come
   * from the tracks' compact day sets where the days have one (see daySetQueries).
   */
  artistTracks: async (db: Db, artistId: string, from: string, to: string, onlyIf?: Condition): Promise<TrackSums[] | undefined> => {
    // Sums come back as numeric strings, null for a track without rows: the caller reads them as numbers.
    const { rows } = await prepared(sql<TrackSums | AllowedRow<TrackSums>>`
      SELECT t.id AS track_id, t.title, d.streams, d.skips, d.ms_played, d.saves, d.playlist_adds, l.listeners
      FROM tracks t
      LEFT JOIN LATERAL (
        SELECT sum(streams) AS streams, sum(skips) AS skips, sum(ms_played) AS ms_played, sum(saves) AS saves, sum(playlist_adds) AS playlist_adds
        FROM track_daily WHERE track_id = t.id AND day BETWEEN ${date(from)} AND ${date(to)}
      ) d ON true
      CROSS JOIN LATERAL (SELECT ${daySetQueries.trackListeners(sql<string>`t.id`, from, to)} AS listeners) l
      WHERE t.artist_id = ${artistId}${andIf(onlyIf)} ${allowedRow(onlyIf, 8)}`).execute(db);
    return guardedRows(rows, onlyIf, 'track_id')?.map((r) => ({
      track_id: r.track_id,
      title: r.title,
      streams: Number(r.streams ?? 0),
      skips: Number(r.skips ?? 0),
      ms_played: Number(r.ms_played ?? 0),
      saves: Number(r.saves ?? 0),
      playlist_adds: Number(r.playlist_adds ?? 0),
      listeners: Number(r.listeners ?? 0),
    }));
  },

  /** Streams by value of one breakdown dimension for the range and the previous period (one artist). */
  artistBreakdown: async (
    db: Db,
    artistId: string,
    dimension: 'source' | 'platform',
    w: Pick<StatsWindows, 'from' | 'to' | 'previousFrom'>,
    onlyIf?: Condition,
  ) => {
    const { rows } = await prepared(sql<BreakdownSums | AllowedRow<BreakdownSums>>`
      SELECT dimension, value,
             coalesce(sum(streams) FILTER (WHERE day >= ${date(w.from)}), 0)::bigint AS current,
             coalesce(sum(streams) FILTER (WHERE day < ${date(w.from)}), 0)::bigint AS previous
      FROM artist_daily_breakdown
      WHERE artist_id = ${artistId} AND dimension = ${dimension} AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}${andIf(onlyIf)}
      GROUP BY dimension, value
      ${allowedRow(onlyIf, 4)}`).execute(db);
    return guardedRows(rows, onlyIf, 'value');
  },

  /**
   * Playlists that drove the artist's streams: public known playlists (a page of them, most streams first),
   * then one row for private playlists and context ids that name no playlist, then the total.
   */
  artistPlaylists: async (db: Db, artistId: string, from: string, to: string, page: { limit: number; offset: number }, onlyIf?: Condition) => {
    const { rows } = await sql<PlaylistContextRow>`
      WITH contexts AS (
        SELECT context_id, sum(streams) AS streams
        FROM playlist_context_daily
        WHERE artist_id = ${artistId} AND day BETWEEN ${date(from)} AND ${date(to)}${andIf(onlyIf)}
        GROUP BY context_id HAVING sum(streams) > 0
      ), joined AS (
        SELECT c.context_id, c.streams, p.id AS playlist_id, p.name, p.collaborative
        FROM contexts c
        LEFT JOIN playlists p
          ON p.id = CASE WHEN c.context_id ~ ${UUID_PATTERN} THEN c.context_id::uuid END AND p.visibility = 'public'
      ), public_count AS (SELECT count(*) AS n FROM joined WHERE playlist_id IS NOT NULL)
      (SELECT 'public' AS kind, j.playlist_id::text AS playlist_id, j.name, j.collaborative,
              (SELECT count(*) FROM playlist_collaborators pc WHERE pc.playlist_id = j.playlist_id AND pc.role <> 'viewer')::int AS curators,
              j.streams::bigint AS streams, (SELECT n FROM public_count)::int AS public_count
       FROM joined j WHERE j.playlist_id IS NOT NULL
       ORDER BY j.streams DESC, j.playlist_id
       LIMIT ${page.limit} OFFSET ${page.offset})
      UNION ALL
      SELECT 'private_or_unknown', NULL, NULL, NULL, NULL, coalesce(sum(streams), 0)::bigint, (SELECT n FROM public_count)::int
      FROM joined WHERE playlist_id IS NULL
      UNION ALL
      SELECT 'total', NULL, NULL, NULL, NULL, coalesce(sum(streams), 0)::bigint, (SELECT n FROM public_count)::int FROM joined
      ${havingIf(onlyIf)}`.execute(db);
    // The total row is always there (an aggregate over no rows is one row), unless the access rule said no.
    if (!rows.some((r) => r.kind === 'total')) return undefined;
    return rows;
  },

  /** Today's streams of an artist and of each of its tracks (zeros included): what the live counter shows. */
  liveToday: async (db: Db, artistId: string, day: string) => {
    const { rows } = await sql<{ artist_streams: number | null; track_id: string | null; title: string | null; streams: number }>`
      SELECT (SELECT streams FROM artist_daily WHERE artist_id = ${artistId} AND day = ${date(day)}) AS artist_streams,
             t.id AS track_id, t.title, coalesce(td.streams, 0)::bigint AS streams
      FROM (SELECT 1) one
      LEFT JOIN tracks t ON t.artist_id = ${artistId}
      LEFT JOIN track_daily td ON td.track_id = t.id AND td.day = ${date(day)}`.execute(db);
    const artistStreams = Number(rows[0]?.artist_streams ?? 0);
    const tracks = rows
      .filter((r): r is typeof r & { track_id: string; title: string } => r.track_id !== null)
      .map((r) => ({ track_id: r.track_id, title: r.title, streams: Number(r.streams) }));
    return { streams: artistStreams, tracks };
  },

  // --- product insight (platform-wide) ---

  /** The first day any listener played anything: where a platform-wide range=all starts. */
  platformFirstDay: async (db: Db) => {
    const { rows } = await sql<{ first_day: string | null }>`SELECT min(day)::text AS first_day FROM listener_daily`.execute(db);
    return rows[0]?.first_day ?? undefined;
  },

  /**
   * Active listeners (≥ 1 stream) in the range, on its last day, and over the 7 and 28 days ending at it, plus
   * stream and skip totals, for one set of windows. listener_daily's key is (day, user_id): a day-range scan.
   */
  engagement: async (db: Db, w: { from: string; to: string; weekFrom: string; monthFrom: string }): Promise<EngagementSums> => {
    const scanFrom = [w.from, w.monthFrom].sort()[0]!;
    const inRange = sql`day >= ${date(w.from)}`;
    const { rows } = await sql<Record<string, number>>`
      SELECT count(*) FILTER (WHERE active) AS active, count(*) FILTER (WHERE dau) AS dau,
             count(*) FILTER (WHERE wau) AS wau, count(*) FILTER (WHERE mau) AS mau,
             coalesce(sum(streams), 0)::bigint AS streams, coalesce(sum(skips), 0)::bigint AS skips,
             coalesce(sum(ms_played), 0)::bigint AS ms_played
      FROM (
        SELECT bool_or(streams > 0 AND ${inRange}) AS active,
               bool_or(streams > 0 AND day = ${date(w.to)}) AS dau,
               bool_or(streams > 0 AND day >= ${date(w.weekFrom)}) AS wau,
               bool_or(streams > 0 AND day >= ${date(w.monthFrom)}) AS mau,
               sum(streams) FILTER (WHERE ${inRange}) AS streams,
               sum(skips) FILTER (WHERE ${inRange}) AS skips,
               sum(ms_played) FILTER (WHERE ${inRange}) AS ms_played
        FROM listener_daily
        WHERE day BETWEEN ${date(scanFrom)} AND ${date(w.to)}
        GROUP BY user_id
      ) per_listener`.execute(db);
    const r = rows[0] ?? {};
    const n = (k: string) => Number(r[k] ?? 0);
    return { active: n('active'), dau: n('dau'), wau: n('wau'), mau: n('mau'), streams: n('streams'), skips: n('skips'), ms_played: n('ms_played') };
  },

  /** Per day: listeners with ≥ 1 stream, streams, skips and time played (days without rows are absent). */
  engagementDaily: async (db: Db, from: string, to: string): Promise<EngagementDay[]> => {
    const { rows } = await sql<EngagementDay>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*) FILTER (WHERE streams > 0) AS dau,
             sum(streams)::bigint AS streams, sum(skips)::bigint AS skips, sum(ms_played)::bigint AS ms_played
      FROM listener_daily WHERE day BETWEEN ${date(from)} AND ${date(to)}
      GROUP BY day`.execute(db);
    return rows.map((r) => ({ day: r.day, dau: Number(r.dau), streams: Number(r.streams), skips: Number(r.skips), ms_played: Number(r.ms_played) }));
  },

  /** Platform-wide streams by value of the given breakdown dimensions, for the range and the previous period. */
  platformBreakdown: async (db: Db, dimensions: Array<'source' | 'platform'>, w: Pick<StatsWindows, 'from' | 'to' | 'previousFrom'>) => {
    const { rows } = await sql<BreakdownSums>`
      SELECT dimension, value,
             coalesce(sum(streams) FILTER (WHERE day >= ${date(w.from)}), 0)::bigint AS current,
             coalesce(sum(streams) FILTER (WHERE day < ${date(w.from)}), 0)::bigint AS previous
      FROM artist_daily_breakdown
      WHERE dimension IN (${sql.join(dimensions)}) AND day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)}
      GROUP BY dimension, value`.execute(db);
    return rows;
  },

  /**
   * Weekly sign-up cohorts (ISO weeks of users.created_at, UTC) from `firstWeek` to `lastWeek` (Mondays), their
   * sizes, and per cohort and week offset k (1..weeks) how many of them streamed in ISO week cohort + k, up to `today`.
   */
  retention: async (db: Db, firstWeek: string, lastWeek: string, weeks: number, today: string) => {
    const { rows: sizes } = await sql<{ week: string; size: number }>`
      SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(*) AS size
      FROM users
      WHERE created_at >= (${date(firstWeek)}::timestamp AT TIME ZONE 'UTC') AND created_at < ((${date(lastWeek)} + 7)::timestamp AT TIME ZONE 'UTC')
      GROUP BY 1`.execute(db);
    const { rows: active } = await sql<{ week: string; k: number; active: number }>`
      WITH cohort AS (
        SELECT id, date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week
        FROM users
        WHERE created_at >= (${date(firstWeek)}::timestamp AT TIME ZONE 'UTC') AND created_at < ((${date(lastWeek)} + 7)::timestamp AT TIME ZONE 'UTC')
      )
      SELECT to_char(c.week, 'YYYY-MM-DD') AS week, (date_trunc('week', ld.day::timestamp)::date - c.week) / 7 AS k,
             count(DISTINCT ld.user_id) AS active
      FROM listener_daily ld JOIN cohort c ON c.id = ld.user_id
      WHERE ld.day BETWEEN ${date(firstWeek)} + 7 AND least(${date(today)}, ${date(lastWeek)} + 7 * (${weeks} + 1) - 1)
        AND ld.streams > 0
        AND ld.day >= c.week + 7 AND ld.day < c.week + 7 * (${weeks} + 1)
      GROUP BY 1, 2`.execute(db);
    return {
      sizes: sizes.map((r) => ({ week: r.week, size: Number(r.size) })),
      active: active.map((r) => ({ week: r.week, k: Number(r.k), active: Number(r.active) })),
    };
  },

  /**
   * Daily streams in one market over [from, to] of every artist (or track) whose last 7 days reach `minVolume`
   * streams and rise above the 7 days before: the candidates the significance test then judges. Only days on
   * which the artist's market is a shown audience day-cell count (see shownDayCells): an artist's streams are
   * those of its shown cells, as the audience endpoint and the artist's own trend insight count them, and a
   * track's count on its artist's shown days only. So no figure here includes a listen the audience rule hides.
   * The breakdown index finds the subjects with the volume before any listener set is read; ANY(ARRAY(...))
   * hands their artists to the listener sets' primary key as one index condition (an IN subquery was planned
   * as a scan of every listener set in the window: 260 ms, not 30, for the US on 10M listens).
   */
  trendCandidates: async (
    db: Db,
    kind: 'artist' | 'track',
    market: string,
    w: { from: string; currentFrom: string; to: string },
    minVolume: number,
    k: number,
  ) => {
    const t = TABLES[kind];
    const names =
      kind === 'artist'
        ? sql`SELECT a.id::text AS id, a.name, a.id::text AS artist_id, a.name AS artist_name FROM artists a WHERE a.id = c.subject_id`
        : sql`SELECT tr.id::text AS id, tr.title AS name, a.id::text AS artist_id, a.name AS artist_name FROM tracks tr JOIN artists a ON a.id = tr.artist_id WHERE tr.id = c.subject_id`;
    const current = sql`day >= ${date(w.currentFrom)}`;
    const shown = (artists: RawBuilder<boolean>) =>
      sql`SELECT artist_id, day, streams FROM (${shownDayCells(artists, 'country', w.from, w.to, k)}) cells WHERE value = ${market}`;
    const series =
      kind === 'artist'
        ? sql`SELECT artist_id AS subject_id, day, streams FROM (${shown(sql<boolean>`artist_id = ANY(ARRAY(SELECT subject_id FROM subjects))`)}) s`
        : sql`SELECT t.subject_id, t.day, t.streams
              FROM track_days t
              JOIN (${shown(sql<boolean>`artist_id = ANY(ARRAY(SELECT DISTINCT artist_id FROM track_days))`)}) s ON s.artist_id = t.artist_id AND s.day = t.day`;
    // A track's days in the market with its artist, for the subjects only (a few hundred rows at most).
    const trackDays =
      kind === 'artist'
        ? sql``
        : sql`, track_days AS MATERIALIZED (
            SELECT r.subject_id, r.day, r.streams, tr.artist_id
            FROM subjects su JOIN raw r ON r.subject_id = su.subject_id JOIN tracks tr ON tr.id = su.subject_id
          )`;
    const { rows } = await sql<TrendCandidateRow>`
      WITH raw AS (
        SELECT ${sql.ref(t.key)} AS subject_id, day, streams
        FROM ${sql.table(t.breakdown)}
        WHERE dimension = 'country' AND value = ${market} AND day BETWEEN ${date(w.from)} AND ${date(w.to)}
      ), subjects AS (
        SELECT subject_id FROM raw GROUP BY 1 HAVING coalesce(sum(streams) FILTER (WHERE ${current}), 0) >= ${minVolume}
      )${trackDays}, c AS (
        SELECT subject_id, array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY day) AS days, array_agg(streams::bigint ORDER BY day) AS streams
        FROM (${series}) series
        GROUP BY 1
        HAVING coalesce(sum(streams) FILTER (WHERE ${current}), 0) >= ${minVolume}
           AND coalesce(sum(streams) FILTER (WHERE ${current}), 0) > coalesce(sum(streams) FILTER (WHERE NOT ${current}), 0)
      )
      SELECT n.*, c.days, c.streams FROM c CROSS JOIN LATERAL (${names}) n`.execute(db);
    return rows.map((r) => ({ ...r, streams: r.streams.map(Number) }));
  },

  /**
   * Concentration of streams: per bucket (the range, the previous period, and each ISO week of the range clipped
   * to it) the total, the streams of the top 1% of artists by streams in that bucket (at least one artist; ties
   * broken by artist id), and how many artists streamed.
   */
  diversity: async (db: Db, w: Pick<StatsWindows, 'from' | 'to' | 'previousFrom' | 'previousTo'>): Promise<DiversityRow[]> => {
    const { rows } = await sql<DiversityRow>`
      WITH days AS (
        SELECT artist_id, day, streams FROM artist_daily
        WHERE day BETWEEN ${date(w.previousFrom)} AND ${date(w.to)} AND streams > 0
      ), per AS (
        SELECT CASE WHEN day >= ${date(w.from)} THEN 'current' ELSE 'previous' END AS bucket, artist_id, sum(streams) AS streams
        FROM days GROUP BY 1, 2
        UNION ALL
        SELECT to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD'), artist_id, sum(streams)
        FROM days WHERE day >= ${date(w.from)} GROUP BY 1, 2
      ), ranked AS (
        SELECT bucket, streams, row_number() OVER (PARTITION BY bucket ORDER BY streams DESC, artist_id) AS rank,
               count(*) OVER (PARTITION BY bucket) AS artists
        FROM per
      )
      SELECT bucket, sum(streams)::bigint AS total,
             coalesce(sum(streams) FILTER (WHERE rank <= greatest(1, ceil(artists * 0.01))), 0)::bigint AS top,
             max(artists)::int AS artists, least(max(artists), greatest(1, ceil(max(artists) * 0.01)))::int AS top_artists
      FROM ranked GROUP BY bucket`.execute(db);
    return rows.map((r) => ({ ...r, total: Number(r.total), top: Number(r.top), artists: Number(r.artists), top_artists: Number(r.top_artists) }));
  },
};
