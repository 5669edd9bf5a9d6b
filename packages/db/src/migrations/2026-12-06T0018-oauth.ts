import { type Kysely, sql } from 'kysely';

/**
 * The OAuth 2 authorization server's storage: oidc-provider's artefacts (grants, codes, refresh tokens, device
 * codes, sessions, interactions) in one table keyed by model and id, and the apps each listener connected.
 * Clients are not stored here: they are the partner app registry (partner_apps).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oauth_models (
      model text NOT NULL,
      id text NOT NULL,
      payload jsonb NOT NULL,
      -- Copied out of the payload for the adapter's lookups (grant revocation, device user codes, sessions by uid)
      -- and for disconnecting an app (every artefact of one person and one client).
      grant_id text,
      user_code text,
      uid text,
      account_id text,
      client_id text,
      consumed_at timestamptz,
      -- Device codes: when the device last polled, to answer slow_down (RFC 8628 §3.5).
      last_polled_at timestamptz,
      expires_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (model, id)
    );
    CREATE INDEX oauth_models_grant_idx ON oauth_models (grant_id) WHERE grant_id IS NOT NULL;
    CREATE INDEX oauth_models_user_code_idx ON oauth_models (model, user_code) WHERE user_code IS NOT NULL;
    CREATE INDEX oauth_models_uid_idx ON oauth_models (model, uid) WHERE uid IS NOT NULL;
    CREATE INDEX oauth_models_account_client_idx ON oauth_models (account_id, client_id) WHERE account_id IS NOT NULL;
    -- The maintenance sweep deletes expired rows by this index.
    CREATE INDEX oauth_models_expires_idx ON oauth_models (expires_at) WHERE expires_at IS NOT NULL;

    CREATE TABLE oauth_connections (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      client_id text NOT NULL REFERENCES partner_apps (client_id) ON DELETE CASCADE,
      scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NOT NULL DEFAULT now(),
      -- Set when the listener disconnects the app (null while connected).
      revoked_at timestamptz,
      -- Access tokens of this person and app issued before this instant are refused; kept across a reconnection,
      -- so the tokens of the earlier connection stay dead.
      tokens_not_before timestamptz,
      PRIMARY KEY (user_id, client_id)
    );
    CREATE INDEX oauth_connections_client_idx ON oauth_connections (client_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS oauth_connections; DROP TABLE IF EXISTS oauth_models;`.execute(db);
}
