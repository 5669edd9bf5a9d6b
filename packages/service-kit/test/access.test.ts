import t from 'tap';
import { access, type ServiceModule } from '../src/index.js';
import { createTestApp, createUser, signTestToken } from '../src/testing.js';

const routes: ServiceModule = {
  name: 'access',
  description: 'test routes',
  plugin: async (app) => {
    app.get('/v1/open', { config: access.public() }, async (request) => ({ who: request.principal?.userId ?? null }));
    app.get('/v1/maybe', { config: access.optional('playlists:read') }, async (request) => ({ who: request.principal?.userId ?? null }));
    app.post('/v1/mine', { config: access.user('playlists:write') }, async (request) => ({ who: request.principal!.userId }));
    app.get('/v1/insight', { config: access.internal('product-insight:read', ['product_analyst']) }, async () => ({ ok: true }));
  },
};

t.test('declared access is enforced and documented', async (t) => {
  const { app, deps } = await createTestApp(t, [routes], { redis: false, env: { CHORUS_RATE_LIMITS: 'off' } });
  const user = await createUser(deps);
  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const scoped = (userId: string, scope: string) => signTestToken(deps, userId, [], 900, scope).then((token) => ({ authorization: `Bearer ${token}` }));
  const writer = await scoped(user.id, 'playlists:write');
  const reader = await scoped(user.id, 'listens:read');

  t.same((await app.inject({ url: '/v1/open' })).json(), { who: null });
  t.same((await app.inject({ url: '/v1/maybe' })).json(), { who: null });
  t.same((await app.inject({ url: '/v1/maybe', headers: await scoped(user.id, 'playlists:read') })).json(), { who: user.id });
  t.same((await app.inject({ url: '/v1/maybe', headers: reader })).json(), { who: null }, 'a token without the scope reads as anonymous');
  t.equal((await app.inject({ url: '/v1/maybe', headers: { authorization: 'Bearer nope' } })).statusCode, 401, 'a broken token is still refused');

  t.equal((await app.inject({ method: 'POST', url: '/v1/mine' })).statusCode, 401);
  t.equal((await app.inject({ method: 'POST', url: '/v1/mine', headers: writer })).statusCode, 200);
  const denied = await app.inject({ method: 'POST', url: '/v1/mine', headers: reader });
  t.equal(denied.statusCode, 403);
  t.equal(denied.json().code, 'insufficient_scope');
  t.equal(denied.headers['www-authenticate'], 'Bearer error="insufficient_scope", scope="playlists:write"', 'RFC 6750');

  t.equal((await app.inject({ url: '/v1/insight', headers: user.auth })).statusCode, 403, 'the scope without the role');
  t.equal((await app.inject({ url: '/v1/insight', headers: analyst.auth })).statusCode, 200);

  const doc = app.swagger() as { paths: Record<string, Record<string, { security?: unknown }>> };
  t.same(doc.paths['/v1/open']!.get!.security, []);
  t.same(doc.paths['/v1/mine']!.post!.security, [{ oauth2: ['playlists:write'] }, { bearerAuth: ['playlists:write'] }, { personalToken: ['playlists:write'] }]);
  t.same((doc.paths['/v1/maybe']!.get!.security as unknown[]).at(-1), {}, 'anonymous allowed');
});

t.test("named schemas become components, a route's own body and answer included", async (t) => {
  const { Type } = await import('typebox');
  const Artist = Type.Object({ id: Type.String(), name: Type.String() }, { $id: 'TestArtist' });
  const { app } = await createTestApp(
    t,
    [
      {
        name: 'named',
        description: 'test',
        plugin: async (app) => {
          app.post(
            '/v1/named',
            {
              config: access.public(),
              schema: {
                body: Type.Object({ name: Type.String() }, { $id: 'CreateTestArtist', additionalProperties: false }),
                response: { 201: Artist, 200: Type.Object({ items: Type.Array(Artist) }, { $id: 'TestArtistList' }) },
              },
            },
            async (request, reply) => reply.code(201).send({ id: '1', name: (request.body as { name: string }).name, hidden: true }),
          );
        },
      },
    ],
    { redis: false, env: { CHORUS_RATE_LIMITS: 'off' } },
  );
  const created = await app.inject({ method: 'POST', url: '/v1/named', payload: { name: 'Ada' } });
  t.same(created.json(), { id: '1', name: 'Ada' }, 'validation and serialization are unchanged');
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, unknown> } };
  const op = doc.paths['/v1/named']!.post!;
  t.same((op.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']!.schema, {
    $ref: '#/components/schemas/CreateTestArtist',
  });
  const responses = op.responses as Record<string, { content: Record<string, { schema: unknown }> }>;
  t.same(responses['201']!.content['application/json']!.schema, { $ref: '#/components/schemas/TestArtist' });
  t.same(responses['200']!.content['application/json']!.schema, { $ref: '#/components/schemas/TestArtistList' });
  t.ok(doc.components.schemas.TestArtist && doc.components.schemas.CreateTestArtist && doc.components.schemas.TestArtistList);
  t.notOk(JSON.stringify(doc).includes('x-chorus-schema'), 'no marker left behind');
});
