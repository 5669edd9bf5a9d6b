import { Type } from 'typebox';
import { defineJob } from './job.js';

/** A no-op job that proves a backend end to end (tests, readiness). */
export const pingJob = defineJob({
  name: 'ping',
  queue: 'system',
  payload: Type.Object({ token: Type.String() }),
  attempts: 3,
  backoff: { type: 'fixed', delay: 100 },
  jobId: (p) => `ping-${p.token}`,
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

/** Re-enqueues batches left pending (a lost queue, a crashed producer): the outbox is the source of truth. */
export const sweepOutboxJob = defineJob({
  name: 'sweep-outbox',
  queue: 'maintenance',
  payload: Type.Object({ olderThanMs: Type.Integer({ minimum: 0 }) }),
  attempts: 3,
  backoff: { type: 'fixed', delay: 1000 },
});

/** Creates the monthly partitions of raw listens ahead of time. */
export const ensurePartitionsJob = defineJob({
  name: 'ensure-partitions',
  queue: 'maintenance',
  payload: Type.Object({ monthsAhead: Type.Integer({ minimum: 0, maximum: 24 }) }),
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
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
  everyMs: 3600_000,
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
  everyMs: 24 * 3600_000,
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
  everyMs: 24 * 3600_000,
});
