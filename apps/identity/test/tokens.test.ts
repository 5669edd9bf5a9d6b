import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { authenticatePersonalToken } from '../src/index.js';
import { identityApp } from './helpers.js';

t.test('personal API tokens', async (t) => {
  const { app, deps } = await identityApp(t);

  t.test('shown once, listed without the secret, accepted, then refused after delete', async (t) => {
    const user = await createUser(deps, { display_name: 'Scrobbler Sam' });
    const created = await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: '  Phone  ' } });
    t.equal(created.statusCode, 201);
    const body = created.json();
    t.match(body, { name: 'Phone' });
    t.match(body.token, /^chorus_pat_[A-Za-z0-9_-]{43}$/);
    t.equal(body.prefix, body.token.slice(0, 16));

    const stored = await deps.db.selectFrom('personal_tokens').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    t.not(stored.token_hash, body.token);
    t.match(stored.token_hash, /^[0-9a-f]{64}$/, 'stored as SHA-256 hex');

    const list = await app.inject({ method: 'GET', url: '/v1/me/tokens', headers: user.auth });
    t.equal(list.statusCode, 200);
    t.same(list.json(), { items: [{ id: body.id, name: 'Phone', prefix: body.prefix, created_at: body.created_at, last_used_at: null }], next_cursor: null });
    t.notMatch(list.body, body.token.slice(16), 'the secret part never appears again');
    t.notMatch(list.body, stored.token_hash);

    const caller = await authenticatePersonalToken(deps.db, `Token ${body.token}`);
    t.same(caller, { userId: user.id, tokenId: body.id, displayName: 'Scrobbler Sam' });
    const used = await deps.db.selectFrom('personal_tokens').select('last_used_at').where('id', '=', body.id).executeTakeFirstOrThrow();
    t.ok(used.last_used_at, 'last use recorded');
    t.ok((await app.inject({ method: 'GET', url: '/v1/me/tokens', headers: user.auth })).json().items[0].last_used_at);

    // A second use within the minute does not write again.
    await authenticatePersonalToken(deps.db, `token ${body.token}`);
    const again = await deps.db.selectFrom('personal_tokens').select('last_used_at').where('id', '=', body.id).executeTakeFirstOrThrow();
    t.same(again.last_used_at, used.last_used_at, 'last_used_at written at most once a minute');

    const del = await app.inject({ method: 'DELETE', url: `/v1/me/tokens/${body.id}`, headers: user.auth });
    t.equal(del.statusCode, 204);
    t.equal(del.body, '');
    t.equal(await authenticatePersonalToken(deps.db, `Token ${body.token}`), null, 'refused once revoked');
    t.same((await app.inject({ method: 'GET', url: '/v1/me/tokens', headers: user.auth })).json().items, []);
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/me/tokens/${body.id}`, headers: user.auth })).statusCode, 404, 'deleting twice is 404');
  });

  t.test('malformed, unknown and foreign Authorization headers are refused', async (t) => {
    const user = await createUser(deps);
    const { token } = (await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'x' } })).json();
    for (const header of [
      undefined,
      '',
      token,
      `Bearer ${token}`,
      `Token ${token}x`,
      `Token chorus_pat_${'A'.repeat(43)}`,
      'Token ',
      `Token ${token.toUpperCase()}`,
    ]) {
      t.equal(await authenticatePersonalToken(deps.db, header), null, JSON.stringify(header)?.slice(0, 30));
    }
  });

  t.test("another user's token answers 404 and stays usable", async (t) => {
    const owner = await createUser(deps);
    const other = await createUser(deps);
    const { id, token } = (await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: owner.auth, payload: { name: 'mine' } })).json();
    const res = await app.inject({ method: 'DELETE', url: `/v1/me/tokens/${id}`, headers: other.auth });
    t.equal(res.statusCode, 404);
    t.equal(res.json().code, 'not_found');
    const unknown = await app.inject({ method: 'DELETE', url: '/v1/me/tokens/01900000-0000-7000-8000-000000000000', headers: other.auth });
    t.equal(unknown.statusCode, 404);
    t.same((await app.inject({ method: 'GET', url: '/v1/me/tokens', headers: other.auth })).json().items, [], "others' tokens are not listed");
    t.ok(await authenticatePersonalToken(deps.db, `Token ${token}`), 'still works for its owner');
  });

  t.test('at most 50 active tokens, even when created concurrently', async (t) => {
    const user = await createUser(deps);
    const results = await Promise.all(
      Array.from({ length: 55 }, (_, i) => app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: `t${i}` } })),
    );
    const statuses = results.map((r) => r.statusCode);
    t.equal(statuses.filter((s) => s === 201).length, 50);
    t.equal(statuses.filter((s) => s === 409).length, 5);
    t.equal(results.find((r) => r.statusCode === 409)?.json().code, 'too_many_tokens');
    const first = results.find((r) => r.statusCode === 201)!.json();
    t.equal((await app.inject({ method: 'DELETE', url: `/v1/me/tokens/${first.id}`, headers: user.auth })).statusCode, 204);
    t.equal((await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'room again' } })).statusCode, 201);
  });
});
