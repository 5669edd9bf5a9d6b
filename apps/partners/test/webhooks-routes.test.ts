import { recordTrackPlaylisted, uuidv7 } from '@chorus/db';
import { signTestToken } from '@chorus/service-kit/testing';
import { refusesBadInput } from '@chorus/test-kit';
import t from 'tap';
import { Compile } from 'typebox/compile';
import { artistTeam, playlist, webhookApp } from './webhooks-support.js';

interface Endpoint {
  id: string;
  url: string;
  secret?: string;
  event_types: string[];
  enabled: boolean;
  description: string;
  previous_secret_expires_at: string | null;
  owner: { kind: string; id: string };
}

t.test('artist webhook endpoints: create, read, list, update, delete, rotate', async (t) => {
  const { app, deps } = await webhookApp(t);
  const team = await artistTeam(deps);
  const base = `/v1/artists/${team.artist.id}/webhooks`;
  const create = (payload: Record<string, unknown>, headers = team.admin.auth) => app.inject({ method: 'POST', url: base, headers, payload });

  const created = await create({ url: 'https://hooks.example.com/chorus', event_types: ['insight.created', 'stats.daily'], description: 'CRM' });
  t.equal(created.statusCode, 201, created.body);
  const endpoint = created.json<Endpoint>();
  t.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'whsec_ + base64 of 32 bytes');
  t.equal(Buffer.from(endpoint.secret!.slice(6), 'base64').length, 32);
  t.same(endpoint.owner, { kind: 'artist', id: team.artist.id });
  t.equal(endpoint.enabled, true);

  const read = await app.inject({ url: `${base}/${endpoint.id}`, headers: team.admin.auth });
  t.equal(read.statusCode, 200);
  t.notOk('secret' in read.json(), 'the secret is shown once, at creation');
  t.equal(read.json<Endpoint>().description, 'CRM');

  const patched = await app.inject({
    method: 'PATCH',
    url: `${base}/${endpoint.id}`,
    headers: team.admin.auth,
    payload: { event_types: ['track.playlisted'], enabled: false },
  });
  t.equal(patched.statusCode, 200, patched.body);
  t.same(patched.json<Endpoint>().event_types, ['track.playlisted']);
  t.equal(patched.json<Endpoint>().enabled, false);
  t.equal(patched.json().disabled_reason, 'owner');
  const enabled = await app.inject({
    method: 'PATCH',
    url: `${base}/${endpoint.id}`,
    headers: team.admin.auth,
    payload: { enabled: true, url: 'https://hooks.example.com/v2' },
  });
  t.equal(enabled.json<Endpoint>().enabled, true);
  t.equal(enabled.json<Endpoint>().url, 'https://hooks.example.com/v2');
  t.equal((await app.inject({ method: 'PATCH', url: `${base}/${endpoint.id}`, headers: team.admin.auth, payload: {} })).statusCode, 400, 'an empty change');

  const rotated = await app.inject({ method: 'POST', url: `${base}/${endpoint.id}/secret`, headers: team.admin.auth });
  t.equal(rotated.statusCode, 200);
  t.match(rotated.json().secret, /^whsec_/);
  t.not(rotated.json().secret, endpoint.secret);
  const expires = Date.parse(rotated.json().previous_secret_expires_at);
  t.ok(Math.abs(expires - Date.now() - 24 * 3600_000) < 60_000, 'the old secret signs for 24 hours');
  t.equal(
    (await app.inject({ url: `${base}/${endpoint.id}`, headers: team.admin.auth })).json<Endpoint>().previous_secret_expires_at,
    rotated.json().previous_secret_expires_at,
  );

  // Pages of the list, oldest first.
  for (let i = 0; i < 4; i++) t.equal((await create({ url: `https://hooks.example.com/${i}`, event_types: ['stats.daily'] })).statusCode, 201);
  const first = (await app.inject({ url: `${base}?limit=3`, headers: team.admin.auth })).json<{ items: Endpoint[]; next_cursor: string }>();
  t.equal(first.items.length, 3);
  t.equal(first.items[0]!.id, endpoint.id);
  const second = (await app.inject({ url: `${base}?limit=3&cursor=${first.next_cursor}`, headers: team.admin.auth })).json<{
    items: Endpoint[];
    next_cursor: string | null;
  }>();
  t.equal(second.items.length, 2);
  t.equal(second.next_cursor, null);
  t.equal((await app.inject({ url: `${base}?cursor=nonsense`, headers: team.admin.auth })).statusCode, 400);

  // At most 20 per owner.
  for (let i = 4; i < 19; i++) await create({ url: `https://hooks.example.com/${i}`, event_types: ['stats.daily'] });
  const over = await create({ url: 'https://hooks.example.com/21', event_types: ['stats.daily'] });
  t.equal(over.statusCode, 409);
  t.equal(over.json().code, 'webhook_limit_reached');

  t.equal((await app.inject({ method: 'DELETE', url: `${base}/${endpoint.id}`, headers: team.admin.auth })).statusCode, 204);
  t.equal((await app.inject({ url: `${base}/${endpoint.id}`, headers: team.admin.auth })).statusCode, 404);
  t.equal((await app.inject({ method: 'DELETE', url: `${base}/${endpoint.id}`, headers: team.admin.auth })).statusCode, 404);
});

