import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Computed by PostgreSQL from owner_kind and owner_id: read only. */
type Derived<T> = ColumnType<T, never, never>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

/** Who an endpoint (and an event) belongs to: an artist team, or a partner app. */
export type WebhookOwnerKind = 'artist' | 'app';
export type WebhookDisabledReason = 'owner' | 'failing';
export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookEndpointsTable {
  id: string;
  owner_kind: WebhookOwnerKind;
  owner_id: string;
  artist_id: Derived<string | null>;
  app_id: Derived<string | null>;
  url: string;
  description: string;
  event_types: string[];
  /** whsec_ + base64 of the key; kept readable because every delivery signs with it. */
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  disabled_at: Date | null;
  disabled_reason: WebhookDisabledReason | null;
  /** The first failed attempt since the last success; null while the endpoint succeeds. */
  failing_since: Date | null;
  last_success_at: Date | null;
  last_latency_ms: number | null;
  /** When the deliveries waiting for a free slot should all have had their turn. */
  backlog_until: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WebhookEventsTable {
  id: string;
  owner_kind: WebhookOwnerKind;
  owner_id: string;
  artist_id: Derived<string | null>;
  app_id: Derived<string | null>;
  type: string;
  /** The same fact is one event however often a job finds it (null: no such fact, e.g. each playlist add). */
  dedupe_key: string | null;
  /** The body sent: { type, timestamp, data }. */
  payload: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  endpoint_id: string;
  event_type: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempt_count: ColumnType<number, number | undefined, number>;
  /** When the next attempt is due; null once finished. */
  next_attempt_at: Timestamp | null;
  finished_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Generated<Date>;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: Timestamp;
  latency_ms: number;
  status_code: number | null;
  error: string | null;
  response_body: string;
  succeeded: boolean;
}

export interface WebhookEndpointSlotsTable {
  endpoint_id: string;
  slot: number;
  delivery_id: string | null;
  lease_until: Date | null;
}

export interface WebhooksTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  webhook_endpoint_slots: WebhookEndpointSlotsTable;
}
