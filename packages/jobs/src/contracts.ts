import { Type } from 'typebox';
import { defineJob } from './job.js';

/** A no-op job that proves a backend end to end (tests, readiness). */
export const pingJob = defineJob({
  name: 'ping',
  queue: 'system',
  payload: Type.Object({ token: Type.String() }),
  attempts: 3,
  backoff: { type: 'fixed', delay: 100 },
  jobId: (p) => `ping-${p.token}`,
});
