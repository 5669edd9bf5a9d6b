import t from 'tap';
import { Type } from 'typebox';
import pino from 'pino';
import { access, buildApp, ConfigError, loadConfig, loggerOptions, redactUrl, type ServiceModule, serializeError } from '../src/index.js';
import { createTestApp, createTestRuntime, createUser } from '../src/testing.js';

const routes: ServiceModule = {
  name: 'hardening',
  description: 'test routes',
  plugin: async (app) => {
    app.get('/v1/ip', { config: access.public() }, async (request) => ({ ip: request.ip }));
    app.get('/v1/mine', { config: access.user() }, async () => ({ ok: true }));
    app.post(
      '/v1/things',
      {
        config: access.public(),
        schema: {
          body: Type.Object(
            { name: Type.String({ maxLength: 100 }), tags: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => request.body,
    );
    app.get(
      '/v1/things',
      {
        config: access.public(),
        schema: {
          querystring: Type.Object(
            {
              range: Type.Optional(Type.Union([Type.Literal('24h'), Type.Literal('7d'), Type.Literal('28d')])),
              q: Type.Optional(Type.String({ maxLength: 50 })),
              n: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => request.query,
    );
    app.get('/v1/playlist-invites/:token', { config: access.public() }, async () => ({ ok: true }));
  },
};

t.test('the client address cannot be chosen by the client behind one trusted proxy', async (t) => {
  const { app } = await createTestApp(t, [routes], { redis: false, env: { CHORUS_TRUST_PROXY: '1', CHORUS_RATE_LIMIT_DEFAULT: '3/60s' } });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    // The client writes anything on the left; the proxy appends the address it saw.
    const res = await app.inject({ method: 'GET', url: '/v1/ip', headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` } });
    statuses.push(res.statusCode);
    if (res.statusCode === 200) t.equal(res.json().ip, '198.51.100.7', 'the address the proxy saw');
  }
  t.same(statuses, [200, 200, 200, 429, 429], 'spoofed left entries do not open new rate-limit buckets');
});

t.test('trust proxy settings', async (t) => {
  t.equal(loadConfig({ CHORUS_TRUST_PROXY: '2' }).trustProxy, 2);
  t.equal(loadConfig({ CHORUS_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, '10.0.0.0/8,127.0.0.1');
  t.equal(loadConfig({ CHORUS_TRUST_PROXY: 'off' }).trustProxy, false);
  t.throws(() => loadConfig({ CHORUS_TRUST_PROXY: 'true' }), ConfigError, 'trusting every hop is refused');
  t.throws(() => loadConfig({ CHORUS_TRUST_PROXY: 'x; rm -rf' }), ConfigError);
});

t.test('secrets never reach the log', async (t) => {
  t.equal(redactUrl('/1/validate-token?token=abc123&x=1'), '/1/validate-token?token=[redacted]&x=1');
  t.equal(redactUrl('/v1/playlist-invites/SECRET/accept?a=b'), '/v1/playlist-invites/[redacted]/accept?a=b');
  t.equal(redactUrl('/cb?CODE=1&state=2&client_secret=s'), '/cb?CODE=[redacted]&state=2&client_secret=[redacted]');
  const lines: string[] = [];
  const runtime = await createTestRuntime(t, { redis: false });
  const app = await buildApp(runtime.deps, [routes], { logger: loggerOptions('info', { write: (line) => lines.push(line) }) });
  await app.ready();
  t.teardown(() => app.close());
  await app.inject({ method: 'GET', url: '/v1/ip?token=sekrit-query', headers: { authorization: 'Bearer sekrit-header' } });
  await app.inject({ method: 'GET', url: '/v1/playlist-invites/sekrit-path' });
  const log = lines.join('');
  t.ok(log.includes('incoming request'), 'requests are logged');
  t.notMatch(log, /sekrit/, 'no token from a query, a header or a path');
});

t.test('an error is logged by its type, message and diagnostic fields, never by the objects hung on it', async (t) => {
  const lines: string[] = [];
  const log = pino(loggerOptions('info') as pino.LoggerOptions, { write: (line: string) => lines.push(line) });
  const failure = Object.assign(new Error('Connection terminated unexpectedly', { cause: new Error('read ECONNRESET') }), {
    code: '57P01',
    client: { connectionParameters: { connectionString: 'postgres://chorus:sekrit-password@db/chorus' } },
    request: { headers: { authorization: 'Bearer sekrit-token' } },
  });
  log.warn({ err: failure }, 'the database went away');
  const line = JSON.parse(lines.join('')) as { err: Record<string, unknown> };
  t.match(line.err, { type: 'Error', message: 'Connection terminated unexpectedly', code: '57P01', cause: { message: 'read ECONNRESET' } });
  t.match(String(line.err.stack), /Connection terminated/);
  t.notMatch(lines.join(''), /sekrit/, 'no connection string, no header');
  t.same(serializeError('not an error'), 'not an error');
});

t.test('security headers, no-store on personal answers, NUL refused, 405, readable validation', async (t) => {
  const { app, deps } = await createTestApp(t, [routes], { redis: false, env: { CHORUS_RATE_LIMITS: 'off' } });
  const user = await createUser(deps);

  const pub = await app.inject({ method: 'GET', url: '/v1/ip' });
  t.equal(pub.headers['x-content-type-options'], 'nosniff');
  t.match(String(pub.headers['content-security-policy']), /default-src 'none'/);
  t.match(String(pub.headers['x-frame-options']), /SAMEORIGIN|DENY/);
  t.equal(pub.headers['cache-control'], undefined, 'a public answer may be cached');
  const mine = await app.inject({ method: 'GET', url: '/v1/mine', headers: user.auth });
  t.equal(mine.headers['cache-control'], 'no-store', 'a personal answer may not');

  const nul = await app.inject({ method: 'POST', url: '/v1/things', payload: { name: 'a\u0000b' } });
  t.equal(nul.statusCode, 400);
  t.equal(nul.json().errors[0].pointer, '/name');
  const nulDeep = await app.inject({ method: 'POST', url: '/v1/things', payload: { name: 'ok', tags: ['x', 'y\u0000'] } });
  t.equal(nulDeep.json().errors[0].pointer, '/tags/1');
  const nested = { name: 'ok', 'a/b': [{ fine: 'yes' }, { 'c~d': ['x', { e: 'z\u0000' }] }] };
  const nulNested = await app.inject({ method: 'POST', url: '/v1/things', payload: nested });
  t.equal(nulNested.json().errors[0].pointer, '/a~1b/1/c~0d/1/e', 'deep, with the pointer escapes of / and ~');
  const nulKey = await app.inject({ method: 'POST', url: '/v1/things', payload: { name: 'ok', meta: { 'k\u0000': 1 } } });
  t.equal(nulKey.statusCode, 400, 'a NUL in a key');
  t.equal(nulKey.json().errors[0].pointer, '/meta/k\u0000');
  const clean = await app.inject({ method: 'POST', url: '/v1/things', payload: { name: 'ok', tags: ['x'], meta: { a: [1, null, { b: 'c' }] } } });
  t.not(clean.json().errors?.[0]?.detail, 'must not contain a NUL (U+0000) character', 'nothing found where there is none');
  const nulQuery = await app.inject({ method: 'GET', url: '/v1/things?q=a%00b' });
  t.equal(nulQuery.statusCode, 400);
  t.equal(nulQuery.json().errors[0].in, 'querystring');

  const wrongMethod = await app.inject({ method: 'DELETE', url: '/v1/things' });
  t.equal(wrongMethod.statusCode, 405);
  t.equal(wrongMethod.headers.allow, 'GET, HEAD, POST');
  t.match(wrongMethod.headers['content-type'], /problem\+json/);
  const unknown = await app.inject({ method: 'GET', url: '/v1/nothing-here' });
  t.equal(unknown.statusCode, 404);

  const badRange = await app.inject({ method: 'GET', url: '/v1/things?range=year' });
  t.equal(badRange.json().detail, 'The query parameters are not valid.');
  t.same(badRange.json().errors, [{ pointer: '/range', detail: 'must be one of 24h, 7d or 28d', in: 'querystring' }]);
  const badN = await app.inject({ method: 'GET', url: '/v1/things?n=abc' });
  t.same(badN.json().errors, [{ pointer: '/n', detail: 'must be integer or null', in: 'querystring' }]);

  const root = await app.inject({ method: 'GET', url: '/' });
  t.equal(root.statusCode, 200);
  t.equal(root.json().links.docs, '/docs');
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(docs.statusCode, 200, 'the API docs still load');
  t.match(String(docs.headers['content-security-policy']), /script-src/, 'with their own policy');
});
