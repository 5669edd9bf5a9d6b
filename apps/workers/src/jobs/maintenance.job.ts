import { catalogQueries, daySetQueries, listeningQueries, matchingQueries, oauthQueries } from '@chorus/db';
import {
  aggregateBatchJob,
  compactDaySetsJob,
  ensurePartitionsJob,
  moveIsrcListensJob,
  rematchListensJob,
  sweepOutboxJob,
  type WorkerHandlers,
} from '@chorus/jobs';
import { publishChanges, type ServiceDeps } from '@chorus/service-kit';

/**
 * The maintenance jobs' handlers: the outbox sweeper, partitions ahead of time, matching kept listens to new tracks,
 * ISRC disputes, and the compaction of closed days' listener sets.
 */
export function maintenanceHandlers(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>) {
  return {
    // Idempotent: ensureQueued adds a batch's job only when it is missing (or retries it when it failed for good).
    [sweepOutboxJob.name]: async ({ olderThanMs }) => {
      const pending = await listeningQueries.pendingBatches(deps.db, olderThanMs, 5000);
      let requeued = 0;
      for (const { id } of pending) if ((await deps.jobs.ensureQueued(aggregateBatchJob, { batchId: id })) !== 'present') requeued++;
      // The authorization server's expired codes, tokens and sessions go with the same periodic sweep.
      return { pending: pending.length, requeued, oauthExpired: await oauthQueries.deleteExpired(deps.db) };
    },

    // Idempotent: existing partitions are skipped.
    [ensurePartitionsJob.name]: async ({ monthsAhead }) => {
      const now = new Date();
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1));
      return { created: await listeningQueries.ensurePartitions(deps.db, from, to) };
    },

    // Idempotent: only listens still unmatched are updated, under locks on their batches.
    [rematchListensJob.name]: async ({ trackIds }) => {
      const keys = await matchingQueries.keysForTracks(deps.db, trackIds);
      const matches = keys.flatMap((k) => [
        { match_key: k.name_key, track_id: k.track_id, artist_id: k.artist_id },
        ...(k.isrc ? [{ match_key: `i:${k.isrc}`, track_id: k.track_id, artist_id: k.artist_id }] : []),
      ]);
      const { matched, changed } = await listeningQueries.rematch(deps.db, matches);
      await publishChanges(deps, changed);
      return { matched };
    },

    // Idempotent: only listens still on the old track and carrying the ISRC move, under locks on their batches, and
    // only while the track the dispute gave the ISRC to still holds it (checked under its row lock).
    [moveIsrcListensJob.name]: async ({ isrc, from, to }) => {
      const { moved, changed } = await deps.db.transaction().execute(async (trx) => {
        const holder = (await catalogQueries.lockTracksForIsrc(trx, to, isrc)).find((t) => t.id === to && t.isrc === isrc);
        if (!holder) return { moved: 0, changed: { artists: [], tracks: [], days: [] } };
        return listeningQueries.moveIsrcListens(trx, { isrc, from, to, toArtist: holder.artist_id });
      });
      await publishChanges(deps, changed);
      return { moved };
    },

    // Idempotent: only pending days are built, each from the rows as they are under the lock.
    [compactDaySetsJob.name]: async ({ limit, budgetMs }) => ({ compacted: await daySetQueries.compactPending(deps.db, limit, budgetMs) }),
  } satisfies Partial<WorkerHandlers>;
}
