import { SUBSCRIBABLE_EVENT_TYPES } from '@chorus/db';
import { Page, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TProperties, Type } from 'typebox';
import { ALL_EVENT_TYPES } from './webhooks.events.js';

/** Endpoints one owner may have. */
export const MAX_ENDPOINTS_PER_OWNER = 20;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

// --- Requests ---

const Url = Type.String({
  minLength: 8,
  maxLength: 2048,
  description: 'Where events are POSTed: https, on a public address (checked again after DNS at every delivery; redirects are not followed).',
});
const EventTypes = Type.Array(Type.Enum([...SUBSCRIBABLE_EVENT_TYPES]), {
  minItems: 1,
  maxItems: SUBSCRIBABLE_EVENT_TYPES.length,
  uniqueItems: true,
  description: 'The event types to receive (GET /v1/webhook-event-types lists them).',
});
const Description = Type.String({ maxLength: 500, description: 'A note for the team, e.g. what receives the events.' });

export const CreateWebhookBody = Type.Object(
  { url: Url, event_types: EventTypes, description: Type.Optional(Description), enabled: Type.Optional(Type.Boolean({ description: 'Default true.' })) },
  { additionalProperties: false },
);
export type CreateWebhookInput = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    event_types: Type.Optional(EventTypes),
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean({ description: 'false pauses deliveries; true re-enables an endpoint, also one disabled for failing.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWebhookInput = Static<typeof UpdateWebhookBody>;

/** The path parameters naming an owner: an artist `{ id }`, or a partner's app `{ id, app_id }`. */
export type OwnerParamsSchema = TProperties;
/** Path parameters as the routes read them (validated as UUIDs by the schemas below first). */
export type OwnerPath = { id: string; app_id?: string; webhook_id: string; delivery_id: string };

/** The params schemas of an owner's collection, of one endpoint, and of one delivery. */
export function webhookPathParams(owner: OwnerParamsSchema) {
  const strict = { additionalProperties: false } as const;
  return {
    collection: Type.Object({ ...owner }, strict),
    endpoint: Type.Object({ ...owner, webhook_id: Uuid }, strict),
    delivery: Type.Object({ ...owner, webhook_id: Uuid, delivery_id: Uuid }, strict),
  };
}

export const EndpointsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Default 20, at most 100.' })),
    cursor: Type.Optional(Type.String({ maxLength: 256, description: 'Opaque; from a previous answer.' })),
  },
  { additionalProperties: false },
);
export type EndpointsQueryInput = Static<typeof EndpointsQuery>;

export const DeliveriesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Default 20, at most 100.' })),
    cursor: Type.Optional(Type.String({ maxLength: 256, description: 'Opaque; from a previous answer.' })),
    event_type: Type.Optional(Type.Enum([...ALL_EVENT_TYPES], { description: 'Only deliveries of this event type.' })),
    outcome: Type.Optional(Type.Enum(['pending', 'succeeded', 'failed'], { description: 'Only deliveries in this state.' })),
  },
  { additionalProperties: false },
);
export type DeliveriesQueryInput = Static<typeof DeliveriesQuery>;

// --- Answers (named: listed once under components.schemas, referenced by the routes) ---

const endpointFields = {
  id: Uuid,
  owner: Type.Object({ kind: Type.Enum(['artist', 'app']), id: Uuid }, { description: 'Who the endpoint belongs to: an artist team or a partner app.' }),
  url: Type.String(),
  description: Type.String(),
  event_types: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabled_reason: Nullable(
    Type.Enum(['owner', 'failing'], { description: 'owner: paused by its owner; failing: disabled by Chorus after five days without a success.' }),
  ),
  disabled_at: Nullable(Timestamp),
  notice: Nullable(Type.String({ description: 'What its owner should know and do, e.g. why it was disabled and how to re-enable it.' })),
  failing_since: Nullable(Type.String({ format: 'date-time', description: 'The first failed attempt since the last success.' })),
  last_success_at: Nullable(Timestamp),
  previous_secret_expires_at: Nullable(
    Type.String({ format: 'date-time', description: 'Until when the secret replaced by the last rotation still signs too.' }),
  ),
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const WebhookEndpointSchema = Type.Object(endpointFields, { $id: 'WebhookEndpoint', description: 'A URL that receives signed events.' });
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;

const Secret = Type.String({ description: 'whsec_ + base64 of 32 random bytes: the HMAC key. Shown only here; rotate it if it is lost.' });

export const WebhookEndpointCreatedSchema = Type.Object(
  { ...endpointFields, secret: Secret },
  { $id: 'WebhookEndpointCreated', description: 'A new endpoint with its signing secret, shown this once.' },
);
export type WebhookEndpointCreated = Static<typeof WebhookEndpointCreatedSchema>;

export const WebhookSecretSchema = Type.Object(
  { secret: Secret, previous_secret_expires_at: Timestamp },
  { $id: 'WebhookSecret', description: 'A new signing secret; until previous_secret_expires_at each event carries a signature by each secret.' },
);
export type WebhookSecret = Static<typeof WebhookSecretSchema>;

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    event_id: Type.String({ format: 'uuid', description: 'Sent as webhook-id.' }),
    event_type: Type.String(),
    status: Type.Enum(['pending', 'succeeded', 'failed'], { description: 'pending: being tried; failed: its retries ran out, or its endpoint was disabled.' }),
    attempt_count: Type.Integer(),
    next_attempt_at: Nullable(Timestamp),
    finished_at: Nullable(Timestamp),
    redelivery_of: Nullable(Type.String({ format: 'uuid', description: 'The delivery this one sends again.' })),
    created_at: Timestamp,
    attempts: Type.Array(
      Type.Object({
        attempted_at: Timestamp,
        latency_ms: Type.Integer(),
        status_code: Nullable(Type.Integer({ description: "The receiver's HTTP status; null when it gave none." })),
        error: Nullable(Type.String({ description: 'Why no answer came: timeout, connection (with its code) or refused_address.' })),
        response_body: Type.String({ description: 'The first kilobyte of the answer.' }),
        succeeded: Type.Boolean(),
      }),
      { description: 'The latest ten attempts, oldest first.' },
    ),
  },
  { $id: 'WebhookDelivery', description: 'One event sent to one endpoint, and its attempts.' },
);
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const WebhookEventTypeSchema = Type.Object(
  {
    type: Type.String(),
    summary: Type.String(),
    description: Type.String(),
    subscribable: Type.Boolean({ description: 'Whether endpoints subscribe to it (ping is sent on request only).' }),
    owners: Type.Array(Type.Enum(['artist', 'app']), { description: 'Whose endpoints receive it.' }),
    schema: Type.Record(Type.String(), Type.Unknown(), { description: 'The JSON Schema of the body (also in the OpenAPI document, under webhooks).' }),
  },
  { $id: 'WebhookEventType', description: 'An event type and the JSON Schema of its body.' },
);
export type WebhookEventTypeBody = Static<typeof WebhookEventTypeSchema>;

export const EndpointPage = Page(Type.Ref('WebhookEndpoint'));
export const DeliveryPage = Page(Type.Ref('WebhookDelivery'));
export const EventTypeList = Type.Object({ items: Type.Array(Type.Ref('WebhookEventType')) });

export type EndpointPageBody = { items: WebhookEndpoint[]; next_cursor: string | null };
export type DeliveryPageBody = { items: WebhookDelivery[]; next_cursor: string | null };
