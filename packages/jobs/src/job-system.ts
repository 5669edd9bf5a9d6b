import { isDeepStrictEqual } from 'node:util';
import {
  DelayedError,
  type Job,
  type JobSchedulerJson,
  type JobsOptions,
  Queue,
  runMigrations,
  type Telemetry,
  UnrecoverableError,
  Worker,
  createPostgresBackend,
} from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { errorReporter, type WarnLog } from './error-log.js';
import type { JobDefinition, QueueName, Repeat } from './job.js';

export interface JobSystemOptions {
  /** BullMQ on Redis when set; otherwise BullMQ on its PostgreSQL backend. */
  redisUrl?: string | undefined;
  databaseUrl: string;
  /** Redis key prefix or PostgreSQL schema; tests use their own so they never share state. */
  namespace?: string;
  /** Where connection, queue and worker errors are reported (throttled); they are retried either way. */
  log?: WarnLog;
  /** Traces enqueues and job runs as one trace with the request that caused them (BullMQ's telemetry interface). */
  telemetry?: Telemetry | undefined;
  /** How long an enqueue may wait for the backend before it fails (default 5 s): producers never hang on an outage. */
  enqueueTimeoutMs?: number;
}

/** Whether a schedule in the backend runs at the times of `repeat` with this payload (as it travels: JSON). */
function isSchedule(stored: JobSchedulerJson, payload: unknown, repeat: Repeat): boolean {
  const times = repeat.cron === undefined ? !stored.pattern && Number(stored.every) === repeat.everyMs : stored.pattern === repeat.cron && stored.tz === 'UTC';
  // BullMQ leaves an empty payload out of the template.
  return times && isDeepStrictEqual(stored.template?.data ?? {}, JSON.parse(JSON.stringify(payload)));
}

/** Rejects when `work` takes longer than `ms`; the work itself goes on and its late outcome is ignored. */
function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface JobContext {
  job: Job;
  attempt: number;
  /** The worker's lock on the job, needed to move it (see deferJob). */
  token: string | undefined;
}

/**
 * Puts the running job back to wait until `at` (epoch ms) without counting an attempt, and ends this run: the
 * job keeps its id, so a job that waits for its own schedule stays one job.
 */
export async function deferJob(context: JobContext, at: number): Promise<never> {
  await context.job.moveToDelayed(Math.max(at, Date.now()), context.token);
  throw new DelayedError();
}

export type JobHandler<P extends TSchema> = (payload: Static<P>, context: JobContext) => Promise<unknown>;

/** A handler for each of these jobs, keyed by job name and typed by each one's payload. */
export type JobHandlers<J extends JobDefinition> = { [D in J as D['name']]: JobHandler<D['payload']> };

interface Registered {
  definition: JobDefinition;
  check: ReturnType<typeof Compile>;
  handler: JobHandler<TSchema>;
}

export interface WorkerOptions {
  concurrency?: number;
}

type AnyQueue = Queue;
type AnyWorker = Worker;

/** The one place that chooses the queue backend; producers and workers see the same typed API either way. */
export class JobSystem {
  readonly backend: 'redis' | 'postgres';
  private readonly queues = new Map<QueueName, AnyQueue>();
  private readonly workers: AnyWorker[] = [];
  private readonly connections: Redis[] = [];
  private readonly checks = new Map<string, ReturnType<typeof Compile>>();
  private migrated: Promise<void> | undefined;
  private readonly scheduled = new Map<string, { definition: JobDefinition; payload: unknown; repeat: Repeat }>();
  private keeper: NodeJS.Timeout | undefined;
  /** The schedule check keepSchedules runs; also run at once when a queue connection is back from a loss. */
  private checkSchedules: (() => void) | undefined;

  /** Where this system reports what it retries (the process's logger). */
  get log(): WarnLog | undefined {
    return this.options.log;
  }

  constructor(private readonly options: JobSystemOptions) {
    this.backend = options.redisUrl ? 'redis' : 'postgres';
  }

  private get traced(): { telemetry?: Telemetry } {
    return this.options.telemetry ? { telemetry: this.options.telemetry } : {};
  }

  private get enqueueTimeoutMs(): number {
    return this.options.enqueueTimeoutMs ?? 5000;
  }

