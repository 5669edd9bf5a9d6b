import t, { type Test } from 'tap';
import { appPolicies, type CounterStore, loadConfig, MemoryCounters, RedisCounters, routeGroup } from '../src/index.js';
import { createTestRuntime } from '../src/testing.js';

async function checkStore(t: Test, store: CounterStore, prefix: string) {
  const now = Date.UTC(2026, 11, 5, 12, 0, 0);
  const checks = [
    { key: `${prefix}:a`, max: 2, windowMs: 60_000 },
    { key: `${prefix}:b`, max: 3, windowMs: 86_400_000 },
  ];
  t.same(await store.hit(checks, now), { counts: [1, 1], blocked: false });
  t.same(await store.hit(checks, now + 1), { counts: [2, 2], blocked: false });
  t.same(await store.hit(checks, now + 2), { counts: [2, 2], blocked: true }, 'refused: nothing counted');
  t.same(await store.hit([checks[1]!], now + 3), { counts: [3], blocked: false }, 'the other counter had room left');
}

t.test('counters: checked together, counted only when every one has room', async (t) => {
  await t.test('in memory', (t) => checkStore(t, new MemoryCounters(), 'm'));
  await t.test('in Redis', async (t) => {
    const { deps, schema } = await createTestRuntime(t);
    await checkStore(t, new RedisCounters(deps.redis!), `${schema}:al`);
    t.ok((await deps.redis!.pttl(`${schema}:al:a`)) > 0, 'keys expire');
  });
  await t.test('in memory, a window ends', async (t) => {
    const store = new MemoryCounters();
    const check = [{ key: 'w', max: 1, windowMs: 1000 }];
    t.equal((await store.hit(check, 10_000)).blocked, false);
    t.equal((await store.hit(check, 10_999)).blocked, true);
    t.equal((await store.hit(check, 11_000)).blocked, false, 'the next window');
  });
});

t.test('route groups: the first segment after /v1', async (t) => {
  t.equal(routeGroup('/v1/listens'), 'listens');
  t.equal(routeGroup('/v1/playlists/:id/items'), 'playlists');
  t.equal(routeGroup('/1/submit-listens'), 'listenbrainz');
  t.equal(routeGroup('/v1/:id'), 'other');
  t.equal(routeGroup(undefined), 'other', 'unmatched paths do not make up groups');
  t.equal(routeGroup('/healthz'), 'other');
});

t.test('configuration: app tiers', async (t) => {
  const defaults = loadConfig({}).rateLimits.apps;
  t.same(defaults, {
    development: { max: 60, windowMs: 60_000 },
    developmentQuota: { max: 600, windowMs: 86_400_000 },
    production: { max: 6000, windowMs: 60_000 },
    productionQuota: null,
    perUser: { max: 600, windowMs: 60_000 },
  });
  t.equal(loadConfig({}).partners.clientSecretOverlapSeconds, 86_400);
  const set = loadConfig({ CHORUS_APP_QUOTA_DEV: 'off', CHORUS_APP_QUOTA_PROD: '100000/86400s', CHORUS_APP_RATE_LIMIT_DEV: '10/1s' }).rateLimits.apps;
  t.equal(set.developmentQuota, null);
  t.same(set.productionQuota, { max: 100_000, windowMs: 86_400_000 });
  t.same(
    appPolicies(set, 'production', false).map((p) => p.name),
    ['app', 'app-quota'],
  );
  t.throws(() => loadConfig({ CHORUS_APP_RATE_LIMIT_PROD: '10/0s' }), /at least 1s/);
  t.throws(() => loadConfig({ CHORUS_APP_RATE_LIMIT_PER_USER: 'lots' }), /600\/60s/);
  t.throws(() => loadConfig({ CHORUS_CLIENT_SECRET_OVERLAP_SECONDS: '-1' }));
});
