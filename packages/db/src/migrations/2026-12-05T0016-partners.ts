import { type Kysely, sql } from 'kysely';

/**
 * Partner organisations, their teams and invitations, the app (OAuth client) registry with its development and
 * production modes, review history and allow-lists, and each app's daily usage. The authorization server reads
 * partner_apps; client secrets are kept only as SHA-256 digests (see client-secrets.ts for why that suffices).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partners (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('automotive', 'telecom', 'device', 'app')),
      website_url text NOT NULL,
      verified_at timestamptz,
      verified_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE partner_members (
      partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'developer', 'analyst')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (partner_id, user_id)
    );
    CREATE INDEX partner_members_user_idx ON partner_members (user_id, partner_id);

    -- One open invitation per partner and person; it is deleted when accepted, declined or revoked.
    CREATE TABLE partner_invitations (
      id uuid PRIMARY KEY,
      partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'developer', 'analyst')),
      invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      UNIQUE (partner_id, user_id)
    );
    CREATE INDEX partner_invitations_user_idx ON partner_invitations (user_id, created_at);

    CREATE TABLE partner_apps (
      id uuid PRIMARY KEY,
      partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
      client_id text NOT NULL UNIQUE,
      name text NOT NULL,
      description text,
      logo_url text,
      client_type text NOT NULL CHECK (client_type IN ('confidential', 'public')),
      redirect_uris text[] NOT NULL DEFAULT '{}',
      grant_types text[] NOT NULL,
      scopes text[] NOT NULL,
      device_class text CHECK (device_class IN ('car', 'speaker', 'tv', 'wearable', 'other')),
      review_state text NOT NULL DEFAULT 'development' CHECK (review_state IN ('development', 'in_review', 'production', 'rejected')),
      review_requested_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
      review_note text,
      secret_hash bytea,
      secret_hint text,
      secret_created_at timestamptz,
      previous_secret_hash bytea,
      previous_secret_expires_at timestamptz,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- Confidential clients always have a secret; public clients never do.
      CHECK ((client_type = 'confidential') = (secret_hash IS NOT NULL))
    );
    CREATE INDEX partner_apps_partner_idx ON partner_apps (partner_id, created_at);
    CREATE INDEX partner_apps_review_idx ON partner_apps (review_state, review_requested_at, id);

    CREATE TABLE partner_app_allowed_users (
      app_id uuid NOT NULL REFERENCES partner_apps (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      added_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (app_id, user_id)
    );

    CREATE TABLE partner_app_reviews (
      id uuid PRIMARY KEY,
      app_id uuid NOT NULL REFERENCES partner_apps (id) ON DELETE CASCADE,
      action text NOT NULL CHECK (action IN ('requested', 'approved', 'rejected')),
      note text,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      verified_partner boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX partner_app_reviews_app_idx ON partner_app_reviews (app_id, id);

    -- Added to in batches by every API process (counters flushed every few seconds), never once per request.
    CREATE TABLE app_usage_daily (
      app_id uuid NOT NULL REFERENCES partner_apps (id) ON DELETE CASCADE,
      day date NOT NULL,
      route_group text NOT NULL,
      requests bigint NOT NULL DEFAULT 0,
      errors bigint NOT NULL DEFAULT 0,
      rate_limited bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (app_id, day, route_group)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE app_usage_daily;
    DROP TABLE partner_app_reviews;
    DROP TABLE partner_app_allowed_users;
    DROP TABLE partner_apps;
    DROP TABLE partner_invitations;
    DROP TABLE partner_members;
    DROP TABLE partners;
  `.execute(db);
}
