import t from 'tap';
import { Type } from 'typebox';
import { access, problems, type ServiceModule } from '../src/index.js';
import { createTestApp, createUser, signTestToken } from '../src/testing.js';

const echo: ServiceModule = {
  name: 'echo',
  description: 'test routes',
  plugin: async (app) => {
    app.post(
      '/v1/echo',
      {
        config: access.public(),
        schema: {
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 10 }),
              items: Type.Array(Type.Object({ n: Type.Integer() }, { additionalProperties: false }), { maxItems: 3 }),
            },
            { additionalProperties: false },
          ),
        },
        bodyLimit: 2048,
      },
      async (request) => request.body,
    );
    app.get('/v1/secret', { config: access.user() }, async (request) => ({ user: request.principal!.userId }));
    app.get('/v1/admin', { config: access.internal('admin:manage', ['platform_admin']) }, async () => ({ ok: true }));
    app.get('/v1/conflict', { config: access.public() }, async () => {
      throw problems.conflict('already_there', 'It is already there.');
    });
    app.get('/v1/boom', { config: access.public() }, async () => {
      throw new Error('secret internals');
    });
  },
};

t.test('problem+json for every kind of failure', async (t) => {
  const { app, deps } = await createTestApp(t, [echo], { redis: false, env: { CHORUS_RATE_LIMITS: 'off' } });

  const missing = await app.inject({ method: 'POST', url: '/v1/echo', payload: { items: [{ n: 1 }, { n: 'x', z: 1 }], extra: true } });
  t.equal(missing.statusCode, 400);
  t.match(missing.headers['content-type'], /application\/problem\+json/);
  const body = missing.json();
  t.equal(body.code, 'validation_failed');
  t.equal(body.status, 400);
  const pointers = body.errors.map((e: { pointer: string }) => e.pointer).sort();
  t.same(pointers, ['/extra', '/items/1/n', '/items/1/z', '/name']);

  const malformed = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
  t.equal(malformed.statusCode, 400);
  t.equal(malformed.json().code, 'malformed_json');

  const big = await app.inject({ method: 'POST', url: '/v1/echo', payload: { name: 'x'.repeat(5000), items: [] } });
  t.equal(big.statusCode, 413);
  t.equal(big.json().code, 'body_too_large');

  const text = await app.inject({ method: 'POST', url: '/v1/echo', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
  t.equal(text.statusCode, 415);
  t.match(text.headers['content-type'], /problem\+json/);

  const unknown = await app.inject({ method: 'GET', url: '/v1/nope' });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'route_not_found');

  const conflict = await app.inject({ method: 'GET', url: '/v1/conflict' });
  t.equal(conflict.statusCode, 409);
  t.equal(conflict.json().code, 'already_there');

  const boom = await app.inject({ method: 'GET', url: '/v1/boom' });
  t.equal(boom.statusCode, 500);
  t.notMatch(boom.body, /secret internals/);

  t.test('auth guards', async (t) => {
    const anon = await app.inject({ method: 'GET', url: '/v1/secret' });
    t.equal(anon.statusCode, 401);
    t.equal(anon.json().code, 'unauthorized');
    const user = await createUser(deps);
    const ok = await app.inject({ method: 'GET', url: '/v1/secret', headers: user.auth });
    t.same(ok.json(), { user: user.id });
    const notAdmin = await app.inject({ method: 'GET', url: '/v1/admin', headers: user.auth });
    t.equal(notAdmin.statusCode, 403);
    const admin = await createUser(deps, { roles: ['platform_admin'] });
    t.equal((await app.inject({ method: 'GET', url: '/v1/admin', headers: admin.auth })).statusCode, 200);

    const [h, p, s] = user.token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, roles: ['platform_admin'] })).toString('base64url')}.${s}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const expired = await signTestToken(deps, user.id, [], -10);
    for (const [name, token] of [
      ['tampered', tampered],
      ['alg none', none],
      ['expired', expired],
      ['garbage', 'abc.def'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: '/v1/admin', headers: { authorization: `Bearer ${token}` } });
      t.equal(res.statusCode, 401, name);
      t.equal(res.json().code, 'invalid_token', name);
    }
  });
});

t.test('rate limits answer 429 with the draft headers and Retry-After', async (t) => {
  const { app } = await createTestApp(t, [echo], { redis: true, env: { CHORUS_RATE_LIMIT_DEFAULT: '3/60s' } });
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof app.inject>> | undefined;
  for (let i = 0; i < 4; i++) {
    last = await app.inject({ method: 'GET', url: '/v1/conflict' });
    statuses.push(last.statusCode);
  }
  t.same(statuses, [409, 409, 409, 429]);
  t.equal(last!.headers['ratelimit-limit'], '3');
  t.equal(last!.headers['ratelimit-remaining'], '0');
  t.ok(Number(last!.headers['retry-after']) > 0);
  t.equal(last!.json().code, 'rate_limited');
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'health is never limited');
});

t.test('health and readiness', async (t) => {
  const { app } = await createTestApp(t, [echo], { redis: false });
  t.same((await app.inject({ url: '/healthz' })).json(), { status: 'ok' });
  const ready = await app.inject({ url: '/readyz' });
  t.equal(ready.statusCode, 200);
  t.same(ready.json().checks, { database: 'ok', queue: 'ok' });
});
