import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { authenticatePersonalToken } from '@chorus/service-kit';
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
    t.same(list.json(), {
      items: [{ id: body.id, name: 'Phone', prefix: body.prefix, scopes: ['listens:read', 'listens:write'], created_at: body.created_at, last_used_at: null }],
      next_cursor: null,
    });
    t.notMatch(list.body, body.token.slice(16), 'the secret part never appears again');
    t.notMatch(list.body, stored.token_hash);

    const caller = await authenticatePersonalToken(deps.db, `Token ${body.token}`);
    t.same(caller, { userId: user.id, tokenId: body.id, displayName: 'Scrobbler Sam', scopes: new Set(['listens:read', 'listens:write']) });
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

  t.test('scopes chosen at creation hold on /v1 routes too, and only scopes a person may grant can be chosen', async (t) => {
    const user = await createUser(deps, { display_name: 'Script Sue' });
    const make = (scopes: unknown) => app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'stats script', scopes } });
    const created = await make(['profile:read', 'listens:read', 'profile:read']);
    t.equal(created.statusCode, 201);
    t.same(created.json().scopes, ['listens:read', 'profile:read'], 'each scope once, in order');
    const token = { authorization: `Token ${created.json().token}` };

    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: token });
    t.equal(me.statusCode, 200, 'profile:read reads the profile');
    t.equal(me.json().id, user.id);
    const change = await app.inject({ method: 'PATCH', url: '/v1/me', headers: token, payload: { display_name: 'Hacked' } });
    t.equal(change.statusCode, 403, 'profile:write was not chosen');
    t.equal(change.json().code, 'insufficient_scope');
    t.match(change.headers['www-authenticate'], /error="insufficient_scope", scope="profile:write"/);
    const tokens = await app.inject({ method: 'GET', url: '/v1/me/tokens', headers: token });
    t.equal(tokens.statusCode, 403, 'a personal token never manages the account (an internal scope)');

    for (const scopes of [['account:manage'], ['admin:manage'], ['partner:manage'], [], ['nope'], 'profile:read']) {
      const refused = await make(scopes);
      t.equal(refused.statusCode, 400, `${JSON.stringify(scopes)} refused`);
      t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    }

    const revoked = await app.inject({ method: 'DELETE', url: `/v1/me/tokens/${created.json().id}`, headers: user.auth });
    t.equal(revoked.statusCode, 204);
    const after = await app.inject({ method: 'GET', url: '/v1/me', headers: token });
    t.equal(after.statusCode, 401, 'a revoked token is refused on /v1');
    t.equal(after.json().code, 'invalid_token');
    const bogus = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: 'Token not-a-token' } });
    t.equal(bogus.statusCode, 401);
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
