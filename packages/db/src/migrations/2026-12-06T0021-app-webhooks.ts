import { type Kysely, sql } from 'kysely';

/**
 * Partner apps own webhook endpoints (and their events) too: the owner's foreign key for apps, derived like
 * artist_id, so deleting an app deletes its endpoints, events and delivery logs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE webhook_endpoints
      ADD COLUMN app_id uuid GENERATED ALWAYS AS (CASE WHEN owner_kind = 'app' THEN owner_id END) STORED REFERENCES partner_apps (id) ON DELETE CASCADE;
    CREATE INDEX webhook_endpoints_app_idx ON webhook_endpoints (app_id) WHERE app_id IS NOT NULL;
    ALTER TABLE webhook_events
      ADD COLUMN app_id uuid GENERATED ALWAYS AS (CASE WHEN owner_kind = 'app' THEN owner_id END) STORED REFERENCES partner_apps (id) ON DELETE CASCADE;
    CREATE INDEX webhook_events_app_idx ON webhook_events (app_id) WHERE app_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE webhook_events DROP COLUMN app_id;
    ALTER TABLE webhook_endpoints DROP COLUMN app_id;
  `.execute(db);
}
