import { Type } from 'typebox';
import { defineJob, type ScheduleSettings } from './job.js';
import type { JobHandlers, JobSystem } from './job-system.js';

/** A no-op job that proves a backend end to end; the tests that enqueue it register its handler. */
export const pingJob = defineJob({
  name: 'ping',
  queue: 'system',
  payload: Type.Object({ token: Type.String() }),
  attempts: 3,
  backoff: { type: 'fixed', delay: 100 },
  jobId: (p) => `ping-${p.token}`,
  runBy: 'tests',
});

/** Applies one ingest batch to the rollups; the job id is the batch id, so a batch is queued at most once. */
export const aggregateBatchJob = defineJob({
  name: 'aggregate-batch',
  queue: 'ingest',
  payload: Type.Object({ batchId: Type.String({ format: 'uuid' }) }),
  attempts: 12,
  backoff: { type: 'exponential', delay: 200 },
  jobId: (p) => `batch-${p.batchId}`,
});

/** The sweepers' schedule: every `sweepEveryMs`, for what has been overdue for `sweepAfterMs`. */
const sweepSchedule = (settings: ScheduleSettings) => ({ everyMs: settings.sweepEveryMs, payload: { olderThanMs: settings.sweepAfterMs } });

/** Re-enqueues batches left pending (a lost queue, a crashed producer): the outbox is the source of truth. */
export const sweepOutboxJob = defineJob({
  name: 'sweep-outbox',
  queue: 'maintenance',
  payload: Type.Object({ olderThanMs: Type.Integer({ minimum: 0 }) }),
  attempts: 3,
  backoff: { type: 'fixed', delay: 1000 },
  schedule: sweepSchedule,
});

/** Creates the monthly partitions of raw listens ahead of time. */
export const ensurePartitionsJob = defineJob({
  name: 'ensure-partitions',
  queue: 'maintenance',
  payload: Type.Object({ monthsAhead: Type.Integer({ minimum: 0, maximum: 24 }) }),
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  schedule: { everyMs: 6 * 3600_000, payload: { monthsAhead: 3 }, atBoot: true },
});

/** Matches kept unmatched listens against tracks added since; debounced into one run per burst of catalog changes. */
export const rematchListensJob = defineJob({
  name: 'rematch-listens',
  queue: 'maintenance',
  payload: Type.Object({ trackIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 1000 }) }),
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
});

/**
 * Catches up an ISRC dispute: moves to `to` the listens of `from` carrying the ISRC that ingestion matched
 * while the dispute was being settled (it read the old holder, then wrote after the move). Delayed, so those
 * writes have landed; nothing happens once the ISRC has moved on from `to`.
 */
export const moveIsrcListensJob = defineJob({
  name: 'move-isrc-listens',
  queue: 'maintenance',
  payload: Type.Object(
    { isrc: Type.String({ pattern: '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$' }), from: Type.String({ format: 'uuid' }), to: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ),
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  delayMs: 10_000,
});

/**
 * Builds the compact listener sets of closed track-days and the audience cells of closed artist-days and partner-days that aggregation
 * queued (see daySetQueries), a batch of `limit` of each at a time for up to `budgetMs`; what is left waits for the next run. Each batch holds aggregation's
 * listener-set lock while it runs, so batches stay small.
 */
export const compactDaySetsJob = defineJob({
  name: 'compact-day-sets',
  queue: 'maintenance',
  payload: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 10_000 }), budgetMs: Type.Integer({ minimum: 0, maximum: 600_000 }) }),
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  schedule: { everyMs: 60_000, payload: { limit: 500, budgetMs: 20_000 }, atBoot: true },
});

/**
 * Evaluates one artist's insight detectors. Debounced: the aggregation worker enqueues it after every batch
 * that touched the artist, and the id plus the delay collapse a burst of batches into one run. Completed jobs
 * are removed at once so the id is free for the next burst.
 */
