import { USER_SCOPE } from '../src/access-tokens.js';
import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@chorus/db';
import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { bearer, claimsOf, identityApp, signupVia } from './helpers.js';

t.test('sign-up answers like log-in, with the new account', async (t) => {
  const { app } = await identityApp(t);
  const res = await signupVia(app, { email: `Grace-${randomUUID()}@Example.test`, display_name: 'Grace Hopper', handle: `grace-${randomUUID().slice(0, 6)}` });
  t.equal(res.statusCode, 201, res.body);
  t.equal(res.headers['cache-control'], 'no-store');
  const body = res.json();
  t.match(body, { token_type: 'Bearer', expires_in: 900, scope: USER_SCOPE, access_token: String, refresh_token: String });
  t.match(body.user, { display_name: 'Grace Hopper', handle: /^grace-/, listens_public: false, roles: [] });
  t.equal(claimsOf(body.access_token).sub, body.user.id);
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(body.access_token) });
  t.equal(me.statusCode, 200);
  t.same(me.json(), body.user);
  const refreshed = await app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refresh_token: body.refresh_token } });
  t.equal(refreshed.statusCode, 200, 'the refresh token works');
});

t.test('handles: chosen or derived, unique, URL-safe', async (t) => {
  const { app } = await identityApp(t);
  const chosen = `ada-${randomUUID().slice(0, 8)}`;
  const first = await signupVia(app, { handle: chosen, display_name: 'Ada' });
  t.equal(first.json().user.handle, chosen);
  const taken = await signupVia(app, { handle: chosen });
  t.equal(taken.statusCode, 409);
  t.equal(taken.json().code, 'handle_taken');

  for (const handle of ['Ada', 'a', '-ada', 'ada lovelace', 'ådå', 'x'.repeat(33), 'ada/../x']) {
    const res = await signupVia(app, { handle });
    t.equal(res.statusCode, 400, handle);
    t.equal(res.json().code, 'validation_failed', handle);
  }

  const name = `Zoë Q. ${randomUUID().slice(0, 4)}`;
  const derived = await signupVia(app, { display_name: name });
  const stem = derived.json().user.handle as string;
  t.match(stem, /^zoe-q-[a-f0-9]{4}$/, 'derived from the display name, accents folded');
  const twin = await signupVia(app, { display_name: name });
  t.equal(twin.statusCode, 201);
  t.match(twin.json().user.handle, new RegExp(`^${stem}-[a-z0-9]{4,}$`), 'a collision gets a short random suffix');
  const blank = await signupVia(app, { display_name: '李' });
  t.equal(blank.statusCode, 201);
  t.match(blank.json().user.handle, /^[a-z0-9][a-z0-9_-]{1,31}$/, 'a name with nothing usable still gets a valid handle');
});

t.test('public profiles', async (t) => {
  const { app, deps } = await identityApp(t);
  const owner = (await signupVia(app, { display_name: 'Playlist Owner' })).json().user;
  const other = await createUser(deps);
  const now = new Date();
  const playlist = (owner_id: string, name: string, visibility: 'public' | 'private', item_count = 0) => ({
    id: uuidv7(),
    owner_id,
    name,
    description: null,
    visibility,
    collaborative: false,
    item_count,
    created_at: now,
    updated_at: now,
  });
  const shown = playlist(owner.id, 'Shown', 'public', 3);
  await deps.db
    .insertInto('playlists')
    .values([shown, playlist(owner.id, 'Hidden', 'private'), playlist(other.id, 'Someone else’s', 'public')])
    .execute();

  const res = await app.inject({ method: 'GET', url: `/v1/users/${owner.handle}` });
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json(), {
    handle: owner.handle,
    display_name: 'Playlist Owner',
    listens_public: false,
    playlists: [{ id: shown.id, name: 'Shown', item_count: 3 }],
  });
  t.notMatch(res.body, /email|country|birth_year|gender|roles/, 'nothing private');
  const missing = await app.inject({ method: 'GET', url: '/v1/users/nobody-here-at-all' });
  t.equal(missing.statusCode, 404);
  t.equal((await app.inject({ method: 'GET', url: '/v1/users/NOT%20A%20HANDLE' })).statusCode, 400);
});

t.test('PATCH /v1/me', async (t) => {
  const { app, deps } = await identityApp(t);
  const user = await createUser(deps);
  const patch = (payload: unknown, headers = user.auth) => app.inject({ method: 'PATCH', url: '/v1/me', headers, payload: payload as object });
  const handle = `new-${randomUUID().slice(0, 8)}`;
  const res = await patch({ display_name: '  New Name ', handle, country: 'JP', birth_year: 1985, gender: 'other', listens_public: true });
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { id: user.id, display_name: 'New Name', handle, country: 'JP', birth_year: 1985, gender: 'other', listens_public: true });
  const cleared = await patch({ birth_year: null, gender: null });
  t.match(cleared.json(), { birth_year: null, gender: null, handle, country: 'JP' }, 'null clears; other fields stay');
  t.equal((await app.inject({ method: 'GET', url: `/v1/users/${handle}` })).json().listens_public, true);

  const rival = await createUser(deps);
  const taken = await patch({ handle }, rival.auth);
  t.equal(taken.statusCode, 409);
  t.equal(taken.json().code, 'handle_taken');
  t.equal((await patch({ handle })).statusCode, 200, 'keeping one’s own handle is fine');

  for (const [name, payload] of Object.entries({
    empty: {},
    country: { country: 'ZZ' },
    future: { birth_year: new Date().getUTCFullYear() + 1 },
    blank: { display_name: '  ' },
    handle: { handle: 'Bad Handle' },
    unknown: { email: 'x@example.test' },
    roles: { roles: ['platform_admin'] },
  })) {
    const bad = await patch(payload);
    t.equal(bad.statusCode, 400, name);
  }
  t.equal((await app.inject({ method: 'PATCH', url: '/v1/me', payload: { display_name: 'x' } })).statusCode, 401);
  const row = await deps.db.selectFrom('users').select(['roles', 'email']).where('id', '=', user.id).executeTakeFirstOrThrow();
  t.same(row, { roles: [], email: user.email });
});