t.test("only the team's admins manage its webhooks: other members 403, anyone else 404", async (t) => {
  const { app, deps } = await webhookApp(t);
  const team = await artistTeam(deps);
  const other = await artistTeam(deps);
  const base = `/v1/artists/${team.artist.id}/webhooks`;
  const endpoint = (
    await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url: 'https://hooks.example.com/x', event_types: ['stats.daily'] } })
  ).json<Endpoint>();
  const foreign = (
    await app.inject({
      method: 'POST',
      url: `/v1/artists/${other.artist.id}/webhooks`,
      headers: other.admin.auth,
      payload: { url: 'https://a.example.com/x', event_types: ['stats.daily'] },
    })
  ).json<Endpoint>();
  const routes = [
    ['GET', base],
    ['POST', base],
    ['GET', `${base}/${endpoint.id}`],
    ['PATCH', `${base}/${endpoint.id}`],
    ['DELETE', `${base}/${endpoint.id}`],
    ['POST', `${base}/${endpoint.id}/secret`],
    ['GET', `${base}/${endpoint.id}/deliveries`],
    ['POST', `${base}/${endpoint.id}/test`],
    ['POST', `${base}/${endpoint.id}/deliveries/${endpoint.id}/redeliver`],
  ] as const;
  const payloadFor = (method: string, url: string) =>
    method === 'POST' && url === base
      ? { url: 'https://b.example.com/x', event_types: ['stats.daily'] }
      : method === 'PATCH'
        ? { description: 'x' }
        : undefined;
  const noScope = { authorization: `Bearer ${await signTestToken(deps, team.admin.id, [], 900, 'artist-analytics:read')}` };
  for (const [method, url] of routes) {
    const send = (headers?: Record<string, string>) =>
      app.inject({ method, url, ...(headers ? { headers } : {}), ...(payloadFor(method, url) ? { payload: payloadFor(method, url) } : {}) });
    t.equal((await send()).statusCode, 401, `${method} ${url}: no token`);
    const scoped = await send(noScope);
    t.equal(scoped.statusCode, 403, `${method} ${url}: a token without artists:manage`);
    t.equal(scoped.json().code, 'insufficient_scope');
    t.equal((await send(team.outsider.auth)).statusCode, 404, `${method} ${url}: not on the team`);
    t.equal((await send(other.admin.auth)).statusCode, 404, `${method} ${url}: another team's admin`);
    for (const member of [team.editor, team.reader]) {
      const res = await send(member.auth);
      t.equal(res.statusCode, 403, `${method} ${url}: a member who is not an admin`);
      t.equal(res.json().code, 'insufficient_role');
    }
  }
  // Another owner's endpoint under this artist's path does not exist.
  for (const url of [`${base}/${foreign.id}`, `${base}/${foreign.id}/deliveries`])
    t.equal((await app.inject({ url, headers: team.admin.auth })).statusCode, 404);
  t.equal((await app.inject({ method: 'POST', url: `${base}/${foreign.id}/test`, headers: team.admin.auth })).statusCode, 404);
  // Platform admins may.
  t.equal((await app.inject({ url: `${base}/${endpoint.id}`, headers: team.platformAdmin.auth })).statusCode, 200);
  t.equal((await app.inject({ url: `/v1/artists/00000000-0000-7000-8000-000000000000/webhooks`, headers: team.admin.auth })).statusCode, 404, 'no such artist');
});