export const evaluateArtistInsightsJob = defineJob({
  name: 'evaluate-artist-insights',
  queue: 'insights',
  payload: Type.Object({ artistId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  jobId: (p) => `insights-${p.artistId}`,
  delayMs: 30_000,
  keepCompleted: false,
});

/** Queues an insight evaluation of every artist with data in the last days, so day-based insights happen without new listens. */
export const scanInsightsJob = defineJob({
  name: 'scan-insights',
  queue: 'insights',
  payload: Type.Object({ sinceDays: Type.Integer({ minimum: 1, maximum: 31 }) }, { additionalProperties: false }),
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  // Several worker processes starting at once queue one startup scan between them.
  jobId: () => 'scan-insights',
  schedule: { everyMs: 3600_000, payload: { sinceDays: 2 }, atBoot: true },
});

/** Forecasts the next 28 days of streams of every active artist, and posts the weekly forecast insight. */
export const computeForecastsJob = defineJob({
  name: 'compute-forecasts',
  queue: 'insights',
  payload: Type.Object(
    {
      historyDays: Type.Integer({ minimum: 14, maximum: 730 }),
      activeDays: Type.Integer({ minimum: 1, maximum: 365 }),
    },
    { additionalProperties: false },
  ),
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  jobId: () => 'compute-forecasts',
  schedule: { everyMs: 24 * 3600_000, payload: { historyDays: 120, activeDays: 28 }, atBoot: true },
});

/** The platform's "fans also like" settings: co-listening over 90 days, at least 5 shared listeners. */
export const RELATED_ARTISTS_SETTINGS = { windowDays: 90, minOverlap: 5 } as const;

/** Rebuilds "fans also like" from co-listening in the last `windowDays`; pairs sharing fewer than `minOverlap` listeners are left out. */
export const computeRelatedArtistsJob = defineJob({
  name: 'compute-related-artists',
  queue: 'insights',
  payload: Type.Object(
    {
      windowDays: Type.Integer({ minimum: 1, maximum: 365 }),
      minOverlap: Type.Integer({ minimum: 1, maximum: 1000 }),
    },
    { additionalProperties: false },
  ),
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  jobId: () => 'compute-related-artists',
  schedule: { everyMs: 24 * 3600_000, payload: { ...RELATED_ARTISTS_SETTINGS }, atBoot: true },
});

/**
 * Sends one webhook event to one endpoint through its whole retry schedule: between attempts the job waits,
 * delayed, under the same id, so an event and endpoint are one job. The receiver's failures are scheduled by the
 * handler; `attempts` covers Chorus's own errors (a database outage), after which the sweeper takes over.
 */
export const deliverWebhookJob = defineJob({
  name: 'deliver-webhook',
  queue: 'webhooks',
  payload: Type.Object({ deliveryId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  jobId: (p) => `webhook-${p.deliveryId}`,
  keepCompleted: false,
});

/**
 * Queues webhook deliveries once the transaction that wrote them has committed. Best effort: a delivery whose
 * job could not be queued (the queue is down) is queued by the webhook sweeper instead.
 */
export async function queueWebhookDeliveries(jobs: JobSystem, deliveryIds: string[]): Promise<void> {
  await jobs
    .enqueueMany(
      deliverWebhookJob,
      deliveryIds.map((deliveryId) => ({ deliveryId })),
    )
    .catch(() => {});
}

/** Re-queues webhook deliveries whose job was lost (the deliveries table is the source of truth) and purges old logs. */
export const sweepWebhooksJob = defineJob({
  name: 'sweep-webhooks',
  queue: 'maintenance',
  payload: Type.Object({ olderThanMs: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  attempts: 3,
  backoff: { type: 'fixed', delay: 1000 },
  schedule: sweepSchedule,
});

/** Writes each subscribed artist's `stats.daily` event for yesterday, once the day is over (after midnight UTC). */
export const dailyStatsWebhooksJob = defineJob({
  name: 'daily-stats-webhooks',
  queue: 'insights',
  payload: Type.Object({}, { additionalProperties: false }),
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  // Several worker processes starting at once queue one catch-up run between them.
  jobId: () => 'daily-stats-webhooks',
  keepCompleted: false,
  // After midnight UTC, and at boot to catch up on a day a downtime skipped (one event per day).
  schedule: { cron: '10 0 * * *', payload: {}, atBoot: true },
});

/** Every job, in one list: the workers' handlers and schedules are checked against it. */
export const JOBS = [
  pingJob,
  aggregateBatchJob,
  sweepOutboxJob,
  ensurePartitionsJob,
  rematchListensJob,
  moveIsrcListensJob,
  compactDaySetsJob,
  evaluateArtistInsightsJob,
  scanInsightsJob,
  computeForecastsJob,
  computeRelatedArtistsJob,
  deliverWebhookJob,
  sweepWebhooksJob,
  dailyStatsWebhooksJob,
] as const;

export type Job = (typeof JOBS)[number];
export type JobName = Job['name'];

/** The jobs the workers run: each needs a handler there. */
export type WorkerJob = Extract<Job, { runBy?: 'workers' }>;
export type WorkerJobName = WorkerJob['name'];
export const WORKER_JOBS: readonly WorkerJob[] = JOBS.filter((job): job is WorkerJob => (job.runBy ?? 'workers') === 'workers');

/** A handler for every job the workers run, each typed by its definition's payload. */
export type WorkerHandlers = JobHandlers<WorkerJob>;
