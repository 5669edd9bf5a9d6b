import type { Static, TSchema } from 'typebox';

/** The queues jobs run on; few, so each process holds few connections. */
export type QueueName = 'ingest' | 'insights' | 'maintenance' | 'system';

export interface Backoff {
  type: 'exponential' | 'fixed';
  delay: number;
}

/** A job is typed data: its name, payload schema, retry policy and, where duplicates must collapse, a deterministic id. */
export interface JobDefinition<P extends TSchema = TSchema> {
  name: string;
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
  /** For a repeatable job: how often it runs once scheduled (`JobSystem.schedule`). */
  everyMs?: number;
}

export function defineJob<P extends TSchema>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export type JobPayload<D> = D extends JobDefinition<infer P> ? Static<P> : never;
