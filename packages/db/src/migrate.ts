import { type DatabaseIntrospector, Migrator, sql, type TableMetadata } from 'kysely';
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
  const migrator = new Migrator({ db: lookingOnlyAt(db, schema), provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The database as the Migrator sees it, whose introspection reads only `schema`. Kysely's own reads every schema's
 * tables and checks each schema's privileges by name, so a schema another process drops meanwhile (tests drop theirs
 * all the time) failed the migration with "schema ... does not exist".
 */
function lookingOnlyAt(db: Db, schema: string): Db {
  const tables = async (): Promise<TableMetadata[]> => {
    const { rows } = await sql<{ name: string; kind: string }>`
      SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm')
    `.execute(db);
    return rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v' || r.kind === 'm', columns: [] }));
  };
  const introspection: DatabaseIntrospector = {
    getSchemas: async () => (await sql<{ name: string }>`SELECT nspname AS name FROM pg_namespace WHERE nspname = ${schema}`.execute(db)).rows,
    getTables: tables,
    getMetadata: async () => ({ tables: await tables() }),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value = Reflect.get(target, property, target);
      // Kysely's methods read private fields: they run on the real instance.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Creates a schema if it is missing (tests isolate themselves in one each). */
export async function ensureSchema(db: Db, schema: string): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
}

/**
 * Who this database is, wherever it is reached from: the cluster's system identifier, the database and the
 * schema in use (tests share one cluster and database, each in a schema of its own).
 */
export async function databaseIdentity(db: Db): Promise<string> {
  const { rows } = await sql<{ system: string; database: string; schema: string | null }>`
    SELECT system_identifier::text AS system, current_database() AS database, current_schema() AS schema FROM pg_control_system()
  `.execute(db);
  const row = rows[0]!;
  return `${row.system}/${row.database}/${row.schema ?? 'public'}`;
}
