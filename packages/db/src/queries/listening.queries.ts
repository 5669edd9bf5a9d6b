import { type RawBuilder, type Selectable, sql } from 'kysely';
import { columnLiteral, scalarText, sharedValue } from '../arrays.js';
import { PARTNER_DEVICE_PLATFORMS } from '../attribution.js';
import type { Db } from '../connection.js';
import type { ListensTable } from '../tables/listening.tables.js';
import { ARTIST_CELL_DIMENSIONS, AUDIENCE_DIMENSIONS } from './audience.queries.js';
import {
  ARTIST_WINDOWS,
  LISTENER_WINDOWS_LOCK,
  PARTNER_APP_WINDOWS,
  PARTNER_CLASS_WINDOWS,
  PARTNER_WINDOWS,
  windowDeltasOf,
} from './listener-windows.queries.js';

/** A listener row written before its ordinal was kept (2026-12-07T0030) gets it when aggregation next changes it. */
const KEEP_ORDINAL = sql`user_ordinal = coalesce(r.user_ordinal, excluded.user_ordinal)`;

type Executor = Pick<Db, 'executeQuery'> & Db;

type AttributionColumn = 'app_id' | 'partner_id' | 'partner_kind' | 'device_class';

/**
 * One listen as ingestion stores it (the batch id and receipt time are added by the insert). The attribution to
 * a partner app may be left out: the listen then belongs to no partner.
 */
export type ListenRow = Omit<Selectable<ListensTable>, 'batch_id' | 'received_at' | AttributionColumn> &
  Partial<Pick<Selectable<ListensTable>, AttributionColumn>>;

export interface ChangedSubjects {
  artists: string[];
  tracks: string[];
  days: string[];
  /** Partners whose rollups changed (listens their apps submitted); absent when none did. */
  partners?: string[];
}

/**
 * Every transaction that reads or writes raw listens holds this advisory lock shared; moving rows out of the
 * default partition holds it exclusively. Without it a statement planned before a partition is attached can
 * miss rows that move under it.
 */
const PARTITION_LOCK = 0x43484f52; // "CHOR"
const sharePartitions = (db: Executor) => sql`SELECT pg_advisory_xact_lock_shared(${PARTITION_LOCK})`.execute(db);

/**
 * The class of the per-listener advisory locks (two-key form, so it never meets PARTITION_LOCK): a listener's
 * ingest and deletion transactions take turns, so two batches cannot both spend the same hour's budget.
 */
const LISTENER_LOCK = 0x4c53; // "LS"
/**
 * Also turns JIT off for the transaction: the ingest statement is short, and where the server leaves JIT on (the
 * default; production's chorus.conf turns it off), compiling it cost seconds per batch.
 */
const shareAndLockListener = (db: Executor, userId: string) =>
  sql`SELECT pg_advisory_xact_lock_shared(${PARTITION_LOCK}), pg_advisory_xact_lock(${LISTENER_LOCK}, hashtext(${userId})), set_config('jit', 'off', true)`.execute(
    db,
  );

/** No budget: every new listen is kept (bulk loads and tests that write rows directly); usage is still recorded. */
const UNLIMITED_MS = Number.MAX_SAFE_INTEGER;
/** The least wall-clock time a listen is charged: a zero-length play is not free, or a listener could post millions. */
const MIN_CHARGE_MS = 1000;
/** The most: a day (the native API's bound on ms_played; ingestion caps what it infers from a duration to it too). */
const MAX_CHARGE_MS = 86_400_000;

/**
 * The pieces of wall-clock time the listens in `source` (a CTE name with user_id, listened_at, track_key and
 * ms_played) cover: a listen covers [listened_at, listened_at + ms_played) (at least 1 s, at most a day), cut at
 * UTC hour boundaries, so a long play started at 10:50 spends the hours it really spans, not only its first.
 * This runs over every listen of every batch, so it is plain arithmetic on epoch milliseconds (UTC hours are
 * whole multiples of 3,600,000 ms), computed once per listen. Most listens lie within one hour: they are their
 * own piece. Only those that cross a boundary join a constant series of 25 offsets on an integer (a per-row
 * generate_series made the planner guess a million pieces, and date functions per listen and hour cost more than
 * the insert itself); joining every listen to it cost a fifth of the ingest statement. A piece is at most an
 * hour, so its milliseconds are an integer and their sums bigints, not numerics.
 */
const hourPieces = (source: RawBuilder<unknown>) => sql`
  WITH i AS MATERIALIZED (
    SELECT c.user_id, c.listened_at, c.track_key, c.start_ms, c.end_ms, floor(c.start_ms / 3600000) AS first_hour,
           (floor((c.end_ms - 1) / 3600000) - floor(c.start_ms / 3600000))::int AS more_hours
    FROM (
      SELECT s.user_id, s.listened_at, s.track_key, date_part('epoch', s.listened_at) * 1000 AS start_ms,
             date_part('epoch', s.listened_at) * 1000 + least(greatest(s.ms_played, ${MIN_CHARGE_MS}), ${MAX_CHARGE_MS}) AS end_ms
      FROM ${source} s
    ) c
  )
  SELECT i.user_id, i.listened_at, i.track_key, to_timestamp(i.first_hour * 3600) AS hour, round(i.end_ms - i.start_ms)::int AS ms
  FROM i WHERE i.more_hours = 0
  UNION ALL
  SELECT i.user_id, i.listened_at, i.track_key, to_timestamp((i.first_hour + o.n) * 3600) AS hour,
         round(least(i.end_ms, (i.first_hour + o.n + 1) * 3600000) - greatest(i.start_ms, (i.first_hour + o.n) * 3600000))::int AS ms
  FROM i JOIN generate_series(0, 24) AS o (n) ON o.n <= i.more_hours
  WHERE i.more_hours > 0`;

