/**
 * Ingestion benchmark (issue 3), on demand:
 *   npm run bench:ingest -w @chorus/e2e -- [--duration 60] [--concurrency 6]
 * Against the production topology on this machine: real PostgreSQL and Redis, the listening service and the
 * workers as their own processes. Prints a report:
 *   (a) the ceiling: the same rows inserted straight into PostgreSQL by the fastest duplicate-safe path;
 *   (b) POST /v1/listens with 1,000-listen batches at a concurrency that saturates it;
 *   (c) freshness: answer → visible in the rollups, p50/p95/p99, at half the API's maximum rate;
 *   (d) the worker backlog over time;
 *   (e) sustained (issue 16): the highest offered rate at which the backlog stays flat for `--sustain` seconds
 *       (default 300; 0 skips it), found with `--sustain-probes` open-loop probes (default 3): the first at 50% of
 *       the ceiling (the target; at the API's maximum if that is lower), then halving the gap towards the highest
 *       flat rate found so far. Each probe reports its freshness p95 (target <= 2 s at the sustained rate).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { type ArrayElement, arrayLiteral, createDb, type Db, foldText, listeningQueries, migrateToLatest, uuidv7 } from '@chorus/db';
import { createChorusClient } from '@chorus/sdk';
import { AccessTokenSigner, FIRST_PARTY_CLIENT_ID, loadSigningKey } from '@chorus/service-kit';
import { TEST_KEY_ENCRYPTION_KEY } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { type CpuSnapshot, cpuReport, cpuSampler } from './cpu.js';
export interface LoadInput {
  base: string;
  users: Array<{ authorization: string }>;
  trackIds: string[];
  durationMs: number;
  concurrency: number;
  /** Batches a second (open loop); 0: each slot posts again as soon as answered (closed loop). */
  rate: number;
  /** Listens start at this instant and move one second per listen, so no two collide. */
  startAt: number;
  phase: string;
}

interface BatchSample {
  at: number;
  ms: number;
  status: number;
  accepted: number;
  batchId: string | null;
  answeredAt: number;
}

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '6' },
    'ceiling-rows': { type: 'string', default: '600000' },
    'ingest-concurrency': { type: 'string' },
    sustain: { type: 'string', default: '300' },
    'sustain-probes': { type: 'string', default: '3' },
    // Probe these shares of the ceiling, in order, instead of searching (e.g. 0.35,0.3).
    'sustain-rates': { type: 'string' },
  },
});
const DURATION_MS = Number(args.duration) * 1000;
const CONCURRENCY = Number(args.concurrency);
const CEILING_ROWS = Number(args['ceiling-rows']);
const ADMIN_URL = process.env.CHORUS_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'chorus_bench_ingest';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const REDIS_URL = process.env.CHORUS_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = 3917;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/**
 * Where each phase's listens lie in time. A batch moves the clock 1,000 s (a listen a second), so a phase needs
 * up to duration x batches/s x 1,000 s of past, and the API refuses listens more than an hour ahead. Each phase
 * gets a window sized for MAX_BATCHES_PER_SECOND, ending before now: (b) the older one, (c) the newer one.
 * The ceiling writes into (b)'s window (its rows are removed before (b)), so both write into the same partitions.
 */
const MAX_BATCHES_PER_SECOND = 150;
const DAY_MS = 86_400_000;
const WINDOW_MS = Math.ceil(((DURATION_MS / 1000) * MAX_BATCHES_PER_SECOND * 1_000_000) / DAY_MS) * DAY_MS;
const TODAY = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const START_C = TODAY - WINDOW_MS;
const START_B = START_C - WINDOW_MS;
const SUSTAIN_MS = Number(args.sustain) * 1000;
// The trend skips a probe's first 30 s and needs samples after them: a shorter probe would always read flat.
if (!Number.isFinite(SUSTAIN_MS) || (SUSTAIN_MS !== 0 && SUSTAIN_MS < 60_000)) {
  console.error(`--sustain must be 0 (skip) or at least 60 seconds, not ${args.sustain}`);
  process.exit(2);
}
const SUSTAIN_RATES = args['sustain-rates']?.split(',').map(Number);
if (SUSTAIN_RATES?.some((r) => !(r > 0 && r <= 1))) {
  console.error(`--sustain-rates takes shares of the ceiling between 0 and 1, not ${args['sustain-rates']}`);
  process.exit(2);
}
const SUSTAIN_PROBES = SUSTAIN_MS > 0 ? (SUSTAIN_RATES?.length ?? Number(args['sustain-probes'])) : 0;
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

