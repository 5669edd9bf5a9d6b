import { type RawBuilder, sql } from 'kysely';
import type { PartnerKind } from '../app-registry.js';
import type { Db } from '../connection.js';
import type { Granularity } from './analytics.queries.js';

/**
 * Connections of listeners to partner apps as counts: the periods of oauth_connection_periods (see migration
 * 2026-12-06T0022-connection-indexes), opened and closed with the connection itself. A listener is connected at
 * the end of a UTC day D when a period started before D ended and was not revoked by then:
 * connected_at < D+1 00:00Z <= coalesce(revoked_at, infinity). Partner reads filter on partner_id first, so they
 * read that partner's periods only, from its indexes.
 */

export type ConnectionSeriesMetric = 'new_connections' | 'revoked_connections';

export interface ConnectionSums {
  new_connections: number;
  previous_new_connections: number;
  revoked_connections: number;
  previous_revoked_connections: number;
  connected_users: number;
  previous_connected_users: number;
}

export interface PartnerConnectionSums extends ConnectionSums {
  /** The UTC day of the partner's first connection period, null when none. */
  first_day: string | null;
}

export interface AppConnectionRow extends ConnectionSums {
  app_id: string;
  name: string;
}

/** The four days a range answer compares: the range and the same number of days right before. */
export interface ConnectionWindows {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

const startOf = (day: string) => sql`(${day}::date)::timestamp AT TIME ZONE 'UTC'`;
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp AT TIME ZONE 'UTC'`;
/** Connected at the end of `day` (see the file's comment). */
const liveAt = (day: string) => sql`connected_at < ${endOf(day)} AND (revoked_at IS NULL OR revoked_at >= ${endOf(day)})`;
const dayOf = (column: string) => sql`(${sql.ref(column)} AT TIME ZONE 'UTC')::date`;

const BUCKET: Record<Granularity, (day: RawBuilder<unknown>) => RawBuilder<unknown>> = {
  day: (day) => day,
  week: (day) => sql`date_trunc('week', ${day}::timestamp)::date`,
  month: (day) => sql`date_trunc('month', ${day}::timestamp)::date`,
};

const n = (v: unknown) => Number(v ?? 0);

function sums(r: Record<string, unknown>): ConnectionSums {
  return {
    new_connections: n(r.new_connections),
    previous_new_connections: n(r.previous_new_connections),
    revoked_connections: n(r.revoked_connections),
    previous_revoked_connections: n(r.previous_revoked_connections),
    connected_users: n(r.connected_users),
    previous_connected_users: n(r.previous_connected_users),
  };
}

/** Where the connected-users series reads: one partner's periods, or every period by its partner's kind. */
export type LevelScope = { partnerId: string } | 'kinds';

/** Writes of the periods, in the transactions that connect and disconnect (oauthQueries). */
export const connectionPeriods = {
  /** Opens a period for the connection when it has none open since its created_at (a re-approval keeps it: no new period). */
  open: (db: Db, userId: string, clientId: string) =>
    sql`
      INSERT INTO oauth_connection_periods (user_id, client_id, partner_id, app_id, connected_at)
      SELECT c.user_id, c.client_id, a.partner_id, a.id, c.created_at
      FROM oauth_connections c JOIN partner_apps a ON a.client_id = c.client_id
      WHERE c.user_id = ${userId} AND c.client_id = ${clientId} AND c.revoked_at IS NULL
      ON CONFLICT DO NOTHING`.execute(db),

  /** Closes the connection's open period (the same now() as the connection's revoked_at in this transaction). */
  close: (db: Db, userId: string, clientId: string) =>
    db
      .updateTable('oauth_connection_periods')
      .set({ revoked_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('client_id', '=', clientId)
      .where('revoked_at', 'is', null)
      .execute(),
};

export const connectionStatsQueries = {
  /**
   * A partner's new and revoked connections in the range and the period before, and its distinct connected
   * listeners at the end of each (one listener on two of its apps counts once). Reads the partner's periods that
   * started by the end of the range (index-only on (partner_id, connected_at)) and those revoked in the two
   * periods ((partner_id, revoked_at)).
   */
  partnerStats: async (db: Db, partnerId: string, w: ConnectionWindows): Promise<PartnerConnectionSums> => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT * FROM
        (SELECT count(*) FILTER (WHERE connected_at >= ${startOf(w.from)}) AS new_connections,
                count(*) FILTER (WHERE connected_at >= ${startOf(w.previousFrom)} AND connected_at < ${startOf(w.from)}) AS previous_new_connections,
                count(DISTINCT user_id) FILTER (WHERE ${liveAt(w.to)}) AS connected_users,
                count(DISTINCT user_id) FILTER (WHERE ${liveAt(w.previousTo)}) AS previous_connected_users,
                to_char(min(${dayOf('connected_at')}), 'YYYY-MM-DD') AS first_day
         FROM oauth_connection_periods
         WHERE partner_id = ${partnerId} AND connected_at < ${endOf(w.to)}) made,
        (SELECT count(*) FILTER (WHERE revoked_at >= ${startOf(w.from)}) AS revoked_connections,
                count(*) FILTER (WHERE revoked_at < ${startOf(w.from)}) AS previous_revoked_connections
         FROM oauth_connection_periods
         WHERE partner_id = ${partnerId} AND revoked_at >= ${startOf(w.previousFrom)} AND revoked_at < ${endOf(w.to)}) revoked`.execute(db);
    const r = rows[0] ?? {};
    return { ...sums(r), first_day: typeof r.first_day === 'string' ? r.first_day : null };
  },

  /** The same per app of the partner (every app in the registry, zeros included); a listener counts once per app. */
  partnerApps: async (db: Db, partnerId: string, w: ConnectionWindows): Promise<AppConnectionRow[]> => {
    const { rows } = await sql<Record<string, unknown>>`
      WITH made AS (
        SELECT app_id,
               count(*) FILTER (WHERE connected_at >= ${startOf(w.from)}) AS new_connections,
               count(*) FILTER (WHERE connected_at >= ${startOf(w.previousFrom)} AND connected_at < ${startOf(w.from)}) AS previous_new_connections,
               count(*) FILTER (WHERE ${liveAt(w.to)}) AS connected_users,
               count(*) FILTER (WHERE ${liveAt(w.previousTo)}) AS previous_connected_users
        FROM oauth_connection_periods
        WHERE partner_id = ${partnerId} AND connected_at < ${endOf(w.to)}
        GROUP BY app_id
      ), revoked AS (
        SELECT app_id,
               count(*) FILTER (WHERE revoked_at >= ${startOf(w.from)}) AS revoked_connections,
               count(*) FILTER (WHERE revoked_at < ${startOf(w.from)}) AS previous_revoked_connections
        FROM oauth_connection_periods
        WHERE partner_id = ${partnerId} AND revoked_at >= ${startOf(w.previousFrom)} AND revoked_at < ${endOf(w.to)}
        GROUP BY app_id
      )
      SELECT a.id::text AS app_id, a.name, m.new_connections, m.previous_new_connections, m.connected_users, m.previous_connected_users,
             r.revoked_connections, r.previous_revoked_connections
      FROM partner_apps a
      LEFT JOIN made m ON m.app_id = a.id
      LEFT JOIN revoked r ON r.app_id = a.id
      WHERE a.partner_id = ${partnerId}`.execute(db);
    return rows.map((r) => ({ app_id: String(r.app_id), name: String(r.name), ...sums(r) }));
  },

  /** New or revoked connections of a partner per bucket of [from, to] (only buckets with some; the caller zero-fills). */
  partnerSeries: async (db: Db, partnerId: string, metric: ConnectionSeriesMetric, granularity: Granularity, from: string, to: string) => {
    const column = metric === 'new_connections' ? 'connected_at' : 'revoked_at';
    const bucket = BUCKET[granularity](dayOf(column));
    const { rows } = await sql<{ bucket: string; value: string }>`
      SELECT to_char(${bucket}, 'YYYY-MM-DD') AS bucket, count(*) AS value
      FROM oauth_connection_periods
      WHERE partner_id = ${partnerId} AND ${sql.ref(column)} >= ${startOf(from)} AND ${sql.ref(column)} < ${endOf(to)}
      GROUP BY 1`.execute(db);
    return rows.map((r) => ({ bucket: r.bucket, value: Number(r.value) }));
  },

  /**
   * How the number of distinct connected listeners changes per UTC day over [from, to], per group (the partner's
   * periods: one group, ''; or every period by its partner's kind). A listener's periods within a group are merged
   * into islands of days they were connected at the end of (gaps and islands), then each island adds 1 on its
   * first day (days before `from` folded into `from`) and takes 1 off on its first day not connected (if by `to`).
   * Summing the deltas up to D gives the listeners connected at the end of D, for every D in [from, to]. Reads the
   * periods started by the end of `to` and not revoked by the end of `from`.
   */
  connectedDeltas: async (db: Db, scope: LevelScope, from: string, to: string) => {
    const periods =
      scope === 'kinds'
        ? sql`SELECT pa.kind::text AS g, p.user_id, p.connected_at, p.revoked_at
              FROM oauth_connection_periods p JOIN partners pa ON pa.id = p.partner_id
              WHERE p.connected_at < ${endOf(to)} AND (p.revoked_at IS NULL OR p.revoked_at >= ${endOf(from)})`
        : sql`SELECT ''::text AS g, user_id, connected_at, revoked_at
              FROM oauth_connection_periods
              WHERE partner_id = ${scope.partnerId} AND connected_at < ${endOf(to)} AND (revoked_at IS NULL OR revoked_at >= ${endOf(from)})`;
    const { rows } = await sql<{ g: string; day: string; delta: string }>`
      WITH p AS (
        SELECT g, user_id, ${dayOf('connected_at')} AS c, coalesce(${dayOf('revoked_at')}, 'infinity'::date) AS r FROM (${periods}) s
      ), reach AS (
        SELECT g, user_id, c, r, max(r) OVER (PARTITION BY g, user_id ORDER BY c, r ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
        FROM p
      ), marked AS (
        SELECT g, user_id, c, r,
               count(*) FILTER (WHERE reach IS NULL OR reach < c) OVER (PARTITION BY g, user_id ORDER BY c, r ROWS UNBOUNDED PRECEDING) AS island
        FROM reach
      ), islands AS (
        SELECT g, min(c) AS s, max(r) AS e FROM marked GROUP BY g, user_id, island
      ), deltas AS (
        SELECT g, greatest(s, ${from}::date) AS day, 1 AS delta FROM islands
        UNION ALL
        SELECT g, e, -1 FROM islands WHERE e <= ${to}::date
      )
      SELECT g, to_char(day, 'YYYY-MM-DD') AS day, sum(delta) AS delta FROM deltas GROUP BY 1, 2`.execute(db);
    return rows.map((r) => ({ group: r.g, day: r.day, delta: Number(r.delta) }));
  },

  // --- product insight (platform-wide) ---

  /** New and revoked connections per partner kind and UTC day over [from, to]; reads the periods started or revoked then. */
  platformDaily: async (db: Db, from: string, to: string) => {
    const { rows } = await sql<{ kind: PartnerKind; what: 'new' | 'revoked'; day: string; n: string }>`
      SELECT pa.kind, 'new' AS what, to_char(${dayOf('p.connected_at')}, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM oauth_connection_periods p JOIN partners pa ON pa.id = p.partner_id
      WHERE p.connected_at >= ${startOf(from)} AND p.connected_at < ${endOf(to)}
      GROUP BY 1, 3
      UNION ALL
      SELECT pa.kind, 'revoked', to_char(${dayOf('p.revoked_at')}, 'YYYY-MM-DD'), count(*)
      FROM oauth_connection_periods p JOIN partners pa ON pa.id = p.partner_id
      WHERE p.revoked_at >= ${startOf(from)} AND p.revoked_at < ${endOf(to)}
      GROUP BY 1, 3`.execute(db);
    return rows.map((r) => ({ kind: r.kind, what: r.what, day: r.day, count: Number(r.n) }));
  },

  /**
   * Connection cohorts per partner kind and bucket of [from, to]: the distinct listeners with a period of an app
   * of that kind started in the bucket (their first such day in it is c0), and how many of them were retained
   * after N days, for each N of `horizons`: connected to an app of that kind at the end of day c0 + N, and with
   * at least one stream through an app of that kind on a day from c0 + 1 to c0 + N (partner_day_listeners holds
   * streams only). Each member costs two lookups by user: their periods (primary key) and their partner listening
   * days ((user_id, day)).
   */
  platformCohorts: async (db: Db, granularity: Granularity, from: string, to: string, horizons: readonly number[]) => {
    const retained = (h: number) => sql`
      count(*) FILTER (WHERE
        EXISTS (SELECT 1 FROM oauth_connection_periods q JOIN partners qa ON qa.id = q.partner_id
                WHERE q.user_id = c.user_id AND qa.kind = c.kind
                  AND q.connected_at < (c.c0 + ${h + 1}::int)::timestamp AT TIME ZONE 'UTC'
                  AND (q.revoked_at IS NULL OR q.revoked_at >= (c.c0 + ${h + 1}::int)::timestamp AT TIME ZONE 'UTC'))
        AND EXISTS (SELECT 1 FROM partner_day_listeners l JOIN partners la ON la.id = l.partner_id
                    WHERE l.user_id = c.user_id AND la.kind = c.kind AND l.day BETWEEN c.c0 + 1 AND c.c0 + ${h}::int)
      ) AS ${sql.ref(`retained_${h}`)}`;
    const { rows } = await sql<Record<string, string>>`
      WITH c AS (
        SELECT pa.kind, p.user_id, ${BUCKET[granularity](dayOf('p.connected_at'))} AS bucket, min(${dayOf('p.connected_at')}) AS c0
        FROM oauth_connection_periods p JOIN partners pa ON pa.id = p.partner_id
        WHERE p.connected_at >= ${startOf(from)} AND p.connected_at < ${endOf(to)}
        GROUP BY 1, 2, 3
      )
      SELECT c.kind, to_char(c.bucket, 'YYYY-MM-DD') AS bucket, count(*) AS size, ${sql.join(horizons.map(retained))}
      FROM c GROUP BY 1, 2`.execute(db);
    return rows.map((r) => ({
      kind: r.kind as PartnerKind,
      bucket: String(r.bucket),
      size: Number(r.size),
      retained: Object.fromEntries(horizons.map((h) => [h, Number(r[`retained_${h}`])])) as Record<number, number>,
    }));
  },
};
