import { checkRouteRefusesBadInput, createTestApp, createUser } from '@chorus/service-kit/testing';
import { createCatalog } from '@chorus/test-kit';
import { sql } from 'kysely';
import t from 'tap';
import { listeningService } from '../src/index.js';

t.test('every listening route with a body refuses bad input with a 4xx problem and writes nothing', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env: { CHORUS_RATE_LIMITS: 'off' } });
  const [track] = await createCatalog(deps.db, [{ name: 'Bad Input', tracks: ['Song'] }]);
  const user = await createUser(deps);
  const snapshot = async () => {
    const { rows } = await sql<{ listens: number; batches: number; feedback: number }>`
      SELECT (SELECT count(*) FROM listens)::int AS listens, (SELECT count(*) FROM ingest_batches)::int AS batches,
             (SELECT count(*) FROM listen_feedback)::int AS feedback`.execute(deps.db);
    return rows[0];
  };
  const asserter = t as unknown as Parameters<typeof checkRouteRefusesBadInput>[0];

  await checkRouteRefusesBadInput(asserter, app, {
    method: 'POST',
    url: '/v1/listens',
    headers: user.auth,
    body: { listens: [{ track_id: track!.id, listened_at: '2026-11-26T10:00:00Z', ms_played: 60_000, platform: 'ios' }] },
    required: ['listens'],
    oversize: 2 * 1024 * 1024 + 1024,
    snapshot,
  });
  await checkRouteRefusesBadInput(asserter, app, {
    method: 'PUT',
    url: `/v1/me/feedback/${track!.id}`,
    headers: user.auth,
    body: { score: 1 },
    required: ['score'],
    snapshot,
  });
  await checkRouteRefusesBadInput(asserter, app, {
    method: 'PUT',
    url: '/v1/me/now-playing',
    headers: user.auth,
    body: { track_id: track!.id, position_ms: 1000, platform: 'car', client: 'Dashboard' },
    required: ['platform'],
    snapshot,
  });
  for (const [method, url] of [
    ['GET', '/v1/me/listens'],
    ['GET', '/v1/me/export'],
    ['DELETE', '/v1/me/listens'],
    ['DELETE', '/v1/me'],
    ['GET', '/v1/me/now-playing'],
  ] as const) {
    await checkRouteRefusesBadInput(asserter, app, { method, url, snapshot });
  }
  const badQuery = await app.inject({ url: '/v1/me/listens?limit=1000', headers: user.auth });
  t.equal(badQuery.statusCode, 400, 'limit above 100');
  const badRange = await app.inject({ method: 'DELETE', url: '/v1/me/listens?from=yesterday', headers: user.auth });
  t.equal(badRange.statusCode, 400, 'a range that is not RFC 3339');
  const badId = await app.inject({ method: 'PUT', url: '/v1/me/feedback/not-a-uuid', headers: user.auth, payload: { score: 1 } });
  t.equal(badId.statusCode, 400, 'a track id that is not a UUID');
  t.same(await snapshot(), { listens: 0, batches: 0, feedback: 0 }, 'nothing was written');
});
