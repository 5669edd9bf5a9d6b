import { type Db, opsQueries, poolStats } from '@chorus/db';
import type { JobSystem } from '@chorus/jobs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StreamLimiter } from './sse.js';

const SCRAPE_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS)))])
    .catch(() => undefined)
    .finally(() => clearTimeout(timer));
}

/**
 * One Prometheus registry per process: HTTP, ingestion, caches and live streams are counted where they happen;
 * pools, queues and the aggregation backlog are read when scraped.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'chorus_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status class, with their latency.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  readonly ingestListens = new Counter({
    name: 'chorus_ingest_listens_total',
    help: 'Listens submitted, by what became of them: accepted, duplicate, unmatched (accepted, no track yet) or refused.',
    labelNames: ['outcome', 'source'] as const,
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'chorus_cache_lookups_total',
    help: 'Cache lookups by cache and outcome: hit (a stored answer), shared (joined a computation in flight) or miss.',
    labelNames: ['cache', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'chorus_webhook_deliveries_total',
    help: 'Webhook deliveries (one event to one endpoint) finished, by outcome: succeeded, or failed (its retries ran out or its endpoint was disabled).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly webhookAttemptFailures = new Counter({
    name: 'chorus_webhook_attempt_failures_total',
    help: 'Webhook delivery attempts that failed, by reason: timeout, connection, refused_address, or the answer status class (3xx, 4xx, 429, 5xx).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly webhookRetries = new Counter({
    name: 'chorus_webhook_retries_total',
    help: 'Webhook retries scheduled after a failed attempt.',
    registers: [this.registry],
  });
  readonly webhookEndpointsDisabled = new Counter({
    name: 'chorus_webhook_endpoints_disabled_total',
    help: 'Webhook endpoints disabled for failing without a single success for five days.',
    registers: [this.registry],
  });
  readonly webhookLag = new Histogram({
    name: 'chorus_webhook_delivery_lag_seconds',
    help: "How long after it was due a webhook attempt started (for a first attempt: after the event's commit), by attempt: first or retry.",
    labelNames: ['attempt'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  readonly webhookAttemptDuration = new Histogram({
    name: 'chorus_webhook_attempt_duration_seconds',
    help: 'Webhook attempts from connecting to the answer, by outcome: success or failure.',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'chorus_' });
  }

  /** Registers the gauges read at scrape time from this process's pools, queues and streams. */
  watch(sources: { db: Db; jobs: JobSystem; streams: StreamLimiter }): void {
    const { db, jobs, streams } = sources;
    new Gauge({
      name: 'chorus_sse_streams_open',
      help: 'Live streams (Server-Sent Events) this process holds open.',
      registers: [this.registry],
      collect() {
        this.set(streams.open);
      },
    });
    new Gauge({
      name: 'chorus_db_pool_connections',
      help: "This process's PostgreSQL pool: open connections, idle ones, and checkouts waiting for one.",
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const stats = poolStats(db);
        if (!stats) return;
        for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
      },
    });
    new Gauge({
      name: 'chorus_queue_jobs',
      help: 'Jobs per queue and state (queues this process uses).',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        await Promise.all(
          jobs.openQueues().map(async (queue) => {
            const counts = await within(jobs.counts(queue));
            for (const [state, value] of Object.entries(counts ?? {})) this.set({ queue, state }, value);
          }),
        );
      },
    });
    const backlog = () => within(opsQueries.ingestBacklog(db));
    new Gauge({
      name: 'chorus_ingest_backlog_batches',
      help: 'Ingest batches committed but not yet aggregated (the outbox).',
      registers: [this.registry],
      async collect() {
        const row = await backlog();
        if (row) this.set(row.batches);
      },
    });
    new Gauge({
      name: 'chorus_ingest_backlog_listens',
      help: 'Listens in batches not yet aggregated.',
      registers: [this.registry],
      async collect() {
        const row = await backlog();
        if (row) this.set(row.listens);
      },
    });
    new Gauge({
      name: 'chorus_ingest_lag_seconds',
      help: 'Age of the oldest batch not yet aggregated (0 when none): how far aggregation is behind.',
      registers: [this.registry],
      async collect() {
        const row = await backlog();
        if (row) this.set(row.oldest_seconds ?? 0);
      },
    });
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