t.test('URLs that point inside are refused; https only', async (t) => {
  const { app, deps } = await webhookApp(t, { CHORUS_WEBHOOKS_ALLOW_PRIVATE: '0' });
  const team = await artistTeam(deps);
  const base = `/v1/artists/${team.artist.id}/webhooks`;
  const refused = [
    'http://hooks.example.com/x',
    'https://127.0.0.1/x',
    'https://127.1:8443/x',
    'https://10.1.2.3/x',
    'https://172.16.0.9/x',
    'https://192.168.1.1/x',
    'https://100.64.0.1/x',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[fd00:ec2::254]/x',
    'https://[fe80::1]/x',
    'https://224.0.0.1/x',
    'https://0.0.0.0/x',
    'https://localhost/x',
    'https://api.localhost/x',
    'https://metadata/computeMetadata',
    'https://user:pass@hooks.example.com/x',
    'ftp://hooks.example.com/x',
    'not a url at all',
  ];
  for (const url of refused) {
    const res = await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url, event_types: ['stats.daily'] } });
    t.equal(res.statusCode, 422, url);
    t.equal(res.json().code, 'webhook_url_refused', url);
  }
  const ok = await app.inject({
    method: 'POST',
    url: base,
    headers: team.admin.auth,
    payload: { url: 'https://203.0.114.7:8443/x', event_types: ['stats.daily'] },
  });
  t.equal(ok.statusCode, 201, 'a public address');
  const patch = await app.inject({ method: 'PATCH', url: `${base}/${ok.json().id}`, headers: team.admin.auth, payload: { url: 'https://10.0.0.1/x' } });
  t.equal(patch.statusCode, 422, 'refused on change too');
  t.equal(
    (await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url: 'https://hooks.example.com/x', event_types: ['ping'] } }))
      .statusCode,
    400,
    'ping is not subscribable',
  );
});

t.test('hostile input is refused and writes nothing', async (t) => {
  const { app, deps } = await webhookApp(t);
  const team = await artistTeam(deps);
  const base = `/v1/artists/${team.artist.id}/webhooks`;
  const snapshot = () => deps.db.selectFrom('webhook_endpoints').select(['id', 'url', 'description', 'event_types']).orderBy('id').execute();
  await refusesBadInput(t, app, {
    method: 'POST',
    url: base,
    headers: team.admin.auth,
    body: { url: 'https://hooks.example.com/x', event_types: ['stats.daily'], description: 'x', enabled: true },
    required: ['url', 'event_types'],
    snapshot,
  });
  const id = (
    await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url: 'https://hooks.example.com/x', event_types: ['stats.daily'] } })
  ).json().id;
  await refusesBadInput(t, app, {
    method: 'PATCH',
    url: `${base}/${id}`,
    headers: team.admin.auth,
    body: { url: 'https://hooks.example.com/y', event_types: ['stats.daily'], description: 'y', enabled: false },
    snapshot,
  });
  for (const event_types of [[], ['stats.daily', 'stats.daily'], ['nope']]) {
    t.equal(
      (await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url: 'https://h.example.com/x', event_types } })).statusCode,
      400,
      JSON.stringify(event_types),
    );
  }
  for (const query of ['?outcome=lost', '?event_type=nope', '?limit=101', '?cursor=%%%']) {
    t.equal((await app.inject({ url: `${base}/${id}/deliveries${query}`, headers: team.admin.auth })).statusCode, 400, query);
  }
  t.equal((await app.inject({ url: `${base}/not-a-uuid`, headers: team.admin.auth })).statusCode, 400);
});

