import {
  type ConnectionEventData,
  type InsightCreatedData,
  type MilestoneReachedData,
  type PingData,
  type PlaylistUpdatedData,
  type StatsDailyData,
  SUBSCRIBABLE_EVENT_TYPES,
  type TrackPlaylistedData,
  WEBHOOK_EVENT_OWNERS,
  type WebhookEventType,
} from '@chorus/db';
import { DateOnly, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TSchema, Type } from 'typebox';

// The events Chorus sends and the JSON Schema of each body. The producers write the data in packages/db
// (webhooks.queries.ts); the `satisfies` checks below fail the build when the two drift apart.

const INSIGHT_TYPES = ['trend', 'milestone', 'anomaly', 'audience_shift', 'playlist_momentum', 'forecast'] as const;

const ArtistRef = Type.Object({ id: Uuid, name: Type.String() }, { description: 'The artist whose team the event is for.' });
const SubjectRef = Type.Object(
  {
    kind: Type.Enum(['artist', 'track'], { description: 'The artist itself or one of its tracks.' }),
    id: Uuid,
    name: Type.String({ description: "The artist's name or the track's title." }),
  },
  { description: 'What the insight is about.' },
);

const InsightCreated = Type.Object({
  artist: ArtistRef,
  insight: Type.Object({
    id: Uuid,
    type: Type.Enum([...INSIGHT_TYPES]),
    severity: Type.Enum(['info', 'notable', 'major']),
    title: Type.String(),
    body: Type.String({ description: 'One or two sentences with the numbers behind the insight.' }),
    subject: SubjectRef,
    evidence: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The figures and test behind the insight (aggregates only); its fields depend on the type.',
    }),
    created_at: Timestamp,
  }),
});

const MilestoneReached = Type.Object({
  artist: ArtistRef,
  insight_id: Type.String({ format: 'uuid', description: 'The milestone insight in the feed (GET /v1/artists/{id}/insights).' }),
  subject: SubjectRef,
  metric: Type.Enum(['streams', 'listeners'], { description: 'All-time streams, or distinct listeners.' }),
  threshold: Type.Integer({ description: 'The round number crossed, e.g. 100000.' }),
  total: Type.Integer({ description: 'The all-time total when it was noticed.' }),
  day: DateOnly,
});

const TrackPlaylisted = Type.Object({
  artist: ArtistRef,
  track: Type.Object({ id: Uuid, title: Type.String(), isrc: Type.Union([Type.String(), Type.Null()]) }),
  playlist: Type.Object({
    id: Uuid,
    name: Type.String(),
    collaborative: Type.Boolean({ description: 'Whether several listeners edit it together.' }),
  }),
  playlist_item_id: Type.String({ format: 'uuid', description: 'The new entry; adding the same track again is another entry and another event.' }),
  added_at: Timestamp,
});

const StatsDaily = Type.Object({
  artist: ArtistRef,
  day: Type.String({ format: 'date', description: 'The UTC day summarised (yesterday when sent).' }),
  streams: Type.Integer({ description: 'Plays of at least 30 seconds.' }),
  skips: Type.Integer({ description: 'Plays shorter than 30 seconds.' }),
  ms_played: Type.Integer(),
  saves: Type.Integer(),
  playlist_adds: Type.Integer(),
  listeners: Type.Integer({ description: 'Distinct listeners that day.' }),
  top_tracks: Type.Array(Type.Object({ id: Uuid, title: Type.String(), streams: Type.Integer() }), {
    maxItems: 5,
    description: 'The most streamed tracks that day, most first.',
  }),
});

const Ping = Type.Object({ endpoint_id: Uuid, message: Type.String() });

const AppRef = Type.Object({ id: Uuid, client_id: Type.String({ description: "The app's OAuth client id." }) }, { description: 'The app the event is for.' });
const ListenerId = Type.String({
  format: 'uuid',
  description: 'The listener as the app knows them: the `sub` of the access tokens it holds for them. Never their name or email.',
});
const Connection = (when: string) =>
  Type.Object({
    app: AppRef,
    listener_id: ListenerId,
    scopes: Type.Array(Type.String(), { description: 'The scopes the listener granted the app.' }),
    at: Type.String({ format: 'date-time', description: when }),
  });
const ConnectionCreated = Connection('When the listener connected the app.');
const ConnectionRevoked = Connection('When the listener disconnected the app; its tokens for them are refused from then on.');

const PlaylistUpdated = Type.Object({
  app: AppRef,
  listener_ids: Type.Array(ListenerId, {
    description: "The app's connected listeners (with playlists:read) who own or collaborate on the playlist: read it with one of their tokens.",
  }),
  playlist: Type.Object({
    id: Uuid,
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    visibility: Type.Enum(['private', 'public']),
    collaborative: Type.Boolean(),
    item_count: Type.Integer(),
    snapshot_id: Type.String({ description: 'The new snapshot (ETag of GET /v1/playlists/{id}); one event per snapshot.' }),
  }),
  change: Type.Enum(['details', 'items', 'owner'], {
    description: 'details: name, description, visibility or the collaborative flag; items: added, removed, moved or replaced; owner: a new owner.',
  }),
  changed_at: Timestamp,
});

