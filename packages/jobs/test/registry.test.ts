import { getNextMillis } from 'bullmq';
import t from 'tap';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import * as contracts from '../src/contracts.js';
import { defineJob, type JobDefinition, JobRegistry, JOBS, pingJob, QUEUE_NAMES, type ScheduleSettings, scheduleOf, WORKER_JOBS } from '../src/index.js';

const settings: ScheduleSettings = { sweepAfterMs: 15_000, sweepEveryMs: 10_000 };

function isDefinition(value: unknown): value is JobDefinition {
  const v = value as Partial<JobDefinition> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && QUEUE_NAMES.includes(v.queue!) && typeof v.attempts === 'number';
}

/** What is wrong with a definition's schedule under these settings: none for a job that does not recur. */
function scheduleProblems(definition: JobDefinition, under: ScheduleSettings): string[] {
  const schedule = scheduleOf(definition, under);
  if (!schedule) return [];
  const problems: string[] = [];
  if ((schedule.everyMs === undefined) === (schedule.cron === undefined)) problems.push('needs an interval or a cron pattern, not both');
  if (schedule.everyMs !== undefined && !(Number.isInteger(schedule.everyMs) && schedule.everyMs > 0)) problems.push(`interval ${schedule.everyMs}`);
  if (schedule.cron !== undefined) {
    try {
      if (!((getNextMillis(Date.now(), { pattern: schedule.cron, tz: 'UTC' }) ?? 0) > Date.now())) problems.push(`cron ${schedule.cron} never runs`);
    } catch {
      problems.push(`cron ${schedule.cron} does not parse`);
    }
  }
  if (!Compile(definition.payload).Check(schedule.payload)) problems.push('payload does not match the schema');
  if ((definition.runBy ?? 'workers') !== 'workers') problems.push('scheduled, but not run by the workers');
  return problems;
}

t.test('JOBS lists every job definition of the contracts, once', async (t) => {
  const exported = Object.entries(contracts as Record<string, unknown>).filter((entry): entry is [string, JobDefinition] => isDefinition(entry[1]));
  t.ok(exported.length >= 13, `${exported.length} definitions exported`);
  const listed: readonly JobDefinition[] = JOBS;
  for (const [key, definition] of exported) t.ok(listed.includes(definition), `${key} is in JOBS`);
  t.equal(JOBS.length, exported.length, 'and JOBS holds nothing else');
  t.equal(new Set(JOBS.map((job) => job.name)).size, JOBS.length, 'names are unique');
});

t.test('the workers run every job but ping, which the tests that enqueue it handle', async (t) => {
  t.same(
    JOBS.filter((job) => !WORKER_JOBS.includes(job as never)).map((job) => job.name),
    [pingJob.name],
  );
  t.equal(pingJob.runBy, 'tests');
});

t.test('every schedule is valid: an interval over 0 or a cron pattern that parses, with a payload its schema accepts', async (t) => {
  for (const definition of JOBS as readonly JobDefinition[]) t.same(scheduleProblems(definition, settings), [], definition.name);
  // The sweepers follow the settings.
  const other = { sweepAfterMs: 1, sweepEveryMs: 2 };
  t.match(scheduleOf(contracts.sweepOutboxJob, other), { everyMs: 2, payload: { olderThanMs: 1 } });
  t.match(scheduleOf(contracts.sweepWebhooksJob, other), { everyMs: 2, payload: { olderThanMs: 1 } });
});

t.test('the schedule check refuses a bad schedule', async (t) => {
  const job = (schedule: JobDefinition['schedule']) =>
    ({
      name: 'bad',
      queue: 'system',
      payload: Type.Object({ n: Type.Integer() }),
      attempts: 1,
      backoff: { type: 'fixed', delay: 1 },
      schedule,
    }) as JobDefinition;
  t.same(scheduleProblems(job(undefined), settings), [], 'none: the job does not recur');
  t.same(scheduleProblems(job({ everyMs: 1000, payload: { n: 1 } }), settings), []);
  t.same(scheduleProblems(job({ cron: '0 3 * * 1', payload: { n: 1 } }), settings), []);
  t.same(scheduleProblems(job({ everyMs: 0, payload: { n: 1 } }), settings), ['interval 0']);
  t.same(scheduleProblems(job({ everyMs: 1.5, payload: { n: 1 } }), settings), ['interval 1.5']);
  t.same(scheduleProblems(job({ cron: 'every day', payload: { n: 1 } }), settings), ['cron every day does not parse']);
  t.same(scheduleProblems(job({ cron: '61 * * * *', payload: { n: 1 } }), settings), ['cron 61 * * * * does not parse']);
  t.same(scheduleProblems(job({ everyMs: 1000, payload: { n: 'one' } }), settings), ['payload does not match the schema']);
  t.same(
    scheduleProblems(
      job((s) => ({ everyMs: s.sweepEveryMs - 10_000, payload: { n: 1 } })),
      settings,
    ),
    ['interval 0'],
    'a function of the settings too',
  );
  t.same(scheduleProblems({ ...job({ everyMs: 1000, payload: { n: 1 } }), runBy: 'tests' }, settings), ['scheduled, but not run by the workers']);
});

t.test('the recurring jobs, and those that also run once at boot', async (t) => {
  const recurring = JOBS.filter((job) => scheduleOf(job as JobDefinition, settings));
  t.same(recurring.map((job) => job.name).sort(), [
    'compact-day-sets',
    'compute-forecasts',
    'compute-related-artists',
    'daily-stats-webhooks',
    'ensure-partitions',
    'scan-insights',
    'sweep-outbox',
    'sweep-webhooks',
  ]);
  t.same(
    recurring
      .filter((job) => scheduleOf(job as JobDefinition, settings)!.atBoot)
      .map((job) => job.name)
      .sort(),
    ['compact-day-sets', 'compute-forecasts', 'compute-related-artists', 'daily-stats-webhooks', 'ensure-partitions', 'scan-insights'],
  );
});

t.test('handleAll takes one handler per definition and refuses a map that misses one or has one too many', async (t) => {
  const job = <const N extends string>(name: N) =>
    defineJob({ name, queue: 'system', payload: Type.Object({ n: Type.Integer() }), attempts: 1, backoff: { type: 'fixed', delay: 1 } });
  const a = job('a');
  const b = job('b');
  const handler = async ({ n }: { n: number }) => n;
  t.doesNotThrow(() => new JobRegistry().handleAll([a, b], { a: handler, b: handler }));
  // @ts-expect-error the map must cover every definition
  t.throws(() => new JobRegistry().handleAll([a, b], { a: handler }), { message: 'no handler for job b' });
  // @ts-expect-error nor may it hold a handler of no definition
  t.throws(() => new JobRegistry().handleAll([a], { a: handler, b: handler }), { message: 'handler for no job definition: b' });
});
