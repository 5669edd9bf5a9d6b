import { type Selectable, sql } from 'kysely';
import type { Db } from '../connection.js';
import { uuidv7 } from '../ids.js';
import type { InsightRow } from './insights.queries.js';
import type { InsightKind, InsightSeverity, InsightSubjectKind } from '../tables/insights.tables.js';
import type { WebhookDeliveryStatus, WebhookEndpointsTable, WebhookOwnerKind } from '../tables/webhooks.tables.js';

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;

/** Who endpoints and events belong to. */
export interface WebhookOwner {
  kind: WebhookOwnerKind;
  id: string;
}

// --- Event data: what each event type carries (apps/partners publishes the same shapes as JSON Schema) ---

export interface WebhookArtistRef {
  id: string;
  name: string;
}

export interface WebhookSubjectRef {
  kind: InsightSubjectKind;
  id: string;
  /** The artist's name or the track's title. */
  name: string;
}

export interface InsightCreatedData {
  artist: WebhookArtistRef;
  insight: {
    id: string;
    type: InsightKind;
    severity: InsightSeverity;
    title: string;
    body: string;
    subject: WebhookSubjectRef;
    evidence: Record<string, unknown>;
    created_at: string;
  };
}

export interface MilestoneReachedData {
  artist: WebhookArtistRef;
  insight_id: string;
  subject: WebhookSubjectRef;
  metric: string;
  threshold: number;
  total: number;
  day: string;
}

export interface TrackPlaylistedData {
  artist: WebhookArtistRef;
  track: { id: string; title: string; isrc: string | null };
  playlist: { id: string; name: string; collaborative: boolean };
  playlist_item_id: string;
  added_at: string;
}

export interface StatsDailyData {
  artist: WebhookArtistRef;
  day: string;
  streams: number;
  skips: number;
  ms_played: number;
  saves: number;
  playlist_adds: number;
  listeners: number;
  top_tracks: Array<{ id: string; title: string; streams: number }>;
}

export interface PingData {
  endpoint_id: string;
  message: string;
}

/** The app an app event is for. */
export interface WebhookAppRef {
  id: string;
  client_id: string;
}

/** connection.created and connection.revoked: a listener connected or disconnected the app. */
export interface ConnectionEventData {
  app: WebhookAppRef;
  /** The listener as the app knows them: the `sub` of the tokens it holds for them. */
  listener_id: string;
  scopes: string[];
  /** When they connected (connection.created) or disconnected (connection.revoked). */
  at: string;
}

export type PlaylistChange = 'details' | 'items' | 'owner';

export interface PlaylistUpdatedData {
  app: WebhookAppRef;
  /** The app's connected listeners (with playlists:read) who own or collaborate on the playlist. */
  listener_ids: string[];
  playlist: {
    id: string;
    name: string;
    description: string | null;
    visibility: 'private' | 'public';
    collaborative: boolean;
    item_count: number;
    snapshot_id: string;
  };
  change: PlaylistChange;
  changed_at: string;
}

/** Every event type and its data. */
export interface WebhookEventData {
  'insight.created': InsightCreatedData;
  'milestone.reached': MilestoneReachedData;
  'track.playlisted': TrackPlaylistedData;
  'stats.daily': StatsDailyData;
  'connection.created': ConnectionEventData;
  'connection.revoked': ConnectionEventData;
  'playlist.updated': PlaylistUpdatedData;
  ping: PingData;
}

export type WebhookEventType = keyof WebhookEventData;

/** The types an endpoint may subscribe to (ping goes to one endpoint when its owner asks). */
export const SUBSCRIBABLE_EVENT_TYPES = [
  'insight.created',
  'milestone.reached',
  'track.playlisted',
  'stats.daily',
  'connection.created',
  'connection.revoked',
  'playlist.updated',
] as const satisfies readonly WebhookEventType[];

/** Whose endpoints may subscribe to each type: artist teams' events and partner apps' events do not mix. */
export const WEBHOOK_EVENT_OWNERS: Record<WebhookEventType, readonly WebhookOwnerKind[]> = {
  'insight.created': ['artist'],
  'milestone.reached': ['artist'],
  'track.playlisted': ['artist'],
  'stats.daily': ['artist'],
  'connection.created': ['app'],
  'connection.revoked': ['app'],
  'playlist.updated': ['app'],
  ping: ['artist', 'app'],
};

/** Apps told of one playlist change at most: a playlist has at most 100 members, each connecting a few apps. */
const MAX_APPS_PER_PLAYLIST_CHANGE = 500;