const pct = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function freshDatabase(): Promise<Db> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const db = createDb({ url: DB_URL, maxConnections: 4 });
  await migrateToLatest(db);
  // Monthly partitions for every listen the phases write, as the maintenance job keeps them in production.
  await listeningQueries.ensurePartitions(db, new Date(START_B), new Date(TODAY + DAY_MS));
  return db;
}

/**
 * The server settings that move these figures, as this PostgreSQL has them, and where they differ from what
 * production runs (infra/postgres/chorus.conf). The benchmark changes no server setting itself.
 */
async function serverSettings(db: Db): Promise<{ here: string; differences: string[] }> {
  const names = ['shared_buffers', 'max_wal_size', 'wal_compression', 'checkpoint_completion_target', 'synchronous_commit', 'work_mem'];
  const { rows } = await sql<{ name: string; value: string }>`
    SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY(${names}::text[]) ORDER BY array_position(${names}::text[], name)`.execute(
    db,
  );
  const production = new Map<string, string>();
  for (const line of readFileSync(new URL('../../../infra/postgres/chorus.conf', import.meta.url), 'utf8').split('\n')) {
    const m = /^\s*([a-z_]+)\s*=\s*'?([^'#\s]+)'?/.exec(line);
    if (m) production.set(m[1]!, m[2]!);
  }
  const differences = rows
    .filter((r) => production.has(r.name) && production.get(r.name) !== r.value)
    .map((r) => `${r.name} ${r.value} (production ${production.get(r.name)})`);
  return { here: rows.map((r) => `${r.name} ${r.value}`).join(', '), differences };
}

async function seed(db: Db) {
  const trackIds: string[] = [];
  const artists = Array.from({ length: 200 }, (_, i) => ({ id: uuidv7(), name: `Bench Artist ${i}` }));
  await db
    .insertInto('artists')
    .values(artists.map((a) => ({ ...a, name_folded: foldText(a.name), bio: null, country: null, genres: [] })))
    .execute();
  const releases = artists.map((a) => ({
    id: uuidv7(),
    artist_id: a.id,
    title: `${a.name} LP`,
    title_folded: foldText(`${a.name} LP`),
    type: 'album' as const,
    release_date: '2026-01-01',
  }));
  await db.insertInto('releases').values(releases).execute();
  const tracks = releases.flatMap((r, ai) =>
    Array.from({ length: 10 }, (_, n) => {
      const id = uuidv7();
      trackIds.push(id);
      return {
        id,
        release_id: r.id,
        artist_id: r.artist_id,
        title: `Song ${ai}-${n}`,
        title_folded: `song ${ai}-${n}`,
        isrc: null,
        duration_ms: 200_000,
        release_date: '2026-01-01',
        track_number: n + 1,
      };
    }),
  );
  await db.insertInto('tracks').values(tracks).execute();
  const countries = ['SE', 'DE', 'US', 'BR', 'JP', 'GB', 'FR', 'MX', 'IN', 'NG'];
  const users = Array.from({ length: 400 }, (_, i) => ({
    id: uuidv7(),
    email: `bench-${i}@example.test`,
    password_hash: '!',
    display_name: `Bench ${i}`,
    country: countries[i % countries.length]!,
    birth_year: 1950 + (i % 60),
    gender: ['female', 'male', 'non_binary'][i % 3]!,
    roles: [],
  }));
  await db.insertInto('users').values(users).execute();
  const key = await loadSigningKey(db, Buffer.from(TEST_KEY_ENCRYPTION_KEY, 'hex'));
  const signer = new AccessTokenSigner(key, { issuer: 'chorus', audience: 'chorus', ttlSeconds: 6 * 3600 });
  const token = (sub: string) => signer.issue({ sub, client_id: FIRST_PARTY_CLIENT_ID, scope: 'listens:write', roles: [] });
  return { trackIds, users: users.map((u) => ({ id: u.id, authorization: `Bearer ${token(u.id)}` })) };
}

