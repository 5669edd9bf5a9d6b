import { listeningQueries } from '@chorus/db';
import { aggregateBatchJob, evaluateArtistInsightsJob, type JobDefinition, type WorkerHandlers } from '@chorus/jobs';
import { publishChanges, type ServiceDeps } from '@chorus/service-kit';

export interface AggregateOptions {
  /** Overrides the insight evaluation's debounce delay (tests); the job definition's delay otherwise. */
  insightsDelayMs?: number | undefined;
}

/**
 * Under a backlog one transaction applies up to this many pending batches together: rollup rows they share
 * (an artist's day, a track's day) are written once, which is what lets aggregation keep up with ingestion.
 * Measured on 400 pending batches of 1,000 listens, one applier: 18.5 µs per event one batch at a time, 7.0 by
 * 25, 5.9 by 100, 5.6 by 400. Past 100 the gain is small and one transaction holds its row locks longer.
 */
export const BATCHES_PER_TRANSACTION = 100;

/** The aggregation job's handler. */
export function aggregateHandlers(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>, options: AggregateOptions = {}) {
  const evaluate: JobDefinition<typeof evaluateArtistInsightsJob.payload> =
    options.insightsDelayMs === undefined ? evaluateArtistInsightsJob : { ...evaluateArtistInsightsJob, delayMs: options.insightsDelayMs };
  return {
    // Applies a batch to the rollups. Idempotent: applyBatch flips the batch to applied in the same transaction.
    [aggregateBatchJob.name]: async ({ batchId }) => {
      const changed = await listeningQueries.applyBatch(deps.db, batchId, BATCHES_PER_TRANSACTION);
      if (changed) {
        await publishChanges(deps, changed);
        // One debounced evaluation per changed artist. Best effort: a retry finds the batch applied and would not
        // enqueue again, and the hourly insight scan covers any artist missed here.
        await deps.jobs
          .enqueueMany(
            evaluate,
            changed.artists.map((artistId) => ({ artistId })),
          )
          .catch(() => {});
      }
      return { applied: changed !== null };
    },
  } satisfies Partial<WorkerHandlers>;
}
