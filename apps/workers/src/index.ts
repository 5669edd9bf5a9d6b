import {
  computeForecastsJob,
  computeRelatedArtistsJob,
  RELATED_ARTISTS_SETTINGS,
  ensurePartitionsJob,
  JobRegistry,
  scanInsightsJob,
  sweepOutboxJob,
} from '@chorus/jobs';
import type { ServiceDeps } from '@chorus/service-kit';
import { type AggregateOptions, registerAggregate } from './jobs/aggregate.job.js';
import { registerInsights } from './jobs/insights.job.js';
import { registerMaintenance } from './jobs/maintenance.job.js';

export {
  computeArtistForecast,
  computeForecasts,
  computeRelated,
  evaluateArtistInsights,
  type InsightMessage,
  insightsChannel,
  scanActiveArtists,
} from './jobs/insights.job.js';

export type WorkerOptions = AggregateOptions;

/** Every job handler this platform runs, bound to its dependencies. */
export function createRegistry(deps: ServiceDeps, options: WorkerOptions = {}): JobRegistry {
  const registry = new JobRegistry();
  registerAggregate(registry, deps, options);
  registerMaintenance(registry, deps);
  registerInsights(registry, deps);
  return registry;
}

/** Starts the workers and the repeatable jobs (idempotent upserts), returns a stopper. */
export async function startWorkers(deps: ServiceDeps, options: WorkerOptions = {}): Promise<() => Promise<void>> {
  const { workers } = deps.config;
  await createRegistry(deps, options).start(deps.jobs, { ingest: workers.ingestConcurrency, maintenance: 1, insights: 2, system: 1 });
  await deps.jobs.schedule(sweepOutboxJob, { olderThanMs: workers.sweepAfterMs }, workers.sweepEveryMs);
  await deps.jobs.schedule(ensurePartitionsJob, { monthsAhead: 3 }, 6 * 3600_000);
  await deps.jobs.enqueue(ensurePartitionsJob, { monthsAhead: 3 });
  // Insight jobs run on their definitions' intervals, and once at startup so a fresh deployment does not wait a day.
  const scan = { sinceDays: 2 };
  const forecasts = { historyDays: 120, activeDays: 28 };
  const related = { ...RELATED_ARTISTS_SETTINGS };
  await deps.jobs.schedule(scanInsightsJob, scan, scanInsightsJob.everyMs!);
  await deps.jobs.schedule(computeForecastsJob, forecasts, computeForecastsJob.everyMs!);
  await deps.jobs.schedule(computeRelatedArtistsJob, related, computeRelatedArtistsJob.everyMs!);
  await deps.jobs.enqueue(scanInsightsJob, scan);
  await deps.jobs.enqueue(computeForecastsJob, forecasts);
  await deps.jobs.enqueue(computeRelatedArtistsJob, related);
  return () => deps.jobs.closeWorkers();
}
