import { createDb, ensureSchema, migrateToLatest } from '@chorus/db';
import { JobSystem } from '@chorus/jobs';
import { Redis } from 'ioredis';
import { KeyStore } from './auth.js';
import { type Bus, MemoryBus, RedisBus } from './bus.js';
import type { ChorusConfig } from './config.js';
import type { ServiceDeps } from './deps.js';

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
}

export interface Runtime {
  deps: ServiceDeps;
  close(): Promise<void>;
}

/** Opens every backend a process needs, chosen in one place from the configuration. */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const namespace = options.namespace ?? 'chorus';
  const db = createDb({
    url: options.databaseUrl,
    ...(options.schema ? { schema: options.schema } : {}),
    maxConnections: options.maxConnections ?? 20,
    applicationName: options.applicationName ?? 'chorus',
  });
  const closers: Array<() => Promise<unknown>> = [() => db.destroy()];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch(() => {});
  };
  try {
    if (options.schema) await ensureSchema(db, options.schema);
    if (options.migrate !== false) await migrateToLatest(db, options.schema);
    let redis: Redis | undefined;
    let bus: Bus;
    if (config.redisUrl) {
      const r = new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true });
      r.on('error', () => {});
      redis = r;
      closers.push(() => r.quit());
      bus = new RedisBus(config.redisUrl, `${namespace}:`);
    } else {
      bus = new MemoryBus();
    }
    closers.push(() => bus.close());
    const jobs = new JobSystem({
      redisUrl: config.redisUrl,
      databaseUrl: options.databaseUrl,
      ...(options.namespace ? { namespace: options.namespace } : {}),
    });
    closers.push(() => jobs.close());
    await jobs.ready();
    const deps: ServiceDeps = { config, db, jobs, bus, redis, keys: new KeyStore(db), namespace };
    return { deps, close };
  } catch (error) {
    await close();
    throw error;
  }
}