  private get namespace(): string {
    return this.options.namespace ?? (this.backend === 'redis' ? 'chorus' : 'bullmq');
  }

  private redis(forWorker: boolean): Redis {
    // Workers block on Redis: they need maxRetriesPerRequest null. BullMQ does not close what we pass in.
    const connection = new Redis(this.options.redisUrl!, {
      maxRetriesPerRequest: forWorker ? null : 3,
      enableOfflineQueue: forWorker,
      // Named, so CLIENT LIST tells a deployment's queue and worker connections apart.
      connectionName: `${this.namespace}:${forWorker ? 'worker' : 'queue'}`,
    });
    connection.on('error', errorReporter(this.options.log, `redis connection (${forWorker ? 'worker' : 'queue'})`));
    if (!forWorker) {
      // A queue connection that comes back may come back to a Redis that lost its data: look for the schedules now,
      // not at the next tick of keepSchedules.
      let lost = false;
      connection.on('close', () => {
        lost = true;
      });
      connection.on('ready', () => {
        if (lost) this.checkSchedules?.();
        lost = false;
      });
    }
    this.connections.push(connection);
    return connection;
  }

  private pgConnection(max: number) {
    // Each queue and worker owns a pool beside its LISTEN client. Between bursts a pool's connections close after
    // a second instead of ten, so an idle process keeps the LISTEN clients only (the footprint bench: 16 idle
    // PostgreSQL backends of 2 to 6 MB each 30 s after start with the pg default); a busy pool reuses its own.
    return { connectionString: this.options.databaseUrl, schema: this.namespace, max, idleTimeoutMillis: 1000, skipVersionCheck: false };
  }

  /** Runs BullMQ's own PostgreSQL migrations once (no-op on Redis). */
  async ready(): Promise<void> {
    if (this.backend === 'redis') return;
    this.migrated ??= (async () => {
      const client = new pg.Client({ connectionString: this.options.databaseUrl });
      await client.connect();
      try {
        await runMigrations(client, this.namespace);
      } finally {
        await client.end();
      }
    })();
    await this.migrated;
  }

