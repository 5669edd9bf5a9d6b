import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables/index.js';

// bigint (int8) columns hold counters and byte sizes far below 2^53: read them as numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric stays a string on purpose: callers cast in SQL where they need a float.
// date columns stay 'YYYY-MM-DD' strings: days are UTC calendar days, never instants.
pg.types.setTypeParser(1082, (v) => v);

export interface DbOptions {
  url: string;
  /** A schema to use as search_path: isolates a test file's tables from every other. */
  schema?: string;
  maxConnections?: number;
  applicationName?: string;
}

export type Db = Kysely<Database>;

/** Builds the pg pool the Kysely instance owns; `db.destroy()` closes it. */
export function createPool(options: DbOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'chorus',
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)},public` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Opens the shared data layer over one pg pool. */
export function createDb(options: DbOptions): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(options) }) });
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
