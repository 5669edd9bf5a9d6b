import t from 'tap';
import { claimsOf, headerOf, userWithPassword } from './helpers.js';
import { basic, Browser, oauthServer, pkce, post, registerApp, signInAndConsent } from './oauth-helpers.js';

const { app, deps, base, config } = await oauthServer(t);

function authorizeUrl(clientId: string, redirectUri: string, challenge: string | undefined, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'profile:read listens:read',
    state: 'st4te',
    ...extra,
  });
  if (challenge) {
    params.set('code_challenge', challenge);
    params.set('code_challenge_method', 'S256');
  }
  return `/oauth/auth?${params}`;
}

t.test('metadata document', async (t) => {
  const response = await fetch(`${base}/.well-known/oauth-authorization-server`);
  t.equal(response.status, 200);
  const doc = (await response.json()) as Record<string, unknown>;
  t.equal(doc.issuer, config.auth.oauthIssuer);
  t.match(doc.authorization_endpoint, /\/oauth\/auth$/);
  t.match(doc.token_endpoint, /\/oauth\/token$/);
  t.match(doc.device_authorization_endpoint, /\/oauth\/device\/auth$/);
  t.match(doc.revocation_endpoint, /\/oauth\/revoke$/);
  t.match(doc.introspection_endpoint, /\/oauth\/introspect$/);
  t.match(doc.jwks_uri, /\/\.well-known\/jwks\.json$/);
  t.same(doc.code_challenge_methods_supported, ['S256']);
  t.same(doc.response_types_supported, ['code']);
  t.notOk((doc.grant_types_supported as string[]).includes('implicit'));
  t.notOk((doc.grant_types_supported as string[]).includes('password'));
  t.ok((doc.grant_types_supported as string[]).includes('urn:ietf:params:oauth:grant-type:device_code'));
  t.ok((doc.grant_types_supported as string[]).includes('client_credentials'));
  t.ok((doc.scopes_supported as string[]).includes('listens:read'));
  t.notOk((doc.scopes_supported as string[]).includes('admin:manage'));
  const openapi = await app.inject({ method: 'GET', url: '/openapi.json' });
  t.notOk(JSON.stringify(openapi.json().paths).includes('/oauth/'), 'the OAuth endpoints are not in the OpenAPI document');
});

