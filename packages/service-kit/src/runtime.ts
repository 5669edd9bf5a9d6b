import { createDb, databaseIdentity, type Db, ensureSchema, migrateToLatest } from '@chorus/db';
import { JobSystem } from '@chorus/jobs';
import { BullMQOtel } from 'bullmq-otel';
import pino from 'pino';
import { Redis } from 'ioredis';
import { KeyStore } from './auth.js';
import { type Bus, MemoryBus, RedisBus } from './bus.js';
import type { ChorusConfig } from './config.js';
import type { ServiceDeps } from './deps.js';
import { loggerOptions } from './logging.js';
import { Metrics } from './metrics.js';
import { OutageLog, type OutageWarn, stderrWarn } from './outages.js';
import { StreamLimiter } from './sse.js';
import { isBackendUnavailable } from './errors.js';
import { StartupError } from './startup.js';
import { telemetryActive } from './telemetry.js';

export interface RuntimeOptions {
  config: ChorusConfig;
  /** The database to use (the configured one, or the embedded cluster's). */
  databaseUrl: string;
  /** Tests isolate themselves: their own schema, Redis key prefix and queue namespace. */
  schema?: string;
  namespace?: string;
  maxConnections?: number;
  applicationName?: string;
  /** Migrate on open (guarded by an advisory lock, so parallel boots are safe). */
  migrate?: boolean;
  /** Where outage warnings go (a backend lost, then back); default one line on stderr. */
  warn?: OutageWarn;
}

export interface Runtime {
  deps: ServiceDeps;
  close(): Promise<void>;
}

/** Opens every backend a process needs, chosen in one place from the configuration. */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const namespace = options.namespace ?? 'chorus';
  const outages = new OutageLog(options.warn ?? stderrWarn);
  // Queues, workers and pub/sub report their errors here (throttled); requests log through each app's own logger.
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions);
  const db = createDb({
    url: options.databaseUrl,
    ...(options.schema ? { schema: options.schema } : {}),
    maxConnections: options.maxConnections ?? 20,
    applicationName: options.applicationName ?? 'chorus',
    onError: (error) => outages.failed('the database', error),
    onConnect: () => outages.recovered('the database'),
  });
  const closers: Array<() => Promise<unknown>> = [() => db.destroy()];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch(() => {});
  };
  try {
    // A process started while PostgreSQL restarts (an orchestrator's restart, a failover) waits for it, as for Redis.
    await whenAnswers(
      async () => {
        if (options.schema) await ensureSchema(db, options.schema);
        if (options.migrate !== false) await migrateToLatest(db, options.schema);
      },
      (error) => outages.failed('the database', error),
    );
    let redis: Redis | undefined;
    let bus: Bus;
    if (config.redisUrl) {
      const r = new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true });
      r.on('error', (error) => outages.failed('Redis', error));
      r.on('ready', () => outages.recovered('Redis'));
      redis = r;
      closers.push(() => r.quit());
      await claimNamespace(db, r, namespace, config.redisUrl);
      bus = new RedisBus(config.redisUrl, `${namespace}:`, log);
    } else {
      bus = new MemoryBus();
    }
    closers.push(() => bus.close());
    const jobs = new JobSystem({
      redisUrl: config.redisUrl,
      databaseUrl: options.databaseUrl,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      log,
      telemetry: telemetryActive() ? new BullMQOtel({ tracerName: 'chorus' }) : undefined,
    });
    closers.push(() => jobs.close());
    await jobs.ready();
    const streams = new StreamLimiter(config.streams);
    const metrics = new Metrics();
    metrics.watch({ db, jobs, streams });
    const deps: ServiceDeps = { config, db, jobs, bus, redis, keys: new KeyStore(db, config.auth), namespace, streams, metrics, outages };
    return { deps, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** How long a process starting while a backend is away waits for it (a restart, a failover) before giving up. */
const BOOT_WAIT_MS = 60_000;

/**
 * Runs a step of the boot that needs a backend, again every second while the backend does not answer (`down` hears
 * each miss; Redis's connection logs its outage itself), for up to a minute: a process that an orchestrator restarts
 * during a PostgreSQL or Redis restart waits for it instead of exiting, and so does not restart in a loop.
 */
async function whenAnswers<T>(command: () => Promise<T>, down?: (error: unknown) => void): Promise<T> {
  const deadline = Date.now() + BOOT_WAIT_MS;
  for (;;) {
    try {
      return await command();
    } catch (error) {
      if (Date.now() > deadline || !isBackendUnavailable(error)) throw error;
      down?.(error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The Redis key naming the database a namespace's queues, counters and channels belong to. */
export const namespaceOwnerKey = (namespace: string) => `${namespace}:owner`;

/**
 * Claims the Redis namespace for this database (set once, never expires). Two deployments of different
 * databases on one Redis and one namespace would otherwise take each other's aggregation jobs, whose batches
 * the other database does not hold.
 */
async function claimNamespace(db: Db, redis: Redis, namespace: string, redisUrl: string): Promise<void> {
  const identity = await databaseIdentity(db);
  const key = namespaceOwnerKey(namespace);
  let holder: string | null = null;
  for (let attempt = 0; attempt < 3 && holder === null; attempt++) {
    if ((await whenAnswers(() => redis.set(key, identity, 'NX'))) === 'OK') return;
    holder = await whenAnswers(() => redis.get(key));
  }
  if (holder === identity) return;
  const where = new URL(redisUrl);
  throw new StartupError(
    `the Redis namespace '${namespace}' on ${where.host} belongs to another database (${holder}; this one is ${identity}): ` +
      `give this deployment its own CHORUS_NAMESPACE or its own Redis (or, if that database is gone for good, delete the key ${key}).`,
  );
}
