import { listeningQueries, uuidv7Time } from '@chorus/db';
import { aggregateBatchJob, evaluateArtistInsightsJob, type JobDefinition, type WorkerHandlers } from '@chorus/jobs';
import { publishChanges, type ServiceDeps } from '@chorus/service-kit';

export interface AggregateOptions {
  /** Overrides the insight evaluation's debounce delay (tests); the job definition's delay otherwise. */
  insightsDelayMs?: number | undefined;
  /** How old a batch must be before it is applied; config.workers.aggregationLingerMs unless given. */
  lingerMs?: number | undefined;
}

/**
 * Under a backlog one transaction applies up to this many pending batches together: rollup rows they share
 * (an artist's day, a track's day) are written once, which is what lets aggregation keep up with ingestion.
 * Measured on 400 pending batches of 1,000 listens, one applier: 18.5 µs per event one batch at a time, 7.0 by
 * 25, 5.9 by 100, 5.6 by 400. Past 100 the gain is small and one transaction holds its row locks longer.
 */
export const BATCHES_PER_TRANSACTION = 100;

/**
 * The artists whose debounced insight evaluation this process queued within the last `windowMs`: that job is
 * still waiting out its delay (the window is shorter than the delay), so queuing it again would be a no-op in the
 * queue (same job id) that still costs a script call there and the work of building it here, per artist and batch.
 * Under a steady stream of small batches that was most of the worker's own CPU. Bounded: entries past the window
 * are dropped whenever it holds more than `MAX_REMEMBERED`.
 */
export function recentlyQueued(windowMs: number, now: () => number = Date.now) {
  const queuedAt = new Map<string, number>();
  return {
    /** The ids not queued within the window, marked as queued now. */
    take(ids: string[]): string[] {
      const at = now();
      if (queuedAt.size > MAX_REMEMBERED) for (const [id, t] of queuedAt) if (at - t >= windowMs) queuedAt.delete(id);
      const fresh = ids.filter((id) => !(at - (queuedAt.get(id) ?? Number.NEGATIVE_INFINITY) < windowMs));
      for (const id of fresh) queuedAt.set(id, at);
      return fresh;
    },
    /** Forgets ids whose queuing failed, so the next change queues them again. */
    forget(ids: string[]): void {
      for (const id of ids) queuedAt.delete(id);
    },
  };
}
const MAX_REMEMBERED = 100_000;

/** The aggregation job's handler. */
export function aggregateHandlers(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs' | 'config'>, options: AggregateOptions = {}) {
  const evaluate: JobDefinition<typeof evaluateArtistInsightsJob.payload> =
    options.insightsDelayMs === undefined ? evaluateArtistInsightsJob : { ...evaluateArtistInsightsJob, delayMs: options.insightsDelayMs };
  // Two thirds of the delay: a job queued that recently has surely not run yet, even with a slow clock or queue.
  const evaluations = recentlyQueued(((evaluate.delayMs ?? 0) * 2) / 3);
  return {
    // Applies a batch to the rollups. Idempotent: applyBatch flips the batch to applied in the same transaction.
    [aggregateBatchJob.name]: async ({ batchId }) => {
      // A young batch waits out the linger (its id holds its creation time), so the batches that arrive meanwhile
      // are coalesced into its transaction. An old one (a backlog) is applied at once.
      const linger = options.lingerMs ?? deps.config.workers.aggregationLingerMs;
      const wait = linger - (Date.now() - (uuidv7Time(batchId) ?? 0));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, linger)));
      const changed = await listeningQueries.applyBatch(deps.db, batchId, BATCHES_PER_TRANSACTION);
      if (changed) {
        await publishChanges(deps, changed);
        // One debounced evaluation per changed artist. Best effort: a retry finds the batch applied and would not
        // enqueue again, and the hourly insight scan covers any artist missed here.
        const artists = evaluations.take(changed.artists);
        await deps.jobs
          .enqueueMany(
            evaluate,
            artists.map((artistId) => ({ artistId })),
          )
          .catch(() => evaluations.forget(artists));
      }
      return { applied: changed !== null };
    },
  } satisfies Partial<WorkerHandlers>;
}