// Compile-time agreement between what producers write and what is published.
type Published<T extends TSchema> = Static<T>;
((d: InsightCreatedData) => d) satisfies (d: InsightCreatedData) => Published<typeof InsightCreated>;
((d: MilestoneReachedData) => d) satisfies (d: MilestoneReachedData) => Omit<Published<typeof MilestoneReached>, 'metric'> & { metric: string };
((d: TrackPlaylistedData) => d) satisfies (d: TrackPlaylistedData) => Published<typeof TrackPlaylisted>;
((d: StatsDailyData) => d) satisfies (d: StatsDailyData) => Published<typeof StatsDaily>;
((d: PingData) => d) satisfies (d: PingData) => Published<typeof Ping>;
((d: ConnectionEventData) => d) satisfies (d: ConnectionEventData) => Published<typeof ConnectionCreated>;
((d: PlaylistUpdatedData) => d) satisfies (d: PlaylistUpdatedData) => Published<typeof PlaylistUpdated>;

export interface WebhookEventDefinition {
  type: WebhookEventType;
  /** The schema's $id, also its name under components.schemas. */
  schemaId: string;
  summary: string;
  description: string;
  /** Whether an endpoint subscribes to it; ping is sent to one endpoint on its owner's request. */
  subscribable: boolean;
  owners: Array<'artist' | 'app'>;
  schema: TSchema;
}

function envelope(type: WebhookEventType, schemaId: string, description: string, data: TSchema): TSchema {
  return Type.Object(
    {
      type: Type.Literal(type),
      timestamp: Type.String({ format: 'date-time', description: 'When the event happened (RFC 3339, UTC); the same in every attempt.' }),
      data,
    },
    { $id: schemaId, description },
  );
}

function event(type: WebhookEventType, schemaId: string, summary: string, description: string, data: TSchema): WebhookEventDefinition {
  const subscribable = (SUBSCRIBABLE_EVENT_TYPES as readonly string[]).includes(type);
  const owners = [...WEBHOOK_EVENT_OWNERS[type]];
  return { type, schemaId, summary, description, subscribable, owners, schema: envelope(type, schemaId, description, data) };
}

/** Every event type, in the order the catalog lists them. */
export const WEBHOOK_EVENTS: WebhookEventDefinition[] = [
  event(
    'insight.created',
    'WebhookEventInsightCreated',
    'A new insight for the artist',
    "An insight was added to the artist's feed: a trend, milestone, anomaly, audience shift, playlist momentum or forecast. Each insight is sent once.",
    InsightCreated,
  ),
  event(
    'milestone.reached',
    'WebhookEventMilestoneReached',
    'The artist or a track crossed a round number',
    'The artist or one of its tracks reached a round number of all-time streams or listeners (also sent as insight.created of type milestone).',
    MilestoneReached,
  ),
  event(
    'track.playlisted',
    'WebhookEventTrackPlaylisted',
    "One of the artist's tracks was added to a public playlist",
    "One of the artist's tracks was added to a public playlist. Who added it is never said.",
    TrackPlaylisted,
  ),
  event(
    'stats.daily',
    'WebhookEventStatsDaily',
    "Yesterday's summary is final",
    "The artist's totals for a UTC day, sent once after midnight UTC to artists with listens that day.",
    StatsDaily,
  ),
  event(
    'connection.created',
    'WebhookEventConnectionCreated',
    'A listener connected the app',
    'A listener approved the app (OAuth consent), or approved it again after disconnecting it. Approving more scopes while connected is not a new connection.',
    ConnectionCreated,
  ),
  event(
    'connection.revoked',
    'WebhookEventConnectionRevoked',
    'A listener disconnected the app',
    'A listener disconnected the app (DELETE /v1/me/connections/{client_id}): its grants and tokens for them are gone; forget what it stored for them that it may not keep.',
    ConnectionRevoked,
  ),
  event(
    'playlist.updated',
    'WebhookEventPlaylistUpdated',
    "A playlist the app's listeners share with it changed",
    'A playlist owned by, or shared with, a listener who connected the app with playlists:read changed: its details or its items. One event per new snapshot and app, whoever made the change (who it was is never said).',
    PlaylistUpdated,
  ),
  event('ping', 'WebhookEventPing', 'A test event', 'Sent to one endpoint when its owner asks (POST .../webhooks/{webhook_id}/test).', Ping),
];

export const ALL_EVENT_TYPES = WEBHOOK_EVENTS.map((e) => e.type);

const SIGNATURE_NOTE =
  'Signed per Standard Webhooks: `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint secret (two entries while a rotated secret is still valid). Answer 2xx within 10 seconds; anything else is retried for about 27 hours.';

const HEADERS = [
  { name: 'webhook-id', description: 'The event id: the same in every attempt and redelivery, to drop duplicates by.' },
  { name: 'webhook-timestamp', description: 'Unix seconds when this attempt was signed; refuse it when more than 5 minutes off.' },
  { name: 'webhook-signature', description: 'Space-separated `v1,<signature>` entries; one must match.' },
].map((h) => ({ ...h, in: 'header', required: true, schema: { type: 'string' } }));

/** The OpenAPI 3.1 `webhooks` section: one POST per event type, its body a named schema. */
export const webhooksOpenApi: Record<string, unknown> = Object.fromEntries(
  WEBHOOK_EVENTS.map((e) => [
    e.type,
    {
      post: {
        operationId: `webhook${e.schemaId.replace(/^WebhookEvent/, '')}`,
        tags: ['webhooks'],
        summary: e.summary,
        description: `${e.description}\n\n${SIGNATURE_NOTE}`,
        security: [],
        parameters: HEADERS,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${e.schemaId}` } } } },
        responses: {
          '2XX': { description: 'Any 2xx answer within 10 seconds acknowledges the event.' },
          '4XX': { description: 'Any other answer (3xx, 4xx, 5xx), or none in time: the event is sent again on the retry schedule.' },
        },
      },
    },
  ]),
);
