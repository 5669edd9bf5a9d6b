import { execFileSync } from 'node:child_process';
import { createDb, type Db, daySetQueries, migrateToLatest } from '@chorus/db';
import { bulkLoad } from '@chorus/simulator';
import { sql } from 'kysely';

/** One benchmark dataset: a simulated year of listening loaded into its own database. */
export interface DatasetSpec {
  label: string;
  database: string;
  listens: number;
  users: number;
  artists: number;
  days: number;
  seed: string;
}

export interface DatasetInfo extends DatasetSpec {
  url: string;
  /** The last UTC day with data, 'YYYY-MM-DD'. */
  lastDay: string;
  storedListens: number;
  loadSeconds: number;
  reused: boolean;
}

const HOST = '127.0.0.1';
const USER = 'postgres';

export const urlOf = (database: string) => `postgres://${USER}@${HOST}:5432/${database}`;

function databaseExists(name: string): boolean {
  const out = execFileSync('psql', ['-h', HOST, '-U', USER, '-d', 'postgres', '-tAc', `SELECT 1 FROM pg_database WHERE datname = '${name}'`]).toString();
  return out.trim() === '1';
}

async function readMeta(db: Db): Promise<{ spec: string; last_day: string; listens: number; load_seconds: number } | undefined> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('bench_meta')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return undefined;
  const { rows } = await sql<{ spec: string; last_day: string; listens: number; load_seconds: number }>`
    SELECT spec, last_day, listens, load_seconds FROM bench_meta LIMIT 1`.execute(db);
  return rows[0];
}

/**
 * Builds the compact listener sets of every closed day still pending (tracks' sets, artists' audience cells), as the
 * workers' compaction job has done in production long before anyone reads a year of data; returns how many days it
 * built.
 */
async function compactClosedDays(db: Db, label: string, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  const total = await daySetQueries.compactPending(db, 5000);
  if (total > 0)
    log(
      `${label}: compacted ${total.toLocaleString('en')} closed track-days and artist-days into listener sets in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  return total;
}

/**
 * Makes sure the dataset is loaded: reuses the database when a previous run finished loading it with the same
 * spec (the load takes minutes), otherwise recreates it and loads it with the simulator's bulk mode.
 */
export async function ensureDataset(spec: DatasetSpec, log: (line: string) => void): Promise<DatasetInfo> {
  const url = urlOf(spec.database);
  // `partners`: the listens of cars, speakers, TVs and some phones come through simulated partner apps.
  const key = JSON.stringify({ listens: spec.listens, users: spec.users, artists: spec.artists, days: spec.days, seed: spec.seed, partners: true });
  if (databaseExists(spec.database)) {
    const db = createDb({ url, maxConnections: 2 });
    try {
      const meta = await readMeta(db);
      if (meta && meta.spec === key) {
        // New migrations (e.g. indexes) still apply to a reused dataset; then fresh statistics and no dead rows
        // left for autovacuum to clean up in the middle of a measurement.
        const applied = await migrateToLatest(db);
        const compacted = await compactClosedDays(db, spec.label, log);
        if (applied.length > 0 || compacted > 0) {
          log(`${spec.label}: applied ${applied.join(', ') || 'no migration'}; vacuuming`);
          await sql`VACUUM ANALYZE`.execute(db);
        }
        log(`${spec.label}: reusing ${spec.database} (loaded in ${Math.round(meta.load_seconds)} s, data up to ${meta.last_day})`);
        return { ...spec, url, lastDay: meta.last_day, storedListens: meta.listens, loadSeconds: meta.load_seconds, reused: true };
      }
    } finally {
      await db.destroy();
    }
    log(`${spec.label}: ${spec.database} exists but is not a finished load of this spec; recreating it`);
    execFileSync('dropdb', ['-h', HOST, '-U', USER, spec.database]);
  }
  execFileSync('createdb', ['-h', HOST, '-U', USER, spec.database]);
  const db = createDb({ url, maxConnections: 4, applicationName: 'chorus-bench-load' });
  try {
    await migrateToLatest(db);
    log(
      `${spec.label}: loading ${spec.listens.toLocaleString('en')} listens over ${spec.days} days (${spec.users} users, ${spec.artists} artists) into ${spec.database}…`,
    );
    let lastLog = 0;
    const result = await bulkLoad(db, {
      seed: spec.seed,
      users: spec.users,
      artists: spec.artists,
      listens: spec.listens,
      days: spec.days,
      partners: true,
      writers: 2,
      onProgress: (p) => {
        if (p.phase === 'listens' && Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          log(`  ${spec.label}: ${Math.round(p.elapsedMs / 1000)} s, ${p.written.toLocaleString('en')} written, ${p.applied.toLocaleString('en')} applied`);
        }
      },
    });
    const { rows } = await sql<{ last_day: string; listens: number }>`
      SELECT (SELECT max(day)::text FROM artist_daily) AS last_day, (SELECT count(*)::int FROM listens) AS listens`.execute(db);
    const lastDay = rows[0]?.last_day ?? result.to.toISOString().slice(0, 10);
    const storedListens = rows[0]?.listens ?? result.accepted;
    await sql`CREATE TABLE bench_meta (spec text NOT NULL, last_day text NOT NULL, listens integer NOT NULL, load_seconds double precision NOT NULL)`.execute(
      db,
    );
    await sql`INSERT INTO bench_meta VALUES (${key}, ${lastDay}, ${storedListens}, ${result.seconds.total})`.execute(db);
    // Loaded: a run stopped from here on reuses the data, and its compaction goes on where this one stopped.
    await compactClosedDays(db, spec.label, log);
    // Fresh statistics, so the planner sees the loaded tables as they are.
    await sql`VACUUM ANALYZE`.execute(db);
    log(
      `${spec.label}: loaded ${storedListens.toLocaleString('en')} listens in ${Math.round(result.seconds.total)} s (${Math.round(result.rates.overallPerSecond)} listens/s)`,
    );
    return { ...spec, url, lastDay, storedListens, loadSeconds: result.seconds.total, reused: false };
  } finally {
    await db.destroy();
  }
}

export const DATASETS: DatasetSpec[] = [
  { label: '1M', database: 'chorus_bench_1m', listens: 1_000_000, users: 10_000, artists: 500, days: 365, seed: 'bench-1m' },
  { label: '10M', database: 'chorus_bench_10m', listens: 10_000_000, users: 100_000, artists: 5_000, days: 365, seed: 'bench-10m' },
];
