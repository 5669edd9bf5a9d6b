import type { Static, TSchema } from 'typebox';

/** The queues jobs run on; few, so each process holds few connections. */
export type QueueName = 'ingest' | 'insights' | 'maintenance' | 'system' | 'webhooks';

/** Every queue, for the queue board. */
export const QUEUE_NAMES: readonly QueueName[] = ['ingest', 'insights', 'maintenance', 'system', 'webhooks'];

export interface Backoff {
  type: 'exponential' | 'fixed';
  delay: number;
}

/** Who runs a job: the workers, which must then handle it, or only tests, which register their own handler. */
export type RunBy = 'workers' | 'tests';

/** What schedules read from the deployment's configuration (apps/workers passes its `config.workers`). */
export interface ScheduleSettings {
  /** A pending batch or an overdue webhook delivery this old is assumed lost from its queue and queued again. */
  sweepAfterMs: number;
  /** How often the sweepers look. */
  sweepEveryMs: number;
}

/** How often a job recurs: every `everyMs` ms from when it was scheduled, or at the times of a cron pattern in UTC. */
export type Repeat = { everyMs: number; cron?: never } | { cron: string; everyMs?: never };

/** When a recurring job runs, and with what payload. */
export type JobSchedule<T> = Repeat & {
  payload: T;
  /** Also queued once when the workers start, so a fresh deployment, or one back from a downtime, does not wait for the first run. */
  atBoot?: boolean;
};

/** A job is typed data: its name, payload schema, retry policy and, where duplicates must collapse, a deterministic id. */
export interface JobDefinition<P extends TSchema = TSchema, N extends string = string, R extends RunBy = RunBy> {
  name: N;
  queue: QueueName;
  payload: P;
  attempts: number;
  backoff: Backoff;
  /** Same id, same job: BullMQ ignores an add whose id is already queued. */
  jobId?: (payload: Static<P>) => string;
  /** Delay before a job runs, e.g. to debounce bursts into one run. */
  delayMs?: number;
  /**
   * false: remove the job as soon as it completes. A kept completed job holds its deterministic id for an hour,
   * during which adds with that id are ignored; a debounced job needs the id free again for the next burst.
   */
  keepCompleted?: false;
  /** Who runs it; the workers when unset. */
  runBy?: R;
  /**
   * For a recurring job: when it runs and with what payload; a function of the settings when it depends on them.
   * The workers schedule every definition that has one (`JobSystem.schedule`).
   */
  schedule?: JobSchedule<Static<P>> | ((settings: ScheduleSettings) => JobSchedule<Static<P>>);
}

/** Types a job definition, keeping its name (and who runs it) as literal types for the registry. */
export function defineJob<P extends TSchema, const N extends string, const R extends RunBy = 'workers'>(
  definition: JobDefinition<P, N, R>,
): JobDefinition<P, N, R> {
  return definition;
}

/** A definition's schedule under these settings; undefined for a job that does not recur. */
export function scheduleOf<P extends TSchema>(definition: JobDefinition<P>, settings: ScheduleSettings): JobSchedule<Static<P>> | undefined {
  return typeof definition.schedule === 'function' ? definition.schedule(settings) : definition.schedule;
}
