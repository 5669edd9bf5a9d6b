import { identityService } from '@chorus/identity';
import { createTestApp, createUser, type Teardown } from '@chorus/service-kit/testing';
import { createCatalog } from '@chorus/test-kit';
import { drained, startTestWorkers } from '@chorus/workers/testing';
import t from 'tap';
import { listeningService } from '../src/index.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

async function setup(t: Teardown) {
  const ctx = await createTestApp(t, [identityService, listeningService], { env });
  const user = await createUser(ctx.deps, { display_name: 'scrobbler-fan' });
  const created = await ctx.app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'my scrobbler' } });
  const { token, id } = created.json() as { token: string; id: string };
  return { ...ctx, user, token, tokenId: id, lb: { authorization: `Token ${token}`, 'content-type': 'application/json' } };
}

const now = () => Math.floor(Date.now() / 1000);
const listen = (at: number, extra: Record<string, unknown> = {}) => ({
  listened_at: at,
  track_metadata: { artist_name: 'Sigur Rós', track_name: 'Hoppípolla', additional_info: { submission_client: 'test-scrobbler', ...extra } },
});

t.test('a ListenBrainz client submits, validates its token and sets playing now', async (t) => {
  const { app, deps, lb, user } = await setup(t);
  await startTestWorkers(t, deps);
  const [track] = await createCatalog(deps.db, [{ name: 'Sigur Rós', tracks: ['Hoppípolla'] }]);

  const { handle } = await deps.db.selectFrom('users').select('handle').where('id', '=', user.id).executeTakeFirstOrThrow();
  const valid = await app.inject({ url: '/1/validate-token', headers: { authorization: lb.authorization } });
  t.same(valid.json(), { code: 200, message: 'Token valid.', valid: true, user_name: handle }, 'user_name is the handle, not the display name');
  const invalid = await app.inject({ url: '/1/validate-token?token=chorus_pat_nope' });
  t.match(invalid.json(), { code: 200, valid: false });

  const at = now() - 600;
  const single = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: { listen_type: 'single', payload: [listen(at)] } });
  t.same(single.json(), { status: 'ok' });
  const dup = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: { listen_type: 'single', payload: [listen(at)] } });
  t.same(dup.json(), { status: 'ok' }, 'a duplicate is accepted, as ListenBrainz does, and stored once');

  const imported = Array.from({ length: 1000 }, (_, i) => listen(at - 3600 - i * 300));
  const imp = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: { listen_type: 'import', payload: imported } });
  t.equal(imp.statusCode, 200, imp.body);
  await drained(deps.db);
  const stored = await deps.db
    .selectFrom('listens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow();
  t.equal(Number(stored.n), 1001);
  const streams = await deps.db
    .selectFrom('track_daily')
    .select((eb) => eb.fn.sum<number>('streams').as('s'))
    .where('track_id', '=', track!.id)
    .executeTakeFirstOrThrow();
  t.equal(Number(streams.s), 1001, 'every ListenBrainz listen counts as a stream');

  const np = await app.inject({
    method: 'POST',
    url: '/1/submit-listens',
    headers: lb,
    payload: { listen_type: 'playing_now', payload: [{ track_metadata: { artist_name: 'Sigur Rós', track_name: 'Hoppípolla' } }] },
  });
  t.same(np.json(), { status: 'ok' });
  const playing = await app.inject({ url: '/v1/me/now-playing', headers: user.auth });
  t.equal(playing.statusCode, 200);
  t.match(playing.json(), { track: { id: track!.id }, track_name: 'Hoppípolla' });
  const left = Date.parse(playing.json().expires_at) - Date.now();
  t.ok(left > 190_000 && left <= 200_000, `expires after the track's length (${left} ms)`);
});