/** (a) The fastest duplicate-safe path we know: INSERT ... SELECT FROM unnest(array literals) ON CONFLICT DO NOTHING, 5,000 rows a statement, two writers. */
async function ceiling(db: Db, trackIds: string[], userIds: string[]): Promise<number> {
  const batch = 5000;
  const startAt = START_B;
  const statements = Math.ceil(CEILING_ROWS / batch);
  const build = (s: number) => {
    const cols: Record<string, unknown[]> = {
      id: [],
      user_id: [],
      listened_at: [],
      track_key: [],
      track_id: [],
      artist_id: [],
      batch_id: [],
      ms_played: [],
      is_stream: [],
      country: [],
      age_bracket: [],
      gender: [],
      context_type: [],
      platform: [],
    };
    const batchId = uuidv7();
    for (let i = 0; i < batch; i++) {
      const n = s * batch + i;
      const track = trackIds[n % trackIds.length]!;
      cols.id!.push(uuidv7());
      cols.user_id!.push(userIds[n % userIds.length]);
      cols.listened_at!.push(new Date(startAt + n * 1000));
      cols.track_key!.push(track);
      cols.track_id!.push(track);
      cols.artist_id!.push(track);
      cols.batch_id!.push(batchId);
      cols.ms_played!.push(60_000);
      cols.is_stream!.push(true);
      cols.country!.push('SE');
      cols.age_bracket!.push('28-34');
      cols.gender!.push('female');
      cols.context_type!.push('library');
      cols.platform!.push('ios');
    }
    return cols;
  };
  const writer = async (from: number, step: number) => {
    for (let s = from; s < statements; s += step) {
      // The same encoding the API uses: each column bound as one array literal.
      const c = Object.fromEntries(Object.entries(build(s)).map(([name, values]) => [name, arrayLiteral(values as ArrayElement[])]));
      await sql`
        INSERT INTO listens (id, user_id, listened_at, track_key, track_id, artist_id, batch_id, ms_played, is_stream, country, age_bracket, gender, context_type, platform)
        SELECT * FROM unnest(${c.id}::uuid[], ${c.user_id}::uuid[], ${c.listened_at}::timestamptz[], ${c.track_key}::text[], ${c.track_id}::uuid[], ${c.artist_id}::uuid[],
          ${c.batch_id}::uuid[], ${c.ms_played}::int4[], ${c.is_stream}::bool[], ${c.country}::text[], ${c.age_bracket}::text[], ${c.gender}::text[], ${c.context_type}::text[], ${c.platform}::text[])
        ON CONFLICT DO NOTHING`.execute(db);
    }
  };
  const started = performance.now();
  await Promise.all([writer(0, 2), writer(1, 2)]);
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM listens`.execute(db);
  await sql`TRUNCATE listens`.execute(db);
  return rows[0]!.n / seconds;
}

function startProcess(script: string, env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  // CHORUS_BENCH_PROFILE=<dir> writes a V8 CPU profile of each service process there (open it in Chrome DevTools).
  const profile = process.env.CHORUS_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CHORUS_BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...profile, '--conditions=development', '--import', 'tsx', script], {
    cwd: ROOT,
    // The load claims about a hundred times real time per listener (1,000 plays of ~100 s in 1,000 s): a budget
    // that high keeps every listen, while ingestion still does all the work of checking it.
    env: {
      ...process.env,
      CHORUS_DATABASE_URL: DB_URL,
      CHORUS_REDIS_URL: REDIS_URL,
      CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
      CHORUS_NAMESPACE: 'bench_ingest',
      CHORUS_RATE_LIMITS: 'off',
      CHORUS_LOG_LEVEL: 'warn',
      CHORUS_LISTEN_BUDGET_PER_HOUR: '1000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitReady(baseUrl: string) {
  const api = createChorusClient({ baseUrl });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await api.GET('/readyz')).response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${baseUrl}/readyz never became ready`);
}

