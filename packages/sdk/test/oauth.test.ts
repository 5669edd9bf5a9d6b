import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import {
  authorizationUrl,
  clientCredentials,
  createPkce,
  DEVICE_CODE_GRANT,
  type DeviceAuthorization,
  deviceAuthorization,
  discover,
  OAuthError,
  pkceChallenge,
  pollDeviceToken,
  refreshingToken,
  revoke,
} from '../src/index.js';

interface Seen {
  path: string;
  form: URLSearchParams;
  authorization: string | undefined;
}

/** A real HTTP server on loopback playing an authorization server: answers each token request from `script`. */
async function authorizationServer(t: { teardown(fn: () => unknown): void }, script: Array<[status: number, body: Record<string, unknown>]>) {
  const seen: Seen[] = [];
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const path = new URL(request.url!, 'http://x').pathname;
    const reply = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/.well-known/oauth-authorization-server') {
      return reply(200, {
        issuer: base,
        authorization_endpoint: `${base}/oauth/auth`,
        token_endpoint: `${base}/oauth/token`,
        device_authorization_endpoint: `${base}/oauth/device/auth`,
        revocation_endpoint: `${base}/oauth/revoke`,
      });
    }
    seen.push({ path, form: new URLSearchParams(raw), authorization: request.headers.authorization });
    if (path === '/oauth/device/auth') {
      return reply(200, { device_code: 'dc', user_code: 'BCDF-GHJK', verification_uri: `${base}/device`, expires_in: 600, interval: 1 });
    }
    if (path === '/oauth/revoke') return reply(200, {});
    const [status, body] = script.shift() ?? [500, { error: 'server_error' }];
    return reply(status, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base, seen };
}

const device = (interval?: number): DeviceAuthorization => ({
  device_code: 'dc',
  user_code: 'BCDF-GHJK',
  verification_uri: 'http://x/device',
  expires_in: 600,
  ...(interval === undefined ? {} : { interval }),
});

/** A clock that records each wait instead of waiting. */
function recorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

t.test('PKCE S256 matches RFC 7636 Appendix B', async (t) => {
  t.equal(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  const pair = await createPkce();
  t.match(pair.verifier, /^[A-Za-z0-9_-]{43}$/, '43 characters of the unreserved alphabet');
  t.equal(pair.challenge, await pkceChallenge(pair.verifier));
  t.equal(pair.method, 'S256');
  t.not((await createPkce()).verifier, pair.verifier, 'a new verifier each time');
});

t.test('device polling: pending keeps going, slow_down adds 5 s, success returns the tokens', async (t) => {
  const { base, seen } = await authorizationServer(t, [
    [400, { error: 'authorization_pending' }],
    [400, { error: 'slow_down' }],
    [400, { error: 'authorization_pending' }],
    [200, { access_token: 'at', token_type: 'Bearer', expires_in: 60, refresh_token: 'rt', scope: 'listens:write' }],
  ]);
  const started = await deviceAuthorization({ baseUrl: base, clientId: 'car', scope: 'listens:write' });
  t.equal(started.user_code, 'BCDF-GHJK');
  t.equal(seen[0]!.form.get('client_id'), 'car', 'a public client names itself in the body');
  t.equal(seen[0]!.form.get('scope'), 'listens:write');

  const clock = recorder();
  const reasons: string[] = [];
  const tokens = await pollDeviceToken({
    baseUrl: base,
    clientId: 'car',
    device: started,
    sleep: clock.sleep,
    onWait: (_interval, reason) => reasons.push(reason),
  });
  t.same(clock.waits, [1000, 1000, 6000, 6000], 'the announced interval, then 5 s more after slow_down, kept');
  t.same(reasons, ['start', 'authorization_pending', 'slow_down', 'authorization_pending']);
  t.equal(tokens.access_token, 'at');
  t.equal(tokens.refresh_token, 'rt');
  t.ok(tokens.expires_at! > Date.now() + 55_000, 'expires_at worked out from expires_in');
  const polls = seen.filter((s) => s.path === '/oauth/token');
  t.equal(polls.length, 4);
  t.ok(
    polls.every((p) => p.form.get('grant_type') === DEVICE_CODE_GRANT && p.form.get('device_code') === 'dc'),
    'each poll names the grant and device code',
  );
});

t.test('device polling: 5 s when the server gives no interval', async (t) => {
  const { base } = await authorizationServer(t, [[200, { access_token: 'at', token_type: 'Bearer' }]]);
  const clock = recorder();
  await pollDeviceToken({ baseUrl: base, clientId: 'car', device: device(), sleep: clock.sleep });
  t.same(clock.waits, [5000]);
});

t.test('device polling stops with a typed error on access_denied and expired_token', async (t) => {
  for (const error of ['access_denied', 'expired_token']) {
    const { base } = await authorizationServer(t, [
      [400, { error: 'authorization_pending' }],
      [400, { error, error_description: 'no' }],
    ]);
    const failure = await pollDeviceToken({ baseUrl: base, clientId: 'car', device: device(1), sleep: recorder().sleep }).catch((e: unknown) => e);
    t.ok(failure instanceof OAuthError, `${error} is an OAuthError`);
    t.equal((failure as OAuthError).error, error);
    t.equal((failure as OAuthError).error_description, 'no');
    t.equal((failure as OAuthError).status, 400);
  }
});

t.test('device polling gives up once expires_in has passed, without asking again', async (t) => {
  const { base, seen } = await authorizationServer(t, [[400, { error: 'authorization_pending' }]]);
  const failure = await pollDeviceToken({ baseUrl: base, clientId: 'car', device: { ...device(1), expires_in: 1 }, sleep: (ms) => wait(ms + 50) }).catch(
    (e: unknown) => e,
  );
  t.equal((failure as OAuthError).error, 'expired_token');
  t.equal(seen.length, 0, 'no poll after the code expired');
});

t.test('device polling is cancelled by its AbortSignal, in the middle of a real wait', async (t) => {
  const { base, seen } = await authorizationServer(t, []);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('the driver turned the car off')), 50);
  const started = Date.now();
  const failure = await pollDeviceToken({ baseUrl: base, clientId: 'car', device: device(5), signal: controller.signal }).catch((e: unknown) => e);
  t.match((failure as Error).message, /turned the car off/);
  t.ok(Date.now() - started < 2000, 'did not wait out the interval');
  t.equal(seen.length, 0);
});

