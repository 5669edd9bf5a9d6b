import { Kysely, PostgresDialect, type RawBuilder, sql } from 'kysely';
import { createHash } from 'node:crypto';
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

/** A condition that a query checks inside its own statement (an access rule, say), built by a query module. */
export type Condition = RawBuilder<boolean>;

/*
 * A read gated by a condition reads nothing when it is false, and tells its caller so. Three shapes:
 * - a scan gated by `andIf` (its WHERE goes on with ` AND onlyIf`);
 * - an aggregate without GROUP BY that ends with `havingIf`: its one row comes back only when the condition holds;
 * - rows that end with `allowedRow`, read through `guardedRows`.
 * Without a condition each adds nothing.
 */

/** ` AND onlyIf`, or nothing. */
export const andIf = (onlyIf: Condition | undefined) => (onlyIf ? sql` AND ${onlyIf}` : sql``);

/** `HAVING onlyIf`, or nothing: an aggregate without GROUP BY answers its one row only when the condition holds. */
export const havingIf = (onlyIf: Condition | undefined) => (onlyIf ? sql`HAVING ${onlyIf}` : sql``);

/**
 * The last branch of a UNION ALL that reads only when `onlyIf` holds: one row of `columns` nulls when it does, so
 * that a caller tells "allowed, and nothing to read" (only this row) from "not allowed" (no row at all). Nothing
 * without a condition.
 */
export const allowedRow = (onlyIf: Condition | undefined, columns: number) =>
  onlyIf ? sql`UNION ALL SELECT ${sql.raw(Array(columns).fill('NULL').join(', '))} WHERE ${onlyIf}` : sql``;

/** The row of nulls allowedRow adds. */
export type AllowedRow<R> = { [K in keyof R]: null };

/**
 * The data rows of a read that ended with allowedRow, told apart by `key`, a column no data row has null;
 * undefined when there was a condition and it did not hold (no allowedRow came back).
 */
export function guardedRows<R, K extends keyof R>(rows: ReadonlyArray<R | AllowedRow<R>>, onlyIf: Condition | undefined, key: K): R[] | undefined {
  const data = rows.filter((r): r is R => r[key] !== null);
  if (onlyIf && data.length === rows.length) return undefined;
  return data;
}

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
    preparing(client);
  });
  return pool;
}

const PREPARED = '/* prepared */ ';
/** Named statements one connection keeps at most; beyond, marked statements run unnamed (parsed and planned each time). */
const MAX_PREPARED = 64;

/**
 * Marks a statement to be prepared once per connection and then only bound and executed: the server parses it
 * and plans it for its first executions, then keeps a generic plan when that costs no more. For short reads run
 * on every request, whose planning costs as much as running them (a statistics read: 0.5 ms of each). Only
 * statements whose text is one of a few the code writes may be marked: each distinct text is a statement kept
 * on the server for the connection's life.
 */
export function prepared<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(PREPARED)}${query}`;
}

/** Runs the client's marked statements as named prepared statements (named by a hash of their text). */
function preparing(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && text.startsWith(PREPARED) && Array.isArray(values)) {
      let name = names.get(text);
      if (name === undefined && names.size < MAX_PREPARED) {
        name = `chorus_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
        names.set(text, name);
      }
      if (name !== undefined) return query({ name, text, values }, callback);
    }
    return query(text, values, callback);
  }) as typeof client.query;
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
