import { JobRegistry, type JobSystem, QUEUE_NAMES, type ScheduleSettings, scheduleOf, sweepOutboxJob, WORKER_JOBS, type WorkerHandlers } from '@chorus/jobs';
import type { ServiceDeps } from '@chorus/service-kit';
import { createTestRuntime } from '@chorus/service-kit/testing';
import t from 'tap';
import { createRegistry, scheduleAtBoot, startWorkers, workerHandlers } from '../src/index.js';

// Binding the handlers reads nothing from their dependencies: the map can be inspected without a runtime.
const unbound = {} as ServiceDeps;

/** The schedules the definitions call for under these settings, as the queue backend shows them. */
function expectedSchedules(settings: ScheduleSettings) {
  return WORKER_JOBS.flatMap((definition) => {
    const schedule = scheduleOf(definition, settings);
    if (!schedule) return [];
    const repeat = schedule.cron === undefined ? { every: schedule.everyMs } : { pattern: schedule.cron, tz: 'UTC' };
    return [{ queue: definition.queue, key: definition.name, ...repeat, data: schedule.payload }];
  }).sort((a, b) => a.key.localeCompare(b.key));
}

/** The schedules in the queue backend, over every queue. */
async function storedSchedules(jobs: JobSystem) {
  const found = [];
  for (const queue of QUEUE_NAMES) {
    for (const s of await jobs.queue(queue).getJobSchedulers()) {
      // BullMQ leaves an empty payload out of the template.
      found.push({ queue, key: s.key, ...(s.every ? { every: Number(s.every) } : { pattern: s.pattern, tz: s.tz }), data: s.template?.data ?? {} });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

t.test('the workers have a handler for every job they run, and none for anything else', async (t) => {
  const handlers = workerHandlers(unbound);
  t.same(Object.keys(handlers).sort(), WORKER_JOBS.map((job) => job.name).sort());
  t.doesNotThrow(() => createRegistry(unbound), 'the registry takes the map');

  const { [sweepOutboxJob.name]: _dropped, ...incomplete } = handlers;
  // @ts-expect-error every job the workers run needs its handler
  const missing: WorkerHandlers = incomplete;
  t.throws(() => new JobRegistry().handleAll(WORKER_JOBS, missing), { message: 'no handler for job sweep-outbox' }, 'a missing handler fails at start');
  const extra = { ...handlers, 'retired-job': async () => {} };
  t.throws(() => new JobRegistry().handleAll(WORKER_JOBS, extra), { message: 'handler for no job definition: retired-job' }, 'so does a handler of no job');
});

for (const redis of [true, false]) {
  t.test(`startWorkers schedules exactly the jobs whose definition has a schedule, once each (${redis ? 'Redis' : 'PostgreSQL'})`, async (t) => {
    const { deps } = await createTestRuntime(t, { redis });
    const stop = await startWorkers(deps);
    t.teardown(stop);
    const expected = expectedSchedules(deps.config.workers);
    t.equal(expected.length, 8, 'eight recurring jobs');
    t.same(await storedSchedules(deps.jobs), expected);

    await scheduleAtBoot(deps.jobs, deps.config.workers);
    t.same(await storedSchedules(deps.jobs), expected, 'starting again adds no second schedule');

    // A restart: the old workers stop first. (A run they had claimed could otherwise advance its schedule with the
    // old payload after the update; keepSchedules sets it again, see the jobs package's tests.)
    await stop();
    const slower = { ...deps.config.workers, sweepEveryMs: deps.config.workers.sweepEveryMs * 2, sweepAfterMs: 60_000 };
    await scheduleAtBoot(deps.jobs, slower);
    t.same(await storedSchedules(deps.jobs), expectedSchedules(slower), 'a start with other settings updates the schedules they set');
  });
}

t.test('scheduleAtBoot queues one catch-up run of each job that runs at boot, with its scheduled payload', async (t) => {
  const { deps } = await createTestRuntime(t);
  // No workers: the runs stay queued to be counted.
  await scheduleAtBoot(deps.jobs, deps.config.workers);
  const runs = [];
  for (const queue of QUEUE_NAMES) {
    for (const job of await deps.jobs.queue(queue).getJobs(['waiting', 'delayed', 'prioritized'])) {
      // A schedule's own runs carry its scheduler's id.
      if (!job.id?.startsWith('repeat:')) runs.push({ name: job.name, data: job.data });
    }
  }
  const expected = WORKER_JOBS.flatMap((definition) => {
    const schedule = scheduleOf(definition, deps.config.workers);
    return schedule?.atBoot ? [{ name: definition.name, data: schedule.payload }] : [];
  });
  t.equal(expected.length, 6, 'six jobs run at boot');
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  t.same(runs.sort(byName), expected.sort(byName));
});