t.test('client credentials authenticate with HTTP Basic; errors are OAuthErrors', async (t) => {
  const { base, seen } = await authorizationServer(t, [
    [200, { access_token: 'app-token', token_type: 'Bearer', expires_in: 900 }],
    [401, { error: 'invalid_client', error_description: 'client authentication failed' }],
  ]);
  const tokens = await clientCredentials({ baseUrl: base, clientId: 'chorus_a b', clientSecret: 's:1+', scope: 'partner-analytics:read' });
  t.equal(tokens.access_token, 'app-token');
  t.equal(seen[0]!.authorization, `Basic ${Buffer.from('chorus_a+b:s%3A1%2B').toString('base64')}`, 'both parts form-encoded (RFC 6749 §2.3.1)');
  t.notOk(seen[0]!.form.has('client_id'), 'no client_id in the body of a confidential client');
  t.equal(seen[0]!.form.get('grant_type'), 'client_credentials');
  const failure = await clientCredentials({ baseUrl: base, clientId: 'x', clientSecret: 'wrong' }).catch((e: unknown) => e);
  t.ok(failure instanceof OAuthError);
  t.match(failure, { error: 'invalid_client', error_description: 'client authentication failed', status: 401 });
});

t.test('authorization URL, revocation and the refreshing token source', async (t) => {
  const { base, seen } = await authorizationServer(t, [[200, { access_token: 'second', token_type: 'Bearer', expires_in: 900, refresh_token: 'rt2' }]]);
  const metadata = await discover(base);
  t.equal(metadata.token_endpoint, `${base}/oauth/token`);
  const url = new URL(
    await authorizationUrl({ baseUrl: base, clientId: 'web', redirectUri: 'http://127.0.0.1/cb', scope: 'profile:read', state: 's', codeChallenge: 'c' }),
  );
  t.equal(url.pathname, '/oauth/auth');
  t.same(Object.fromEntries(url.searchParams), {
    response_type: 'code',
    client_id: 'web',
    redirect_uri: 'http://127.0.0.1/cb',
    scope: 'profile:read',
    state: 's',
    code_challenge: 'c',
    code_challenge_method: 'S256',
  });

  await revoke({ baseUrl: base, clientId: 'web', token: 'rt', tokenTypeHint: 'refresh_token' });
  t.equal(seen.at(-1)!.form.get('token'), 'rt');

  const refreshed: string[] = [];
  const current = refreshingToken({
    baseUrl: base,
    clientId: 'web',
    tokens: { access_token: 'first', token_type: 'Bearer', expires_at: Date.now() + 10_000, refresh_token: 'rt1' },
    onRefresh: (tokens) => refreshed.push(tokens.access_token),
  });
  const [a, b] = await Promise.all([current(), current()]);
  t.same([a, b], ['second', 'second'], 'refreshed once, ahead of expiry, for both callers');
  t.equal(seen.at(-1)!.form.get('refresh_token'), 'rt1');
  t.equal(await current(), 'second', 'fresh enough now');
  t.same(refreshed, ['second']);
});

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
