import { USER_SCOPE } from '../src/access-tokens.js';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createUser, signTestToken } from '@chorus/service-kit/testing';
import t from 'tap';
import { PASSWORD, type Tokens, bearer, claimsOf, identityApp, login, refresh, userWithPassword } from './helpers.js';

t.test('identity: accounts and sessions', async (t) => {
  const { app, deps } = await identityApp(t);

  t.test('sign-up, log-in and /v1/me', async (t) => {
    const signup = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: { email: 'Ada.Lovelace@Example.test', password: PASSWORD, display_name: '  Ada  ', country: 'SE', birth_year: 1990, gender: 'female' },
    });
    t.equal(signup.statusCode, 201);
    t.equal(signup.headers.location, '/v1/me');
    t.match(signup.json(), { token_type: 'Bearer', access_token: String, refresh_token: String }, 'signed in at once');
    const user = signup.json().user;
    t.match(user, { email: 'Ada.Lovelace@Example.test', handle: 'ada', display_name: 'Ada', country: 'SE', birth_year: 1990, gender: 'female', roles: [] });
    t.match(user.id, /^[0-9a-f-]{36}$/);
    t.ok(!Number.isNaN(Date.parse(user.created_at)));
    t.notOk('password_hash' in user, 'no hash in the answer');
    t.notMatch(signup.body, /scrypt/);

    const stored = await deps.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    t.match(stored.password_hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'stored as scrypt');

    const res = await login(app, 'ada.lovelace@example.test');
    t.equal(res.statusCode, 200, 'log-in ignores the email letter case');
    t.equal(res.headers['cache-control'], 'no-store');
    const tokens = res.json<Tokens>();
    t.match(tokens, { token_type: 'Bearer', expires_in: 900, scope: USER_SCOPE });
    t.match(tokens.refresh_token, /^[A-Za-z0-9_-]{43}$/);
    t.match(claimsOf(tokens.access_token), { sub: user.id, scope: USER_SCOPE, roles: [], iss: 'chorus', aud: 'chorus', client_id: 'chorus' });
    const header = JSON.parse(Buffer.from(tokens.access_token.split('.')[0]!, 'base64url').toString());
    t.equal(header.alg, 'EdDSA');

    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tokens.access_token) });
    t.equal(me.statusCode, 200);
    t.same(me.json(), user);

    const stored2 = await deps.db.selectFrom('refresh_tokens').select('token_hash').where('user_id', '=', user.id).execute();
    t.same(
      stored2.map((r) => r.token_hash.length),
      [64, 64],
      'refresh tokens (of the sign-up and of the log-in) are stored as SHA-256 hex only',
    );
    t.notOk(stored2.some((r) => r.token_hash === tokens.refresh_token));
  });

  t.test('wrong email and wrong password answer alike', async (t) => {
    const user = await userWithPassword(deps);
    const wrongPassword = await login(app, user.email, 'not the password at all');
    const wrongEmail = await login(app, `nobody-${Date.now()}@example.test`);
    for (const res of [wrongPassword, wrongEmail]) {
      t.equal(res.statusCode, 401);
      t.match(res.headers['content-type'], /application\/problem\+json/);
      t.equal(res.json().code, 'invalid_credentials');
    }
    t.equal(wrongPassword.json().detail, wrongEmail.json().detail);
    t.equal((await login(app, user.email)).statusCode, 200);
  });

  t.test('duplicate email in another case is refused', async (t) => {
    const payload = { email: `Dup-${Date.now()}@Example.test`, password: PASSWORD, display_name: 'Dup', country: 'FR' };
    t.equal((await app.inject({ method: 'POST', url: '/v1/auth/signup', payload })).statusCode, 201);
    const again = await app.inject({ method: 'POST', url: '/v1/auth/signup', payload: { ...payload, email: payload.email.toLowerCase() } });
    t.equal(again.statusCode, 409);
    t.equal(again.json().code, 'email_taken');
  });

  t.test('country, birth year and display name are checked beyond the schema', async (t) => {
    const base = { email: `c-${Date.now()}@example.test`, password: PASSWORD, display_name: 'C', country: 'SE' };
    for (const country of ['ZZ', 'XX', 'AA', 'UK', 'EU', 'se', 'SWE']) {
      const res = await app.inject({ method: 'POST', url: '/v1/auth/signup', payload: { ...base, country } });
      t.equal(res.statusCode, 400, country);
      t.equal(res.json().code, 'validation_failed', country);
      t.ok(
        res.json().errors.some((e: { pointer: string }) => e.pointer === '/country'),
        `${country} points at /country`,
      );
    }
    const future = await app.inject({ method: 'POST', url: '/v1/auth/signup', payload: { ...base, birth_year: new Date().getUTCFullYear() + 1 } });
    t.equal(future.statusCode, 400);
    t.same(
      future.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/birth_year'],
    );
    const blank = await app.inject({ method: 'POST', url: '/v1/auth/signup', payload: { ...base, display_name: '   ' } });
    t.equal(blank.statusCode, 400);
    t.same(
      blank.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/display_name'],
    );
    const short = await app.inject({ method: 'POST', url: '/v1/auth/signup', payload: { ...base, password: 'short' } });
    t.equal(short.statusCode, 400);
    const count = await deps.db.selectFrom('users').select('id').where('email', '=', base.email).execute();
    t.equal(count.length, 0, 'nothing created');
  });

  t.test('refresh rotates; the spent token is then refused as reused', async (t) => {
    const user = await userWithPassword(deps);
    const first = (await login(app, user.email)).json<Tokens>();
    const rotated = await refresh(app, first.refresh_token);
    t.equal(rotated.statusCode, 200);
    t.equal(rotated.headers['cache-control'], 'no-store');
    const second = rotated.json<Tokens>();
    t.not(second.refresh_token, first.refresh_token);
    t.equal(claimsOf(second.access_token).sub, user.id);
    t.equal((await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(second.access_token) })).statusCode, 200);

    const reused = await refresh(app, first.refresh_token);
    t.equal(reused.statusCode, 401);
    t.equal(reused.json().code, 'refresh_token_reused');
  });

  t.test('reuse revokes the whole family, the newest token included, and only that family', async (t) => {
    const user = await userWithPassword(deps);
    const a = (await login(app, user.email)).json<Tokens>();
    const other = (await login(app, user.email)).json<Tokens>();
    const b = (await refresh(app, a.refresh_token)).json<Tokens>();
    const c = (await refresh(app, b.refresh_token)).json<Tokens>();
    t.ok(c.refresh_token);

    const reuse = await refresh(app, b.refresh_token);
    t.equal(reuse.json().code, 'refresh_token_reused');
    const newest = await refresh(app, c.refresh_token);
    t.equal(newest.statusCode, 401, 'the legitimate newest token stops working');
    t.equal(newest.json().code, 'invalid_grant');
    t.equal((await refresh(app, other.refresh_token)).statusCode, 200, 'another log-in is untouched');
  });

  t.test('two concurrent refreshes with one token: exactly one succeeds', async (t) => {
    const user = await userWithPassword(deps);
    const a = (await login(app, user.email)).json<Tokens>();
    const results = await Promise.all([refresh(app, a.refresh_token), refresh(app, a.refresh_token), refresh(app, a.refresh_token)]);
    const statuses = results.map((r) => r.statusCode).sort();
    t.same(statuses, [200, 401, 401]);
    for (const r of results.filter((r) => r.statusCode === 401)) t.equal(r.json().code, 'refresh_token_reused');
    const live = await deps.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    t.equal(live.length, 0, 'the race looked like a replay: the family is revoked');
  });

  t.test('a family with any revoked token issues no more tokens', async (t) => {
    // What a log-out or reuse racing a rotation leaves behind: an older token revoked, the newest one missed.
    const user = await userWithPassword(deps);
    const a = (await login(app, user.email)).json<Tokens>();
    const b = (await refresh(app, a.refresh_token)).json<Tokens>();
    await deps.db.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('user_id', '=', user.id).where('used_at', 'is not', null).execute();
    const res = await refresh(app, b.refresh_token);
    t.equal(res.statusCode, 401);
    t.equal(res.json().code, 'invalid_grant');
  });

  t.test('unknown and expired refresh tokens are invalid_grant', async (t) => {
    const unknown = await refresh(app, 'a'.repeat(43));
    t.equal(unknown.statusCode, 401);
    t.equal(unknown.json().code, 'invalid_grant');

    const user = await userWithPassword(deps);
    const a = (await login(app, user.email)).json<Tokens>();
    await deps.db
      .updateTable('refresh_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const expired = await refresh(app, a.refresh_token);
    t.equal(expired.statusCode, 401);
    t.equal(expired.json().code, 'invalid_grant');
  });

  t.test('log-out revokes the family and is idempotent', async (t) => {
    const user = await userWithPassword(deps);
    const a = (await login(app, user.email)).json<Tokens>();
    const b = (await refresh(app, a.refresh_token)).json<Tokens>();
    const out = await app.inject({ method: 'POST', url: '/v1/auth/logout', payload: { refresh_token: b.refresh_token } });
    t.equal(out.statusCode, 204);
    t.equal(out.body, '');
    t.equal((await refresh(app, b.refresh_token)).json().code, 'invalid_grant');
    const again = await app.inject({ method: 'POST', url: '/v1/auth/logout', payload: { refresh_token: b.refresh_token } });
    t.equal(again.statusCode, 204);
    const unknown = await app.inject({ method: 'POST', url: '/v1/auth/logout', payload: { refresh_token: 'never-issued' } });
    t.equal(unknown.statusCode, 204, 'an unknown token reveals nothing');
  });

  t.test('refresh carries the current roles', async (t) => {
    const user = await userWithPassword(deps);
    const a = (await login(app, user.email)).json<Tokens>();
    await deps.db
      .updateTable('users')
      .set({ roles: ['product_analyst'] })
      .where('id', '=', user.id)
      .execute();
    const b = (await refresh(app, a.refresh_token)).json<Tokens>();
    t.same(claimsOf(b.access_token).roles, ['product_analyst']);
  });

  t.test('expired and forged access tokens are refused', async (t) => {
    const user = await createUser(deps);
    const [h, p, s] = user.token.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());

    const expired = await signTestToken(deps, user.id, [], -10);
    const { privateKey } = generateKeyPairSync('ed25519');
    const foreignSigned = `${h}.${p}`;
    const wrongKey = `${foreignSigned}.${sign(null, Buffer.from(foreignSigned), privateKey).toString('base64url')}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: header.kid })).toString('base64url')}.${p}.`;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, roles: ['platform_admin'] })).toString('base64url')}.${s}`;
    const otherUser = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: '00000000-0000-7000-8000-000000000000' })).toString('base64url')}.${s}`;

    t.equal((await app.inject({ method: 'GET', url: '/v1/me', headers: user.auth })).statusCode, 200, 'the genuine token works');
    for (const [name, token] of Object.entries({ expired, wrongKey, none, tampered, otherUser, garbage: 'not-a-jwt' })) {
      const res = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
      t.equal(res.statusCode, 401, name);
      t.equal(res.json().code, 'invalid_token', name);
    }
    const anon = await app.inject({ method: 'GET', url: '/v1/me' });
    t.equal(anon.statusCode, 401);
    t.equal(anon.json().code, 'unauthorized');
  });

  t.test('/v1/me of a deleted account is 404', async (t) => {
    const user = await createUser(deps);
    await deps.db.deleteFrom('users').where('id', '=', user.id).execute();
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: user.auth });
    t.equal(res.statusCode, 404);
  });

  t.test('JWKS publishes the public key tokens are signed with', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['cache-control'], 'public, max-age=300');
    const { keys } = res.json();
    t.ok(keys.length >= 1);
    for (const key of keys) {
      t.match(key, { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      t.notOk('d' in key, 'no private part');
    }
    const user = await userWithPassword(deps);
    const tokens = (await login(app, user.email)).json<Tokens>();
    const kid = JSON.parse(Buffer.from(tokens.access_token.split('.')[0]!, 'base64url').toString()).kid;
    t.ok(
      keys.some((k: { kid: string }) => k.kid === kid),
      'the access token names a published key',
    );
  });
});

t.test('the JWKS is never empty: on a fresh installation the first request creates the key, before any log-in', async (t) => {
  const { app, deps } = await identityApp(t);
  const kids = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys.map((k: { kid: string }) => k.kid);
  const rows = await deps.db.selectFrom('signing_keys').select('kid').execute();
  t.equal(rows.length, 1, 'one key');
  t.same(
    kids,
    rows.map((r) => r.kid),
    'the key tokens will be signed with is published',
  );
  const again = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys.map((k: { kid: string }) => k.kid);
  t.same(again, kids, 'the same key on the next request');
});