const AGGREGATION_WORK_MEM = '64MB';

const PLAYLIST_CONTEXTS = sql`('own_playlist', 'playlist', 'collaborative_playlist')`;
/** The device platforms only a partner's device would report (PARTNER_DEVICE_PLATFORMS), as an SQL list. */
const PARTNER_PLATFORMS = sql.raw(`(${PARTNER_DEVICE_PLATFORMS.map((p) => `'${p}'`).join(', ')})`);

/**
 * Adds (sign 1) or subtracts (sign -1) the contribution of a set of matched listens to every rollup, in ONE
 * statement: the events are read once (a materialized CTE of just the columns needed), then each rollup is
 * upserted by a data-modifying CTE, in a fixed order and with keys sorted, so concurrent appliers take row
 * locks in the same order and cannot deadlock. Returns which artists, tracks and days changed.
 * `events` is a SELECT over `listens` (aliased `l`) returning whole rows.
 */
async function applyEvents(db: Executor, events: RawBuilder<unknown>, sign: 1 | -1, durability: 'sync' | 'async' = 'sync'): Promise<ChangedSubjects> {
  const s = sql.lit(sign);
  // Both settings are local to this transaction. The groupings of 100 coalesced batches (100,000 events) use
  // up to ~11 MB each (EXPLAIN ANALYZE), and a sort that spills to disk made aggregation a fifth slower at the
  // 4 MB default. An asynchronous commit is for work that is redone when lost (see applyBatch).
  // A synchronous caller keeps the server's own setting (which may be stronger than 'on', e.g. with replicas).
  const commit = durability === 'async' ? sql`, set_config('synchronous_commit', 'off', true)` : sql``;
  // The window-delta lock comes before the statement that reads the listener sets (see LISTENER_WINDOWS_LOCK).
  await sql`SELECT set_config('work_mem', ${AGGREGATION_WORK_MEM}, true)${commit}, ${LISTENER_WINDOWS_LOCK}`.execute(db);
  const { rows } = await sql<{ artists: string[] | null; tracks: string[] | null; days: string[] | null; partners: string[] | null }>`
    WITH ev AS MATERIALIZED (
      SELECT e.artist_id, e.track_id, e.user_id, (e.listened_at AT TIME ZONE 'UTC')::date AS day, e.ms_played, e.is_stream,
             e.country::text AS country, e.age_bracket, e.gender, e.context_type, e.context_id, e.platform,
             e.partner_id, e.app_id, e.partner_kind, coalesce(e.device_class, 'unspecified') AS device_class,
             -- How the stream counts in the partner-kind breakdown: a verified partner's kind, or unverified when the
             -- client claims a partner context or device platform without a partner token (see claimsPartner).
             coalesce(e.partner_kind, CASE WHEN e.context_type = 'partner' OR e.platform IN ${PARTNER_PLATFORMS} THEN 'unverified' END) AS partner_stream_kind
      FROM (${events}) e
    ),
    -- The few events partners submitted, read once by the partner rollups (usually none: they cost a scan of nothing).
    pev AS MATERIALIZED (SELECT * FROM ev WHERE partner_id IS NOT NULL),
    -- The batch's listeners' ordinals, looked up once each (an API batch is one listener's), for the listener rows:
    -- a read of a pending day takes them from there instead of looking every row up in users.
    ordinals AS MATERIALIZED (SELECT id, ordinal FROM users WHERE id IN (SELECT DISTINCT user_id FROM ev)),
    artist_days AS (
      INSERT INTO artist_daily AS r (artist_id, day, streams, skips, ms_played)
      SELECT artist_id, day, ${s} * count(*) FILTER (WHERE is_stream), ${s} * count(*) FILTER (WHERE NOT is_stream), ${s} * sum(ms_played)
      FROM ev GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (artist_id, day) DO UPDATE SET streams = r.streams + excluded.streams, skips = r.skips + excluded.skips, ms_played = r.ms_played + excluded.ms_played
      RETURNING artist_id, day
    ),
    track_days AS (
      INSERT INTO track_daily AS r (track_id, day, artist_id, streams, skips, ms_played)
      SELECT track_id, day, min(artist_id::text)::uuid, ${s} * count(*) FILTER (WHERE is_stream), ${s} * count(*) FILTER (WHERE NOT is_stream), ${s} * sum(ms_played)
      FROM ev GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (track_id, day) DO UPDATE SET streams = r.streams + excluded.streams, skips = r.skips + excluded.skips, ms_played = r.ms_played + excluded.ms_played
      RETURNING track_id, day
    ),
    -- A changed track-day's compact listener set is out of date: it goes, and the day waits for the compaction job
    -- (see daySetQueries). Usually today's days, already pending and without a set: two index probes each.
    track_sets_gone AS (
      DELETE FROM track_day_sets s USING track_days c WHERE s.track_id = c.track_id AND s.day = c.day
    ),
    track_sets_pending AS (
      INSERT INTO track_day_sets_pending (track_id, day) SELECT track_id, day FROM track_days ORDER BY 1, 2 ON CONFLICT DO NOTHING
    ),
    -- The same for a changed artist-day's audience and partner cells (the dimensions listed, so the key is probed,
    -- not scanned).
    artist_sets_gone AS (
      DELETE FROM artist_cell_sets s USING artist_days c
      WHERE s.artist_id = c.artist_id AND s.dimension IN (${sql.join(ARTIST_CELL_DIMENSIONS.map((d) => sql.lit(d)))}) AND s.day = c.day
    ),
    artist_sets_pending AS (
      INSERT INTO artist_day_sets_pending (artist_id, day) SELECT artist_id, day FROM artist_days ORDER BY 1, 2 ON CONFLICT DO NOTHING
    ),
    -- Artists: streams by country (markets, read across artists by product trends), source and platform. By age
    -- bracket and gender they are read from the listener sets below, whose rows carry the listener's profile:
    -- no reader needs them across artists, so a second copy would only cost writes. Tracks: by country only
    -- (markets for trends); nothing reads more. One grouping per dimension: small hash aggregations cost half
    -- of one over a row per event and dimension.
    artist_breakdown AS (
      INSERT INTO artist_daily_breakdown AS r (artist_id, dimension, day, value, streams)
      SELECT artist_id, dimension, day, value, ${s} * streams FROM (
        SELECT artist_id, 'country' AS dimension, day, country AS value, count(*) AS streams FROM ev WHERE is_stream GROUP BY artist_id, day, country
        UNION ALL SELECT artist_id, 'source', day, context_type, count(*) FROM ev WHERE is_stream GROUP BY artist_id, day, context_type
        UNION ALL SELECT artist_id, 'platform', day, platform, count(*) FROM ev WHERE is_stream GROUP BY artist_id, day, platform
      ) g ORDER BY 1, 2, 3, 4
      ON CONFLICT (artist_id, dimension, day, value) DO UPDATE SET streams = r.streams + excluded.streams
    ),
    track_breakdown AS (
      INSERT INTO track_daily_breakdown AS r (track_id, dimension, day, value, streams)
      SELECT track_id, 'country', day, country, ${s} * count(*)
      FROM ev WHERE is_stream GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
      ON CONFLICT (track_id, dimension, day, value) DO UPDATE SET streams = r.streams + excluded.streams
    ),
    playlist_days AS (
      INSERT INTO playlist_context_daily AS r (artist_id, day, context_id, track_id, context_type, streams)
      SELECT artist_id, day, context_id, track_id, min(context_type), ${s} * count(*)
      FROM ev WHERE is_stream AND context_id IS NOT NULL AND context_type IN ${PLAYLIST_CONTEXTS}
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (artist_id, day, context_id, track_id) DO UPDATE SET streams = r.streams + excluded.streams
    ),
    -- Exact listener sets: a row counts the listener's streams, so subtraction needs no recount.
    artist_listeners AS (
      INSERT INTO artist_day_listeners AS r (artist_id, day, user_id, streams, country, age_bracket, gender, user_ordinal)
      SELECT artist_id, day, user_id, ${s} * count(*), min(country), min(age_bracket), min(gender), min(o.ordinal)
      FROM ev LEFT JOIN ordinals o ON o.id = ev.user_id WHERE is_stream GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (artist_id, day, user_id) DO UPDATE SET streams = r.streams + excluded.streams, ${KEEP_ORDINAL}
      RETURNING artist_id, day, user_id, streams, xmax = 0 AS fresh
    ),
    -- Distinct listeners per window length: the deltas of the listener-days that appeared or went.
    ${windowDeltasOf('artist_listeners', sign, ARTIST_WINDOWS)},
    track_listeners AS (
      INSERT INTO track_day_listeners AS r (track_id, day, user_id, streams, user_ordinal)
      SELECT track_id, day, user_id, ${s} * count(*), min(o.ordinal)
      FROM ev LEFT JOIN ordinals o ON o.id = ev.user_id WHERE is_stream GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (track_id, day, user_id) DO UPDATE SET streams = r.streams + excluded.streams, ${KEEP_ORDINAL}
    ),
    listener_days AS (
      INSERT INTO listener_daily AS r (day, user_id, streams, skips, ms_played)
      SELECT day, user_id, ${s} * count(*) FILTER (WHERE is_stream), ${s} * count(*) FILTER (WHERE NOT is_stream), ${s} * sum(ms_played)
      FROM ev GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (day, user_id) DO UPDATE SET streams = r.streams + excluded.streams, skips = r.skips + excluded.skips, ms_played = r.ms_played + excluded.ms_played
    ),
    -- Partner kinds: only streams through a partner (verified or claimed) are written; the rest of an artist's
    -- streams went through none, which readers take as artist_daily.streams minus these.
    artist_partner_kinds AS (
      INSERT INTO artist_partner_kind_daily AS r (artist_id, day, kind, streams)
      SELECT artist_id, day, partner_stream_kind, ${s} * count(*)
      FROM ev WHERE is_stream AND partner_stream_kind IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (artist_id, day, kind) DO UPDATE SET streams = r.streams + excluded.streams
    ),
    artist_partner_listeners AS (
      INSERT INTO artist_partner_day_listeners AS r (artist_id, day, partner_id, user_id, streams, partner_kind, user_ordinal)
      SELECT artist_id, day, partner_id, user_id, ${s} * count(*), min(partner_kind), min(o.ordinal)
      FROM pev LEFT JOIN ordinals o ON o.id = pev.user_id WHERE is_stream GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (artist_id, day, partner_id, user_id) DO UPDATE SET streams = r.streams + excluded.streams, ${KEEP_ORDINAL}
    ),
    partner_apps_daily AS (
      INSERT INTO partner_app_daily AS r (partner_id, day, app_id, device_class, streams, skips, ms_played)
      SELECT partner_id, day, app_id, device_class, ${s} * count(*) FILTER (WHERE is_stream), ${s} * count(*) FILTER (WHERE NOT is_stream), ${s} * sum(ms_played)
      FROM pev GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (partner_id, day, app_id, device_class) DO UPDATE SET streams = r.streams + excluded.streams, skips = r.skips + excluded.skips, ms_played = r.ms_played + excluded.ms_played
      RETURNING partner_id
    ),
    partner_listeners AS (
      INSERT INTO partner_day_listeners AS r (partner_id, day, app_id, user_id, streams, device_class, country, age_bracket, gender, user_ordinal)
      SELECT partner_id, day, app_id, user_id, ${s} * count(*), min(device_class), min(country), min(age_bracket), min(gender), min(o.ordinal)
      FROM pev LEFT JOIN ordinals o ON o.id = pev.user_id WHERE is_stream GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (partner_id, day, app_id, user_id) DO UPDATE SET streams = r.streams + excluded.streams, ${KEEP_ORDINAL}
      RETURNING partner_id, day, app_id, device_class, user_id, streams, xmax = 0 AS fresh
    ),
    -- An app's listener-days in a device class are its rows (a row keeps the class it was first written with), for
    -- the per-app windows.
    ${windowDeltasOf('partner_listeners', sign, PARTNER_APP_WINDOWS)},
    -- A device class's listener-days across the partner's apps: the changed rows of the class, with the listener's
    -- other rows of that class and day as they were before the statement (the untouched ones) for the streams after
    -- it, new when none of them was there before.
    partner_class_days AS MATERIALIZED (
      SELECT g.partner_id, g.device_class, g.day, g.user_id, g.streams + coalesce(b.streams, 0) AS streams, g.fresh AND b.streams IS NULL AS fresh
      FROM (
        SELECT partner_id, device_class, day, user_id, sum(streams) AS streams, bool_and(fresh) AS fresh, array_agg(app_id) AS apps
        FROM partner_listeners GROUP BY 1, 2, 3, 4
      ) g
      LEFT JOIN LATERAL (
        SELECT sum(l.streams) AS streams FROM partner_day_listeners l
        WHERE l.partner_id = g.partner_id AND l.user_id = g.user_id AND l.day = g.day AND l.device_class = g.device_class AND l.app_id <> ALL (g.apps)
      ) b ON true
    ),
    ${windowDeltasOf('partner_class_days', sign, PARTNER_CLASS_WINDOWS)},
    -- A partner's listener-days this statement changes, across its apps: their streams after it, and whether the
    -- listener had no row of the partner that day before (the statement's snapshot), for the partner's windows.
    partner_listener_days AS MATERIALIZED (
      SELECT g.partner_id, g.day, g.user_id, coalesce(b.streams, 0) + g.streams AS streams, b.streams IS NULL AS fresh
      FROM (SELECT partner_id, day, user_id, ${s} * count(*) AS streams FROM pev WHERE is_stream GROUP BY 1, 2, 3) g
      LEFT JOIN LATERAL (
        SELECT sum(l.streams) AS streams FROM partner_day_listeners l WHERE l.partner_id = g.partner_id AND l.user_id = g.user_id AND l.day = g.day
      ) b ON true
    ),
    ${windowDeltasOf('partner_listener_days', sign, PARTNER_WINDOWS)},
    -- The same for a changed partner-day's audience cells.
    partner_days AS (SELECT DISTINCT partner_id, day FROM partner_listeners),
    partner_sets_gone AS (
      DELETE FROM partner_cell_sets s USING partner_days c
      WHERE s.partner_id = c.partner_id AND s.dimension IN (${sql.join(AUDIENCE_DIMENSIONS.map((d) => sql.lit(d)))}) AND s.day = c.day
    ),
    partner_sets_pending AS (
      INSERT INTO partner_day_sets_pending (partner_id, day) SELECT partner_id, day FROM partner_days ORDER BY 1, 2 ON CONFLICT DO NOTHING
    ),
    partner_artists AS (
      INSERT INTO partner_artist_daily AS r (partner_id, day, artist_id, streams)
      SELECT partner_id, day, artist_id, ${s} * count(*)
      FROM pev WHERE is_stream GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (partner_id, day, artist_id) DO UPDATE SET streams = r.streams + excluded.streams
    ),
    partner_tracks AS (
      INSERT INTO partner_track_daily AS r (partner_id, day, track_id, artist_id, streams)
      SELECT partner_id, day, track_id, min(artist_id::text)::uuid, ${s} * count(*)
      FROM pev WHERE is_stream GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (partner_id, day, track_id) DO UPDATE SET streams = r.streams + excluded.streams
    )
    -- What changed, from the rows the daily rollups wrote (one per artist or track and day), not from every event.
    SELECT (SELECT array_agg(DISTINCT artist_id::text) FROM artist_days) AS artists,
           (SELECT array_agg(DISTINCT track_id::text) FROM track_days) AS tracks,
           (SELECT array_agg(DISTINCT to_char(day, 'YYYY-MM-DD')) FROM artist_days) AS days,
           (SELECT array_agg(DISTINCT partner_id::text) FROM partner_apps_daily) AS partners
  `.execute(db);
  const row = rows[0];
  const changed: ChangedSubjects = { artists: row?.artists ?? [], tracks: row?.tracks ?? [], days: row?.days ?? [] };
  if (row?.partners?.length) changed.partners = row.partners;
  if (sign < 0 && changed.artists.length > 0) {
    // Rows a subtraction brought to zero leave the sets, so a deleted listener counts nowhere.
    await sql`DELETE FROM artist_day_listeners WHERE streams <= 0 AND artist_id = ANY(${changed.artists}::uuid[])`.execute(db);
    await sql`DELETE FROM track_day_listeners WHERE streams <= 0 AND track_id = ANY(${changed.tracks}::uuid[])`.execute(db);
    await sql`DELETE FROM listener_daily WHERE streams <= 0 AND skips <= 0 AND day = ANY(${changed.days}::date[])`.execute(db);
    if (changed.partners) {
      await sql`DELETE FROM artist_partner_day_listeners WHERE streams <= 0 AND artist_id = ANY(${changed.artists}::uuid[])`.execute(db);
      await sql`DELETE FROM partner_day_listeners WHERE streams <= 0 AND partner_id = ANY(${changed.partners}::uuid[])`.execute(db);
    }
  }
  return changed;
}

