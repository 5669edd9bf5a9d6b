import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { analyticsService } from '@chorus/analytics';
import { access, buildApp, type ChorusApp, type ChorusConfig, loadConfig, openRuntime, type Runtime, type ServiceModule } from '@chorus/service-kit';
import { TEST_KEY_ENCRYPTION_KEY } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import type { DatasetInfo } from './dataset.js';

/** What the analytics benchmarks share: the service under test, the floor route, the load threads, the quiet wait. */

export const REDIS_URL = process.env.CHORUS_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TSX_API = import.meta.resolve('tsx/esm/api');

export const log = (line: string) => process.stderr.write(`${line}\n`);
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const fmt = (n: number, digits = 1) => n.toFixed(digits);
export const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

/** Share of CPU time idle over `ms`, from /proc/stat (all cores). */
export async function idleShare(ms: number): Promise<number> {
  const read = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: (fields[3] ?? 0) + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  return b.total === a.total ? 1 : (b.idle - a.idle) / (b.total - a.total);
}

/**
 * The machine is shared (other builds and tests run on it): before each measurement, wait until the CPUs are
 * mostly idle for two seconds in a row (at most `maxWaitMs`), and report what the idle share was.
 */
export async function waitForQuiet(maxWaitMs = 120_000): Promise<number> {
  const start = Date.now();
  let last = 0;
  let quietRuns = 0;
  while (Date.now() - start < maxWaitMs) {
    last = await idleShare(1000);
    quietRuns = last >= 0.9 ? quietRuns + 1 : 0;
    if (quietRuns >= 2) break;
  }
  return last;
}

/**
 * Runs a load generator in a worker thread and resolves with the first message it posts that is not a `mark`
 * (marks, such as the end of the warm-up, go to `onMark`).
 */
export function runWorker<I, O>(url: URL, input: I, onMark?: (mark: string) => void): Promise<O> {
  return new Promise((resolve, reject) => {
    // The worker is TypeScript too; Node 20 does not hand the main thread's loader to workers, so it loads tsx itself.
    const worker = new Worker(`import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`, {
      eval: true,
      workerData: input,
    });
    worker.on('message', (message: unknown) => {
      const mark = (message as { mark?: unknown } | null)?.mark;
      if (typeof mark === 'string') onMark?.(mark);
      else resolve(message as O);
    });
    worker.once('error', reject);
  });
}

export interface AnalyticsUnderTest {
  config: ChorusConfig;
  runtime: Runtime;
  app: ChorusApp;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/**
 * The analytics service of one dataset, in this process, listening on a real port, against the external
 * PostgreSQL and Redis, with one bench-only route beside it: GET /bench/floor, the stats route's shape without its
 * work (the token check, then two `SELECT 1` round trips). `cacheTtlMs` undefined keeps the service's default.
 */
export async function startAnalytics(info: DatasetInfo, options: { cacheTtlMs?: string | undefined; pool: number }): Promise<AnalyticsUnderTest> {
  const config = loadConfig({
    CHORUS_DATABASE_URL: info.url,
    CHORUS_REDIS_URL: REDIS_URL,
    CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
    CHORUS_RATE_LIMITS: 'off',
    // Request logging off for every route alike (the trivial route logs nothing either).
    CHORUS_LOG_LEVEL: 'warn',
    CHORUS_NAMESPACE: `bench_${info.label.toLowerCase()}`,
    CHORUS_DEMO: '0',
    CHORUS_SIMULATE: '0',
    ...(options.cacheTtlMs === undefined ? {} : { CHORUS_STATS_CACHE_TTL_MS: options.cacheTtlMs }),
  });
  const runtime = await openRuntime({
    config,
    databaseUrl: info.url,
    namespace: config.namespace,
    applicationName: 'chorus-bench',
    maxConnections: options.pool,
  });
  const floor: ServiceModule = {
    name: 'bench',
    description: 'Benchmark-only reference route.',
    plugin: async (app) => {
      app.get('/bench/floor', { config: access.user(), schema: { hide: true } }, async () => {
        await sql`SELECT 1`.execute(runtime.deps.db);
        return (await sql<{ ok: number }>`SELECT 1 AS ok`.execute(runtime.deps.db)).rows[0];
      });
    },
  };
  const app = await buildApp(runtime.deps, [analyticsService, floor], { logger: false });
  const close = async () => {
    await app.close();
    await runtime.close();
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { config, runtime, app, base, close };
}
