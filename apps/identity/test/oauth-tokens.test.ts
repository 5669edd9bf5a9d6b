import t from 'tap';
import { sleep, userWithPassword } from './helpers.js';
import { basic, Browser, oauthServer, pkce, post, registerApp, type RegisteredTestApp, signInAndConsent } from './oauth-helpers.js';

// Keys are re-read every 200 ms here, so a rotation reaches the provider within the test.
const { app, deps, base } = await oauthServer(t, { CHORUS_KEY_CACHE_TTL_MS: '200' });

/** A person connects the app through the code flow; answers the token response. */
async function connect(client: RegisteredTestApp, email: string) {
  const { verifier, challenge } = pkce();
  const params = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.redirectUri,
    scope: 'profile:read listens:read',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const { final } = await signInAndConsent(new Browser(base), `/oauth/auth?${params}`, email);
  const code = new URL(final.location!).searchParams.get('code')!;
  const tokens = await post(
    base,
    '/oauth/token',
    { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier },
    basic(client.clientId, client.secret!),
  );
  return tokens.json as { access_token: string; refresh_token: string };
}

t.test('refresh tokens rotate; a spent one presented again revokes the grant', async (t) => {
  const client = await registerApp(deps);
  const user = await userWithPassword(deps);
  const auth = basic(client.clientId, client.secret!);
  const first = await connect(client, user.email);
  const second = await post(base, '/oauth/token', { grant_type: 'refresh_token', refresh_token: first.refresh_token }, auth);
  t.equal(second.status, 200, second.text);
  t.not(second.json.refresh_token, first.refresh_token, 'a new refresh token each time');
  const replay = await post(base, '/oauth/token', { grant_type: 'refresh_token', refresh_token: first.refresh_token }, auth);
  t.equal(replay.json.error, 'invalid_grant', 'the spent token is refused');
  const newest = await post(base, '/oauth/token', { grant_type: 'refresh_token', refresh_token: second.json.refresh_token as string }, auth);
  t.equal(newest.json.error, 'invalid_grant', 'and the whole grant went with it');
});

t.test('revocation endpoint (RFC 7009)', async (t) => {
  const client = await registerApp(deps);
  const user = await userWithPassword(deps);
  const auth = basic(client.clientId, client.secret!);
  const tokens = await connect(client, user.email);
  const revoked = await post(base, '/oauth/revoke', { token: tokens.refresh_token, token_type_hint: 'refresh_token' }, auth);
  t.equal(revoked.status, 200);
  const after = await post(base, '/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, auth);
  t.equal(after.json.error, 'invalid_grant');
  const unknown = await post(base, '/oauth/revoke', { token: 'not-a-token' }, auth);
  t.equal(unknown.status, 200, 'an unknown token answers 200 too');
  const other = await registerApp(deps);
  const tokens2 = await connect(client, user.email);
  await post(base, '/oauth/revoke', { token: tokens2.refresh_token }, basic(other.clientId, other.secret!));
  const still = await post(base, '/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens2.refresh_token }, auth);
  t.equal(still.status, 200, "another app cannot revoke this app's token");
  const introspected = await post(base, '/oauth/introspect', { token: still.json.refresh_token as string }, auth);
  t.equal(introspected.json.active, true);
});

t.test('connections: listed, disconnected at once, old access token refused', async (t) => {
  const client = await registerApp(deps, { verified: true });
  const user = await userWithPassword(deps);
  const tokens = await connect(client, user.email);
  const bearer = { authorization: `Bearer ${tokens.access_token}` };
  const first = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer });
  t.equal(first.statusCode, 200);

  const list = await app.inject({ method: 'GET', url: '/v1/me/connections', headers: { authorization: `Bearer ${user.token}` } });
  t.equal(list.statusCode, 200, list.body);
  const [item] = list.json().items;
  t.match(item, {
    client_id: client.clientId,
    app_name: 'Dash <Sync>',
    partner_name: 'Road Audio',
    partner_verified: true,
    scopes: ['profile:read', 'listens:read'],
  });
  t.ok(item.created_at && item.last_used_at);
  t.equal(list.json().next_cursor, null);

  const stranger = await userWithPassword(deps);
  const notMine = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${client.clientId}`, headers: { authorization: `Bearer ${stranger.token}` } });
  t.equal(notMine.statusCode, 404, 'an app the caller never connected');
  t.match(notMine.headers['content-type'], /application\/problem\+json/);
  const bad = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${'x'.repeat(65)}`, headers: { authorization: `Bearer ${user.token}` } });
  t.equal(bad.statusCode, 400);
  const badCursor = await app.inject({ method: 'GET', url: '/v1/me/connections?cursor=nope', headers: { authorization: `Bearer ${user.token}` } });
  t.equal(badCursor.statusCode, 400);
  const noToken = await app.inject({ method: 'GET', url: '/v1/me/connections' });
  t.equal(noToken.statusCode, 401);

  // The app's own token may read connections (profile:read) but not disconnect (profile:write).
  const byApp = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${client.clientId}`, headers: bearer });
  t.equal(byApp.statusCode, 403);

  const gone = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${client.clientId}`, headers: { authorization: `Bearer ${user.token}` } });
  t.equal(gone.statusCode, 204);
  const refused = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer });
  t.equal(refused.statusCode, 401, 'the access token issued before is refused at once');
  t.equal(refused.json().code, 'invalid_token');
  const refresh = await post(
    base,
    '/oauth/token',
    { grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
    basic(client.clientId, client.secret!),
  );
  t.equal(refresh.json.error, 'invalid_grant', 'the refresh token is gone');
  const empty = await app.inject({ method: 'GET', url: '/v1/me/connections', headers: { authorization: `Bearer ${user.token}` } });
  t.same(empty.json().items, []);
  const again = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${client.clientId}`, headers: { authorization: `Bearer ${user.token}` } });
  t.equal(again.statusCode, 404);
});

t.test('the provider signs with the new key after a rotation', async (t) => {
  const client = await registerApp(deps);
  const before = await post(
    base,
    '/oauth/token',
    { grant_type: 'client_credentials', scope: 'partner-analytics:read' },
    basic(client.clientId, client.secret!),
  );
  const { rotateSigningKey } = await import('@chorus/service-kit');
  const rotation = await rotateSigningKey(deps.db, deps.config.auth.keyEncryptionKey);
  await sleep(300);
  const after = await post(base, '/oauth/token', { grant_type: 'client_credentials', scope: 'partner-analytics:read' }, basic(client.clientId, client.secret!));
  const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid;
  t.not(kidOf(before.json.access_token as string), rotation.kid);
  t.equal(kidOf(after.json.access_token as string), rotation.kid);
  const works = await app.inject({ method: 'GET', url: '/v1/me/connections', headers: { authorization: `Bearer ${after.json.access_token}` } });
  t.equal(works.statusCode, 403, 'verified (a person-only route refuses an app acting for itself)');
});