async function runLoad(input: LoadInput): Promise<BatchSample[]> {
  const worker = new Worker(new URL('./load.worker.mjs', import.meta.url), { workerData: input });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** (d) Samples the worker backlog (pending batches and their listens) once a second. */
function sampleBacklog(db: Db) {
  const series: Array<{ t: number; batches: number; listens: number }> = [];
  const t0 = Date.now();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await sql<{
        b: number;
        l: number;
      }>`SELECT count(*)::int AS b, coalesce(sum(event_count), 0)::int AS l FROM ingest_batches WHERE status = 'pending'`.execute(db);
      series.push({ t: Math.round((Date.now() - t0) / 1000), batches: rows[0]!.b, listens: rows[0]!.l });
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    series,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

async function drain(db: Db, timeoutMs = 600_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ingest_batches WHERE status = 'pending'`.execute(db);
    if (rows[0]!.n === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error('the backlog did not drain');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Least-squares slope of the backlog, in batches per minute. */
const slopePerMinute = (series: Array<{ t: number; batches: number }>) => {
  const n = series.length;
  if (n < 3) return 0;
  const mt = series.reduce((s, p) => s + p.t, 0) / n;
  const mb = series.reduce((s, p) => s + p.batches, 0) / n;
  const cov = series.reduce((s, p) => s + (p.t - mt) * (p.batches - mb), 0);
  const vt = series.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return vt === 0 ? 0 : (cov / vt) * 60;
};

/** Growing: the workers fall behind by more than 1% of what arrives (the trend, not the jitter of one sample). */
const trendOf = (series: Array<{ t: number; batches: number }>, listensPerSecond: number) => {
  const slope = slopePerMinute(series);
  return { slope, growing: slope > 0.01 * (listensPerSecond / 1000) * 60 };
};

/** Milliseconds from each accepted batch's answer to its being applied to the rollups. */
async function freshnessOf(samples: BatchSample[]): Promise<number[]> {
  const ids = samples.filter((s) => s.batchId).map((s) => s.batchId!);
  const appliedAt = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('ingest_batches')
      .select(['id', 'applied_at'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const r of rows) if (r.applied_at) appliedAt.set(r.id, r.applied_at.getTime());
  }
  return samples.filter((s) => s.batchId && appliedAt.has(s.batchId)).map((s) => Math.max(0, appliedAt.get(s.batchId!)! - s.answeredAt));
}

const db = await freshDatabase();
log(`database ${DB_NAME} ready; seeding catalog and listeners`);
const settings = await serverSettings(db);
const { trackIds, users } = await seed(db);
log(`(a) ceiling: ${fmt(CEILING_ROWS)} rows straight into listens`);
const cpuA0 = cpuSampler(db, { api: 0, workers: 0 });
const ceilingRate = await ceiling(
  db,
  trackIds,
  users.map((u) => u.id),
);
const cpuA = await cpuA0.stop();
log(`    ${fmt(ceilingRate)} rows/s`);

// The listening service's young generation as infra/compose.yaml gives it (each batch allocates a few MB).
const api = startProcess('apps/listening/src/server.ts', { PORT: String(PORT) }, ['--max-semi-space-size=64']);
// The workers with the production default concurrency unless --ingest-concurrency says otherwise.
const workers = startProcess('apps/workers/src/server.ts', {
  PORT: '0',
  ...(args['ingest-concurrency'] ? { CHORUS_INGEST_CONCURRENCY: args['ingest-concurrency'] } : {}),
});
const stopAll = () => {
  api.kill('SIGTERM');
  workers.kill('SIGTERM');
};
process.on('exit', stopAll);
const base = `http://127.0.0.1:${PORT}`;
const cpuNow = () => cpuSampler(db, { api: api.pid ?? 0, workers: workers.pid ?? 0 });
const CORES = (await import('node:os')).availableParallelism();
await waitReady(base);
await new Promise((r) => setTimeout(r, 1500));
const common = { base, users: users.map(({ authorization }) => ({ authorization })), trackIds };

log(`(b) API: closed loop, concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s`);
const backlogB = sampleBacklog(db);
const cpuB0 = cpuNow();
const b = await runLoad({ ...common, durationMs: DURATION_MS, concurrency: CONCURRENCY, rate: 0, startAt: START_B, phase: 'b' });
await backlogB.stop();
const bOk = b.filter((s) => s.status === 200);
const bSeconds = (Math.max(...b.map((s) => s.answeredAt)) - Math.min(...b.map((s) => s.at))) / 1000;
const apiRate = bOk.reduce((n, s) => n + s.accepted, 0) / bSeconds;
/** Failed requests by status ('0' for a broken connection): the API's numbers only count when there are none. */
const failures = (samples: BatchSample[]) => {
  const byStatus = new Map<number, number>();
  for (const s of samples) if (s.status !== 200) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  const total = [...byStatus.values()].reduce((a, n) => a + n, 0);
  return { total, text: total === 0 ? '0' : `${total} (${[...byStatus].map(([status, n]) => `${status}: ${n}`).join(', ')})` };
};
const bFailed = failures(b);
if (bOk.length === 0) {
  stopAll();
  throw new Error(`(b) accepted no batch: ${bFailed.text}; nothing after it can be measured`);
}
if (bOk.length > (DURATION_MS / 1000) * MAX_BATCHES_PER_SECOND) log(`    warning: more batches than the time window was sized for (MAX_BATCHES_PER_SECOND)`);
log(
  `    ${fmt(apiRate)} listens/s accepted (${bOk.length} batches, errors ${bFailed.text}), p50 ${pct(
    bOk.map((s) => s.ms),
    50,
  ).toFixed(0)} ms, p99 ${pct(
    bOk.map((s) => s.ms),
    99,
  ).toFixed(0)} ms`,
);
const drainB = await drain(db);
const cpuB = await cpuB0.stop();
log(`    backlog drained ${(drainB / 1000).toFixed(1)} s after the load stopped`);

const halfRate = apiRate / 2;
log(`(c) freshness at half the maximum: ${fmt(halfRate)} listens/s (${(halfRate / 1000).toFixed(2)} batches/s), ${DURATION_MS / 1000} s`);
const backlogC = sampleBacklog(db);
const cpuC0 = cpuNow();
const c = await runLoad({ ...common, durationMs: DURATION_MS, concurrency: CONCURRENCY, rate: halfRate / 1000, startAt: START_C, phase: 'c' });
await drain(db);
const cpuC = await cpuC0.stop();
await backlogC.stop();
const freshness = await freshnessOf(c);
const cOk = c.filter((s) => s.status === 200);
const cFailed = failures(c);
const offered = cOk.reduce((n, s) => n + s.accepted, 0) / (DURATION_MS / 1000);

interface Probe {
  offered: number;
  failed: ReturnType<typeof failures>;
  slope: number;
  flat: boolean;
  backlog: { first: number; last: number; max: number };
  freshness: number[];
  cpu: { spent: CpuSnapshot; seconds: number; listens: number };
}
/** A probe that counts: flat, and every batch accepted. */
const held = (p: Probe) => p.flat && p.failed.total === 0;
/**
 * (e) Open loop at `rate` listens/s for SUSTAIN_MS. Flat: the backlog's least-squares trend stays within 1% of
 * the batches arriving (as (d) judges), over the probe after its first 30 s (the pipeline filling up).
 */
async function probe(k: number, rate: number, startAt: number): Promise<Probe> {
  log(`(e) probe ${k + 1}/${SUSTAIN_PROBES}: ${fmt(rate)} listens/s = ${((rate / ceilingRate) * 100).toFixed(0)}% of the ceiling, ${SUSTAIN_MS / 1000} s`);
  const backlog = sampleBacklog(db);
  const cpu = cpuNow();
  const samples = await runLoad({ ...common, durationMs: SUSTAIN_MS, concurrency: CONCURRENCY, rate: rate / 1000, startAt, phase: `e${k}` });
  await backlog.stop();
  const drainedMs = await drain(db, 1_800_000);
  const cpuSpent = await cpu.stop();
  const ok = samples.filter((s) => s.status === 200);
  const offeredHere = ok.reduce((n, s) => n + s.accepted, 0) / (SUSTAIN_MS / 1000);
  const { slope, growing } = trendOf(
    backlog.series.filter((p) => p.t >= 30),
    offeredHere,
  );
  const batches = backlog.series.map((p) => p.batches);
  const result: Probe = {
    offered: offeredHere,
    failed: failures(samples),
    slope,
    flat: !growing,
    backlog: { first: batches[0] ?? 0, last: batches.at(-1) ?? 0, max: Math.max(0, ...batches) },
    freshness: await freshnessOf(samples),
    cpu: { ...cpuSpent, listens: ok.reduce((n, s) => n + s.accepted, 0) },
  };
  log(
    `    ${fmt(offeredHere)} listens/s accepted (errors ${result.failed.text}); backlog trend ${slope.toFixed(1)} batches/min, ${growing ? 'GROWING' : 'flat'}; freshness p95 ${pct(result.freshness, 95).toFixed(0)} ms; drained ${(drainedMs / 1000).toFixed(1)} s after`,
  );
  return result;
}

const probes: Probe[] = [];
if (SUSTAIN_PROBES > 0) {
  // Each probe writes further back, into a window of its own sized from (b)'s maximum (a probe never offers more);
  // windows before 2025 land in listens_historic, as imported history does.
  const most = Math.max(apiRate, ...(SUSTAIN_RATES ?? []).map((r) => r * ceilingRate));
  const windowMs = Math.ceil(((SUSTAIN_MS / 1000) * (most / 1000) * 1.2 * 1_000_000) / DAY_MS) * DAY_MS;
  const startOf = (k: number) => START_B - (k + 1) * windowMs;
  await listeningQueries.ensurePartitions(db, new Date(startOf(SUSTAIN_PROBES - 1)), new Date(START_B));
  // The first probe asks for the target itself (or the API's maximum when that is lower). Flat there, the next
  // asks for the API's maximum; after that each halves the gap between the highest flat rate so far (0 at first)
  // and the lowest growing one, until the gap is under 2% of the ceiling.
  let lo = 0;
  let hi = Math.min(0.5 * ceilingRate, apiRate);
  let rate = hi;
  for (let k = 0; k < SUSTAIN_PROBES; k++) {
    if (SUSTAIN_RATES) rate = SUSTAIN_RATES[k]! * ceilingRate;
    const p = await probe(k, rate, startOf(k));
    probes.push(p);
    const flat = held(p);
    if (flat) lo = rate;
    else hi = rate;
    if (flat && k === 0) hi = apiRate;
    if (!SUSTAIN_RATES && hi - lo < 0.02 * ceilingRate) break;
    rate = flat && k === 0 ? hi : (lo + hi) / 2;
  }
}
const sustained = probes.filter(held).sort((a, b) => b.offered - a.offered)[0];

const exited = [api, workers].map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null))));
stopAll();
await Promise.all(exited);
await db.destroy();

