import { errorReporter, JobRegistry, type JobSystem, type ScheduleSettings, scheduleOf, WORKER_JOBS, type WorkerHandlers } from '@chorus/jobs';
import type { ServiceDeps } from '@chorus/service-kit';
import { type AggregateOptions, aggregateHandlers } from './jobs/aggregate.job.js';
import { insightsHandlers } from './jobs/insights.job.js';
import { maintenanceHandlers } from './jobs/maintenance.job.js';
import { webhooksHandlers } from './jobs/webhooks.job.js';

export {
  computeArtistForecast,
  computeForecasts,
  computeRelated,
  evaluateArtistInsights,
  type InsightMessage,
  insightsChannel,
  replayArtistInsights,
  scanActiveArtists,
} from './jobs/insights.job.js';
export { attemptDelivery, emitDailyStats, MAX_ATTEMPTS, RETRY_SCHEDULE_MS, retryDelayMs, signatureHeader, sweepWebhooks } from './jobs/webhooks.job.js';

export type WorkerOptions = AggregateOptions;

/** The handler of every job the workers run, keyed by job name and bound to its dependencies. */
export function workerHandlers(deps: ServiceDeps, options: WorkerOptions = {}): WorkerHandlers {
  return {
    ...aggregateHandlers(deps, options),
    ...maintenanceHandlers(deps),
    ...insightsHandlers(deps),
    ...webhooksHandlers(deps),
  };
}

/** Every job handler this platform runs; throws when a job the workers run has no handler, or a handler no job. */
export function createRegistry(deps: ServiceDeps, options: WorkerOptions = {}): JobRegistry {
  return new JobRegistry().handleAll(WORKER_JOBS, workerHandlers(deps, options));
}

/**
 * Starts a worker per queue, then puts in the schedule of every job whose definition has one and queues the
 * catch-up runs (scheduleAtBoot); returns a stopper. A restart, or another worker process, adds no second schedule:
 * each is an upsert keyed by its job's name, with the settings of the process that started last. The catch-up runs
 * are queued again: those with a deterministic job id collapse into one the queue still holds, and every handler
 * is idempotent.
 */
export async function startWorkers(deps: ServiceDeps, options: WorkerOptions = {}): Promise<() => Promise<void>> {
  const { workers } = deps.config;
  await createRegistry(deps, options).start(deps.jobs, {
    ingest: workers.ingestConcurrency,
    maintenance: 1,
    insights: 2,
    system: 1,
    webhooks: deps.config.webhooks.concurrency,
  });
  // Schedules live in the queue backend: put back any it loses (Redis back without its data), within seconds.
  deps.jobs.keepSchedules(Math.min(60_000, Math.max(5_000, workers.sweepEveryMs * 3)));
  // Scheduling at boot needs the queue backend: a worker started while it is away keeps running, and the schedules
  // (remembered by schedule()) are put in by keepSchedules once it answers; the catch-up runs wait for their turn.
  await scheduleAtBoot(deps.jobs, workers);
  return () => deps.jobs.closeWorkers();
}

/**
 * Schedules every recurring job the workers run, as its definition says under these settings, then queues the
 * catch-up runs of those that also run at boot. Each step on its own: one that fails is reported, the rest go on.
 */
export async function scheduleAtBoot(jobs: JobSystem, settings: ScheduleSettings): Promise<void> {
  const report = errorReporter(jobs.log, 'scheduling at boot (schedules are put back once the queue backend answers)');
  const recurring = WORKER_JOBS.flatMap((definition) => {
    const schedule = scheduleOf(definition, settings);
    return schedule ? [{ definition, schedule }] : [];
  });
  for (const { definition, schedule } of recurring) await jobs.schedule(definition, schedule.payload, schedule).catch(report);
  for (const { definition, schedule } of recurring) if (schedule.atBoot) await jobs.enqueue(definition, schedule.payload).catch(report);
}
