import { randomBytes } from 'node:crypto';
import pg from 'pg';
import t from 'tap';
import { JobRegistry, JobSystem, pingJob } from '../src/index.js';

const databaseUrl = process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.CHORUS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function until(check: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const backend of ['redis', 'postgres'] as const) {
  t.test(`a job runs through BullMQ on ${backend}`, async (t) => {
    const namespace = `t_jobs_${randomBytes(4).toString('hex')}`;
    const system = new JobSystem({ databaseUrl, namespace, ...(backend === 'redis' ? { redisUrl } : {}) });
    t.equal(system.backend, backend);
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
