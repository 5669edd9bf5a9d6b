import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Db } from './connection.js';
import { migrations } from './migrations/index.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Brings the schema up to date. Kysely's Migrator holds a PostgreSQL advisory lock
 * while it runs, so several instances booting at once migrate exactly once.
 */
export async function migrateToLatest(db: Db, schema = 'public'): Promise<string[]> {
  // Name the schema: Kysely looks for its bookkeeping tables by name across all schemas otherwise.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Creates a schema if it is missing (tests isolate themselves in one each). */
export async function ensureSchema(db: Db, schema: string): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
}
