import { ensurePartitionsJob, JobRegistry, sweepOutboxJob } from '@chorus/jobs';
import type { ServiceDeps } from '@chorus/service-kit';
import { registerAggregate } from './jobs/aggregate.job.js';
import { registerMaintenance } from './jobs/maintenance.job.js';

/** Every job handler this platform runs, bound to its dependencies. */
export function createRegistry(deps: ServiceDeps): JobRegistry {
  const registry = new JobRegistry();
  registerAggregate(registry, deps);
  registerMaintenance(registry, deps);
  return registry;
}

/** Starts the workers and the repeatable jobs (idempotent upserts), returns a stopper. */
export async function startWorkers(deps: ServiceDeps): Promise<() => Promise<void>> {
  const { workers } = deps.config;
  await createRegistry(deps).start(deps.jobs, { ingest: workers.ingestConcurrency, maintenance: 1, insights: 2, system: 1 });
  await deps.jobs.schedule(sweepOutboxJob, { olderThanMs: workers.sweepAfterMs }, workers.sweepEveryMs);
  await deps.jobs.schedule(ensurePartitionsJob, { monthsAhead: 3 }, 6 * 3600_000);
  await deps.jobs.enqueue(ensurePartitionsJob, { monthsAhead: 3 });
  return () => deps.jobs.closeWorkers();
}
