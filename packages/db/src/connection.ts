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
  /** An idle client lost its server (default: one warning on stderr per outage). */
  onError?: (error: Error) => void;
  /** A new client connected: the server answers again. */
  onConnect?: () => void;
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
  // An idle client that loses its server must not crash the process (the next checkout reconnects), nor go unseen.
  let down = false;
  const onError =
    options.onError ??
    ((error: Error) => {
      if (!down) process.stderr.write(`${new Date().toISOString()} WARN database connection lost: ${error.message}\n`);
      down = true;
    });
  pool.on('error', (error) => onError(error));
  pool.on('connect', (client) => {
    down = false;
    options.onConnect?.();
    // A client checked out when its server goes away errs on itself, not on the pool: unheard, that kills the process.
    client.on('error', (error) => onError(error));
  });
  return pool;
}

const pools = new WeakMap<Db, pg.Pool>();

/** Opens the shared data layer over one pg pool. */
export function createDb(options: DbOptions): Db {
  const pool = createPool(options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** The connections of a Db's pool right now (for metrics): open, idle, and checkouts waiting for one. */
export function poolStats(db: Db): { total: number; idle: number; waiting: number } | undefined {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