const COLUMNS = [
  ['id', 'uuid'],
  ['user_id', 'uuid'],
  ['listened_at', 'timestamptz'],
  ['track_key', 'text'],
  ['track_id', 'uuid'],
  ['artist_id', 'uuid'],
  ['ms_played', 'int4'],
  ['is_stream', 'bool'],
  ['context_type', 'text'],
  ['context_id', 'text'],
  ['platform', 'text'],
  ['client', 'text'],
  ['country', 'text'],
  ['age_bracket', 'text'],
  ['gender', 'text'],
  ['artist_name', 'text'],
  ['track_name', 'text'],
  ['release_name', 'text'],
  ['isrc', 'text'],
  ['duration_ms', 'int4'],
  ['match_key', 'text'],
  ['app_id', 'uuid'],
  ['partner_id', 'uuid'],
  ['partner_kind', 'text'],
  ['device_class', 'text'],
] as const satisfies ReadonlyArray<readonly [keyof ListenRow, string]>;
const COLUMN_NAMES = sql.raw(COLUMNS.map(([name]) => name).join(', '));

export const listeningQueries = {
  /**
   * Writes a batch's listens and its outbox row in one transaction: INSERT ... SELECT FROM unnest(...) binds an
   * array literal per column that varies (one text parameter each) and a constant per column that does not,
   * instead of thousands of parameters; ON CONFLICT DO NOTHING drops duplicates (also within the batch);
   * the outbox row is written in the same statement, only when something was new. The shared partition lock
   * (and the listener's own lock) is taken by a statement of its own first: a lock taken inside the INSERT comes
   * too late, after the executor has fixed which partitions rows go to.
   *
   * Real time: nobody listens to more than the clock allows. The same statement spreads each new listen over the
   * UTC hours it covers and adds those pieces to listener_hour_usage; a listen is kept only while every hour it
   * touches stays within `hourBudgetMs` (3,600 s × 1.25 for overlapping devices plus some slack, from config).
   * Listens are taken in time order, after what earlier batches stored, so the first listen that would overflow
   * an hour closes it for the rest of the batch; a listen too long to fit on its own is refused without taking
   * budget from the others. Duplicates spend nothing (a retried batch is not refused). Refused listens are
   * counted in ingest_refusals_daily, and only when there are any, one more statement deletes the rows the
   * INSERT wrote for them before the commit, so no aggregation ever sees them. The hour sums are set-based
   * (window functions over the RETURNING rows), never row by row, and only over the hours the batch would
   * overflow: a batch that fits, as nearly all do, sums its hours once and checks them against the budget.
   * Returns how many listens were new and kept, how many of those match no catalog track yet, and how many were refused.
   */
  async insertBatch(
    db: Db,
    batch: { id: string; user_id: string; source: 'native' | 'listenbrainz'; app_id?: string | null; partner_id?: string | null },
    rows: ListenRow[],
    options: { hourBudgetMs?: number | null } = {},
  ): Promise<{ accepted: number; unmatched: number; refused: number }> {
    if (rows.length === 0) return { accepted: 0, unmatched: 0, refused: 0 };
    const budget = options.hourBudgetMs ?? UNLIMITED_MS;
    // A batch from the API is one listener's: the listener and their profile, and the columns a client leaves
    // empty, hold one value in every row. Those are bound once, as constants of the SELECT; only the others are unnested.
    // The id always differs, so unnest always has an array to expand (also for a batch of one).
    const columns = COLUMNS.map(([name, type]) => ({ name, type, shared: name === 'id' ? undefined : sharedValue(rows, name) }));
    const unnested = columns.filter((c) => c.shared === undefined);
    const arrays = unnested.map(({ name, type }) => sql`${columnLiteral(rows, name)}::${sql.raw(type)}[]`);
    const values = columns.map(({ name, type, shared }) => (shared ? sql`${scalarText(shared.value)}::${sql.raw(type)}` : sql.ref(`u.${name}`)));
    const unnestedNames = sql.raw(unnested.map(({ name }) => name).join(', '));
    const counted = await db.transaction().execute(async (trx) => {
      await shareAndLockListener(trx, batch.user_id);
      const { rows: result } = await sql<{ accepted: number; unmatched: number; refused: number; refused_keys: string | null }>`
        WITH inserted AS (
          INSERT INTO listens (${COLUMN_NAMES}, batch_id)
          SELECT ${sql.join(values)}, ${batch.id}::uuid FROM unnest(${sql.join(arrays)}) AS u (${unnestedNames})
          ON CONFLICT DO NOTHING
          RETURNING user_id, listened_at, track_key, track_id, ms_played
        ),
        pieces AS MATERIALIZED (${hourPieces(sql`inserted`)}),
        hours AS MATERIALIZED (
          SELECT h.user_id, h.hour, h.ms, coalesce(u.ms, 0) AS before
          FROM (SELECT user_id, hour, sum(ms) AS ms FROM pieces GROUP BY 1, 2) h
          LEFT JOIN listener_hour_usage u ON u.user_id = h.user_id AND u.hour = h.hour
        ),
        -- Only an hour that the whole batch would take over the budget can refuse a listen (a listen too long on
        -- its own overflows its hour too). Usually there is none, and the running sums below read nothing.
        used AS MATERIALIZED (
          SELECT p.*, h.before
          FROM pieces p JOIN hours h ON h.user_id = p.user_id AND h.hour = p.hour
          WHERE h.before + h.ms > ${budget}::bigint
        ),
        alone AS (SELECT DISTINCT user_id, listened_at, track_key FROM used WHERE before + ms > ${budget}::bigint),
        running AS (
          SELECT u.user_id, u.listened_at, u.track_key,
                 u.before + sum(u.ms) OVER (PARTITION BY u.user_id, u.hour ORDER BY u.listened_at, u.track_key ROWS UNBOUNDED PRECEDING) AS total
          FROM used u
          WHERE NOT EXISTS (SELECT 1 FROM alone a WHERE a.user_id = u.user_id AND a.listened_at = u.listened_at AND a.track_key = u.track_key)
        ),
        refused AS MATERIALIZED (
          SELECT user_id, listened_at, track_key FROM alone
          UNION SELECT user_id, listened_at, track_key FROM running WHERE total > ${budget}::bigint
        ),
        kept AS (
          SELECT i.track_id, i.listened_at FROM inserted i
          WHERE NOT EXISTS (SELECT 1 FROM refused r WHERE r.user_id = i.user_id AND r.listened_at = i.listened_at AND r.track_key = i.track_key)
        ),
        usage AS (
          INSERT INTO listener_hour_usage AS h (user_id, hour, ms)
          SELECT p.user_id, p.hour, sum(p.ms) FROM pieces p
          WHERE NOT EXISTS (SELECT 1 FROM refused r WHERE r.user_id = p.user_id AND r.listened_at = p.listened_at AND r.track_key = p.track_key)
          GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (user_id, hour) DO UPDATE SET ms = h.ms + excluded.ms
        ),
        counted AS (
          SELECT count(*)::int AS accepted, (count(*) FILTER (WHERE track_id IS NULL))::int AS unmatched,
                 min(listened_at) AS lo, max(listened_at) AS hi
          FROM kept
        ),
        refusals AS (
          INSERT INTO ingest_refusals_daily AS d (day, reason, source, listens, batches)
          SELECT (now() AT TIME ZONE 'UTC')::date, 'over_real_time', ${batch.source}, n, 1 FROM (SELECT count(*) AS n FROM refused) r WHERE n > 0
          ON CONFLICT (day, reason, source) DO UPDATE SET listens = d.listens + excluded.listens, batches = d.batches + 1
        ),
        outbox AS (
          INSERT INTO ingest_batches (id, user_id, source, event_count, min_listened_at, max_listened_at, app_id, partner_id)
          SELECT ${batch.id}::uuid, ${batch.user_id}::uuid, ${batch.source}, accepted, lo, hi, ${batch.app_id ?? null}::uuid, ${batch.partner_id ?? null}::uuid
          FROM counted WHERE accepted > 0
        )
        SELECT c.accepted, c.unmatched, (SELECT count(*)::int FROM refused) AS refused,
               (SELECT json_agg(json_build_array(user_id, listened_at, track_key))::text FROM refused) AS refused_keys
        FROM counted c
      `.execute(trx);
      const row = result[0];
      if (row?.refused_keys) {
        // The INSERT above wrote them (it had to, to tell new listens from duplicates); they leave before the commit.
        const keys = JSON.parse(row.refused_keys) as Array<[string, string, string]>;
        await sql`
          DELETE FROM listens l
          USING unnest(${keys.map((k) => k[0])}::uuid[], ${keys.map((k) => k[1])}::timestamptz[], ${keys.map((k) => k[2])}::text[]) AS r (user_id, listened_at, track_key)
          WHERE l.user_id = r.user_id AND l.listened_at = r.listened_at AND l.track_key = r.track_key`.execute(trx);
      }
      return row;
    });
    return { accepted: counted?.accepted ?? 0, unmatched: counted?.unmatched ?? 0, refused: counted?.refused ?? 0 };
  },

  /**
   * Applies a batch to the rollups exactly once: the batch row is locked, checked, applied and flipped in one
   * transaction, so a crash rolls everything back and a retry or duplicate job finds it applied.
   * Under a backlog it also takes up to `coalesce - 1` other pending batches that no one else holds
   * (SKIP LOCKED) into the same transaction: their events are summed together, so rows that many batches touch
   * (an artist's day) are written once instead of once per batch. Their own jobs then find them applied.
   * Returns what changed, or null when the batch was already applied (or does not exist).
   */
  async applyBatch(db: Db, batchId: string, coalesce = 1): Promise<ChangedSubjects | null> {
    return db.transaction().execute(async (trx) => {
      const first = await trx
        .selectFrom('ingest_batches')
        .select(['id', 'status', 'min_listened_at', 'max_listened_at'])
        .where('id', '=', batchId)
        .forUpdate()
        .executeTakeFirst();
      if (!first || first.status === 'applied') return null;
      const others =
        coalesce > 1
          ? await trx
              .selectFrom('ingest_batches')
              .select(['id', 'status', 'min_listened_at', 'max_listened_at'])
              .where('status', '=', 'pending')
              .where('id', '<>', batchId)
              .orderBy('created_at')
              .limit(coalesce - 1)
              .forUpdate()
              .skipLocked()
              .execute()
          : [];
      const batches = [first, ...others];
      const ids = batches.map((b) => b.id);
      await sharePartitions(trx);
      // The time bounds prune the scan to the partitions the batches touch.
      const min = new Date(Math.min(...batches.map((b) => b.min_listened_at.getTime())));
      const max = new Date(Math.max(...batches.map((b) => b.max_listened_at.getTime())));
      const changed = await applyEvents(
        trx,
        sql`SELECT * FROM listens WHERE batch_id = ANY(${ids}::uuid[]) AND track_id IS NOT NULL AND listened_at BETWEEN ${min} AND ${max}`,
        1,
        // The commit does not wait for the WAL flush: a crash that loses it loses the rollup changes and the
        // flip to applied together, and the sweeper applies the batches again. Nothing was promised to a client.
        'async',
      );
      await trx.updateTable('ingest_batches').set({ status: 'applied', applied_at: new Date() }).where('id', 'in', ids).execute();
      return changed;
    });
  },

  /** Pending batches older than `olderThanMs`, oldest first: the sweeper re-enqueues them. */
  pendingBatches: (db: Db, olderThanMs: number, limit: number) =>
    db
      .selectFrom('ingest_batches')
      .select(['id'])
      .where('status', '=', 'pending')
      .where('created_at', '<', new Date(Date.now() - olderThanMs))
      .orderBy('created_at')
      .limit(limit)
      .execute(),

  /**
   * Removes a listener's listens in [from, to) and, in the same transaction, their contribution to every
   * rollup. Locking the listener's batches first serialises this with a worker applying one of them.
   */
  async deleteListens(db: Db, userId: string, range: { from?: Date; to?: Date } = {}): Promise<{ deleted: number; changed: ChangedSubjects }> {
    return db.transaction().execute(async (trx) => {
      await sql`SELECT id FROM ingest_batches WHERE user_id = ${userId} ORDER BY id FOR UPDATE`.execute(trx);
      await shareAndLockListener(trx, userId);
      const from = range.from ?? new Date(0);
      const to = range.to ?? new Date('9999-01-01T00:00:00Z');
      const applied = sql`
        SELECT l.* FROM listens l JOIN ingest_batches b ON b.id = l.batch_id AND b.status = 'applied'
        WHERE l.user_id = ${userId} AND l.listened_at >= ${from} AND l.listened_at < ${to} AND l.track_id IS NOT NULL`;
      const changed = await applyEvents(trx, applied, -1);
      // The deleted listens give back the wall-clock time they held (never below zero: listens stored before
      // usage was recorded held none).
      const { rows } = await sql<{ deleted: number }>`
        WITH gone AS (
          DELETE FROM listens WHERE user_id = ${userId} AND listened_at >= ${from} AND listened_at < ${to}
          RETURNING user_id, listened_at, track_key, ms_played
        ),
        freed AS (
          UPDATE listener_hour_usage h SET ms = greatest(h.ms - f.ms, 0)
          FROM (SELECT user_id, hour, sum(ms) AS ms FROM (${hourPieces(sql`gone`)}) p GROUP BY 1, 2) f
          WHERE h.user_id = f.user_id AND h.hour = f.hour
        )
        SELECT count(*)::int AS deleted FROM gone`.execute(trx);
      await sql`DELETE FROM listener_hour_usage WHERE user_id = ${userId} AND ms <= 0`.execute(trx);
      return { deleted: rows[0]?.deleted ?? 0, changed };
    });
  },

  /**
   * Matches unmatched listens whose match key a new track now satisfies, and counts those already in applied
   * batches (listens of pending batches are counted when their batch is applied). Returns what changed.
   */
  async rematch(db: Db, matches: Array<{ match_key: string; track_id: string; artist_id: string }>): Promise<{ matched: number; changed: ChangedSubjects }> {
    if (matches.length === 0) return { matched: 0, changed: { artists: [], tracks: [], days: [] } };
    return db.transaction().execute(async (trx) => {
      const keys = matches.map((m) => m.match_key);
      await sharePartitions(trx);
      await sql`
        SELECT id FROM ingest_batches WHERE id IN (SELECT DISTINCT batch_id FROM listens WHERE track_id IS NULL AND match_key = ANY(${keys}::text[]))
        ORDER BY id FOR UPDATE`.execute(trx);
      const updated = await sql<{ id: string; user_id: string; listened_at: Date; track_key: string }>`
        UPDATE listens l SET track_id = m.track_id, artist_id = m.artist_id
        FROM unnest(${keys}::text[], ${matches.map((m) => m.track_id)}::uuid[], ${matches.map((m) => m.artist_id)}::uuid[]) AS m (match_key, track_id, artist_id)
        WHERE l.track_id IS NULL AND l.match_key = m.match_key
        RETURNING l.id`.execute(trx);
      const ids = updated.rows.map((r) => r.id);
      if (ids.length === 0) return { matched: 0, changed: { artists: [], tracks: [], days: [] } };
      const applied = sql`
        SELECT l.* FROM listens l JOIN ingest_batches b ON b.id = l.batch_id AND b.status = 'applied'
        WHERE l.id = ANY(${ids}::uuid[]) AND l.track_id IS NOT NULL`;
      return { matched: ids.length, changed: await applyEvents(trx, applied, 1) };
    });
  },

  /**
   * Moves the listens of `from` that carry `isrc` to the track `to` (of `toArtist`), with their contribution:
   * subtracted from every rollup of the old track and artist and added to the new ones, for listens of applied
   * batches (those of pending batches count for `to` when their batch is applied). Their batches are locked
   * first, as deleteListens and rematch do, so no worker applies one of them meanwhile, and only listens of
   * locked batches move. Runs in the caller's transaction when given one (the ISRC moves in the same one).
   */
  async moveIsrcListens(db: Db, move: { isrc: string; from: string; to: string; toArtist: string }): Promise<{ moved: number; changed: ChangedSubjects }> {
    const work = async (trx: Db) => {
      await sharePartitions(trx);
      const { rows: batches } = await sql<{ id: string }>`
        SELECT id FROM ingest_batches WHERE id IN (SELECT DISTINCT batch_id FROM listens WHERE track_id = ${move.from} AND isrc = ${move.isrc})
        ORDER BY id FOR UPDATE`.execute(trx);
      const batchIds = batches.map((b) => b.id);
      const none = { moved: 0, changed: { artists: [], tracks: [], days: [] } };
      if (batchIds.length === 0) return none;
      const moving = sql`l.batch_id = ANY(${batchIds}::uuid[]) AND l.track_id = ${move.from} AND l.isrc = ${move.isrc}`;
      const applied = (where: RawBuilder<unknown>) =>
        sql`SELECT l.* FROM listens l JOIN ingest_batches b ON b.id = l.batch_id AND b.status = 'applied' WHERE ${where}`;
      const removed = await applyEvents(trx, applied(moving), -1);
      const updated = await sql<{ id: string }>`
        UPDATE listens l SET track_id = ${move.to}, artist_id = ${move.toArtist} WHERE ${moving} RETURNING l.id`.execute(trx);
      const ids = updated.rows.map((r) => r.id);
      if (ids.length === 0) return none;
      // The batch ids let the scan use the batch index; the listen ids keep out listens that were on `to` already.
      const added = await applyEvents(trx, applied(sql`l.batch_id = ANY(${batchIds}::uuid[]) AND l.id = ANY(${ids}::uuid[])`), 1);
      const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
      return {
        moved: ids.length,
        changed: {
          artists: union(removed.artists, added.artists),
          tracks: union(removed.tracks, added.tracks),
          days: union(removed.days, added.days),
          ...(removed.partners || added.partners ? { partners: union(removed.partners ?? [], added.partners ?? []) } : {}),
        },
      };
    };
    return db.isTransaction ? work(db) : db.transaction().execute(work);
  },

  /**
   * Creates the monthly partitions covering [fromMonth, toMonth] (first days, UTC) that do not exist yet.
   * Rows already caught by the default partition for that month are moved into the new one in the same transaction.
   */
  async ensurePartitions(db: Db, fromMonth: Date, toMonth: Date): Promise<string[]> {
    const created: string[] = [];
    const existing = new Set(
      (
        await sql<{ name: string }>`
          SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
          WHERE p.relname = 'listens' AND p.relnamespace = to_regnamespace(current_schema())::oid`.execute(db)
      ).rows.map((r) => r.name),
    );
    for (
      let m = new Date(Date.UTC(fromMonth.getUTCFullYear(), fromMonth.getUTCMonth(), 1));
      m <= toMonth;
      m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
    ) {
      if (m < new Date('2025-01-01T00:00:00Z')) continue; // covered by listens_historic
      const name = `listens_${m.getUTCFullYear()}${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
      if (existing.has(name)) continue;
      const start = m.toISOString();
      const end = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)).toISOString();
      const made = await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(trx);
        // Another worker may have made it while this one waited for the lock.
        const { rows } = await sql<{ found: string | null }>`SELECT to_regclass(${name})::text AS found`.execute(trx);
        if (rows[0]?.found) return false;
        // A new range partition cannot be attached while the default partition holds rows of that range: move them first.
        await sql`LOCK TABLE listens_default IN ACCESS EXCLUSIVE MODE`.execute(trx);
        await sql`CREATE TABLE ${sql.id(name)} (LIKE listens INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(trx);
        await sql`WITH moved AS (DELETE FROM listens_default WHERE listened_at >= ${start} AND listened_at < ${end} RETURNING *)
                  INSERT INTO ${sql.id(name)} SELECT * FROM moved`.execute(trx);
        await sql`ALTER TABLE listens ATTACH PARTITION ${sql.id(name)} FOR VALUES FROM (${sql.lit(start)}) TO (${sql.lit(end)})`.execute(trx);
        return true;
      });
      if (made) created.push(name);
    }
    return created;
  },
};
