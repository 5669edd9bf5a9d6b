import { USER_SCOPE } from '../src/access-tokens.js';
import { generateKeyPairSync } from 'node:crypto';
import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { runAdminCommand } from '../src/admin.commands.js';
import { type Tokens, bearer, claimsOf, goodClaims, headerOf, identityApp, login, rawSigner, sleep, userWithPassword } from './helpers.js';

const me = (token: string) => ({ method: 'GET' as const, url: '/v1/me', headers: bearer(token) });

async function publishedKids(app: Awaited<ReturnType<typeof identityApp>>['app']): Promise<string[]> {
  return (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys.map((k: { kid: string }) => k.kid);
}

t.test('access tokens follow RFC 9068 and RFC 8725', async (t) => {
  const { app, deps } = await identityApp(t);
  const user = await userWithPassword(deps);
  const tokens = (await login(app, user.email)).json<Tokens>();

  t.test('header typ at+jwt; iss, aud, sub, client_id, scope, roles, iat, exp, jti', async (t) => {
    t.match(headerOf(tokens.access_token), { alg: 'EdDSA', typ: 'at+jwt', kid: String });
    const claims = claimsOf(tokens.access_token);
    t.match(claims, { iss: 'chorus', aud: 'chorus', sub: user.id, client_id: 'chorus', scope: USER_SCOPE, roles: [], iat: Number, exp: Number, jti: String });
    t.equal((claims.exp as number) - (claims.iat as number), 900);
    t.equal((await app.inject(me(tokens.access_token))).statusCode, 200);
  });

  t.test('a token without exp, for another audience, or of another type is refused', async (t) => {
    const signer = await rawSigner(app, deps);
    const good = signer.sign({ typ: 'at+jwt' }, goodClaims(user.id));
    t.equal((await app.inject(me(good))).statusCode, 200, 'a well-formed token of the test key is accepted');
    t.equal((await app.inject(me(signer.sign({ typ: 'application/at+jwt' }, goodClaims(user.id))))).statusCode, 200, 'the media-type form of typ too');

    const { exp: _exp, ...noExp } = goodClaims(user.id);
    const { aud: _aud, ...noAud } = goodClaims(user.id);
    const refused = {
      'no exp': signer.sign({ typ: 'at+jwt' }, noExp),
      'no aud': signer.sign({ typ: 'at+jwt' }, noAud),
      'wrong aud': signer.sign({ typ: 'at+jwt' }, goodClaims(user.id, { aud: 'someone-else' })),
      'wrong iss': signer.sign({ typ: 'at+jwt' }, goodClaims(user.id, { iss: 'someone-else' })),
      'typ JWT': signer.sign({ typ: 'JWT' }, goodClaims(user.id)),
      'no typ': signer.sign({}, goodClaims(user.id)),
      'typ of an ID token': signer.sign({ typ: 'id+jwt' }, goodClaims(user.id)),
    };
    for (const [name, token] of Object.entries(refused)) {
      const res = await app.inject(me(token));
      t.equal(res.statusCode, 401, name);
      t.equal(res.json().code, 'invalid_token', name);
    }
  });
});

t.test('the audience is configurable', async (t) => {
  const { app, deps } = await identityApp(t, { CHORUS_JWT_AUDIENCE: 'https://api.example.test' });
  const user = await userWithPassword(deps);
  const tokens = (await login(app, user.email)).json<Tokens>();
  t.equal(claimsOf(tokens.access_token).aud, 'https://api.example.test');
  t.equal((await app.inject(me(tokens.access_token))).statusCode, 200);
  const signer = await rawSigner(app, deps);
  t.equal((await app.inject(me(signer.sign({ typ: 'at+jwt' }, goodClaims(user.id))))).statusCode, 401, 'aud "chorus" is wrong here');
});

t.test('a retired key verifies during the overlap (the access-token TTL), then its tokens are refused', async (t) => {
  // A 2-second overlap; instances re-read a cached key after 200 ms.
  const { app, deps } = await identityApp(t, { CHORUS_ACCESS_TOKEN_TTL: '2', CHORUS_KEY_CACHE_TTL_MS: '200' });
  const user = await createUser(deps);
  const kid = headerOf(user.token).kid as string;
  t.equal((await app.inject(me(user.token))).statusCode, 200, 'verified (and its key cached)');

  await deps.db.updateTable('signing_keys').set({ retired_at: new Date() }).where('kid', '=', kid).execute();
  const retiredAt = Date.now();
  await sleep(400);
  t.equal((await app.inject(me(user.token))).statusCode, 200, 'still accepted during the overlap');
  t.ok((await publishedKids(app)).includes(kid), 'still published during the overlap');

  await sleep(retiredAt + 2600 - Date.now());
  const res = await app.inject(me(user.token));
  t.equal(res.statusCode, 401, 'refused after the overlap, although the token itself has not expired');
  t.equal(res.json().code, 'invalid_token');
  t.notOk((await publishedKids(app)).includes(kid), 'no longer published');
});

t.test('rotation through the admin route', async (t) => {
  const { app, deps } = await identityApp(t);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const user = await userWithPassword(deps);
  const before = (await login(app, user.email)).json<Tokens>();
  const oldKid = headerOf(before.access_token).kid as string;

  const listener = await createUser(deps);
  const refused = await app.inject({ method: 'POST', url: '/v1/admin/signing-keys/rotate', headers: listener.auth });
  t.equal(refused.statusCode, 403, 'platform admins only');
  t.equal((await app.inject({ method: 'POST', url: '/v1/admin/signing-keys/rotate' })).statusCode, 401);

  const rotated = await app.inject({ method: 'POST', url: '/v1/admin/signing-keys/rotate', headers: admin.auth });
  t.equal(rotated.statusCode, 200, rotated.body);
  const body = rotated.json();
  t.not(body.kid, oldKid);
  t.same(
    body.retired.map((r: { kid: string }) => r.kid),
    [oldKid],
  );
  t.ok(Date.parse(body.retired[0].verifies_until) - Date.parse(body.retired[0].retired_at) === 900_000, 'the overlap is the access-token TTL');

  const kids = await publishedKids(app);
  t.ok(kids.includes(oldKid) && kids.includes(body.kid), 'both keys are published during the overlap');
  const after = (await login(app, user.email)).json<Tokens>();
  t.equal(headerOf(after.access_token).kid, body.kid, 'new tokens are signed with the new key at once on this instance');
  t.equal((await app.inject(me(after.access_token))).statusCode, 200);
  t.equal((await app.inject(me(before.access_token))).statusCode, 200, 'tokens of the retired key still work during the overlap');
  const rows = await deps.db.selectFrom('signing_keys').select(['kid', 'retired_at']).where('kid', 'in', [oldKid, body.kid]).execute();
  t.same(Object.fromEntries(rows.map((r) => [r.kid, r.retired_at !== null])), { [oldKid]: true, [body.kid]: false });
});

t.test('rotation through the CLI; other instances pick up the new signer when they re-read it', async (t) => {
  const { app, deps } = await identityApp(t, { CHORUS_KEY_CACHE_TTL_MS: '300' });
  const user = await userWithPassword(deps);
  const before = (await login(app, user.email)).json<Tokens>();
  const oldKid = headerOf(before.access_token).kid as string;

  const lines = await runAdminCommand(deps, ['rotate-keys']);
  const newKid = (
    await deps.db.selectFrom('signing_keys').select('kid').where('retired_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
  ).kid;
  t.not(newKid, oldKid);
  t.match(lines.join('\n'), new RegExp(`${newKid}[\\s\\S]*${oldKid}`), 'it names the new key and the retired one');

  await sleep(400);
  const after = (await login(app, user.email)).json<Tokens>();
  t.equal(headerOf(after.access_token).kid, newKid, 'the running instance signs with the new key after its re-read');
  t.equal((await app.inject(me(before.access_token))).statusCode, 200, 'the old key verifies during the overlap');
  const kids = await publishedKids(app);
  t.ok(kids.includes(oldKid) && kids.includes(newKid));
});

t.test('with CHORUS_JWT_PRIVATE_KEY the key is the configuration’s: rotation is refused', async (t) => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const { app, deps } = await identityApp(t, { CHORUS_JWT_PRIVATE_KEY: pem });
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const res = await app.inject({ method: 'POST', url: '/v1/admin/signing-keys/rotate', headers: admin.auth });
  t.equal(res.statusCode, 409);
  t.equal(res.json().code, 'signing_key_configured');
  await t.rejects(runAdminCommand(deps, ['rotate-keys']), /CHORUS_JWT_PRIVATE_KEY/);
});
