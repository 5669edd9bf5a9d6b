import { type Kysely, sql } from 'kysely';

/**
 * Personal API tokens carry the scopes chosen when they were made, and work on /v1 routes with those scopes, not
 * only on the ListenBrainz-compatible API. Tokens made before this had exactly what that API needs: reading and
 * submitting listens, so that is what they keep.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE personal_tokens ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['listens:read', 'listens:write']::text[];
    ALTER TABLE personal_tokens ADD CONSTRAINT personal_tokens_scopes_bounded CHECK (cardinality(scopes) BETWEEN 1 AND 32);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE personal_tokens DROP CONSTRAINT personal_tokens_scopes_bounded, DROP COLUMN scopes;`.execute(db);
}
