import { ingestListens } from '@chorus/listening';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createArtist } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { StatsCache } from '../src/stats.cache.js';
import { drained, startTestWorkers, teamMember } from './support.js';

t.test('cached statistics are dropped the moment the artist’s rollups change', async (t) => {
  // A long time-to-live: only the workers' announcement can make the second answer fresh.
  const { app, deps } = await createTestApp(t, [analyticsService], { env: { CHORUS_RATE_LIMITS: 'off', CHORUS_STATS_CACHE_TTL_MS: '600000' } });
  await startTestWorkers(t, deps);
  const { id: artistId, tracks } = await createArtist(deps.db, 'Cached', ['One']);
  const member = await teamMember(deps, artistId, 'reader');
  const fan = await createUser(deps);
  const listen = (i: number) => ({
    track_id: tracks[0]!.id,
    listened_at: new Date(Date.now() - (i + 1) * 60_000),
    ms_played: 60_000,
    context_type: 'library' as const,
    platform: 'web' as const,
  });
  const streams = async () => (await app.inject({ url: `/v1/artists/${artistId}/stats?range=7d`, headers: member.auth })).json().streams.value;

  await ingestListens(deps, fan.id, [listen(0), listen(1)], 'native');
  await drained(deps.db);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(await streams(), 2);
  t.equal(await streams(), 2, 'served again (from the cache)');

  await ingestListens(deps, fan.id, [listen(2), listen(3), listen(4)], 'native');
  await drained(deps.db);
  const started = Date.now();
  let seen = await streams();
  while (Date.now() - started < 5000 && seen !== 5) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await streams();
  }
  t.equal(seen, 5, `fresh within ${Date.now() - started} ms of aggregation, long before the time-to-live`);
  const counted = await deps.metrics.registry.getSingleMetricAsString('chorus_cache_lookups_total');
  t.match(counted, /chorus_cache_lookups_total\{cache="stats",outcome="hit"\} [1-9]/, 'hits are counted in /metrics');
  t.match(counted, /chorus_cache_lookups_total\{cache="stats",outcome="miss"\} [1-9]/, 'and misses');

  const outsider = await createUser(deps);
  const refused = await app.inject({ url: `/v1/artists/${artistId}/stats?range=7d`, headers: outsider.auth });
  t.equal(refused.statusCode, 404, 'a cached answer is never served to someone who may not see it');
});

t.test('concurrent misses share one computation; failures and answers overtaken by a change are not kept', async (t) => {
  const cache = new StatsCache(60_000);
  let computed = 0;
  const gate = () => {
    let open!: (v: string) => void;
    let fail!: (e: Error) => void;
    const promise = new Promise<string>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    return { promise, open, fail };
  };

  const first = gate();
  const waiting = Array.from({ length: 20 }, () =>
    cache.answer('a', 'k', () => {
      computed++;
      return first.promise;
    }),
  );
  first.open('one');
  t.strictSame(await Promise.all(waiting), Array(20).fill('one'), 'twenty requests, one answer');
  t.equal(computed, 1, 'computed once');
  t.equal(await cache.answer('a', 'k', async () => 'never'), 'one', 'then served from the cache');

  const failing = gate();
  const failed = Array.from({ length: 3 }, () => cache.answer('b', 'k2', () => failing.promise).catch((e: Error) => e.message));
  failing.fail(new Error('database gone'));
  t.strictSame(await Promise.all(failed), Array(3).fill('database gone'), 'the waiters share the failure');
  t.equal(await cache.answer('b', 'k2', async () => 'recovered'), 'recovered', 'a failure is not kept');

  const slow = gate();
  const before = cache.answer('c', 'k3', () => slow.promise);
  cache.invalidate(['c']);
  const after = cache.answer('c', 'k3', async () => 'fresh');
  slow.open('stale');
  t.equal(await before, 'stale', 'a request made before the change gets the answer it waited for');
  t.equal(await after, 'fresh', 'a request made after the change does not share it');
  t.equal(await cache.answer('c', 'k3', async () => 'newer'), 'fresh', 'and the stale answer was not stored over the fresh one');
});

t.test('answerChecked: a stored or shared answer only after the access check, a new one checked by its own read', async (t) => {
  const cache = new StatsCache(60_000);
  const checks: string[] = [];
  const access = (callerId: string, allowed = true) => ({
    callerId,
    subjectId: 'a',
    check: async () => {
      checks.push(callerId);
      if (!allowed) throw new Error(`${callerId} may not read`);
    },
  });
  let computed = 0;
  const compute = async () => `answer ${++computed}`;

  t.equal(await cache.answerChecked(access('member'), 'a', 'k', compute), 'answer 1', 'a miss computes');
  t.strictSame(checks, [], 'with no separate check: the read checks access itself');
  t.equal(await cache.answerChecked(access('member'), 'a', 'k', compute), 'answer 1', 'then a hit');
  t.strictSame(checks, [], 'the caller a computation answered is remembered as allowed');

  await t.rejects(
    cache.answerChecked(access('stranger', false), 'a', 'k', compute),
    /stranger may not read/,
    'a stored answer is not handed to a caller who fails the check',
  );
  t.equal(await cache.answerChecked(access('admin'), 'a', 'k', compute), 'answer 1', 'and is to one who passes it');
  t.strictSame(checks, ['stranger', 'admin'], 'each checked once');

  // A computation in flight is shared only after the check, too.
  let open!: (v: string) => void;
  const slow = cache.answerChecked(access('member'), 'a', 'k2', () => new Promise<string>((resolve) => (open = resolve)));
  const refused = cache.answerChecked(access('intruder', false), 'a', 'k2', compute);
  open('slow answer');
  t.equal(await slow, 'slow answer');
  await t.rejects(refused, /intruder may not read/, 'no share of a computation in flight without the check');

  // A read that refuses (its own check failed) leaves nothing remembered.
  const denied = async () => {
    throw new Error('not found');
  };
  await t.rejects(cache.answerChecked(access('outsider'), 'a', 'k3', denied), /not found/);
  await t.rejects(
    cache.answerChecked(access('outsider', false), 'a', 'k', compute),
    /outsider may not read/,
    'a refused read does not pass the check for later',
  );

  const off = new StatsCache(0);
  checks.length = 0;
  computed = 0;
  t.equal(await off.answerChecked(access('member'), 'a', 'k', compute), 'answer 1');
  t.equal(await off.answerChecked(access('member'), 'a', 'k', compute), 'answer 2', 'with the cache off every request computes');
  t.strictSame(checks, [], 'and checks access only in its read: one statement per request');
});
