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
