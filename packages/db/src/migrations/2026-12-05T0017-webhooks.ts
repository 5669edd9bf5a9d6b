import { type Kysely, sql } from 'kysely';

/**
 * Webhooks: endpoints owned by an artist team or (later) a partner app, the event outbox, one delivery per event
 * and endpoint with its attempts, and the slots that cap the attempts in flight to one endpoint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY,
      owner_kind text NOT NULL CHECK (owner_kind IN ('artist', 'app')),
      owner_id uuid NOT NULL,
      -- The owner's foreign key, one derived column per kind, so deleting the owner deletes its endpoints.
      -- Partner apps add app_id the same way: (CASE WHEN owner_kind = 'app' THEN owner_id END) REFERENCES their table.
      artist_id uuid GENERATED ALWAYS AS (CASE WHEN owner_kind = 'artist' THEN owner_id END) STORED REFERENCES artists (id) ON DELETE CASCADE,
      url text NOT NULL CHECK (length(url) <= 2048),
      description text NOT NULL DEFAULT '',
      event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 32),
      secret text NOT NULL,
      previous_secret text,
      previous_secret_expires_at timestamptz,
      disabled_at timestamptz,
      disabled_reason text CHECK (disabled_reason IN ('owner', 'failing')),
      failing_since timestamptz,
      last_success_at timestamptz,
      last_latency_ms integer,
      -- When the deliveries now waiting for a free slot should all have had their turn: each one waiting books the
      -- next turn after it, so a backlog comes back spread at the endpoint's pace instead of all at once, again and again.
      backlog_until timestamptz,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
    );
    -- The owner's list, and the fan-out of each event to its owner's endpoints.
    CREATE INDEX webhook_endpoints_owner_idx ON webhook_endpoints (owner_kind, owner_id, id);
    CREATE INDEX webhook_endpoints_artist_idx ON webhook_endpoints (artist_id) WHERE artist_id IS NOT NULL;

    -- The outbox: written in the transaction of the change that caused the event, and only when an endpoint
    -- listens for it.
    CREATE TABLE webhook_events (
      id uuid PRIMARY KEY,
      owner_kind text NOT NULL CHECK (owner_kind IN ('artist', 'app')),
      owner_id uuid NOT NULL,
      artist_id uuid GENERATED ALWAYS AS (CASE WHEN owner_kind = 'artist' THEN owner_id END) STORED REFERENCES artists (id) ON DELETE CASCADE,
      type text NOT NULL,
      dedupe_key text,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT webhook_events_dedupe_key UNIQUE (owner_kind, owner_id, type, dedupe_key)
    );
    CREATE INDEX webhook_events_artist_idx ON webhook_events (artist_id) WHERE artist_id IS NOT NULL;
    CREATE INDEX webhook_events_created_idx ON webhook_events (created_at);

    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
      event_type text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
      attempt_count integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      finished_at timestamptz,
      last_status_code integer,
      last_error text,
      redelivery_of uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
    );
    -- The owner's delivery log, newest first (ids are time-ordered), optionally of one event type.
    CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
    CREATE INDEX webhook_deliveries_endpoint_type_idx ON webhook_deliveries (endpoint_id, event_type, id DESC);
    CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
    -- The sweeper: pending deliveries by due time.
    CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

    CREATE TABLE webhook_attempts (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      attempted_at timestamptz NOT NULL,
      latency_ms integer NOT NULL,
      status_code integer,
      error text,
      response_body text NOT NULL DEFAULT '' CHECK (octet_length(response_body) <= 4096),
      succeeded boolean NOT NULL
    );
    CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at);

    -- At most as many attempts in flight to an endpoint as it has free slots; a lease runs out by itself, so a
    -- worker that dies mid-attempt does not hold its slot.
    CREATE TABLE webhook_endpoint_slots (
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
      slot smallint NOT NULL,
      delivery_id uuid,
      lease_until timestamptz,
      PRIMARY KEY (endpoint_id, slot)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhook_endpoint_slots, webhook_attempts, webhook_deliveries, webhook_events, webhook_endpoints`.execute(db);
}
