import { type Job, type JobsOptions, Queue, runMigrations, UnrecoverableError, Worker, createPostgresBackend } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { JobDefinition, QueueName } from './job.js';

export interface JobSystemOptions {
  /** BullMQ on Redis when set; otherwise BullMQ on its PostgreSQL backend. */
  redisUrl?: string | undefined;
  databaseUrl: string;
  /** Redis key prefix or PostgreSQL schema; tests use their own so they never share state. */
  namespace?: string;
}

export interface JobContext {
  job: Job;
  attempt: number;
}

export type JobHandler<P extends TSchema> = (payload: Static<P>, context: JobContext) => Promise<unknown>;

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

  constructor(private readonly options: JobSystemOptions) {
    this.backend = options.redisUrl ? 'redis' : 'postgres';
  }

  private get namespace(): string {
    return this.options.namespace ?? (this.backend === 'redis' ? 'chorus' : 'bullmq');
  }

  private redis(forWorker: boolean): Redis {
    // Workers block on Redis: they need maxRetriesPerRequest null. BullMQ does not close what we pass in.
    const connection = new Redis(this.options.redisUrl!, {
      maxRetriesPerRequest: forWorker ? null : 3,
      enableOfflineQueue: forWorker,
    });
    connection.on('error', () => {});
    this.connections.push(connection);
    return connection;
  }

  private pgConnection(max: number) {
    return { connectionString: this.options.databaseUrl, schema: this.namespace, max, skipVersionCheck: false };
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
          ? new Queue(name, { connection: this.redis(false), prefix: this.namespace })
          : (new Queue(name, { connection: this.pgConnection(3) }, createPostgresBackend) as unknown as AnyQueue);
      queue.on('error', () => {});
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
    await this.ready();
    await this.queue(definition.queue).add(definition.name, payload, this.jobOptions(definition, payload, extra));
  }

  /** Enqueues many jobs of one kind in one round trip. */
  async enqueueMany<P extends TSchema>(definition: JobDefinition<P>, payloads: Static<P>[]): Promise<void> {
    if (payloads.length === 0) return;
    for (const p of payloads) this.validate(definition, p);
    await this.ready();
    await this.queue(definition.queue).addBulk(
      payloads.map((data) => ({ name: definition.name, data, opts: this.jobOptions(definition, data) })),
    );
  }

  /**
   * Makes sure a job with a deterministic id is queued: adds it when missing, retries it when it failed for good.
   * The outbox sweeper uses this, so a batch whose job was lost or exhausted its attempts is never stuck.
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
      if (state === 'completed') {
        // Completed yet still pending in the outbox (e.g. it ran before the commit was visible): run it again.
        await existing.remove().catch(() => {});
      } else {
        return 'present';
      }
    }
    await queue.add(definition.name, payload, this.jobOptions(definition, payload));
    return 'added';
  }

  /** Runs a job every `everyMs`; calling it again updates the schedule instead of adding a second one. */
  async schedule<P extends TSchema>(definition: JobDefinition<P>, payload: Static<P>, everyMs: number): Promise<void> {
    this.validate(definition, payload);
    await this.ready();
    await this.queue(definition.queue).upsertJobScheduler(
      definition.name,
      { every: everyMs },
      { name: definition.name, data: payload, opts: { attempts: definition.attempts, backoff: definition.backoff } },
    );
  }

  /** Starts a worker for one queue that dispatches each job to its registered handler. */
  async work(queueName: QueueName, handlers: Map<string, Registered>, options: WorkerOptions = {}): Promise<AnyWorker> {
    await this.ready();
    const processor = async (job: Job) => {
      const entry = handlers.get(job.name);
      // A job nobody handles, or whose payload is malformed, will never succeed: do not retry it.
      if (!entry) throw new UnrecoverableError(`no handler for job ${job.name}`);
      if (!entry.check.Check(job.data)) throw new UnrecoverableError(`payload of job ${job.name} does not match its schema`);
      return entry.handler(job.data, { job, attempt: job.attemptsMade + 1 });
    };
    const concurrency = options.concurrency ?? 4;
    // Chorus jobs are short: a dead worker's jobs are taken over after seconds, not BullMQ's default half minute.
    const timing = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 };
    const worker =
      this.backend === 'redis'
        ? new Worker(queueName, processor, { connection: this.redis(true), prefix: this.namespace, concurrency, ...timing })
        : (new Worker(queueName, processor, { connection: this.pgConnection(concurrency + 1), concurrency, ...timing }, createPostgresBackend) as unknown as AnyWorker);
    worker.on('error', () => {});
    this.workers.push(worker);
    return worker;
  }

  /** Counts of jobs by state, for readiness and benchmarks. */
  async counts(queueName: QueueName) {
    await this.ready();
    return this.queue(queueName).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  }

  /** Checks that the backend answers. */
  async ping(): Promise<void> {
    await this.ready();
    await this.queue('system').getJobCounts('waiting');
  }

  /** Removes everything of this namespace's queues (tests). */
  async obliterate(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.obliterate({ force: true }).catch(() => {})));
  }

  async closeWorkers(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }

  async close(): Promise<void> {
    await this.closeWorkers();
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await Promise.allSettled(this.connections.map((c) => c.quit()));
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

  /** Starts one worker per queue that has handlers. */
  async start(system: JobSystem, concurrency: Partial<Record<QueueName, number>> = {}): Promise<Worker[]> {
    const workers: Worker[] = [];
    for (const [queue, handlers] of this.byQueue) {
      workers.push(await system.work(queue, handlers, { concurrency: concurrency[queue] ?? 4 }));
    }
    return workers;
  }
}