t.test('the event catalog and the OpenAPI webhooks section', async (t) => {
  const { app } = await webhookApp(t);
  const res = await app.inject({ url: '/v1/webhook-event-types' });
  t.equal(res.statusCode, 200, 'public');
  const items = res.json<{ items: Array<{ type: string; subscribable: boolean; schema: Record<string, unknown> }> }>().items;
  t.same(
    items.map((i) => i.type),
    ['insight.created', 'milestone.reached', 'track.playlisted', 'stats.daily', 'connection.created', 'connection.revoked', 'playlist.updated', 'ping'],
  );
  t.same(
    items.filter((i) => !i.subscribable).map((i) => i.type),
    ['ping'],
  );
  for (const item of items) {
    const check = Compile(item.schema as never);
    t.notOk(check.Check({ type: item.type, timestamp: new Date().toISOString() }), `${item.type}: data is required`);
  }

  const doc = app.swagger() as unknown as {
    openapi: string;
    webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }>;
    components: { schemas: Record<string, unknown> };
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  };
  t.equal(doc.openapi, '3.1.0');
  t.same(Object.keys(doc.webhooks), [
    'insight.created',
    'milestone.reached',
    'track.playlisted',
    'stats.daily',
    'connection.created',
    'connection.revoked',
    'playlist.updated',
    'ping',
  ]);
  for (const [type, item] of Object.entries(doc.webhooks)) {
    const ref = item.post.requestBody.content['application/json']!.schema.$ref;
    const name = ref.replace('#/components/schemas/', '');
    t.ok(doc.components.schemas[name], `${type}: ${ref} is defined`);
  }
  for (const name of ['WebhookEndpoint', 'WebhookEndpointCreated', 'WebhookSecret', 'WebhookDelivery', 'WebhookEventType'])
    t.ok(doc.components.schemas[name], name);
  t.equal(
    doc.paths['/v1/artists/{id}/webhooks/{webhook_id}']!.get!.responses['200']!.content!['application/json']!.schema.$ref,
    '#/components/schemas/WebhookEndpoint',
  );
});

t.test('the outbox: events only with their cause, only for listening endpoints, gone with their artist', async (t) => {
  const { app, deps } = await webhookApp(t);
  const team = await artistTeam(deps);
  const list = await playlist(deps.db, team.outsider);
  const count = async (table: 'webhook_events' | 'webhook_deliveries' | 'webhook_endpoints') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const add = (trackId: string) =>
    deps.db.transaction().execute((trx) => recordTrackPlaylisted(trx, { playlistId: list, items: [{ item_id: uuidv7(), track_id: trackId }] }));

  t.same(await add(team.tracks[0]!.id), [], 'nobody listens: nothing is written');
  t.equal(await count('webhook_events'), 0);
  const base = `/v1/artists/${team.artist.id}/webhooks`;
  const listening = (
    await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url: 'https://a.example.com/x', event_types: ['track.playlisted'] } })
  ).json();
  await app.inject({ method: 'POST', url: base, headers: team.admin.auth, payload: { url: 'https://b.example.com/x', event_types: ['stats.daily'] } });
  await app.inject({
    method: 'POST',
    url: base,
    headers: team.admin.auth,
    payload: { url: 'https://c.example.com/x', event_types: ['track.playlisted'], enabled: false },
  });

  const rolledBack = deps.db.transaction().execute(async (trx) => {
    t.equal((await recordTrackPlaylisted(trx, { playlistId: list, items: [{ item_id: uuidv7(), track_id: team.tracks[0]!.id }] })).length, 1);
    throw new Error('the playlist change failed');
  });
  await t.rejects(rolledBack, /failed/);
  t.equal(await count('webhook_events'), 0, 'an event is committed with its cause or not at all');

  const [delivery] = await add(team.tracks[1]!.id);
  t.equal(await count('webhook_events'), 1);
  const rows = await deps.db.selectFrom('webhook_deliveries').select(['id', 'endpoint_id', 'status']).execute();
  t.same(rows, [{ id: delivery, endpoint_id: listening.id, status: 'pending' }], 'one delivery, to the enabled endpoint listening for the type');

  await deps.db.deleteFrom('artists').where('id', '=', team.artist.id).execute();
  t.same([await count('webhook_endpoints'), await count('webhook_events'), await count('webhook_deliveries')], [0, 0, 0], "the artist's webhooks go with it");
});