t.test('ListenBrainz rules and response shapes at the route', async (t) => {
  const { app, deps, lb, user, tokenId } = await setup(t);
  const at = now() - 60;
  // A body that depends on the server's clock is built when sent, early in a second, so the server reads the same
  // second: the exact boundary is the rules' test (a fixed clock); here it shows that the route passes its clock.
  const cases: Array<[string, unknown, number]> = [
    ['two listens in single', { listen_type: 'single', payload: [listen(at), listen(at - 1)] }, 400],
    ['playing_now with a time', { listen_type: 'playing_now', payload: [listen(at)] }, 400],
    ['unknown listen_type', { listen_type: 'scrobble', payload: [listen(at)] }, 400],
    ['empty import', { listen_type: 'import', payload: [] }, 400],
    ['1,001 imports', { listen_type: 'import', payload: Array.from({ length: 1001 }, (_, i) => listen(at - i)) }, 400],
    ['before 2002-10-01', { listen_type: 'single', payload: [listen(1033430399)] }, 400],
    ['over an hour ahead', () => ({ listen_type: 'single', payload: [listen(now() + 3700)] }), 400],
    ['float time (truncated, as int() does)', { listen_type: 'single', payload: [listen(at + 0.5)] }, 200],
    ['exactly an hour ahead', () => ({ listen_type: 'single', payload: [listen(now() + 3600)] }), 400],
    [
      'null release_name',
      { listen_type: 'single', payload: [{ listened_at: at, track_metadata: { artist_name: 'a', track_name: 'b', release_name: null } }] },
      400,
    ],
    [
      '513-character track_name',
      { listen_type: 'single', payload: [{ listened_at: at, track_metadata: { artist_name: 'a', track_name: 'b'.repeat(513) } }] },
      400,
    ],
    ['extra top-level key in listen', { listen_type: 'single', payload: [{ ...listen(at), rating: 5 }] }, 400],
    ['blank artist', { listen_type: 'single', payload: [{ listened_at: at, track_metadata: { artist_name: '  ', track_name: 'x' } }] }, 400],
    ['51 tags', { listen_type: 'single', payload: [listen(at, { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })] }, 400],
    ['65-char tag', { listen_type: 'single', payload: [listen(at, { tags: ['x'.repeat(65)] })] }, 400],
    ['both durations', { listen_type: 'single', payload: [listen(at, { duration: 100, duration_ms: 100000 })] }, 400],
    ['duration too long', { listen_type: 'single', payload: [listen(at, { duration: 2_073_601 })] }, 400],
    ['bad mbid', { listen_type: 'single', payload: [listen(at, { recording_mbid: 'not-a-uuid' })] }, 400],
    ['U+0000', { listen_type: 'single', payload: [{ listened_at: at, track_metadata: { artist_name: 'a\u0000b', track_name: 'x' } }] }, 400],
    ['empty mbid dropped, accepted', { listen_type: 'single', payload: [listen(at, { recording_mbid: '' })] }, 200],
    ['max duration accepted', { listen_type: 'single', payload: [listen(at - 5, { duration: 2_073_600 })] }, 200],
  ];
  for (const [name, body, status] of cases) {
    if (typeof body === 'function') while (Date.now() % 1000 > 200) await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000)));
    const sent = typeof body === 'function' ? (body as () => unknown)() : body;
    const res = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: JSON.stringify(sent) });
    t.equal(res.statusCode, status, name);
    if (status !== 200) {
      t.equal(res.json().code, status, `${name}: {code}`);
      t.type(res.json().error, 'string', `${name}: {error}`);
    }
  }
  const nan = await app.inject({
    method: 'POST',
    url: '/1/submit-listens',
    headers: lb,
    payload: `{"listen_type":"single","payload":[{"listened_at":NaN,"track_metadata":{"artist_name":"a","track_name":"b"}}]}`,
  });
  t.equal(nan.statusCode, 400, 'NaN is not JSON');
  const huge = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: 'x'.repeat(10_240_002) });
  t.equal(huge.statusCode, 400, 'a body over 10,240,000 bytes');
  t.match(huge.json().error, /Payload too large/);

  const noHeader = await app.inject({ method: 'POST', url: '/1/submit-listens', payload: { listen_type: 'single', payload: [listen(at)] } });
  t.same(noHeader.json(), { code: 401, error: 'You need to provide an Authorization header.' });
  const bad = await app.inject({
    method: 'POST',
    url: '/1/submit-listens',
    headers: { authorization: 'Token chorus_pat_nothing' },
    payload: { listen_type: 'single', payload: [listen(at)] },
  });
  t.same(bad.json(), { code: 401, error: 'Invalid authorization token.' });

  // A token made only to read may not submit (its scopes are checked before the body is read).
  const readOnly = await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'reader', scopes: ['listens:read'] } });
  const readOnlyToken = readOnly.json().token as string;
  const unscoped = await app.inject({
    method: 'POST',
    url: '/1/submit-listens',
    headers: { ...lb, authorization: `Token ${readOnlyToken}` },
    payload: { listen_type: 'single', payload: [listen(at - 3)] },
  });
  t.equal(unscoped.statusCode, 403, 'a token without listens:write may not submit');
  t.same(unscoped.json(), { code: 403, error: 'This token may not do this: it lacks the scope listens:write.' });
  const reads = await app.inject({ url: '/v1/me/listens', headers: { authorization: `Token ${readOnlyToken}` } });
  t.equal(reads.statusCode, 200, "the same token reads the listener's history on /v1");

  const revoke = await app.inject({ method: 'DELETE', url: `/v1/me/tokens/${tokenId}`, headers: user.auth });
  t.equal(revoke.statusCode, 204);
  const revoked = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: { listen_type: 'single', payload: [listen(at - 7)] } });
  t.equal(revoked.statusCode, 401, 'a revoked token is refused');

  const stored = await deps.db
    .selectFrom('listens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  t.equal(Number(stored.n), 2, 'only the two accepted listens were stored');
});

t.test('nobody submits listens for someone else', async (t) => {
  const { app, deps } = await setup(t);
  const [track] = await createCatalog(deps.db, [{ name: 'Owner', tracks: ['Mine'] }]);
  const alice = await createUser(deps);
  const bob = await createUser(deps);
  // The listener is always the token's subject: there is no field to name another one.
  const res = await app.inject({
    method: 'POST',
    url: '/v1/listens',
    headers: alice.auth,
    payload: { listens: [{ track_id: track!.id, listened_at: new Date().toISOString(), ms_played: 60_000, platform: 'web', user_id: bob.id }] },
  });
  t.equal(res.statusCode, 400);
  t.match(res.json().errors, [{ pointer: '/listens/0/user_id' }]);
  const anon = await app.inject({ method: 'POST', url: '/v1/listens', payload: { listens: [] } });
  t.equal(anon.statusCode, 401);
});
