import { type Kysely, sql } from 'kysely';

/**
 * Connection history for partner statistics and product insight.
 *
 * oauth_connections keeps one row per listener and app and overwrites created_at and revoked_at when a listener
 * reconnects, so it cannot say how many connections were made or revoked in a past period, nor who was
 * connected at the end of one. oauth_connection_periods keeps every period of a connection: opened and closed in
 * the statements (and transactions) that connect and disconnect (oauthQueries.connect and .disconnect). Its
 * foreign key to the connection deletes a listener's periods with the listener (and an app's with the app), so
 * a deletion leaves every count at once. partner_id and app_id are copied from the registry so reads filter on
 * the partner's key and never touch another partner's rows.
 *
 * Indexes: partner reads range over (partner_id, connected_at) and (partner_id, revoked_at) and are answered
 * from the index alone (INCLUDE); platform-wide reads range over connected_at and revoked_at. Retention looks a
 * cohort's listeners up in partner_day_listeners by user and day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oauth_connection_periods (
      user_id uuid NOT NULL,
      client_id text NOT NULL,
      partner_id uuid NOT NULL,
      app_id uuid NOT NULL,
      connected_at timestamptz NOT NULL,
      -- Null while the period is open (the listener is connected).
      revoked_at timestamptz,
      PRIMARY KEY (user_id, client_id, connected_at),
      FOREIGN KEY (user_id, client_id) REFERENCES oauth_connections (user_id, client_id) ON DELETE CASCADE,
      CHECK (revoked_at IS NULL OR revoked_at >= connected_at)
    );
    -- At most one open period per connection.
    CREATE UNIQUE INDEX oauth_connection_periods_open_idx ON oauth_connection_periods (user_id, client_id) WHERE revoked_at IS NULL;
    CREATE INDEX oauth_connection_periods_partner_idx ON oauth_connection_periods (partner_id, connected_at) INCLUDE (app_id, user_id, revoked_at);
    CREATE INDEX oauth_connection_periods_partner_revoked_idx ON oauth_connection_periods (partner_id, revoked_at) INCLUDE (app_id)
      WHERE revoked_at IS NOT NULL;
    CREATE INDEX oauth_connection_periods_connected_idx ON oauth_connection_periods (connected_at);
    CREATE INDEX oauth_connection_periods_revoked_idx ON oauth_connection_periods (revoked_at) WHERE revoked_at IS NOT NULL;
    CREATE INDEX partner_day_listeners_user_idx ON partner_day_listeners (user_id, day);

    -- The history there is: each connection's latest period (earlier ones were overwritten before this table).
    INSERT INTO oauth_connection_periods (user_id, client_id, partner_id, app_id, connected_at, revoked_at)
    SELECT c.user_id, c.client_id, a.partner_id, a.id, c.created_at, c.revoked_at
    FROM oauth_connections c JOIN partner_apps a ON a.client_id = c.client_id;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS partner_day_listeners_user_idx; DROP TABLE IF EXISTS oauth_connection_periods;`.execute(db);
}
