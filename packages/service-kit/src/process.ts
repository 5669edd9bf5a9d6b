import type { FastifyInstance } from 'fastify';
import type { ChorusConfig } from './config.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import type { ServiceDeps } from './deps.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { collectWhenIdle } from './memory.js';
import { startOpsServer } from './ops.js';
import { type OutageWarn, stderrWarn } from './outages.js';
import { openRuntime } from './runtime.js';
import { withLocalSecrets } from './secrets.js';
import { buildApp, type ServiceModule } from './server.js';
import { StartupError, assertPortFree, httpAddress, portBusyMessage } from './startup.js';
import { stopTelemetry } from './telemetry.js';

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

type Stopper = () => Promise<unknown>;

/**
 * The database this process uses: the configured one, or the embedded cluster of the data folder, which the
 * process then owns (its lock taken first: a second process on the same folder is refused before it touches
 * anything). The HTTP port is checked before PostgreSQL is started or migrated.
 */
async function openDatabase(config: ChorusConfig, command: string, stoppers: Stopper[]): Promise<{ url: string; lock?: DataDirLock }> {
  if (config.databaseUrl) {
    await assertPortFree(config.host, config.port);
    return { url: config.databaseUrl };
  }
  const lock = await lockDataDir(config.dataDir, { command, url: httpAddress(config.host, config.port) });
  stoppers.push(() => lock.release());
  await assertPortFree(config.host, config.port);
  const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (line) => process.stdout.write(`${line}\n`) });
  stoppers.push(() => pg.stop());
  return { url: pg.url, lock };
}

async function listen(app: FastifyInstance, config: ChorusConfig): Promise<string> {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Taken between the early check and now.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new StartupError(portBusyMessage(config.host, config.port));
    throw error;
  }
}

/**
 * Boots a Chorus process: the embedded PostgreSQL when no database is configured, the runtime (migrated),
 * the HTTP app with the given services, then listens. SIGINT/SIGTERM, also during boot, run one ordered
 * shutdown: stop accepting, drain requests, stop workers, close queues and pools, then stop PostgreSQL.
 * A refusal to start (data folder in use, port taken, Redis namespace of another database) is a StartupError
 * thrown after everything started so far was stopped: report it with startOrExit.
 */
export async function runProcess(configured: ChorusConfig, services: ServiceModule[], hooks: ProcessHooks = {}): Promise<RunningProcess> {
  // The embedded default keeps its generated secrets (the key-encryption key) in the data folder.
  const config = await withLocalSecrets(configured);
  // Flushed last: the spans of the shutdown itself go out too.
  const stoppers: Stopper[] = [() => stopTelemetry()];
  let app: FastifyInstance | undefined;
  // Backend outages go to the app's log once there is one.
  const warn: OutageWarn = (message) => (app ? app.log.warn(message) : stderrWarn(message));
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse())
      await stop().catch((error) => warn(`shutdown step failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown') =>
    (shuttingDown ??= (async () => {
      app?.log.info({ reason }, 'shutting down');
      await stopAll();
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    shutdown(signal).finally(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const database = await openDatabase(config, hooks.title ?? 'Chorus', stoppers);
    const runtime = await openRuntime({
      config,
      databaseUrl: database.url,
      namespace: config.namespace,
      warn,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      // pg_stat_activity then tells which process holds a connection: 'chorus-listening', 'chorus-workers'.
      ...(hooks.title ? { applicationName: hooks.title.toLowerCase().replace(/[^a-z0-9]+/g, '-') } : {}),
    });
    stoppers.push(() => runtime.close());
    const built = await buildApp(runtime.deps, services, hooks.title ? { title: hooks.title } : {});
    app = built;
    const stopExtras = await hooks.beforeListen?.(runtime.deps, built);
    if (stopExtras) stoppers.push(stopExtras);
    stoppers.push(() => built.close());
    const address = await listen(built, config);
    await database.lock?.update({ url: address });
    const ops = await startOpsServer(runtime.deps);
    if (ops) stoppers.push(() => ops.close());
    const running: RunningProcess = { app: built, deps: runtime.deps, address, shutdown };
    await hooks.afterListen?.(runtime.deps, address);
    // What booting left behind is returned now, and what later work leaves once the process is quiet again.
    stoppers.push(collectWhenIdle());
    return running;
  } catch (error) {
    if (shuttingDown) {
      // A signal arrived during boot: the shutdown it started ends the process.
      await shuttingDown;
      return new Promise<never>(() => {});
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stopAll();
    throw error;
  }
}