export type NewWebhookEvent = {
  [T in WebhookEventType]: { owner: WebhookOwner; type: T; data: WebhookEventData[T]; dedupeKey?: string | null; at?: Date };
}[WebhookEventType];

/** The body every delivery of an event sends (Standard Webhooks' recommended shape). */
export interface WebhookPayload<T extends WebhookEventType = WebhookEventType> {
  type: T;
  timestamp: string;
  data: WebhookEventData[T];
}

/** Days a delivery log (events, deliveries, attempts) is kept once nothing of it is pending. */
const RETENTION_DAYS = 30;
/** Attempts shown per delivery in the owner's log (a redelivery is its own delivery). */
const ATTEMPTS_SHOWN = 10;

interface ListeningEndpoint {
  id: string;
  owner_kind: WebhookOwnerKind;
  owner_id: string;
  event_types: string[];
}

function ownerKey(owner: WebhookOwner): string {
  return `${owner.kind}:${owner.id}`;
}

/**
 * The enabled endpoints of these owners that listen for any of these types, locked against deletion (not against
 * updates) until the caller's transaction ends, so a delivery row never points to an endpoint deleted meanwhile.
 */
async function endpointsListening(trx: Db, owners: WebhookOwner[], types: string[]): Promise<ListeningEndpoint[]> {
  if (owners.length === 0) return [];
  const { rows } = await sql<ListeningEndpoint>`
    SELECT e.id, e.owner_kind, e.owner_id, e.event_types
    FROM webhook_endpoints e
    JOIN unnest(${owners.map((o) => o.kind)}::text[], ${owners.map((o) => o.id)}::uuid[]) AS o (kind, id) ON e.owner_kind = o.kind AND e.owner_id = o.id
    WHERE e.disabled_at IS NULL AND e.event_types && ${types}::text[]
    ORDER BY e.id
    FOR KEY SHARE OF e`.execute(trx);
  return rows;
}

/** Writes events and one delivery per listening endpoint; an event nobody listens for, or already recorded (dedupe key), is skipped. */
async function insertEvents(trx: Db, events: NewWebhookEvent[], endpoints: ListeningEndpoint[]): Promise<string[]> {
  const byOwner = new Map<string, ListeningEndpoint[]>();
  for (const e of endpoints) {
    const key = ownerKey({ kind: e.owner_kind, id: e.owner_id });
    byOwner.set(key, [...(byOwner.get(key) ?? []), e]);
  }
  const rows: Array<{ id: string; event: NewWebhookEvent; targets: ListeningEndpoint[] }> = [];
  for (const event of events) {
    const targets = (byOwner.get(ownerKey(event.owner)) ?? []).filter((e) => e.event_types.includes(event.type));
    if (targets.length > 0) rows.push({ id: uuidv7(), event, targets });
  }
  if (rows.length === 0) return [];
  const deliveries = rows.flatMap((r) => r.targets.map((t) => ({ id: uuidv7(), event_id: r.id, endpoint_id: t.id, type: r.event.type })));
  const payloads = rows.map((r) => JSON.stringify({ type: r.event.type, timestamp: (r.event.at ?? new Date()).toISOString(), data: r.event.data }));
  // One statement: the events (a dedupe key already recorded inserts nothing) and the deliveries of those inserted.
  const { rows: inserted } = await sql<{ id: string }>`
    WITH events AS (
      INSERT INTO webhook_events (id, owner_kind, owner_id, type, dedupe_key, payload)
      SELECT * FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.event.owner.kind)}::text[], ${rows.map((r) => r.event.owner.id)}::uuid[],
                           ${rows.map((r) => r.event.type)}::text[], ${rows.map((r) => r.event.dedupeKey ?? null)}::text[], ${payloads}::jsonb[])
      ON CONFLICT (owner_kind, owner_id, type, dedupe_key) DO NOTHING
      RETURNING id
    )
    INSERT INTO webhook_deliveries (id, event_id, endpoint_id, event_type, next_attempt_at)
    SELECT d.id, d.event_id, d.endpoint_id, d.type, now()
    FROM unnest(${deliveries.map((d) => d.id)}::uuid[], ${deliveries.map((d) => d.event_id)}::uuid[], ${deliveries.map((d) => d.endpoint_id)}::uuid[],
                ${deliveries.map((d) => d.type)}::text[]) AS d (id, event_id, endpoint_id, type)
    WHERE d.event_id IN (SELECT id FROM events)
    RETURNING id`.execute(trx);
  return inserted.map((r) => r.id);
}

