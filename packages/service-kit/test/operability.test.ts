import { pingJob } from '@chorus/jobs';
import t from 'tap';
import { startOpsServer } from '../src/index.js';
import { createTestApp, createUser } from '../src/testing.js';

for (const redis of [true, false]) {
  t.test(`metrics and the queue board (${redis ? 'Redis' : 'PostgreSQL'} queues)`, async (t) => {
    const { app, deps } = await createTestApp(t, [], { redis, env: { CHORUS_RATE_LIMITS: 'off', CHORUS_OPS_PORT: '1' } });
    const admin = await createUser(deps, { roles: ['platform_admin'] });
    const someone = await createUser(deps);
    await deps.jobs.enqueue(pingJob, { token: 'metrics' });
    await app.inject({ method: 'GET', url: '/healthz' });

    t.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
    t.equal((await app.inject({ method: 'GET', url: '/metrics', headers: someone.auth })).statusCode, 403);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: admin.auth });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /text\/plain/);
    for (const name of [
      'chorus_http_request_duration_seconds_bucket{le="0.001",method="GET",route="/healthz",status="2xx"}',
      'chorus_ingest_backlog_batches 0',
      'chorus_ingest_lag_seconds 0',
      'chorus_sse_streams_open 0',
      'chorus_db_pool_connections{state="total"}',
      'chorus_queue_jobs{queue="system",state="waiting"} 1',
      'chorus_process_resident_memory_bytes',
    ]) {
      t.ok(res.body.includes(name), name);
    }

    // The ops listener: no token, its own port (1 in the config means "pick one" here: the test asks for port 0).
    const ops = await startOpsServer({ ...deps, config: { ...deps.config, ops: { port: 0, host: '127.0.0.1' } } });
    t.teardown(() => ops?.close());
    const metrics = await fetch(`${ops!.address}/metrics`);
    t.equal(metrics.status, 200);
    t.match(await metrics.text(), /chorus_queue_jobs/);
    const board = await fetch(`${ops!.address}/queues`);
    t.equal(board.status, 200);
    t.match(await board.text(), /<html/i, 'the board page');
    const queues = await fetch(`${ops!.address}/queues/api/queues?activeQueue=system&status=waiting&page=1`);
    t.equal(queues.status, 200);
    const body = (await queues.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> };
    const system = body.queues.find((q) => q.name === 'system');
    t.ok(system, 'the system queue is on the board');
    t.equal(system?.counts.waiting, 1, 'with its waiting ping job');
  });
}
