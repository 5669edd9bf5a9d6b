import { type Kysely, sql } from 'kysely';

/**
 * People get a handle: unique whatever its letter case, URL-safe, the name others invite them by and the
 * ListenBrainz `user_name`. Sign-up chooses or derives a readable one; rows written without one (simulated
 * listeners, benchmarks) get a random `u-…` handle from the default, evaluated per row. Listening history is
 * private unless its owner makes it public (the ListenBrainz read API follows this). A platform admin can mark an
 * artist verified; name matching prefers verified artists, so a look-alike cannot steer their listens away.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users ADD COLUMN handle text NOT NULL
      DEFAULT ('u-' || substr(md5(random()::text || clock_timestamp()::text), 1, 12))
      CHECK (handle ~ '^[a-z0-9][a-z0-9_-]{1,31}$');
    CREATE UNIQUE INDEX users_handle_key ON users (handle);
    ALTER TABLE users ADD COLUMN listens_public boolean NOT NULL DEFAULT false;
    ALTER TABLE artists ADD COLUMN verified_at timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE artists DROP COLUMN verified_at`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN listens_public, DROP COLUMN handle`.execute(db);
}
