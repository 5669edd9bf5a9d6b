import { listeningQueries } from '@chorus/db';
import { aggregateBatchJob, type JobRegistry } from '@chorus/jobs';
import { publishChanges, type ServiceDeps } from '@chorus/service-kit';

/** Applies a batch to the rollups. Idempotent: applyBatch flips the batch to applied in the same transaction. */
export function registerAggregate(registry: JobRegistry, deps: Pick<ServiceDeps, 'db' | 'bus'>) {
  registry.handle(aggregateBatchJob, async ({ batchId }) => {
    const changed = await listeningQueries.applyBatch(deps.db, batchId);
    if (changed) await publishChanges(deps, changed);
    return { applied: changed !== null };
  });
}
