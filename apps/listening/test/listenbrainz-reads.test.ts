import { identityService } from '@chorus/identity';
import { createTestApp, createUser, type Teardown } from '@chorus/service-kit/testing';
import { createCatalog } from '@chorus/test-kit';
import t from 'tap';
import { listeningService } from '../src/index.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

async function listener(ctx: Awaited<ReturnType<typeof createTestApp>>, handle: string, listensPublic: boolean) {
  const user = await createUser(ctx.deps);
  await ctx.deps.db.updateTable('users').set({ handle, listens_public: listensPublic }).where('id', '=', user.id).execute();
  const created = await ctx.app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'importer' } });
  const { token } = created.json() as { token: string };
  return { ...user, handle, lb: { authorization: `Token ${token}`, 'content-type': 'application/json' } };
}

const HOUR = 3600;
const base = Math.floor(Date.now() / 1000) - 40 * HOUR;
/** 30 listens, one every 10 minutes, newest last; every third on a named release. */
const times = Array.from({ length: 30 }, (_, i) => base + i * 600);

async function setup(t: Teardown) {
  const ctx = await createTestApp(t, [identityService, listeningService], { env });
  const alice = await listener(ctx, 'alice', true);
  const bob = await listener(ctx, 'bob-private', false);
  const payload = times.map((at, i) => ({
    listened_at: at,
    track_metadata: {
      artist_name: 'Portishead',
      track_name: `Roads ${i % 5}`,
      ...(i % 3 === 0 ? { release_name: 'Dummy' } : {}),
      additional_info: { submission_client: 'Pano Scrobbler', duration_ms: 300_000 },
    },
  }));
  for (const who of [alice, bob]) {
    const res = await ctx.app.inject({ method: 'POST', url: '/1/submit-listens', headers: who.lb, payload: { listen_type: 'import', payload } });
    if (res.statusCode !== 200) throw new Error(`the import failed: ${res.body}`);
  }
  return { ...ctx, alice, bob };
}

interface LbListen {
  listened_at: number;
  inserted_at: number;
  user_name: string;
  recording_msid: string;
  track_metadata: { artist_name: string; track_name: string; release_name?: string; additional_info: Record<string, unknown> };
}