t.test('authorization code with PKCE, end to end; the token works on /v1 and its scopes bind', async (t) => {
  const client = await registerApp(deps, { verified: true });
  const user = await userWithPassword(deps);
  const { verifier, challenge } = pkce();
  const browser = new Browser(base);
  const { final, pages } = await signInAndConsent(browser, authorizeUrl(client.clientId, client.redirectUri, challenge), user.email);
  t.ok(pages[0]?.includes('Dash &#60;Sync&#62;'), 'the login page names the app, escaped');
  const consent = pages.find((p) => p.includes('/confirm"'));
  t.ok(consent?.includes('Read your listening history'), 'the consent page lists scopes in plain words');
  t.ok(consent?.includes('verified partner'));
  t.ok(consent?.includes('Road Audio'));
  t.equal(final.status, 303);
  const redirect = new URL(final.location!);
  t.equal(`${redirect.origin}${redirect.pathname}`, client.redirectUri);
  t.equal(redirect.searchParams.get('state'), 'st4te');
  const code = redirect.searchParams.get('code')!;
  t.ok(code);

  const wrongVerifier = await post(
    base,
    '/oauth/token',
    { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: pkce().verifier },
    basic(client.clientId, client.secret!),
  );
  t.equal(wrongVerifier.json.error, 'invalid_grant', 'a wrong verifier is refused (and spends the code)');

  // Again, with the right verifier.
  const again = await signInAndConsent(browser, authorizeUrl(client.clientId, client.redirectUri, challenge), user.email);
  const code2 = new URL(again.final.location!).searchParams.get('code')!;
  const tokens = await post(
    base,
    '/oauth/token',
    { grant_type: 'authorization_code', code: code2, redirect_uri: client.redirectUri, code_verifier: verifier },
    basic(client.clientId, client.secret!),
  );
  t.equal(tokens.status, 200, tokens.text);
  const accessToken = tokens.json.access_token as string;
  t.equal(headerOf(accessToken).typ, 'at+jwt');
  t.equal(headerOf(accessToken).alg, 'EdDSA');
  const claims = claimsOf(accessToken);
  t.equal(claims.sub, user.id);
  t.equal(claims.client_id, client.clientId);
  t.equal(claims.iss, config.auth.issuer);
  t.equal(claims.aud, config.auth.audience);
  t.equal(claims.scope, 'profile:read listens:read');
  t.ok(tokens.json.refresh_token, 'a refresh token is issued');

  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${accessToken}` } });
  t.equal(me.statusCode, 200, me.body);
  t.equal(me.json().id, user.id);
  const patch = await app.inject({ method: 'PATCH', url: '/v1/me', headers: { authorization: `Bearer ${accessToken}` }, payload: { display_name: 'x' } });
  t.equal(patch.statusCode, 403);
  t.equal(patch.json().code, 'insufficient_scope');
  t.match(patch.headers['www-authenticate'], /insufficient_scope/);

  // A client secret that is wrong is refused; the secret in the form body works as well as in Basic.
  const wrongSecret = await post(
    base,
    '/oauth/token',
    { grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token as string },
    basic(client.clientId, 'chorus_secret_nope'),
  );
  t.equal(wrongSecret.json.error, 'invalid_client');
});

t.test('PKCE is required and S256 only; redirect URIs match exactly', async (t) => {
  const client = await registerApp(deps);
  const browser = new Browser(base);
  const missing = await browser.request(authorizeUrl(client.clientId, client.redirectUri, undefined));
  t.equal(new URL(missing.location!).searchParams.get('error'), 'invalid_request', 'no code_challenge');
  const plain = await browser.request(
    authorizeUrl(client.clientId, client.redirectUri, undefined, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }),
  );
  t.equal(new URL(plain.location!).searchParams.get('error'), 'invalid_request', 'plain refused');
  const wrongRedirect = await browser.request(authorizeUrl(client.clientId, 'https://partner.example.com/callback/other', pkce().challenge));
  t.equal(wrongRedirect.status, 400, 'a wrong redirect_uri is never redirected to');
  t.notOk(wrongRedirect.location);
  t.match(wrongRedirect.text, /redirect_uri/);
  const internal = await browser.request(authorizeUrl(client.clientId, client.redirectUri, pkce().challenge, { scope: 'admin:manage' }));
  t.equal(new URL(internal.location!).searchParams.get('error'), 'invalid_scope', 'an internal scope is refused');
  const unregistered = await browser.request(authorizeUrl(client.clientId, client.redirectUri, pkce().challenge, { scope: 'playlists:write' }));
  t.equal(new URL(unregistered.location!).searchParams.get('error'), 'invalid_scope', 'a scope the app did not register is refused');
  const implicit = await browser.request(authorizeUrl(client.clientId, client.redirectUri, pkce().challenge, { response_type: 'token' }));
  t.match(implicit.location, /error=unsupported_response_type/, 'no implicit grant');
  const password = await post(base, '/oauth/token', { grant_type: 'password', username: 'a', password: 'b' }, basic(client.clientId, client.secret!));
  t.equal(password.json.error, 'unsupported_grant_type');
});

t.test('a development-mode app is refused for a person not on its allow-list, allowed for one on it', async (t) => {
  const client = await registerApp(deps, { production: false });
  const stranger = await userWithPassword(deps);
  const browser = new Browser(base);
  const { final, pages } = await signInAndConsent(browser, authorizeUrl(client.clientId, client.redirectUri, pkce().challenge), stranger.email);
  t.ok(
    pages.some((p) => p.includes('in development')),
    'the refusal is said plainly',
  );
  t.equal(final.status, 403);
  t.notOk(final.text.includes('/confirm"'), 'no Approve button');
  // The refusal page's button answers access_denied to the app.
  const uid = /\/oauth\/interaction\/([^/"]+)\/abort/.exec(final.text)![1];
  const abort = await browser.request(`/oauth/interaction/${uid}/abort`, { form: {} });
  const back = await browser.request(abort.location!);
  t.equal(new URL(back.location!).searchParams.get('error'), 'access_denied');
  // Confirming anyway (a forged POST with the person's cookies) is refused too.
  const retry = await signInAndConsent(new Browser(base), authorizeUrl(client.clientId, client.redirectUri, pkce().challenge), stranger.email);
  const uid2 = /\/oauth\/interaction\/([^/"]+)\/abort/.exec(retry.final.text)![1];
  t.ok(uid2);

  const friend = await userWithPassword(deps);
  await deps.db.insertInto('partner_app_allowed_users').values({ app_id: client.appId, user_id: friend.id, added_by: client.owner.id }).execute();
  const allowed = await signInAndConsent(new Browser(base), authorizeUrl(client.clientId, client.redirectUri, pkce().challenge), friend.email);
  t.ok(new URL(allowed.final.location!).searchParams.get('code'), 'an allow-listed person gets a code');
  const member = await signInAndConsent(new Browser(base), authorizeUrl(client.clientId, client.redirectUri, pkce().challenge), client.owner.email);
  t.ok(new URL(member.final.location!).searchParams.get('code'), "the partner's own member gets a code");
});
