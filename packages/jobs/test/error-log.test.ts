import t from 'tap';
import { errorReporter, JobSystem, pingJob } from '../src/index.js';

t.test('an outage is reported once, then summarised at most once a window', async (t) => {
  const lines: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const report = errorReporter({ warn: (obj, msg) => lines.push({ obj: obj as Record<string, unknown>, msg }) }, 'queue ingest', 50);
  report(new Error('ECONNREFUSED'));
  report(new Error('ECONNREFUSED'));
  report(new Error('ECONNREFUSED'));
  t.equal(lines.length, 1, 'the first error at once, the next two held back');
  t.equal(lines[0]!.msg, 'queue ingest failed');
  await new Promise((resolve) => setTimeout(resolve, 60));
  report(new Error('ECONNREFUSED'));
  t.equal(lines.length, 2);
  t.equal(lines[1]!.msg, 'queue ingest failed (2 more since the last report)');
});

t.test("a queue's connection errors reach the log instead of vanishing", async (t) => {
  const lines: string[] = [];
  // Nothing listens on port 1: every connection attempt fails.
  const jobs = new JobSystem({
    redisUrl: 'redis://127.0.0.1:1',
    databaseUrl: 'postgres://unused@127.0.0.1:1/none',
    enqueueTimeoutMs: 1000,
    log: { warn: (_obj, msg) => lines.push(msg) },
  });
  t.teardown(() => jobs.close());
  const started = Date.now();
  await t.rejects(jobs.enqueue(pingJob, { token: 'x' }), /timed out/, 'an enqueue fails instead of hanging');
  t.ok(Date.now() - started < 3000);
  t.ok(
    lines.some((line) => line.startsWith('redis connection (queue) failed') || line.startsWith('queue system failed')),
    `logged: ${lines.join(' | ')}`,
  );
});