  queue(name: QueueName): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue =
        this.backend === 'redis'
          ? new Queue(name, { connection: this.redis(false), prefix: this.namespace, ...this.traced })
          : (new Queue(name, { connection: this.pgConnection(3), ...this.traced }, createPostgresBackend) as unknown as AnyQueue);
      queue.on('error', errorReporter(this.options.log, `queue ${name}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private jobOptions(definition: JobDefinition, payload: unknown, extra?: JobsOptions): JobsOptions {
    const jobId = definition.jobId?.(payload as never);
    return {
      attempts: definition.attempts,
      backoff: definition.backoff,
      removeOnComplete: definition.keepCompleted === false ? true : { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      ...(definition.delayMs ? { delay: definition.delayMs } : {}),
      ...(jobId ? { jobId } : {}),
      ...extra,
    };
  }

  private validate(definition: JobDefinition, payload: unknown): void {
    let check = this.checks.get(definition.name);
    if (!check) {
      check = Compile(definition.payload);
      this.checks.set(definition.name, check);
    }
    if (!check.Check(payload)) throw new TypeError(`payload of job ${definition.name} does not match its schema`);
  }

  /** Enqueues a job; a job with a deterministic id that is already queued is not added twice. */
  async enqueue<P extends TSchema>(definition: JobDefinition<P>, payload: Static<P>, extra?: JobsOptions): Promise<void> {
    this.validate(definition, payload);
    await bounded(
      this.ready().then(() => this.queue(definition.queue).add(definition.name, payload, this.jobOptions(definition, payload, extra))),
      this.enqueueTimeoutMs,
      `enqueue of ${definition.name}`,
    );
  }

  /** Enqueues many jobs of one kind in one round trip. */
  async enqueueMany<P extends TSchema>(definition: JobDefinition<P>, payloads: Static<P>[]): Promise<void> {
    if (payloads.length === 0) return;
    for (const p of payloads) this.validate(definition, p);
    await bounded(
      this.ready().then(() =>
        this.queue(definition.queue).addBulk(payloads.map((data) => ({ name: definition.name, data, opts: this.jobOptions(definition, data) }))),
      ),
      this.enqueueTimeoutMs,
      `enqueue of ${payloads.length} ${definition.name}`,
    );
  }

  /**
   * Makes sure a job with a deterministic id is queued: adds it when missing (or left in no state), retries it when
   * it failed for good. The outbox sweeper uses this, so a batch whose job was lost or exhausted its attempts is
   * never stuck.
   */
  async ensureQueued<P extends TSchema>(definition: JobDefinition<P>, payload: Static<P>): Promise<'added' | 'retried' | 'present'> {
    this.validate(definition, payload);
    await this.ready();
    const jobId = definition.jobId?.(payload);
    const queue = this.queue(definition.queue);
    const existing = jobId ? await queue.getJob(jobId) : undefined;
    if (existing) {
      const state = await existing.getState();
      if (state === 'failed') {
        await existing.retry('failed');
        return 'retried';
      }
      if (state === 'completed' || state === 'unknown') {
        // Completed yet still pending in the outbox (e.g. it ran before the commit was visible): run it again. Or a
        // record in no state at all, which never runs: what a partial loss of Redis's data leaves (the job's hash
        // kept, the list that held it gone).
        await existing.remove().catch(() => {});
      } else {
        return 'present';
      }
    }
    await queue.add(definition.name, payload, this.jobOptions(definition, payload));
    return 'added';
  }

  /**
   * Runs a job every `everyMs` ms, or at the times of a cron pattern in UTC. The schedule is keyed by the job's name,
   * so calling it again (here or in another process) updates that one schedule instead of adding a second.
   * The schedule is remembered for keepSchedules.
   */
  async schedule<P extends TSchema>(definition: JobDefinition<P>, payload: Static<P>, repeat: Repeat): Promise<void> {
    this.validate(definition, payload);
    // Remembered first: if the backend is away now, keepSchedules puts it in once the backend answers.
    this.scheduled.set(definition.name, { definition: definition as unknown as JobDefinition, payload, repeat });
    await this.ready();
    await this.queue(definition.queue).upsertJobScheduler(
      definition.name,
      repeat.cron === undefined ? { every: repeat.everyMs } : { pattern: repeat.cron, tz: 'UTC' },
      { name: definition.name, data: payload, opts: { attempts: definition.attempts, backoff: definition.backoff } },
    );
  }

  /**
   * Checks every `everyMs` that each schedule this process made is still in the backend as it made it, and sets
   * again the missing and the changed ones:
   * - a Redis that lost its data (a restart without persistence, a failover) lost the schedules with it, and the
   *   outbox sweepers must go on without a worker restart;
   * - a schedule's run that was already claimed when it was updated can write its old payload back as the
   *   schedule's (BullMQ's PostgreSQL backend advances a schedule with the payload of the run that advances it), so
   *   a start with new settings could keep the old ones until the next start.
   * A queue connection back from a loss checks at once. A schedule as this process made it is left alone, so its
   * next run is not pushed back. A check that hangs is given up after the enqueue timeout, so the next one runs.
   * Stopped by closeWorkers.
   */
  keepSchedules(everyMs: number): void {
    clearInterval(this.keeper);
    const report = errorReporter(this.options.log, 'schedule check');
    let checking = false;
    const putBack = async () => {
      for (const { definition, payload, repeat } of this.scheduled.values()) {
        const stored = await this.queue(definition.queue).getJobScheduler(definition.name);
        if (stored && isSchedule(stored, payload, repeat)) continue;
        await this.schedule(definition, payload as never, repeat);
        this.options.log?.warn(
          { job: definition.name },
          stored
            ? 'a job schedule in the queue backend differed from what this process set, and was set again'
            : 'a job schedule was missing from the queue backend and was put back',
        );
      }
    };
    this.checkSchedules = async () => {
      if (checking) return;
      checking = true;
      try {
        await bounded(putBack(), this.enqueueTimeoutMs, 'schedule check');
      } catch (error) {
        report(error);
      } finally {
        checking = false;
      }
    };
    this.keeper = setInterval(this.checkSchedules, everyMs);
    this.keeper.unref();
  }

  /** Starts a worker for one queue that dispatches each job to its registered handler. */
  async work(queueName: QueueName, handlers: Map<string, Registered>, options: WorkerOptions = {}): Promise<AnyWorker> {
    await this.ready();
    const processor = async (job: Job, token?: string) => {
      const entry = handlers.get(job.name);
      // A job nobody handles, or whose payload is malformed, will never succeed: do not retry it.
      if (!entry) throw new UnrecoverableError(`no handler for job ${job.name}`);
      if (!entry.check.Check(job.data)) throw new UnrecoverableError(`payload of job ${job.name} does not match its schema`);
      return entry.handler(job.data, { job, attempt: job.attemptsMade + 1, token });
    };
    const concurrency = options.concurrency ?? 4;
    // Chorus jobs are short: a dead worker's jobs are taken over after seconds, not BullMQ's default half minute.
    const timing = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 };
    const worker =
      this.backend === 'redis'
        ? new Worker(queueName, processor, { connection: this.redis(true), prefix: this.namespace, concurrency, ...timing, ...this.traced })
        : (new Worker(
            queueName,
            processor,
            { connection: this.pgConnection(concurrency + 1), concurrency, ...timing, ...this.traced },
            createPostgresBackend,
          ) as unknown as AnyWorker);
    worker.on('error', errorReporter(this.options.log, `worker ${queueName}`));
    this.workers.push(worker);
    return worker;
  }

  /** The queues this process has opened (metrics read only these, so scraping opens no new connections). */
  openQueues(): QueueName[] {
    return [...this.queues.keys()];
  }

  /** Counts of jobs by state, for readiness and benchmarks. */
  async counts(queueName: QueueName) {
    await this.ready();
    return this.queue(queueName).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  }

  /** Checks that the backend answers. */
  async ping(): Promise<void> {
    await bounded(
      this.ready().then(() => this.queue('system').getJobCounts('waiting')),
      this.enqueueTimeoutMs,
      'queue ping',
    );
  }

  /** Removes everything of this namespace's queues (tests). */
  async obliterate(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.obliterate({ force: true }).catch(() => {})));
  }

  async closeWorkers(): Promise<void> {
    clearInterval(this.keeper);
    this.checkSchedules = undefined;
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }

  async close(): Promise<void> {
    await this.closeWorkers();
    // A queue whose backend never answered would wait forever to close: give it a moment, then cut it.
    await Promise.allSettled([...this.queues.values()].map((q) => bounded(q.close(), 5000, 'queue close')));
    this.queues.clear();
    await Promise.allSettled(this.connections.map((c) => (c.status === 'ready' ? c.quit() : c.disconnect())));
    this.connections.length = 0;
  }
}

/** Collects handlers for the jobs a process runs, grouped by queue. */
export class JobRegistry {
  private readonly byQueue = new Map<QueueName, Map<string, Registered>>();

  handle<P extends TSchema>(definition: JobDefinition<P>, handler: JobHandler<P>): this {
    let map = this.byQueue.get(definition.queue);
    if (!map) {
      map = new Map();
      this.byQueue.set(definition.queue, map);
    }
    if (map.has(definition.name)) throw new Error(`job ${definition.name} already has a handler`);
    map.set(definition.name, { definition, check: Compile(definition.payload), handler: handler as JobHandler<TSchema> });
    return this;
  }

  /**
   * Registers each definition's handler from one map. Throws, naming them, when a definition has no handler or a
   * handler matches no definition: a process must not start without a job it is meant to run.
   */
  handleAll<J extends JobDefinition>(definitions: readonly J[], handlers: JobHandlers<J>): this {
    const byName = new Map(Object.entries(handlers as Record<string, JobHandler<TSchema>>));
    const missing = definitions.filter((d) => !byName.has(d.name)).map((d) => d.name);
    const unknown = [...byName.keys()].filter((name) => !definitions.some((d) => d.name === name));
    if (missing.length > 0) throw new Error(`no handler for job ${missing.join(', ')}`);
    if (unknown.length > 0) throw new Error(`handler for no job definition: ${unknown.join(', ')}`);
    for (const definition of definitions) this.handle(definition, byName.get(definition.name)!);
    return this;
  }

  /** Starts one worker per queue that has handlers. */
  async start(system: JobSystem, concurrency: Partial<Record<QueueName, number>> = {}): Promise<Worker[]> {
    const workers: Worker[] = [];
    for (const [queue, handlers] of this.byQueue) {
      workers.push(await system.work(queue, handlers, { concurrency: concurrency[queue] ?? 4 }));
    }
    return workers;
  }
}
