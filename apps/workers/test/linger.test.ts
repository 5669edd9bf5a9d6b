import { listeningQueries, uuidv7, uuidv7Time } from '@chorus/db';
import { aggregateBatchJob } from '@chorus/jobs';
import { createTestRuntime, createUser } from '@chorus/service-kit/testing';
import { createCatalog, listenRow } from '@chorus/test-kit';
import t from 'tap';
import { drained, startTestWorkers } from '../src/testing.js';

t.test('uuidv7Time reads the creation time a v7 id carries, and nothing from other ids', async (t) => {
  const at = Date.UTC(2026, 11, 7, 15, 30, 12, 345);
  t.equal(uuidv7Time(uuidv7(at)), at);
  t.equal(uuidv7Time('3f2504e0-4f89-41d3-9a0c-0305e82c3301'), undefined, 'a v4 id');
  t.equal(uuidv7Time('not an id'), undefined);
});

t.test('the aggregation linger: batches that arrive while a young one waits are applied in its transaction', async (t) => {
  const { deps } = await createTestRuntime(t, { env: { CHORUS_AGGREGATION_LINGER_MS: '1500' } });
  t.equal(deps.config.workers.aggregationLingerMs, 1500);
  await startTestWorkers(t, deps);
  const [track] = await createCatalog(deps.db, [{ name: 'Linger', tracks: ['Wait'] }]);
  const ids: string[] = [];
  const started = Date.now();
  for (let i = 0; i < 3; i++) {
    const user = await createUser(deps);
    const batch = { id: uuidv7(), user_id: user.id, source: 'native' as const };
    const rows = [listenRow({ user_id: user.id, listened_at: new Date(Date.now() - 3_600_000), track_id: track!.id, artist_id: track!.artist_id })];
    await listeningQueries.insertBatch(deps.db, batch, rows);
    // Queued at once, as ingestion does after its commit.
    await deps.jobs.enqueue(aggregateBatchJob, { batchId: batch.id });
    ids.push(batch.id);
  }
  t.ok(Date.now() - started < 1500, 'the three batches were stored within the linger');
  await drained(deps.db);
  const applied = await deps.db.selectFrom('ingest_batches').select(['id', 'applied_at']).where('id', 'in', ids).execute();
  const times = new Set(applied.map((b) => b.applied_at?.getTime()));
  t.equal(times.size, 1, 'one transaction applied all three (one applied_at)');
  t.ok(Math.min(...applied.map((b) => b.applied_at!.getTime())) - uuidv7Time(ids[0]!)! >= 1400, 'not before the first batch was 1.5 s old');
});