function distinctOwners(events: NewWebhookEvent[]): WebhookOwner[] {
  return [...new Map(events.map((e) => [ownerKey(e.owner), e.owner])).values()];
}

function endpointPage<T extends { id: string }>(rows: T[], limit: number): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Webhook endpoints, the event outbox, deliveries and their attempts. */
export const webhooksQueries = {
  // --- Endpoints ---

  countEndpoints: async (db: Db, owner: WebhookOwner): Promise<number> => {
    const row = await db
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  insertEndpoint: (
    db: Db,
    owner: WebhookOwner,
    row: { id: string; url: string; description: string; event_types: string[]; secret: string; enabled: boolean; created_by: string | null },
  ) =>
    db
      .insertInto('webhook_endpoints')
      .values({
        id: row.id,
        owner_kind: owner.kind,
        owner_id: owner.id,
        url: row.url,
        description: row.description,
        event_types: row.event_types,
        secret: row.secret,
        created_by: row.created_by,
        ...(row.enabled ? {} : { disabled_at: new Date(), disabled_reason: 'owner' as const }),
      })
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** A page of the owner's endpoints, oldest first, after the endpoint `after`. */
  async listEndpoints(db: Db, owner: WebhookOwner, options: { limit: number; after?: string | undefined }) {
    let query = db.selectFrom('webhook_endpoints').selectAll().where('owner_kind', '=', owner.kind).where('owner_id', '=', owner.id);
    if (options.after) query = query.where('id', '>', options.after);
    return endpointPage(
      await query
        .orderBy('id')
        .limit(options.limit + 1)
        .execute(),
      options.limit,
    );
  },

  endpoint: (db: Db, owner: WebhookOwner, id: string) =>
    db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .executeTakeFirst(),

  /** Changes an endpoint; enabling clears the failure record, so a re-enabled endpoint gets its five days again. */
  updateEndpoint: (
    db: Db,
    owner: WebhookOwner,
    id: string,
    patch: { url?: string | undefined; description?: string | undefined; event_types?: string[] | undefined; enabled?: boolean | undefined },
  ) =>
    db
      .updateTable('webhook_endpoints')
      .set((eb) => ({
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.event_types !== undefined ? { event_types: patch.event_types } : {}),
        ...(patch.enabled === true ? { disabled_at: null, disabled_reason: null, failing_since: null } : {}),
        // Disabling keeps the date and reason of a disabling that already happened.
        ...(patch.enabled === false
          ? { disabled_at: eb.fn.coalesce('disabled_at', sql<Date>`now()`), disabled_reason: eb.fn.coalesce('disabled_reason', sql<'owner'>`'owner'`) }
          : {}),
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', id)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .returningAll()
      .executeTakeFirst(),

  deleteEndpoint: async (db: Db, owner: WebhookOwner, id: string): Promise<boolean> => {
    const result = await db
      .deleteFrom('webhook_endpoints')
      .where('id', '=', id)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** Replaces the secret; the one it replaces still signs until `keepOldUntil` (an older previous one is dropped). */
  rotateSecret: (db: Db, owner: WebhookOwner, id: string, secret: string, keepOldUntil: Date) =>
    db
      .updateTable('webhook_endpoints')
      .set((eb) => ({ previous_secret: eb.ref('secret'), previous_secret_expires_at: keepOldUntil, secret, updated_at: sql<Date>`now()` }))
      .where('id', '=', id)
      .where('owner_kind', '=', owner.kind)
      .where('owner_id', '=', owner.id)
      .returningAll()
      .executeTakeFirst(),

  // --- The outbox: events written in the transaction of their cause ---

  /**
   * Records events in the caller's transaction, each with one delivery per enabled endpoint of its owner that
   * listens for its type, and returns the delivery ids to queue once the transaction has committed.
   */
  async recordEvents(trx: Db, events: NewWebhookEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const endpoints = await endpointsListening(trx, distinctOwners(events), [...new Set(events.map((e) => e.type))]);
    return endpoints.length === 0 ? [] : insertEvents(trx, events, endpoints);
  },

  /** insight.created for each stored insight (and milestone.reached for milestones), in the transaction that stores them. */
  async recordInsightEvents(trx: Db, artistId: string, insights: InsightRow[]): Promise<string[]> {
    if (insights.length === 0) return [];
    const owner: WebhookOwner = { kind: 'artist', id: artistId };
    const endpoints = await endpointsListening(trx, [owner], ['insight.created', 'milestone.reached']);
    if (endpoints.length === 0) return [];
    const artist = await trx.selectFrom('artists').select(['id', 'name']).where('id', '=', artistId).executeTakeFirstOrThrow();
    const trackIds = insights.filter((i) => i.subject_kind === 'track').map((i) => i.subject_id);
    const titles = new Map(
      trackIds.length === 0 ? [] : (await trx.selectFrom('tracks').select(['id', 'title']).where('id', 'in', trackIds).execute()).map((t) => [t.id, t.title]),
    );
    const events: NewWebhookEvent[] = [];
    for (const i of insights) {
      const subject: WebhookSubjectRef = {
        kind: i.subject_kind,
        id: i.subject_id,
        name: i.subject_kind === 'artist' ? artist.name : (titles.get(i.subject_id) ?? ''),
      };
      const insight = {
        id: i.id,
        type: i.type,
        severity: i.severity,
        title: i.title,
        body: i.body,
        subject,
        evidence: i.evidence,
        created_at: i.created_at.toISOString(),
      };
      events.push({ owner, type: 'insight.created', dedupeKey: i.id, at: i.created_at, data: { artist, insight } });
      const e = i.evidence as { metric?: unknown; threshold?: unknown; current_total?: unknown; at?: unknown };
      if (i.type === 'milestone' && typeof e.metric === 'string' && typeof e.threshold === 'number' && typeof e.current_total === 'number') {
        const day = typeof e.at === 'string' ? e.at : insight.created_at.slice(0, 10);
        events.push({
          owner,
          type: 'milestone.reached',
          dedupeKey: i.id,
          at: i.created_at,
          data: { artist, insight_id: i.id, subject, metric: e.metric, threshold: e.threshold, total: e.current_total, day },
        });
      }
    }
    return insertEvents(trx, events, endpoints);
  },

  /**
   * track.playlisted for each of these new playlist items whose track's artist listens for it, when the playlist is
   * public. Call it in the transaction that adds the items; queue the returned deliveries after commit.
   */
  async recordTrackPlaylisted(trx: Db, added: { playlistId: string; items: Array<{ item_id: string; track_id: string }>; at?: Date }): Promise<string[]> {
    if (added.items.length === 0) return [];
    // One read when nobody listens (the common case): the playlist is public and some track's artist has an endpoint for it.
    const { rows } = await sql<{
      track_id: string;
      title: string;
      isrc: string | null;
      artist_id: string;
      artist_name: string;
      playlist_name: string;
      collaborative: boolean;
    }>`
      SELECT t.id AS track_id, t.title, t.isrc, a.id AS artist_id, a.name AS artist_name, p.name AS playlist_name, p.collaborative
      FROM playlists p
      JOIN tracks t ON t.id = ANY(${added.items.map((i) => i.track_id)}::uuid[])
      JOIN artists a ON a.id = t.artist_id
      WHERE p.id = ${added.playlistId} AND p.visibility = 'public'
        AND EXISTS (SELECT 1 FROM webhook_endpoints e
                    WHERE e.owner_kind = 'artist' AND e.owner_id = a.id AND e.disabled_at IS NULL AND 'track.playlisted' = ANY(e.event_types))`.execute(trx);
    if (rows.length === 0) return [];
    const tracks = new Map(rows.map((r) => [r.track_id, r]));
    const at = added.at ?? new Date();
    const events: NewWebhookEvent[] = [];
    for (const item of added.items) {
      const t = tracks.get(item.track_id);
      if (!t) continue;
      events.push({
        owner: { kind: 'artist', id: t.artist_id },
        type: 'track.playlisted',
        dedupeKey: item.item_id,
        at,
        data: {
          artist: { id: t.artist_id, name: t.artist_name },
          track: { id: t.track_id, title: t.title, isrc: t.isrc },
          playlist: { id: added.playlistId, name: t.playlist_name, collaborative: t.collaborative },
          playlist_item_id: item.item_id,
          added_at: at.toISOString(),
        },
      });
    }
    return webhooksQueries.recordEvents(trx, events);
  },

  /**
   * connection.created or connection.revoked for the app of `clientId`, in the transaction that connects or
   * disconnects it. The dedupe key is the connection's start (or end): consenting again while connected is not news.
   */
  async recordConnectionEvent(
    trx: Db,
    type: 'connection.created' | 'connection.revoked',
    change: { userId: string; clientId: string; scopes: string[]; at: Date; connectedAt: Date },
  ): Promise<string[]> {
    const app = await trx.selectFrom('partner_apps').select(['id', 'client_id']).where('client_id', '=', change.clientId).executeTakeFirst();
    if (!app) return [];
    return webhooksQueries.recordEvents(trx, [
      {
        owner: { kind: 'app', id: app.id },
        type,
        dedupeKey: `${change.userId}:${change.connectedAt.toISOString()}`,
        at: change.at,
        data: { app, listener_id: change.userId, scopes: change.scopes, at: change.at.toISOString() },
      },
    ]);
  },

  /**
   * playlist.updated for each app that a member (owner or collaborator) of the playlist connected with
   * playlists:read and that has an endpoint listening for it, in the transaction of the change (after the
   * playlist row was updated). One event per app and snapshot: the dedupe key is the playlist's version.
   */
  async recordPlaylistUpdated(
    trx: Db,
    changed: { playlistId: string; version: number; snapshotId: string; change: PlaylistChange; at?: Date },
  ): Promise<string[]> {
    // Joins only apps with a listening endpoint, so a playlist nobody's app watches costs one indexed read.
    const { rows } = await sql<{ app_id: string; client_id: string; listener_ids: string[] }>`
      SELECT a.id AS app_id, a.client_id, array_agg(DISTINCT c.user_id::text) AS listener_ids
      FROM (SELECT owner_id AS user_id FROM playlists WHERE id = ${changed.playlistId}
            UNION SELECT user_id FROM playlist_collaborators WHERE playlist_id = ${changed.playlistId}) m
      JOIN oauth_connections c ON c.user_id = m.user_id AND c.revoked_at IS NULL AND 'playlists:read' = ANY(c.scopes)
      JOIN partner_apps a ON a.client_id = c.client_id AND 'playlists:read' = ANY(a.scopes)
      WHERE EXISTS (SELECT 1 FROM webhook_endpoints e
                    WHERE e.owner_kind = 'app' AND e.owner_id = a.id AND e.disabled_at IS NULL AND 'playlist.updated' = ANY(e.event_types))
      GROUP BY a.id, a.client_id
      ORDER BY a.id
      LIMIT ${MAX_APPS_PER_PLAYLIST_CHANGE}`.execute(trx);
    if (rows.length === 0) return [];
    const p = await trx
      .selectFrom('playlists')
      .select(['id', 'name', 'description', 'visibility', 'collaborative', 'item_count'])
      .where('id', '=', changed.playlistId)
      .executeTakeFirstOrThrow();
    const at = changed.at ?? new Date();
    const playlist = { ...p, snapshot_id: changed.snapshotId };
    return webhooksQueries.recordEvents(
      trx,
      rows.map((r) => ({
        owner: { kind: 'app', id: r.app_id },
        type: 'playlist.updated',
        dedupeKey: `${changed.playlistId}:${changed.version}`,
        at,
        data: {
          app: { id: r.app_id, client_id: r.client_id },
          listener_ids: [...r.listener_ids].sort(),
          playlist,
          change: changed.change,
          changed_at: at.toISOString(),
        },
      })),
    );
  },

  /** A ping event with one delivery to this endpoint alone, whatever it subscribes to. */
  async recordPing(db: Db, endpoint: WebhookEndpointRow): Promise<string> {
    const eventId = uuidv7();
    const deliveryId = uuidv7();
    const data: PingData = { endpoint_id: endpoint.id, message: 'A test event sent at the request of the endpoint owner.' };
    const payload = JSON.stringify({ type: 'ping', timestamp: new Date().toISOString(), data });
    await sql`
      WITH event AS (
        INSERT INTO webhook_events (id, owner_kind, owner_id, type, payload)
        VALUES (${eventId}, ${endpoint.owner_kind}, ${endpoint.owner_id}, 'ping', ${payload}::jsonb)
        RETURNING id
      )
      INSERT INTO webhook_deliveries (id, event_id, endpoint_id, event_type, next_attempt_at)
      SELECT ${deliveryId}, id, ${endpoint.id}, 'ping', now() FROM event`.execute(db);
    return deliveryId;
  },

  /** A new delivery of a finished delivery's event to the same endpoint (same event, so the same webhook-id). */
  async redeliver(db: Db, endpointId: string, deliveryId: string): Promise<string | undefined> {
    const id = uuidv7();
    const row = await db
      .insertInto('webhook_deliveries')
      .columns(['id', 'event_id', 'endpoint_id', 'event_type', 'next_attempt_at', 'redelivery_of'])
      .expression((eb) =>
        eb
          .selectFrom('webhook_deliveries')
          .select([sql<string>`${id}::uuid`.as('id'), 'event_id', 'endpoint_id', 'event_type', sql<Date>`now()`.as('next_attempt_at'), 'id as redelivery_of'])
          .where('id', '=', deliveryId)
          .where('endpoint_id', '=', endpointId),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  // --- Daily summaries ---

  /**
   * One day's totals of the artists with listens that day and an enabled endpoint listening for stats.daily, in id
   * order after `afterId` (keyset batches): the rollups, distinct listeners and the five most streamed tracks.
   */
  async dailySummaries(
    db: Db,
    day: string,
    afterId: string | null,
    limit: number,
  ): Promise<Array<Omit<StatsDailyData, 'artist' | 'day'> & { artist_id: string; name: string }>> {
    const { rows } = await sql<Omit<StatsDailyData, 'artist' | 'day'> & { artist_id: string; name: string }>`
      SELECT a.id AS artist_id, a.name, r.streams, r.skips, r.ms_played, r.saves, r.playlist_adds,
             (SELECT count(*)::int FROM artist_day_listeners l WHERE l.artist_id = r.artist_id AND l.day = r.day) AS listeners,
             coalesce((SELECT json_agg(json_build_object('id', t.id, 'title', t.title, 'streams', td.streams) ORDER BY td.streams DESC, t.id)
                       FROM (SELECT track_id, streams FROM track_daily WHERE artist_id = r.artist_id AND day = r.day AND streams > 0
                             ORDER BY streams DESC, track_id LIMIT 5) td
                       JOIN tracks t ON t.id = td.track_id), '[]'::json) AS top_tracks
      FROM artist_daily r
      JOIN artists a ON a.id = r.artist_id
      WHERE r.day = ${day}::date AND r.streams + r.skips > 0
        AND (${afterId}::uuid IS NULL OR r.artist_id > ${afterId}::uuid)
        AND EXISTS (SELECT 1 FROM webhook_endpoints e
                    WHERE e.owner_kind = 'artist' AND e.owner_id = r.artist_id AND e.disabled_at IS NULL AND 'stats.daily' = ANY(e.event_types))
      ORDER BY r.artist_id
      LIMIT ${limit}`.execute(db);
    return rows;
  },

  // --- Delivery ---

  /** What one attempt needs: the delivery's state, its endpoint (with the signing secrets in force) and the exact body. */
  async deliveryToSend(db: Db, deliveryId: string) {
    const { rows } = await sql<{
      id: string;
      status: WebhookDeliveryStatus;
      attempt_count: number;
      next_attempt_at: Date | null;
      event_id: string;
      event_type: string;
      body: string;
      endpoint_id: string;
      url: string;
      secrets: string[];
      disabled: boolean;
      failing: boolean;
      last_latency_ms: number | null;
    }>`
      SELECT d.id, d.status, d.attempt_count, d.next_attempt_at, d.event_id, d.event_type, ev.payload::text AS body,
             e.id AS endpoint_id, e.url, e.disabled_at IS NOT NULL AS disabled, e.failing_since IS NOT NULL AS failing, e.last_latency_ms,
             CASE WHEN e.previous_secret IS NOT NULL AND e.previous_secret_expires_at > now() THEN ARRAY[e.secret, e.previous_secret] ELSE ARRAY[e.secret] END AS secrets
      FROM webhook_deliveries d
      JOIN webhook_events ev ON ev.id = d.event_id
      JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = ${deliveryId}`.execute(db);
    return rows[0];
  },

  /**
   * Takes one of the endpoint's first `cap` slots for this delivery until the lease runs out (a crashed worker's
   * slot frees itself). When all are taken, books this delivery's turn after those already waiting, `turnMs` apart
   * (an attempt's typical time over the cap), and says when that is. Slots are created on first need, so the cap can change.
   */
  async claimSlot(
    db: Db,
    endpointId: string,
    deliveryId: string,
    options: { cap: number; leaseMs: number; turnMs: number },
  ): Promise<{ claimed: true } | { claimed: false; retryAt: Date }> {
    const { cap, leaseMs, turnMs } = options;
    const claim = async () =>
      (
        await sql<{ slot: number }>`
          UPDATE webhook_endpoint_slots s SET delivery_id = ${deliveryId}, lease_until = now() + make_interval(secs => ${leaseMs / 1000})
          FROM (SELECT slot FROM webhook_endpoint_slots
                WHERE endpoint_id = ${endpointId} AND slot < ${cap} AND (lease_until IS NULL OR lease_until < now() OR delivery_id = ${deliveryId})
                ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED) free
          WHERE s.endpoint_id = ${endpointId} AND s.slot = free.slot
          RETURNING s.slot`.execute(db)
      ).rows.length > 0;
    if (await claim()) return { claimed: true };
    const created = await sql`
      INSERT INTO webhook_endpoint_slots (endpoint_id, slot) SELECT ${endpointId}, g FROM generate_series(0, ${cap - 1}) g
      ON CONFLICT DO NOTHING`.execute(db);
    if (Number(created.numAffectedRows ?? 0) > 0 && (await claim())) return { claimed: true };
    // A turn is at least `turnMs`, and at least the age of the oldest attempt in flight shared among the slots: an
    // endpoint that has started to hang (no attempt has finished yet, so no latency is recorded) spaces its
    // waiting deliveries out as the hang grows, instead of waking them every few milliseconds to find it still busy.
    const { rows } = await sql<{ backlog_until: Date }>`
      UPDATE webhook_endpoints SET backlog_until = greatest(backlog_until, now()) + make_interval(secs => greatest(
        ${turnMs / 1000}::float8,
        coalesce((SELECT extract(epoch FROM now() - min(lease_until)) + ${leaseMs / 1000}::float8
                  FROM webhook_endpoint_slots WHERE endpoint_id = ${endpointId} AND slot < ${cap} AND lease_until > now()), 0) / ${cap}))
      WHERE id = ${endpointId}
      RETURNING backlog_until`.execute(db);
    return { claimed: false, retryAt: rows[0]?.backlog_until ?? new Date(Date.now() + turnMs) };
  },

  /**
   * Records an attempt and its consequences in one statement: the delivery's new state, the slot released, and
   * the endpoint's health. A failure when the endpoint has had no success for `disableAfterMs` disables it;
   * `justDisabled` says this attempt did.
   */
  async finishAttempt(
    db: Db,
    attempt: {
      deliveryId: string;
      endpointId: string;
      attemptedAt: Date;
      latencyMs: number;
      statusCode: number | null;
      error: string | null;
      responseBody: string;
      succeeded: boolean;
      /** The delivery's state after this attempt, and when the next is due if it is still pending. */
      next: { status: 'pending'; at: Date } | { status: 'succeeded' | 'failed' };
      disableAfterMs: number;
    },
  ): Promise<{ justDisabled: boolean }> {
    const a = attempt;
    const nextAt = a.next.status === 'pending' ? a.next.at : null;
    const disable = sql<boolean>`NOT ${a.succeeded} AND e.disabled_at IS NULL AND e.failing_since <= now() - make_interval(secs => ${a.disableAfterMs / 1000})`;
    const { rows } = await sql<{ just_disabled: boolean }>`
      WITH attempt AS (
        INSERT INTO webhook_attempts (id, delivery_id, attempted_at, latency_ms, status_code, error, response_body, succeeded)
        VALUES (${uuidv7()}, ${a.deliveryId}, ${a.attemptedAt}, ${a.latencyMs}, ${a.statusCode}, ${a.error}, ${a.responseBody}, ${a.succeeded})
      ), delivery AS (
        UPDATE webhook_deliveries
        SET attempt_count = attempt_count + 1, status = ${a.next.status}, next_attempt_at = ${nextAt},
            finished_at = CASE WHEN ${a.next.status} = 'pending' THEN NULL ELSE now() END,
            last_status_code = ${a.statusCode}, last_error = ${a.error}
        WHERE id = ${a.deliveryId} AND status = 'pending'
      ), slot AS (
        UPDATE webhook_endpoint_slots SET delivery_id = NULL, lease_until = NULL
        WHERE endpoint_id = ${a.endpointId} AND delivery_id = ${a.deliveryId}
      ), endpoint AS (
        -- Judged on the row as it is when locked, so two failures at once disable it once.
        UPDATE webhook_endpoints e
        SET last_latency_ms = ${a.latencyMs},
            last_success_at = CASE WHEN ${a.succeeded} THEN now() ELSE e.last_success_at END,
            failing_since = CASE WHEN ${a.succeeded} THEN NULL ELSE coalesce(e.failing_since, ${a.attemptedAt}) END,
            disabled_at = CASE WHEN ${disable} THEN now() ELSE e.disabled_at END,
            disabled_reason = CASE WHEN ${disable} THEN 'failing' ELSE e.disabled_reason END
        WHERE e.id = ${a.endpointId}
        RETURNING e.disabled_reason = 'failing' AND e.disabled_at = now() AS disable
      )
      SELECT coalesce((SELECT disable FROM endpoint), false) AS just_disabled`.execute(db);
    return { justDisabled: rows[0]?.just_disabled ?? false };
  },

  /** Ends a pending delivery without an attempt (its endpoint was disabled); true when it was pending. */
  async abandonDelivery(db: Db, deliveryId: string, reason: string): Promise<boolean> {
    const result = await db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', next_attempt_at: null, finished_at: sql<Date>`now()`, last_error: reason })
      .where('id', '=', deliveryId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** Pending deliveries due more than `olderThanMs` ago, oldest first: candidates for a lost job. */
  overdueDeliveries: async (db: Db, olderThanMs: number, limit: number): Promise<string[]> => {
    const rows = await db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /** Deletes events (with their deliveries and attempts) older than the retention, nothing of them pending; at most `limit`. */
  async purgeOldEvents(db: Db, limit: number): Promise<number> {
    const result = await sql`
      DELETE FROM webhook_events WHERE id IN (
        SELECT ev.id FROM webhook_events ev
        WHERE ev.created_at < now() - make_interval(days => ${RETENTION_DAYS})
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ev.id AND d.status = 'pending')
        ORDER BY ev.created_at LIMIT ${limit})`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },

  // --- The owner's delivery log ---

  /** A page of an endpoint's deliveries, newest first, each with its latest attempts (oldest of them first). */
  async deliveries(
    db: Db,
    endpointId: string,
    options: { limit: number; before?: string | undefined; eventType?: string | undefined; status?: WebhookDeliveryStatus | undefined },
  ) {
    const { rows } = await sql<DeliveryLogRow>`
      SELECT d.id, d.event_id, d.event_type, d.status, d.attempt_count, d.next_attempt_at, d.finished_at, d.created_at, d.redelivery_of,
             coalesce((SELECT json_agg(a ORDER BY a.attempted_at) FROM (
                 SELECT to_char(attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS attempted_at, latency_ms, status_code, error, response_body, succeeded
                 FROM webhook_attempts WHERE delivery_id = d.id ORDER BY attempted_at DESC LIMIT ${ATTEMPTS_SHOWN}) a), '[]'::json) AS attempts
      FROM webhook_deliveries d
      WHERE d.endpoint_id = ${endpointId}
        ${options.eventType ? sql`AND d.event_type = ${options.eventType}` : sql``}
        ${options.status ? sql`AND d.status = ${options.status}` : sql``}
        ${options.before ? sql`AND d.id < ${options.before}::uuid` : sql``}
      ORDER BY d.id DESC
      LIMIT ${options.limit + 1}`.execute(db);
    return endpointPage(rows, options.limit);
  },

  /** One delivery of an endpoint, as the log shows it. */
  async delivery(db: Db, endpointId: string, deliveryId: string): Promise<DeliveryLogRow | undefined> {
    const { rows } = await sql<DeliveryLogRow>`
      SELECT d.id, d.event_id, d.event_type, d.status, d.attempt_count, d.next_attempt_at, d.finished_at, d.created_at, d.redelivery_of, '[]'::json AS attempts
      FROM webhook_deliveries d WHERE d.id = ${deliveryId} AND d.endpoint_id = ${endpointId}`.execute(db);
    return rows[0];
  },
};

/** A delivery as its endpoint's owner sees it. */
export interface DeliveryLogRow {
  id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempt_count: number;
  next_attempt_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
  redelivery_of: string | null;
  attempts: Array<{ attempted_at: string; latency_ms: number; status_code: number | null; error: string | null; response_body: string; succeeded: boolean }>;
}

/**
 * For the playlists service, in its add-items transaction: records track.playlisted for the new items (public
 * playlists only) and returns the webhook deliveries to queue after commit (deliverWebhookJob).
 */
export function recordTrackPlaylisted(
  trx: Db,
  added: { playlistId: string; items: Array<{ item_id: string; track_id: string }>; at?: Date },
): Promise<string[]> {
  return webhooksQueries.recordTrackPlaylisted(trx, added);
}
