import type { FastifyInstance } from 'fastify';
import type { ChorusConfig } from './config.js';
import type { ServiceDeps } from './deps.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { openRuntime } from './runtime.js';
import { buildApp, type ServiceModule } from './server.js';

export interface ProcessHooks {
  /** Runs after the app is built and before it listens: start workers, seed, schedule jobs. Returns a stopper. */
  beforeListen?: (deps: ServiceDeps, app: FastifyInstance) => Promise<(() => Promise<void>) | undefined>;
  /** Runs once listening, e.g. to print where to look. */
  afterListen?: (deps: ServiceDeps, address: string) => Promise<void> | void;
  title?: string;
}

export interface RunningProcess {
  app: FastifyInstance;
  deps: ServiceDeps;
  address: string;
  shutdown(reason?: string): Promise<void>;
}

/**
 * Boots a Chorus process: the embedded PostgreSQL when no database is configured, the runtime (migrated),
 * the HTTP app with the given services, then listens. SIGINT/SIGTERM run one ordered shutdown:
 * stop accepting, drain requests, stop workers, close queues and pools, then stop PostgreSQL.
 */
export async function runProcess(config: ChorusConfig, services: ServiceModule[], hooks: ProcessHooks = {}): Promise<RunningProcess> {
  const stoppers: Array<() => Promise<unknown>> = [];
  const log = (line: string) => process.stdout.write(`${line}\n`);
  let databaseUrl: string;
  if (config.databaseUrl) databaseUrl = config.databaseUrl;
  else {
    const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    stoppers.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  let running: RunningProcess | undefined;
  try {
    const runtime = await openRuntime({
      config,
      databaseUrl,
      namespace: config.namespace,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      // pg_stat_activity then tells which process holds a connection: 'chorus-listening', 'chorus-workers'.
      ...(hooks.title ? { applicationName: hooks.title.toLowerCase().replace(/[^a-z0-9]+/g, '-') } : {}),
    });
    stoppers.push(() => runtime.close());
    const app = await buildApp(runtime.deps, services, hooks.title ? { title: hooks.title } : {});
    const stopExtras = await hooks.beforeListen?.(runtime.deps, app);
    if (stopExtras) stoppers.push(stopExtras);
    stoppers.push(() => app.close());
    const address = await app.listen({ port: config.port, host: config.host });
    let shuttingDown: Promise<void> | undefined;
    const shutdown = (reason = 'shutdown') =>
      (shuttingDown ??= (async () => {
        app.log.info({ reason }, 'shutting down');
        for (const stop of stoppers.reverse()) await stop().catch((error) => app.log.error({ err: error }, 'shutdown step failed'));
      })());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        shutdown(signal).finally(() => process.exit(0));
      });
    }
    running = { app, deps: runtime.deps, address, shutdown };
    await hooks.afterListen?.(runtime.deps, address);
    return running;
  } catch (error) {
    if (!running) for (const stop of stoppers.reverse()) await stop().catch(() => {});
    throw error;
  }
}
