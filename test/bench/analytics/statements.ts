/**
 * Where PostgreSQL's time went during a measured phase, from pg_stat_statements, when the server preloads it
 * (`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'` and a restart; the benchmarks change no
 * server setting themselves). The extension is created in the benchmark's own database when the library is there.
 */
import type { Db } from '@chorus/db';
import { sql } from 'kysely';

export interface StatementShare {
  /** The statement's text, whitespace folded, comments dropped, cut short. */
  text: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  /** Of all statements' time in this database over the phase. */
  share: number;
}

/** Whether statements can be counted here; creates the extension in this database when the server preloads it. */
export async function statementsAvailable(db: Db): Promise<boolean> {
  const { rows } = await sql<{ preload: string }>`SELECT current_setting('shared_preload_libraries') AS preload`.execute(db);
  if (!rows[0]!.preload.split(',').some((name) => name.trim() === 'pg_stat_statements')) return false;
  await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(db);
  return true;
}

/** Starts counting afresh (every database's statements: the phase is the only load). */
export async function resetStatements(db: Db): Promise<void> {
  await sql`SELECT pg_stat_statements_reset()`.execute(db);
}

/**
 * The `limit` statements of this database that took the most time since the reset: execution, plus planning where
 * the server tracks it (pg_stat_statements.track_planning, off by default).
 */
export async function topStatements(db: Db, limit: number): Promise<StatementShare[]> {
  const { rows } = await sql<{ query: string; calls: string; total: number; all: number }>`
    WITH mine AS (
      SELECT query, calls, total_exec_time + total_plan_time AS total
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    )
    SELECT query, calls, total, (SELECT sum(total) FROM mine) AS all FROM mine ORDER BY total DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => {
    const calls = Number(r.calls);
    // Comments are /* … */ or -- to the end of a line; both go before whitespace is folded.
    const folded = r.query
      .replace(/\/\*[^*]*\*\//g, ' ')
      .replace(/--[^\n]*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      text: `${folded.slice(0, 60)}… [${tablesRead(folded).join(', ')}]`,
      calls,
      totalMs: r.total,
      meanMs: r.total / Math.max(1, calls),
      share: r.total / Math.max(1e-9, r.all),
    };
  });
}

/**
 * The tables a statement reads (named after FROM or JOIN), leaving out the names it defines for itself
 * (`name AS (…)`, `name AS MATERIALIZED (…)`), function calls (`unnest(…)`) and LATERAL. Statements of one shape
 * (the audience's cells) begin alike: the tables they read tell them apart.
 */
function tablesRead(text: string): string[] {
  const own = new Set([...text.matchAll(/\b([a-z_]+) AS (?:NOT )?(?:MATERIALIZED )?\(/gi)].map((m) => m[1]!.toLowerCase()));
  own.add('lateral');
  const named = [...text.matchAll(/\b(?:FROM|JOIN) "?([a-z_]+)\b"?(?! ?\()/gi)].map((m) => m[1]!);
  return [...new Set(named)].filter((name) => !own.has(name.toLowerCase()));
}
