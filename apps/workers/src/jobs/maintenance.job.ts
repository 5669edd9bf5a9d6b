import { listeningQueries, matchingQueries } from '@chorus/db';
import { aggregateBatchJob, ensurePartitionsJob, type JobRegistry, rematchListensJob, sweepOutboxJob } from '@chorus/jobs';
import { publishChanges, type ServiceDeps } from '@chorus/service-kit';

/** Maintenance: the outbox sweeper, partitions ahead of time, and matching kept listens to new tracks. */
export function registerMaintenance(registry: JobRegistry, deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>) {
  // Idempotent: ensureQueued adds a batch's job only when it is missing (or retries it when it failed for good).
  registry.handle(sweepOutboxJob, async ({ olderThanMs }) => {
    const pending = await listeningQueries.pendingBatches(deps.db, olderThanMs, 5000);
    let requeued = 0;
    for (const { id } of pending) if ((await deps.jobs.ensureQueued(aggregateBatchJob, { batchId: id })) !== 'present') requeued++;
    return { pending: pending.length, requeued };
  });

  // Idempotent: existing partitions are skipped.
  registry.handle(ensurePartitionsJob, async ({ monthsAhead }) => {
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1));
    return { created: await listeningQueries.ensurePartitions(deps.db, from, to) };
  });

  // Idempotent: only listens still unmatched are updated, under locks on their batches.
  registry.handle(rematchListensJob, async ({ trackIds }) => {
    const keys = await matchingQueries.keysForTracks(deps.db, trackIds);
    const matches = keys.flatMap((k) => [
      { match_key: k.name_key, track_id: k.track_id, artist_id: k.artist_id },
      ...(k.isrc ? [{ match_key: `i:${k.isrc}`, track_id: k.track_id, artist_id: k.artist_id }] : []),
    ]);
    const { matched, changed } = await listeningQueries.rematch(deps.db, matches);
    await publishChanges(deps, changed);
    return { matched };
  });
}
