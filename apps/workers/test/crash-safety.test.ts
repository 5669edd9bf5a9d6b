import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ageBracket, type Db, listeningQueries, uuidv7 } from '@chorus/db';
import { aggregateBatchJob } from '@chorus/jobs';
import { createTestRuntime, createUser, TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { createCatalog, groundTruth, listenRow, rawEvents, sorted, storedRollups, until } from '@chorus/test-kit';
import { sql } from 'kysely';
import t from 'tap';

// The workers' own entry point, run as a separate process so it can be killed for real.
const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url));

/** Starts the workers as a separate process on the test's schema and namespace. */
function startWorkerProcess(schema: string, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--conditions=development', '--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      CHORUS_DATABASE_URL: TEST_DATABASE_URL,
      CHORUS_REDIS_URL: TEST_REDIS_URL,
      CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
      CHORUS_DATABASE_SCHEMA: schema,
      CHORUS_NAMESPACE: schema,
      CHORUS_LOG_LEVEL: 'warn',
      PORT: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function counts(db: Db) {
  const { rows } = await sql<{ pending: number; applied: number }>`
    SELECT (count(*) FILTER (WHERE status = 'pending'))::int AS pending, (count(*) FILTER (WHERE status = 'applied'))::int AS applied FROM ingest_batches`.execute(
    db,
  );
  return rows[0]!;
}

/** Ground truth from the raw events as stored, computed in JavaScript. */
async function truthFromRaw(db: Db) {
  return groundTruth(await rawEvents(db));
}

/**
 * Stores `batches` ingest batches of `perBatch` listens each as ingestion does (the listens and the outbox row in one
 * transaction, within the listener's real-time budget) and queues each one's aggregation. It writes through the data
 * layer, not apps/listening's ingestListens: the listening service depends on the workers, not the other way round.
 */
async function seedBatches(deps: Awaited<ReturnType<typeof createTestRuntime>>['deps'], batches: number, perBatch: number) {
  const tracks = await createCatalog(deps.db, [
    { name: 'Crash A', tracks: ['One', 'Two', 'Three'] },
    { name: 'Crash B', tracks: ['Four', 'Five'] },
    { name: 'Crash C', tracks: ['Six'] },
  ]);
  const users = [];
  for (let i = 0; i < 12; i++) {
    const profile = { country: ['SE', 'DE', 'BR'][i % 3]!, birth_year: 1960 + i * 4, gender: i % 2 ? 'male' : 'female' };
    users.push({ ...profile, id: (await createUser(deps, profile)).id });
  }
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const base = Date.UTC(2026, 10, 20, 22);
  for (let b = 0; b < batches; b++) {
    const user = users[b % users.length]!;
    const rows = Array.from({ length: perBatch }, (_, i) => {
      const track = tracks[Math.floor(rand() * tracks.length)]!;
      const listenedAt = new Date(base + (b * perBatch + i) * 7_000);
      return listenRow({
        user_id: user.id,
        track_id: track.id,
        artist_id: track.artist_id,
        listened_at: listenedAt,
        ms_played: Math.floor(rand() * 90_000),
        context_type: rand() < 0.3 ? 'collaborative_playlist' : 'library',
        context_id: rand() < 0.3 ? `pl-${Math.floor(rand() * 3)}` : null,
        platform: 'ios',
        country: user.country,
        age_bracket: ageBracket(user.birth_year, listenedAt),
        gender: user.gender,
      });
    });
    const batchId = uuidv7();
    await listeningQueries.insertBatch(deps.db, { id: batchId, user_id: user.id, source: 'native' }, rows, {
      hourBudgetMs: deps.config.listenBudgetPerHourSeconds * 1000,
    });
    await deps.jobs.enqueue(aggregateBatchJob, { batchId });
  }
}

t.test('a worker killed with SIGKILL mid-way, then restarted: every count exact', async (t) => {
  const { deps, schema } = await createTestRuntime(t);
  await seedBatches(deps, 240, 250);
  t.equal((await counts(deps.db)).pending, 240);

  const first = startWorkerProcess(schema, { CHORUS_INGEST_CONCURRENCY: '4' });
  t.teardown(() => first.kill('SIGKILL'));
  await until(async () => (await counts(deps.db)).applied >= 40, 60_000, 'the first worker to apply some batches');
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  const halfway = await counts(deps.db);
  t.ok(halfway.pending > 0, `killed with ${halfway.pending} batches still pending`);

  // What the dead worker had in flight stays locked in BullMQ until its lock expires; the restarted worker
  // (and, for a batch whose job was lost, the sweeper) finishes the rest.
  const second = startWorkerProcess(schema, { CHORUS_SWEEP_AFTER_MS: '1000', CHORUS_SWEEP_EVERY_MS: '500' });
  t.teardown(() => second.kill('SIGKILL'));
  await until(async () => (await counts(deps.db)).pending === 0, 90_000, 'every batch to be applied');
  second.kill('SIGTERM');
  await new Promise((r) => second.once('exit', r));

  const expected = await truthFromRaw(deps.db);
  const stored = await storedRollups(deps.db);
  for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
    t.same(sorted(stored[key] as Map<string, unknown>), sorted(expected[key] as Map<string, unknown>), `${key} exact after the crash`);
  }
});

t.test('a lost queue (Redis flushed): the sweeper restores every batch and counts stay exact', async (t) => {
  const { deps, schema } = await createTestRuntime(t);
  await seedBatches(deps, 30, 100);
  // Lose every queued job, as a flushed or replaced Redis would.
  const keys = await deps.redis!.keys(`${schema}:*`);
  if (keys.length) await deps.redis!.del(...keys);
  t.equal((await deps.jobs.counts('ingest')).waiting ?? 0, 0, 'the queue is empty');

  const worker = startWorkerProcess(schema, { CHORUS_SWEEP_AFTER_MS: '0', CHORUS_SWEEP_EVERY_MS: '300' });
  t.teardown(() => worker.kill('SIGKILL'));
  await until(async () => (await counts(deps.db)).pending === 0, 60_000, 'the sweeper to restore every batch');
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));

  const expected = await truthFromRaw(deps.db);
  const stored = await storedRollups(deps.db);
  t.same(sorted(stored.artistDaily), sorted(expected.artistDaily), 'artist days exact');
  t.same(sorted(stored.artistListeners), sorted(expected.artistListeners), 'listener sets exact');
  t.same(sorted(stored.breakdown), sorted(expected.breakdown), 'breakdowns exact');
});