const sparkline = (series: Array<{ batches: number }>) => series.map((p) => p.batches).join(' ');
const arrivalsPerMinute = (offered / 1000) * 60;
const { slope: slopeC, growing } = trendOf(backlogC.series, offered);
const ratio = apiRate / ceilingRate;
const p95 = pct(freshness, 95);
console.log(`
Chorus ingestion benchmark (${new Date().toISOString()}, ${DURATION_MS / 1000} s phases, 2 cores shared by PostgreSQL, Redis, API, workers and load)
PostgreSQL: ${settings.here}
${settings.differences.length ? `  differs from infra/postgres/chorus.conf: ${settings.differences.join('; ')}` : '  as infra/postgres/chorus.conf for these settings'}
(a) ceiling, unnest INSERT ... ON CONFLICT DO NOTHING, 2 writers   ${fmt(ceilingRate)} listens/s
(b) POST /v1/listens, 1,000-listen batches, concurrency ${CONCURRENCY}         ${fmt(apiRate)} listens/s = ${(ratio * 100).toFixed(0)}% of the ceiling (target >= 50%)
    request latency p50 ${pct(
      bOk.map((s) => s.ms),
      50,
    ).toFixed(0)} ms, p99 ${pct(
      bOk.map((s) => s.ms),
      99,
    ).toFixed(0)} ms; errors ${bFailed.text}; backlog drained ${(drainB / 1000).toFixed(1)} s after the load
(c) freshness at ${fmt(offered)} listens/s (half the maximum), answer -> rollups:
    p50 ${pct(freshness, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${pct(freshness, 99).toFixed(0)} ms over ${freshness.length} batches (target p95 <= 2,000 ms); errors ${cFailed.text}
(d) backlog (pending batches, one sample a second)
    during (b): ${sparkline(backlogB.series)}
    during (c): ${sparkline(backlogC.series)}
    trend during (c): ${slopeC.toFixed(1)} batches/min against ${fmt(arrivalsPerMinute)} arriving/min (growing above 1%)
CPU by part, from each phase's start until its backlog drained (user + system time from /proc; PostgreSQL's backends by pool):
${cpuReport('(a) the ceiling (the benchmark\'s own connections are "PostgreSQL, other")', cpuA, CEILING_ROWS, CORES)}
${cpuReport(
  '(b)',
  cpuB,
  bOk.reduce((n, s) => n + s.accepted, 0),
  CORES,
)}
${cpuReport(
  '(c)',
  cpuC,
  cOk.reduce((n, s) => n + s.accepted, 0),
  CORES,
)}
${
  SUSTAIN_PROBES === 0
    ? '(e) sustained: skipped (--sustain 0)'
    : `(e) sustained, open loop for ${SUSTAIN_MS / 1000} s per probe (flat: backlog trend after the first 30 s within 1% of arrivals)
${probes
  .map(
    (p, i) =>
      `    probe ${i + 1}: ${fmt(p.offered)} listens/s = ${((p.offered / ceilingRate) * 100).toFixed(0)}% of the ceiling; backlog first/last/max ${p.backlog.first}/${p.backlog.last}/${p.backlog.max}, trend ${p.slope.toFixed(1)} batches/min: ${p.flat ? 'flat' : 'GROWING'}; freshness p50 ${pct(p.freshness, 50).toFixed(0)} ms, p95 ${pct(p.freshness, 95).toFixed(0)} ms; errors ${p.failed.text}
${cpuReport("CPU from the probe's start until its backlog drained", p.cpu, p.cpu.listens, CORES, '      ')}`,
  )
  .join('\n')}
    highest flat rate found: ${sustained ? `${fmt(sustained.offered)} listens/s = ${((sustained.offered / ceilingRate) * 100).toFixed(0)}% of the ceiling (target >= 50%), freshness p95 ${pct(sustained.freshness, 95).toFixed(0)} ms (target <= 2,000 ms)` : 'none of the probes'}`
}
Verdict: throughput ${bFailed.total > 0 ? 'NOT JUDGED (failed requests)' : ratio >= 0.5 ? 'MET' : 'MISSED'}; freshness ${cFailed.total > 0 ? 'NOT JUDGED (failed requests)' : p95 <= 2000 ? 'MET' : 'MISSED'}; backlog ${growing ? 'GROWING' : 'not growing'}${
  SUSTAIN_PROBES === 0
    ? ''
    : `; sustained ${
        sustained && sustained.offered >= 0.5 * ceilingRate * 0.99 && pct(sustained.freshness, 95) <= 2000
          ? 'MET'
          : `MISSED (${sustained ? `${((sustained.offered / ceilingRate) * 100).toFixed(0)}% of the ceiling, freshness p95 ${pct(sustained.freshness, 95).toFixed(0)} ms` : 'no probe was flat'})`
      }`
}
`);
process.exit(0);
