import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import t from 'tap';
import { startTelemetry } from '../src/telemetry.js';

// Tracing starts before the database and queue code is loaded, as in every process entry point.
const exporter = new InMemorySpanExporter();
startTelemetry({ serviceName: 'chorus-test', exporter });
const { createTestApp } = await import('../src/testing.js');
const { JobRegistry, pingJob } = await import('@chorus/jobs');
const { sql } = await import('kysely');
const { access } = await import('../src/access.js');

for (const redis of [true, false]) {
  t.test(`a request, its SQL, the queue hop and the job's SQL are one trace (${redis ? 'Redis' : 'PostgreSQL'} queues)`, async (t) => {
    exporter.reset();
    let ran: (() => void) | undefined;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const { app, deps } = await createTestApp(
      t,
      [
        {
          name: 'traced',
          description: 'test',
          plugin: async (app) => {
            app.post('/v1/work', { config: access.public() }, async () => {
              await sql`select 'in the request'`.execute(app.deps.db);
              await app.deps.jobs.enqueue(pingJob, { token: `traced-${redis}` });
              return { queued: true };
            });
          },
        },
      ],
      { redis, env: { CHORUS_RATE_LIMITS: 'off' } },
    );
    await new JobRegistry()
      .handle(pingJob, async () => {
        await sql`select 'in the worker'`.execute(deps.db);
        ran?.();
      })
      .start(deps.jobs);
    const res = await app.inject({ method: 'POST', url: '/v1/work' });
    t.equal(res.statusCode, 200);
    await done;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.name.includes('/v1/work') || String(s.attributes['http.route']) === '/v1/work');
    t.ok(request, `the request has a span (${spans.map((s) => s.name).join(', ')})`);
    const traceId = request?.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const statements = inTrace.filter((s) => String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? '').includes("select 'in the"));
    t.equal(statements.length, 2, "both statements, the request's and the worker's, are in the trace");
    t.ok(
      inTrace.some((s) => s.name.toLowerCase().includes('add') && s.name.includes('system')),
      'the enqueue is in the trace',
    );
    t.ok(
      inTrace.some((s) => s.name.toLowerCase().includes('process') && s.name.includes('system')),
      'and so is the job run',
    );
  });
}
