import { addDays } from '@chorus/insights';
import { ingestListens } from '@chorus/listening';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createArtist } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';

t.test('GET /v1/insights/product/integrity: refused listens by day, reason and API, for analysts only', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env: { CHORUS_RATE_LIMITS: 'off' } });
  const { tracks } = await createArtist(deps.db, 'Inflated', ['Loop']);
  const fraud = await createUser(deps);
  const hour = Date.UTC(2026, 0, 15, 10);
  // 3 hours of 3-minute plays claimed inside one hour, backdated: 28 fit the hour's 5,100 s, 32 do not.
  const listens = Array.from({ length: 60 }, (_, i) => ({
    track_id: tracks[0]!.id,
    listened_at: new Date(hour + i * 60_000),
    ms_played: 180_000,
    context_type: 'library' as const,
    platform: 'web' as const,
  }));
  const result = await ingestListens(deps, fraud.id, listens, 'native');
  t.match(result, { accepted: 28, refused: 32 });
  const today = new Date().toISOString().slice(0, 10);
  // An earlier refusal, in the previous period of range=7d.
  await deps.db
    .insertInto('ingest_refusals_daily')
    .values({ day: addDays(today, -9), reason: 'over_real_time', source: 'listenbrainz', listens: 8, batches: 2 })
    .execute();

  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const res = await app.inject({ url: '/v1/insights/product/integrity?range=7d', headers: analyst.auth });
  t.equal(res.statusCode, 200, res.body);
  const body = res.json();
  t.match(body, { range: '7d', to: today, days: 7, from: addDays(today, -6) });
  t.same(body.refused_listens, { value: 32, previous: 8, change: 3 });
  t.same(body.refused_batches, { value: 1, previous: 2, change: -0.5 });
  t.same(body.reasons, [{ reason: 'over_real_time', listens: 32, previous_listens: 8 }]);
  t.same(body.sources, [
    { source: 'native', listens: 32, previous_listens: 0 },
    { source: 'listenbrainz', listens: 0, previous_listens: 8 },
  ]);
  t.equal(body.daily.length, 7);
  t.same(body.daily.at(-1), { day: today, refused_listens: 32, refused_batches: 1 }, 'counted on the day of the refusal, not the day claimed');
  t.ok(
    body.daily.slice(0, -1).every((d: { refused_listens: number }) => d.refused_listens === 0),
    'zero-filled',
  );

  const all = (await app.inject({ url: '/v1/insights/product/integrity?range=all', headers: analyst.auth })).json();
  t.match(all, { from: addDays(today, -9), refused_listens: { value: 40 } }, 'range=all starts at the first refusal');
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  t.equal((await app.inject({ url: '/v1/insights/product/integrity', headers: admin.auth })).statusCode, 200, 'platform admins too');
  t.equal((await app.inject({ url: '/v1/insights/product/integrity', headers: fraud.auth })).statusCode, 403, 'a listener is told 403');
  t.equal((await app.inject({ url: '/v1/insights/product/integrity' })).statusCode, 401);
  t.equal((await app.inject({ url: '/v1/insights/product/integrity?range=2y', headers: analyst.auth })).statusCode, 400);
});
