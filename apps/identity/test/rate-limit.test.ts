import t from 'tap';
import { PASSWORD, identityApp, signupVia, userWithPassword } from './helpers.js';

const loginFrom = (app: Awaited<ReturnType<typeof identityApp>>['app'], address: string, email: string, password = PASSWORD) =>
  app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: address, payload: { email, password } });

t.test('log-in is limited per account and per address', async (t) => {
  const { app, deps } = await identityApp(t, {
    CHORUS_RATE_LIMITS: 'on',
    CHORUS_RATE_LIMIT_LOGIN_ACCOUNT: '3/60s',
    CHORUS_RATE_LIMIT_LOGIN_ADDRESS: '5/60s',
  });
  const alice = await userWithPassword(deps);
  const bob = await userWithPassword(deps);
  const carol = await userWithPassword(deps);
  const office = '198.51.100.7';

  const aliceTries = [];
  for (let i = 0; i < 4; i++) aliceTries.push(await loginFrom(app, office, alice.email, 'mistyped password'));
  t.same(
    aliceTries.map((r) => r.statusCode),
    [401, 401, 401, 429],
    'one account: 3 tries a minute',
  );
  const limited = aliceTries[3]!;
  t.equal(limited.json().code, 'rate_limited');
  t.equal(limited.json().detail, 'Too many requests: at most 3 per 60 seconds. Try again later.', 'the configured window, in words');
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After');
  t.equal(limited.headers['ratelimit-limit'], '3');
  t.equal(limited.headers['ratelimit-remaining'], '0');

  const elsewhere = await loginFrom(app, '203.0.113.50', alice.email);
  t.equal(elsewhere.statusCode, 429, 'the account bucket follows the account to any address');

  const bobLogin = await loginFrom(app, office, bob.email);
  t.equal(bobLogin.statusCode, 200, 'alice’s mistakes do not lock bob out behind the same address');
  t.equal(bobLogin.headers['ratelimit-limit'], '5', 'the address bucket, the nearer to its end, is the one shown');
  t.equal(bobLogin.headers['ratelimit-remaining'], '0');

  const full = await loginFrom(app, office, carol.email);
  t.equal(full.statusCode, 429, 'the address as a whole has its own, larger bucket');
  t.equal(full.json().detail, 'Too many requests: at most 5 per 60 seconds. Try again later.');
  t.equal((await loginFrom(app, '203.0.113.51', carol.email)).statusCode, 200, 'carol from another address is fine');
});

t.test('sign-up keeps its own per-address limit; every 429 states its window', async (t) => {
  const { app } = await identityApp(t, { CHORUS_RATE_LIMITS: 'on', CHORUS_RATE_LIMIT_SIGNUP: '2/30s', CHORUS_RATE_LIMIT_DEFAULT: '3/1s' });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await signupVia(app)).statusCode);
  t.same(statuses, [201, 201, 429]);
  const res = await signupVia(app);
  t.equal(res.json().detail, 'Too many requests: at most 2 per 30 seconds. Try again later.');
  t.equal((await signupVia(app, {})).headers['ratelimit-limit'], '2');

  const jwks = [];
  for (let i = 0; i < 4; i++) jwks.push(await app.inject({ method: 'GET', url: '/.well-known/jwks.json' }));
  t.same(
    jwks.map((r) => r.statusCode),
    [200, 200, 200, 429],
    'other routes use the default limit',
  );
  t.equal(jwks[3]!.json().detail, 'Too many requests: at most 3 per second. Try again later.');
});
