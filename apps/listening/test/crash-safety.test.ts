import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Db } from '@chorus/db';
import { ingestListens, type IncomingListen } from '../src/index.js';
import { createTestRuntime, createUser, TEST_DATABASE_URL, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import t from 'tap';
import { createCatalog, groundTruth, sorted, storedRollups, type TruthEvent } from './support.js';

// The workers' own entry point, run as a separate process so it can be killed for real.
const SERVER = fileURLToPath(new URL('../../workers/src/server.ts', import.meta.url));

/** Starts the workers as a separate process on the test's schema and namespace. */
function startWorkerProcess(schema: string, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--conditions=development', '--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      CHORUS_DATABASE_URL: TEST_DATABASE_URL,
      CHORUS_REDIS_URL: TEST_REDIS_URL,
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
    SELECT (count(*) FILTER (WHERE status = 'pending'))::int AS pending, (count(*) FILTER (WHERE status = 'applied'))::int AS applied FROM ingest_batches`.execute(db);
  return rows[0]!;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Ground truth from the raw events as stored, computed in JavaScript. */
async function truthFromRaw(db: Db) {
  const rows = await db.selectFrom('listens').selectAll().where('track_id', 'is not', null).execute();
  const events: TruthEvent[] = rows.map((r) => ({
    user_id: r.user_id,
    track_id: r.track_id!,
    artist_id: r.artist_id!,
    listened_at: r.listened_at,
    ms_played: r.ms_played,
    country: r.country,
    age_bracket: r.age_bracket,
    gender: r.gender,
    context_type: r.context_type,
    context_id: r.context_id,
    platform: r.platform,
  }));
  return groundTruth(events);
}

async function seedBatches(deps: Awaited<ReturnType<typeof createTestRuntime>>['deps'], batches: number, perBatch: number) {
  const tracks = await createCatalog(deps.db, [
    { name: 'Crash A', tracks: ['One', 'Two', 'Three'] },
    { name: 'Crash B', tracks: ['Four', 'Five'] },
    { name: 'Crash C', tracks: ['Six'] },
  ]);
  const users = [];
  for (let i = 0; i < 12; i++) users.push(await createUser(deps, { country: ['SE', 'DE', 'BR'][i % 3]!, birth_year: 1960 + i * 4, gender: i % 2 ? 'male' : 'female' }));
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const base = Date.UTC(2026, 10, 20, 22);
  for (let b = 0; b < batches; b++) {
    const user = users[b % users.length]!;
    const listens: IncomingListen[] = Array.from({ length: perBatch }, (_, i) => ({
      track_id: tracks[Math.floor(rand() * tracks.length)]!.id,
      listened_at: new Date(base + (b * perBatch + i) * 7_000),
      ms_played: Math.floor(rand() * 90_000),
      context_type: rand() < 0.3 ? 'collaborative_playlist' : 'library',
      context_id: rand() < 0.3 ? `pl-${Math.floor(rand() * 3)}` : null,
      platform: 'ios',
    }));
    await ingestListens(deps, user.id, listens, 'native');
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