t.test('GET /1/user/{user_name}/listens answers as ListenBrainz does', async (t) => {
  const { app, deps, alice } = await setup(t);
  const res = await app.inject({ url: '/1/user/alice/listens' });
  t.equal(res.statusCode, 200, res.body);
  const { payload } = res.json() as { payload: { count: number; user_id: string; listens: LbListen[]; latest_listen_ts: number; oldest_listen_ts: number } };
  t.same(Object.keys(payload).sort(), ['count', 'latest_listen_ts', 'listens', 'oldest_listen_ts', 'user_id']);
  t.equal(payload.count, 25, 'count defaults to 25');
  t.equal(payload.listens.length, 25);
  t.equal(payload.user_id, 'alice');
  t.equal(payload.latest_listen_ts, times[29]);
  t.equal(payload.oldest_listen_ts, times[0]);
  t.same(
    payload.listens.map((l) => l.listened_at),
    times.slice(5).reverse(),
    'newest first',
  );
  const newest = payload.listens[0]!;
  t.same(Object.keys(newest).sort(), ['inserted_at', 'listened_at', 'recording_msid', 'track_metadata', 'user_name']);
  t.equal(newest.user_name, 'alice');
  t.ok(Math.abs(newest.inserted_at - Date.now() / 1000) < 120, 'inserted_at is when it was stored');
  t.match(newest.track_metadata, {
    artist_name: 'Portishead',
    track_name: 'Roads 4',
    additional_info: { recording_msid: newest.recording_msid, submission_client: 'Pano Scrobbler', duration_ms: 300_000 },
  });
  t.notOk('release_name' in newest.track_metadata, 'no release_name when none was given (listen 29)');
  t.match(payload.listens[2]!.track_metadata, { release_name: 'Dummy' }, 'listen 27 was on Dummy');
  t.match(newest.recording_msid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const sameRecording = payload.listens.filter((l) => l.track_metadata.track_name === 'Roads 4' && !l.track_metadata.release_name);
  t.ok(sameRecording.length > 1 && sameRecording.every((l) => l.recording_msid === newest.recording_msid), 'the same recording keeps its msid');
  t.not(payload.listens[1]!.recording_msid, newest.recording_msid, 'another recording has another');

  // A listen named only by catalog id shows the catalog's names.
  const [track] = await createCatalog(deps.db, [{ name: 'Björk', tracks: ['Jóga'] }]);
  const native = await app.inject({
    method: 'POST',
    url: '/v1/listens',
    headers: alice.auth,
    payload: { listens: [{ track_id: track!.id, listened_at: new Date((times[29]! + 300) * 1000).toISOString(), ms_played: 200_000, platform: 'web' }] },
  });
  t.equal(native.statusCode, 200, native.body);
  const top = (await app.inject({ url: '/1/user/alice/listens?count=1' })).json().payload.listens[0] as LbListen;
  t.match(top.track_metadata, { artist_name: 'Björk', track_name: 'Jóga', release_name: 'Björk LP' });
});

t.test('min_ts, max_ts and count as ListenBrainz reads them', async (t) => {
  const { app } = await setup(t);
  const get = async (query: string) => {
    const res = await app.inject({ url: `/1/user/alice/listens?${query}` });
    return { status: res.statusCode, body: res.json() as { payload: { listens: LbListen[]; count: number } } & { code?: number; error?: string } };
  };
  const at = (query: string) => get(query).then((r) => r.body.payload.listens.map((l) => l.listened_at));

  t.same(await at(`max_ts=${times[10]}`), times.slice(0, 10).reverse(), 'max_ts is exclusive');
  t.same(await at(`max_ts=${times[10]}&count=3`), times.slice(7, 10).reverse());
  t.same(await at(`min_ts=${times[10]}&count=3`), times.slice(11, 14).reverse(), 'min_ts is exclusive; the listens right after it, newest first');
  t.same(await at(`min_ts=${times[20]}`), times.slice(21).reverse());
  t.same(await at(`min_ts=${times[5]}&max_ts=${times[9]}`), times.slice(6, 9).reverse(), 'both bounds, both exclusive');
  t.same(await at(`max_ts=${times[10]! + 1}&count=1`), [times[10]]);
  t.same(await at(`count=0`), []);
  t.equal((await get('count=5000')).body.payload.count, 30, 'count is capped at 1,000, here all 30');
  t.same(await at(`min_ts=0&count=2`), times.slice(28).reverse(), 'min_ts=0 is no bound (Python truthiness)');
  t.same(await at(`max_ts=%20${times[3]}%20&count=1`), [times[2]], 'read with int(): surrounding spaces are fine');

  const refused: Array<[string, string]> = [
    ['count=-1', 'Number of items requested should be positive'],
    ['count=ten', 'Invalid count argument: ten'],
    ['max_ts=1.5', 'Invalid max_ts argument: 1.5'],
    ['min_ts=0x10', 'Invalid min_ts argument: 0x10'],
    [`min_ts=${times[9]}&max_ts=${times[5]}`, 'max_ts should be greater than min_ts'],
    [`min_ts=${times[5]}&max_ts=${times[5]}`, 'min_ts should be less than max_ts'],
  ];
  for (const [query, error] of refused) {
    const res = await get(query);
    t.equal(res.status, 400, query);
    t.same(res.body, { code: 400, error }, query);
  }
  t.equal((await app.inject({ url: `/1/user/alice/listens?count=${'9'.repeat(65)}` })).statusCode, 400, 'an argument is bounded');
});

t.test('private listening stays private: a private listener is answered exactly as an unknown one, except to themself', async (t) => {
  const { app, alice, bob } = await setup(t);
  const paths = (name: string) => [
    `/1/user/${name}/listens`,
    `/1/user/${name}/listen-count`,
    `/1/user/${name}/playing-now`,
    `/1/latest-import?user_name=${name}`,
  ];
  for (const [i, path] of paths('bob-private').entries()) {
    const unknownPath = paths('bob-unknown')[i]!;
    for (const headers of [{}, { authorization: alice.lb.authorization }, alice.auth, { authorization: 'Token chorus_pat_forged' }]) {
      const hidden = await app.inject({ url: path, headers });
      const unknown = await app.inject({ url: unknownPath, headers });
      t.equal(hidden.statusCode, 404, `${path} with ${JSON.stringify(headers).slice(0, 40)}`);
      t.same(hidden.json(), { code: 404, error: 'Cannot find user: bob-private' });
      t.same(unknown.json(), { code: 404, error: 'Cannot find user: bob-unknown' }, 'the same shape as for nobody');
      t.same(
        Object.keys(hidden.headers)
          .filter((h) => h !== 'date' && h !== 'x-request-id' && h !== 'content-length')
          .sort(),
        Object.keys(unknown.headers)
          .filter((h) => h !== 'date' && h !== 'x-request-id' && h !== 'content-length')
          .sort(),
        'and the same headers',
      );
    }
    for (const headers of [{ authorization: bob.lb.authorization }, bob.auth]) {
      const own = await app.inject({ url: path, headers });
      t.equal(own.statusCode, 200, `${path}: bob sees his own (${Object.keys(headers)[0]})`);
      t.equal(own.headers['cache-control'], 'private, no-store', 'and no shared cache keeps it');
    }
  }
  const own = (await app.inject({ url: '/1/user/bob-private/listens?count=2', headers: { authorization: bob.lb.authorization } })).json();
  t.equal(own.payload.listens.length, 2);
  t.equal(own.payload.listens[0].user_name, 'bob-private');
  t.same((await app.inject({ url: '/1/user/bob-private/listen-count', headers: { authorization: bob.lb.authorization } })).json(), { payload: { count: 30 } });

  const publicAnswer = await app.inject({ url: '/1/user/alice/listen-count' });
  t.same(publicAnswer.json(), { payload: { count: 30 } }, 'a public listener is readable by anyone');
  t.equal(publicAnswer.headers['cache-control'], undefined);
  t.equal((await app.inject({ url: '/1/user/ALICE/listen-count' })).statusCode, 200, 'user names are matched regardless of case, as ListenBrainz does');
  t.same((await app.inject({ url: '/1/user/nobody/listen-count' })).json(), { code: 404, error: 'Cannot find user: nobody' });
  t.equal((await app.inject({ url: `/1/user/${'a'.repeat(90)}/listens` })).statusCode, 404, 'an over-long name names nobody');
});

t.test('GET /1/user/{user_name}/playing-now', async (t) => {
  const { app, alice } = await setup(t);
  const empty = await app.inject({ url: '/1/user/alice/playing-now' });
  t.same(empty.json(), { payload: { count: 0, user_id: 'alice', playing_now: true, listens: [] } });
  const np = await app.inject({
    method: 'POST',
    url: '/1/submit-listens',
    headers: alice.lb,
    payload: {
      listen_type: 'playing_now',
      payload: [
        { track_metadata: { artist_name: 'Portishead', track_name: 'Glory Box', release_name: 'Dummy', additional_info: { submission_client: 'Pano' } } },
      ],
    },
  });
  t.equal(np.statusCode, 200);
  const playing = await app.inject({ url: '/1/user/alice/playing-now' });
  t.same(playing.json(), {
    payload: {
      count: 1,
      user_id: 'alice',
      playing_now: true,
      listens: [
        {
          track_metadata: { artist_name: 'Portishead', track_name: 'Glory Box', release_name: 'Dummy', additional_info: { submission_client: 'Pano' } },
          playing_now: true,
        },
      ],
    },
  });
});

t.test('GET and POST /1/latest-import', async (t) => {
  const { app, alice, bob } = await setup(t);
  const get = (query: string, headers = {}) => app.inject({ url: `/1/latest-import?${query}`, headers });
  t.same((await get('user_name=alice')).json(), { musicbrainz_id: 'alice', latest_import: 0 }, '0 before any import');
  const post = (body: string, headers: Record<string, string> = alice.lb) => app.inject({ method: 'POST', url: '/1/latest-import', headers, payload: body });
  t.same((await post('{"ts": 1700000000}')).json(), { status: 'ok' });
  t.same((await get('user_name=alice')).json(), { musicbrainz_id: 'alice', latest_import: 1700000000 });
  t.same((await get('user_name=alice&service=lastfm')).json(), { musicbrainz_id: 'alice', latest_import: 1700000000 }, 'lastfm is the default service');
  await post('{"ts": 1600000000}');
  t.equal((await get('user_name=alice')).json().latest_import, 1700000000, 'the mark never moves back');
  await post('{"ts": "1700000500", "service": "spotify"}');
  t.equal((await get('user_name=alice&service=spotify')).json().latest_import, 1700000500, 'per service; ts read with int()');
  t.equal((await get('user_name=alice')).json().latest_import, 1700000000);
  await post('{"ts": 1700000600.9}');
  t.equal((await get('user_name=Alice')).json().latest_import, 1700000600, 'a float is truncated; the name matched regardless of case');

  t.same((await get('user_name=alice&service=nope')).json(), { code: 404, error: 'Service does not exist: nope' });
  t.same((await get('user_name=nobody')).json(), { code: 404, error: 'Cannot find user: nobody' });
  t.same((await get('')).json(), { code: 404, error: 'Cannot find user: ' });

  for (const bad of ['not json', '[1]', '{"ts": "1.5"}', '{"ts": true}', '{"service": 5}', '{"service": "nope"}', '{"ts": 1e300}']) {
    const res = await post(bad);
    t.equal(res.statusCode, 400, bad);
    t.same(res.json(), { code: 400, error: 'Invalid data sent' }, bad);
  }
  t.same((await post('{"ts": 1}', { 'content-type': 'application/json' })).json(), { code: 401, error: 'You need to provide an Authorization header.' });
  t.same((await post('{"ts": 1}', { 'content-type': 'application/json', authorization: 'Token nope' })).json(), {
    code: 401,
    error: 'Invalid authorization token.',
  });
  const huge = await post(`{"ts": 1, "pad": "${'x'.repeat(8000)}"}`);
  t.same(huge.json(), { code: 400, error: 'Invalid data sent' }, 'a body is bounded');

  await post('{"ts": 1700000000}', bob.lb);
  t.equal((await get('user_name=bob-private')).statusCode, 404, 'a private listener’s imports are private too');
  t.same((await get('user_name=bob-private', { authorization: bob.lb.authorization })).json(), { musicbrainz_id: 'bob-private', latest_import: 1700000000 });
});
