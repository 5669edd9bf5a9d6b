import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import t from 'tap';
import { dailyStatsWebhooksJob, deferJob, defineJob, JobRegistry, JobSystem, pingJob, sweepOutboxJob, type WarnLog } from '../src/index.js';
import { Type } from 'typebox';

const databaseUrl = process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.CHORUS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function until(check: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A job system in its own namespace, removed at teardown. */
function isolated(
  t: { teardown(fn: () => unknown): void },
  backend: 'redis' | 'postgres',
  namespace = `t_jobs_${randomBytes(4).toString('hex')}`,
  log?: WarnLog,
) {
  const system = new JobSystem({ databaseUrl, namespace, ...(backend === 'redis' ? { redisUrl } : {}), ...(log ? { log } : {}) });
  t.teardown(async () => {
    await system.obliterate();
    await system.close();
    if (backend === 'postgres') {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${namespace}" CASCADE`);
      await client.end();
    }
  });
  return system;
}

const waitJob = defineJob({
  name: 'wait',
  queue: 'system',
  payload: Type.Object({ n: Type.Integer() }),
  attempts: 1,
  backoff: { type: 'fixed', delay: 10 },
  jobId: (p) => `wait-${p.n}`,
});

for (const backend of ['redis', 'postgres'] as const) {
  t.test(`a deferred job runs again later under its id, without spending an attempt (${backend})`, async (t) => {
    const system = isolated(t, backend);
    const runs: Array<{ at: number; attempt: number; id: string | undefined }> = [];
    await new JobRegistry()
      .handle(waitJob, async (_payload, context) => {
        runs.push({ at: Date.now(), attempt: context.attempt, id: context.job.id });
        if (runs.length < 3) await deferJob(context, Date.now() + 150);
      })
      .start(system);
    await system.enqueue(waitJob, { n: 1 });
    await until(() => runs.length >= 3);
    t.same(
      runs.map((r) => [r.id, r.attempt]),
      [
        ['wait-1', 1],
        ['wait-1', 1],
        ['wait-1', 1],
      ],
      'one job, and attempts: 1 was enough',
    );
    t.ok(runs[1]!.at - runs[0]!.at >= 140 && runs[2]!.at - runs[1]!.at >= 140, 'each run waited');
  });

  t.test(`a cron schedule in UTC (${backend})`, async (t) => {
    const system = isolated(t, backend);
    await system.schedule(dailyStatsWebhooksJob, {}, { cron: '10 0 * * *' });
    await system.schedule(dailyStatsWebhooksJob, {}, { cron: '10 0 * * *' });
    const schedulers = await system.queue('insights').getJobSchedulers();
    t.equal(schedulers.length, 1, 'scheduling again updates the one schedule');
    t.match(new Date(schedulers[0]!.next!).toISOString(), /T00:10:00\.000Z$/, 'next at 00:10 UTC');
  });

  t.test(`a schedule the backend lost is put back, an existing one is left alone (${backend})`, async (t) => {
    const system = isolated(t, backend);
    await system.schedule(dailyStatsWebhooksJob, {}, { cron: '10 0 * * *' });
    const queue = system.queue('insights');
    const before = (await queue.getJobScheduler(dailyStatsWebhooksJob.name))!;
    system.keepSchedules(100);
    t.teardown(() => system.closeWorkers());
    await new Promise((r) => setTimeout(r, 350));
    t.same((await queue.getJobScheduler(dailyStatsWebhooksJob.name))?.next, before.next, 'a present schedule is not touched');
    // What a Redis restart without persistence does to it.
    await queue.removeJobScheduler(dailyStatsWebhooksJob.name);
    t.notOk(await queue.getJobScheduler(dailyStatsWebhooksJob.name), 'gone');
    const start = Date.now();
    let back = await queue.getJobScheduler(dailyStatsWebhooksJob.name);
    while (!back && Date.now() - start < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      back = await queue.getJobScheduler(dailyStatsWebhooksJob.name);
    }
    t.ok(back, 'put back within a check period');
    t.match(new Date(back!.next!).toISOString(), /T00:10:00\.000Z$/, 'with the same cron pattern');
    await system.closeWorkers();
    await queue.removeJobScheduler(dailyStatsWebhooksJob.name);
    await new Promise((r) => setTimeout(r, 300));
    t.notOk(await queue.getJobScheduler(dailyStatsWebhooksJob.name), 'closeWorkers stops the checks');
  });

  t.test(`a schedule whose payload or interval changed behind this process is set again (${backend})`, async (t) => {
    const warnings: string[] = [];
    const system = isolated(t, backend, undefined, { warn: (_obj, message) => warnings.push(message) });
    await system.schedule(sweepOutboxJob, { olderThanMs: 60_000 }, { everyMs: 600_000 });
    const queue = system.queue('maintenance');
    const stored = async () => {
      const s = await queue.getJobScheduler(sweepOutboxJob.name);
      return { every: Number(s?.every), data: s?.template?.data, next: s?.next };
    };
    const before = await stored();
    system.keepSchedules(100);
    t.teardown(() => system.closeWorkers());
    await new Promise((r) => setTimeout(r, 350));
    t.same(await stored(), before, 'a schedule as this process set it is not touched');
    t.same(warnings, [], 'nor set again');
    /** Waits until the schedule is back as this process set it. */
    const restored = async () => {
      const start = Date.now();
      let now = await stored();
      while ((now.every !== 600_000 || now.data?.olderThanMs !== 60_000) && Date.now() - start < 5000) {
        await new Promise((r) => setTimeout(r, 50));
        now = await stored();
      }
      return now;
    };
    // What a run claimed before an update does when it advances the schedule: its old payload comes back.
    await queue.upsertJobScheduler(sweepOutboxJob.name, { every: 600_000 }, { name: sweepOutboxJob.name, data: { olderThanMs: 15_000 } });
    t.same((await stored()).data, { olderThanMs: 15_000 }, 'changed');
    t.match(await restored(), { every: 600_000, data: { olderThanMs: 60_000 } }, 'its payload is set again within a check period');
    await queue.upsertJobScheduler(sweepOutboxJob.name, { every: 300_000 }, { name: sweepOutboxJob.name, data: { olderThanMs: 60_000 } });
    t.match(await restored(), { every: 600_000, data: { olderThanMs: 60_000 } }, 'so is its interval');
    // The check warns once its write is back, which can be a moment after the schedule reads as restored.
    const start = Date.now();
    while (warnings.length < 2 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
    t.ok(warnings.length >= 2, 'each said so');
    t.same(
      warnings.filter((w) => !w.includes('differed')),
      [],
      'as a changed schedule',
    );
  });

  if (backend === 'redis') {
    t.test('a queue connection back from a loss looks for the schedules at once, not at the next check', async (t) => {
      const namespace = `t_jobs_${randomBytes(4).toString('hex')}`;
      const system = isolated(t, backend, namespace);
      await system.schedule(dailyStatsWebhooksJob, {}, { cron: '10 0 * * *' });
      const queue = system.queue('insights');
      system.keepSchedules(600_000);
      t.teardown(() => system.closeWorkers());
      // What a Redis restart without persistence does: the schedule is gone and the connection dropped.
      await queue.removeJobScheduler(dailyStatsWebhooksJob.name);
      const admin = new Redis(redisUrl);
      t.teardown(() => admin.disconnect());
      const clients = String(await admin.client('LIST')).split('\n');
      const ids = clients.filter((line) => line.includes(` name=${namespace}:queue `)).map((line) => /\bid=(\d+)/.exec(line)![1]!);
      t.equal(ids.length, 1, 'one queue connection, named by its namespace');
      t.equal(await admin.client('KILL', 'ID', ids[0]!), 1, 'dropped');
      const start = Date.now();
      let back = await queue.getJobScheduler(dailyStatsWebhooksJob.name).catch(() => undefined);
      while (!back && Date.now() - start < 5000) {
        await new Promise((r) => setTimeout(r, 50));
        back = await queue.getJobScheduler(dailyStatsWebhooksJob.name).catch(() => undefined);
      }
      t.ok(back, `put back ${Date.now() - start} ms after the connection came back, with the next check ten minutes away`);
    });
  }

  if (backend === 'redis') {
    t.test('ensureQueued adds a job again whose record outlived the list that held it', async (t) => {
      const namespace = `t_jobs_${randomBytes(4).toString('hex')}`;
      const system = isolated(t, backend, namespace);
      await system.enqueue(waitJob, { n: 7 });
      t.equal(await system.ensureQueued(waitJob, { n: 7 }), 'present', 'a waiting job is left alone');
      // What a flush of the namespace's keys leaves when a job is added between listing and deleting them.
      const admin = new Redis(redisUrl);
      t.teardown(() => admin.disconnect());
      t.equal(await admin.del(`${namespace}:system:wait`), 1, 'the wait list is gone');
      t.equal(await (await system.queue('system').getJob('wait-7'))?.getState(), 'unknown', 'the record is in no state');
      t.equal(await system.ensureQueued(waitJob, { n: 7 }), 'added');
      const runs: number[] = [];
      await new JobRegistry().handle(waitJob, async (payload) => void runs.push(payload.n)).start(system);
      t.teardown(() => system.closeWorkers());
      await until(() => runs.length > 0);
      t.same(runs, [7], 'and it runs');
    });
  }

  t.test(`a job runs through BullMQ on ${backend}`, async (t) => {
    const system = isolated(t, backend);
    t.equal(system.backend, backend);
    const seen: string[] = [];
    let attempts = 0;
    await new JobRegistry()
      .handle(pingJob, async (payload, { attempt }) => {
        attempts = attempt;
        // Fail the first attempt to prove retries with backoff.
        if (attempt === 1) throw new Error('transient');
        seen.push(payload.token);
      })
      .start(system);
    await system.enqueue(pingJob, { token: 'a' });
    // Same deterministic job id while the first is still known: collapses into one job.
    await system.enqueue(pingJob, { token: 'a' });
    await until(() => seen.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    t.same(seen, ['a'], 'ran once');
    t.equal(attempts, 2, 'retried after a failure');
    await t.rejects(system.enqueue(pingJob, { token: 5 } as never), /does not match/);
  });
}
