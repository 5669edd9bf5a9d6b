import { identityService } from '@chorus/identity';
import { oauthQueries } from '@chorus/db';
import { queueWebhookDeliveries } from '@chorus/jobs';
import { playlistsService } from '@chorus/playlists';
import { createTestApp, createUser, signAppToken } from '@chorus/service-kit/testing';
import { confidentialApp, makeApp, makePartner, makePeople } from '@chorus/test-kit';
import { startTestWorkers } from '@chorus/workers/testing';
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import t, { type Test } from 'tap';
import { Compile } from 'typebox/compile';
import { partnersService } from '../src/index.js';
import { WEBHOOK_EVENTS } from '../src/webhooks.events.js';
import { artistTeam, type Receiver, receiver, WEBHOOK_ENV } from './webhooks-support.js';

const APP_EVENTS = ['connection.created', 'connection.revoked', 'playlist.updated'];
const schemas = new Map(WEBHOOK_EVENTS.map((e) => [e.type, Compile(e.schema)]));

/** The services an app's events come from (consent and disconnection, playlists) and the one that manages its webhooks. */
function appsPlatform(t: Test) {
  return createTestApp(t, [identityService, playlistsService, partnersService], { redis: true, env: WEBHOOK_ENV });
}

/** A partner's team, the partner, two of its apps, and tokens each app holds for itself (client credentials). */
async function partnerWithApps(app: FastifyInstance, deps: Parameters<typeof makePeople>[0]) {
  const people = await makePeople(deps);
  const partner = await makePartner(app, deps.db, people);
  // Apps that may manage their own webhooks acting for themselves (client credentials with partner:manage).
  const managing = { ...confidentialApp, scopes: [...confidentialApp.scopes, 'partner:manage'] };
  const own = await makeApp(app, people.admin, partner.id, managing);
  const other = await makeApp(app, people.admin, partner.id, managing);
  return {
    people,
    partner,
    own,
    other,
    ownToken: { authorization: `Bearer ${await signAppToken(deps, own.client_id, { scope: 'partner:manage' })}` },
    otherToken: { authorization: `Bearer ${await signAppToken(deps, other.client_id, { scope: 'partner:manage' })}` },
    base: `/v1/partners/${partner.id}/apps/${own.id}/webhooks`,
  };
}

function verified(t: Test, secret: string, r: Receiver['received'][number]) {
  const body = new Webhook(secret).verify(r.body, { 'webhook-id': r.id, 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature }) as {
    type: string;
    data: Record<string, unknown>;
  };
  t.ok(schemas.get(body.type as never)?.Check(body), `${body.type} matches its published schema`);
  return body;
}

t.test("an app's endpoints: its partner's admins and developers, or the app itself; nobody else", async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { env: WEBHOOK_ENV });
  const { people, partner, own, other, ownToken, otherToken, base } = await partnerWithApps(app, deps);
  const create = (headers: Record<string, string>, payload: Record<string, unknown> = { url: 'https://hooks.example.com/app', event_types: APP_EVENTS }) =>
    app.inject({ method: 'POST', url: base, headers, payload });

  const made = await create(people.developer.auth);
  t.equal(made.statusCode, 201, made.body);
  const endpoint = made.json<{ id: string; owner: { kind: string; id: string }; secret: string; event_types: string[] }>();
  t.same(endpoint.owner, { kind: 'app', id: own.id });
  t.match(endpoint.secret, /^whsec_/);
  const byApp = await create(ownToken, { url: 'https://hooks.example.com/itself', event_types: ['connection.created'] });
  t.equal(byApp.statusCode, 201, `the app itself may add one: ${byApp.body}`);
  const byAppRow = await deps.db
    .selectFrom('webhook_endpoints')
    .select('created_by')
    .where('id', '=', byApp.json<{ id: string }>().id)
    .executeTakeFirstOrThrow();
  t.equal(byAppRow.created_by, null, 'made by no person');

  const id = endpoint.id;
  const operations: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: unknown }> = [
    { method: 'GET', url: base },
    { method: 'POST', url: base, payload: { url: 'https://hooks.example.com/z', event_types: ['playlist.updated'] } },
    { method: 'GET', url: `${base}/${id}` },
    { method: 'PATCH', url: `${base}/${id}`, payload: { description: 'sync' } },
    { method: 'POST', url: `${base}/${id}/secret` },
    { method: 'GET', url: `${base}/${id}/deliveries?outcome=pending&event_type=connection.created` },
    { method: 'POST', url: `${base}/${id}/test` },
    { method: 'POST', url: `${base}/${id}/deliveries/${id}/redeliver` },
  ];
  // Allowed callers pass every operation (the redelivery names no delivery: 404 delivery_not_found); others are refused.
  const standings: Array<[string, Record<string, string> | null, number | 'allowed']> = [
    ['admin', people.admin.auth, 'allowed'],
    ['developer', people.developer.auth, 'allowed'],
    ['the app itself', ownToken, 'allowed'],
    ['analyst', people.analyst.auth, 403],
    ['platform admin', people.platformAdmin.auth, 403],
    ['outsider', people.outsider.auth, 404],
    ['another app of the partner', otherToken, 404],
    ['anonymous', null, 401],
  ];
  for (const [who, headers, expected] of standings) {
    for (const op of operations) {
      const res = await app.inject({ ...op, headers: headers ?? {} } as never);
      const label = `${who}: ${op.method} ${op.url.replace(base, '…')} → ${res.statusCode} ${res.body.slice(0, 100)}`;
      if (expected !== 'allowed') t.equal(res.statusCode, expected, label);
      else if (op.url.endsWith('/redeliver')) t.equal(res.json<{ code: string }>().code, 'delivery_not_found', label);
      else t.ok(res.statusCode < 300, label);
    }
  }
  const analyst = await app.inject({ url: base, headers: people.analyst.auth });
  t.equal(analyst.json<{ code: string }>().code, 'insufficient_role', 'an analyst sees the app but may not manage its webhooks');
  const noScope = await app.inject({
    url: base,
    headers: { authorization: `Bearer ${await signAppToken(deps, own.client_id, { scope: 'partner-analytics:read' })}` },
  });
  t.equal(noScope.statusCode, 403, 'the app itself needs partner:manage');
  t.equal(noScope.json<{ code: string }>().code, 'insufficient_scope');

  // The other app's endpoints are not this app's: not by its path, not through this app's path.
  const otherBase = `/v1/partners/${partner.id}/apps/${other.id}/webhooks`;
  const otherEndpoint = (
    await app.inject({
      method: 'POST',
      url: otherBase,
      headers: people.admin.auth,
      payload: { url: 'https://hooks.example.com/o', event_types: ['connection.created'] },
    })
  ).json<{ id: string }>();
  t.equal(
    (await app.inject({ url: `${base}/${otherEndpoint.id}`, headers: people.admin.auth })).statusCode,
    404,
    "another app's endpoint is not under this app",
  );
  t.equal((await app.inject({ url: `${otherBase}/${otherEndpoint.id}`, headers: ownToken })).statusCode, 404, "an app cannot reach another app's endpoints");
  const elsewhere = await makePartner(app, deps.db, await makePeople(deps));
  t.equal(
    (await app.inject({ url: `/v1/partners/${elsewhere.id}/apps/${own.id}/webhooks`, headers: people.admin.auth })).statusCode,
    404,
    'an app under a partner it does not belong to',
  );
  t.equal((await app.inject({ url: `/v1/partners/${partner.id}/apps/not-a-uuid/webhooks`, headers: people.admin.auth })).statusCode, 400);

  // Deleting the endpoint, then the app: its endpoints go with it.
  t.equal((await app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: ownToken })).statusCode, 204);
  t.equal((await app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: ownToken })).statusCode, 404);
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/partners/${partner.id}/apps/${own.id}`, headers: people.admin.auth })).statusCode, 204);
  const left = await deps.db.selectFrom('webhook_endpoints').select('id').where('owner_kind', '=', 'app').where('owner_id', '=', own.id).execute();
  t.same(left, [], "the app's endpoints are deleted with it");
});

t.test('event types are per kind of owner: artists cannot take app events, apps cannot take artist events', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { env: WEBHOOK_ENV });
  const { people, base } = await partnerWithApps(app, deps);
  const team = await artistTeam(deps);
  const artistBase = `/v1/artists/${team.artist.id}/webhooks`;
  const problem = (res: { statusCode: number; json: <T>() => T }) => ({
    status: res.statusCode,
    ...res.json<{ code: string; errors?: Array<{ pointer: string }> }>(),
  });

  const appTakesArtist = await app.inject({
    method: 'POST',
    url: base,
    headers: people.admin.auth,
    payload: { url: 'https://hooks.example.com/a', event_types: ['connection.created', 'stats.daily'] },
  });
  t.match(problem(appTakesArtist), { status: 422, code: 'event_type_not_for_owner', errors: [{ pointer: '/event_types/1' }] });
  const artistTakesApp = await app.inject({
    method: 'POST',
    url: artistBase,
    headers: team.admin.auth,
    payload: { url: 'https://hooks.example.com/a', event_types: ['playlist.updated'] },
  });
  t.match(problem(artistTakesApp), { status: 422, code: 'event_type_not_for_owner', errors: [{ pointer: '/event_types/0' }] });

  const appEndpoint = (
    await app.inject({ method: 'POST', url: base, headers: people.admin.auth, payload: { url: 'https://hooks.example.com/a', event_types: APP_EVENTS } })
  ).json<{ id: string }>();
  const patched = await app.inject({
    method: 'PATCH',
    url: `${base}/${appEndpoint.id}`,
    headers: people.admin.auth,
    payload: { event_types: ['insight.created'] },
  });
  t.match(problem(patched), { status: 422, code: 'event_type_not_for_owner' });
  const artistEndpoint = (
    await app.inject({
      method: 'POST',
      url: artistBase,
      headers: team.admin.auth,
      payload: { url: 'https://hooks.example.com/b', event_types: ['stats.daily'] },
    })
  ).json<{ id: string }>();
  const artistPatched = await app.inject({
    method: 'PATCH',
    url: `${artistBase}/${artistEndpoint.id}`,
    headers: team.admin.auth,
    payload: { event_types: ['connection.revoked'] },
  });
  t.match(problem(artistPatched), { status: 422, code: 'event_type_not_for_owner' });
  t.equal(
    (await app.inject({ method: 'POST', url: base, headers: people.admin.auth, payload: { url: 'https://h.example.com/x', event_types: ['ping'] } }))
      .statusCode,
    400,
  );

  const catalog = (await app.inject({ url: '/v1/webhook-event-types' })).json<{ items: Array<{ type: string; owners: string[] }> }>().items;
  t.same(
    catalog.filter((i) => i.owners.includes('app')).map((i) => i.type),
    [...APP_EVENTS, 'ping'],
  );
  t.same(catalog.find((i) => i.type === 'stats.daily')?.owners, ['artist']);
});

t.test('an app hears, signed, of listeners connecting, their shared playlists changing, and them disconnecting', async (t) => {
  const { app, deps } = await appsPlatform(t);
  await startTestWorkers(t, deps);
  const { people, own, base } = await partnerWithApps(app, deps);
  const hook = await receiver(t);
  const created = await app.inject({ method: 'POST', url: base, headers: people.developer.auth, payload: { url: hook.url, event_types: APP_EVENTS } });
  t.equal(created.statusCode, 201, created.body);
  const { id: endpointId, secret } = created.json<{ id: string; secret: string }>();
  const received = (type: string) => hook.received.map((r) => verified(t, secret, r)).filter((b) => b.type === type);

  // The consent page's transaction: the connection and its event; the job after commit (as /confirm does).
  const listener = await createUser(deps);
  const stranger = await createUser(deps);
  const deliveries = await oauthQueries.connect(deps.db, listener.id, own.client_id, ['listens:read', 'playlists:read']);
  t.equal(deliveries.length, 1, 'one delivery of connection.created, written with the connection');
  await queueWebhookDeliveries(deps.jobs, deliveries);
  await hook.waitFor(1);
  const [connected] = received('connection.created');
  t.ok(connected, 'connection.created arrived');
  t.match(connected?.data, { app: { id: own.id, client_id: own.client_id }, listener_id: listener.id, scopes: ['listens:read', 'playlists:read'] });
  t.same(await oauthQueries.connect(deps.db, listener.id, own.client_id, ['listens:read']), [], 'approving again while connected is no new connection');
  const strangers = await oauthQueries.connect(deps.db, stranger.id, own.client_id, ['listens:read']);
  t.equal(strangers.length, 1, 'another listener connecting is another event');
  await queueWebhookDeliveries(deps.jobs, strangers);
  await hook.waitFor(2);

  // The listener renames their playlist through the playlists service: the app hears of it once, with the new name.
  const playlist = await app.inject({ method: 'POST', url: '/v1/playlists', headers: listener.auth, payload: { name: 'Road trip', visibility: 'private' } });
  t.equal(playlist.statusCode, 201, playlist.body);
  const playlistId = playlist.json<{ id: string }>().id;
  const before = hook.received.length;
  const renamed = await app.inject({ method: 'PATCH', url: `/v1/playlists/${playlistId}`, headers: listener.auth, payload: { name: 'Road trip 2027' } });
  t.equal(renamed.statusCode, 200, renamed.body);
  await hook.waitFor(before + 1);
  const [updated] = received('playlist.updated');
  t.match(updated?.data, {
    app: { id: own.id, client_id: own.client_id },
    listener_ids: [listener.id],
    playlist: {
      id: playlistId,
      name: 'Road trip 2027',
      visibility: 'private',
      item_count: 0,
      snapshot_id: renamed.json<{ snapshot_id: string }>().snapshot_id,
    },
    change: 'details',
  });
  // A playlist of someone who connected the app without playlists:read tells it nothing.
  const theirs = (
    await app.inject({ method: 'POST', url: '/v1/playlists', headers: stranger.auth, payload: { name: 'Not shared', visibility: 'public' } })
  ).json<{ id: string }>().id;
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/playlists/${theirs}`, headers: stranger.auth, payload: { name: 'Still not' } })).statusCode, 200);

  // Disconnecting through the API: connection.revoked, in the same transaction as the revocation.
  const gone = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${own.client_id}`, headers: listener.auth });
  t.equal(gone.statusCode, 204, gone.body);
  await hook.waitFor(before + 2);
  const [revoked] = received('connection.revoked');
  t.match(revoked?.data, { app: { id: own.id, client_id: own.client_id }, listener_id: listener.id, scopes: ['listens:read', 'playlists:read'] });
  t.equal(new Set(hook.received.map((r) => r.id)).size, hook.received.length, 'each event its own webhook-id');

  // Disconnected: the app hears of the playlist no more.
  t.equal(
    (await app.inject({ method: 'PATCH', url: `/v1/playlists/${playlistId}`, headers: listener.auth, payload: { name: 'Private again' } })).statusCode,
    200,
  );
  await new Promise((r) => setTimeout(r, 300));
  t.equal(received('playlist.updated').length, 1, 'one playlist.updated in all: none for a stranger, none after disconnecting');
  t.equal(hook.received.length, 4);

  const log = await app.inject({ url: `${base}/${endpointId}/deliveries?outcome=succeeded`, headers: people.admin.auth });
  t.same(
    log
      .json<{ items: Array<{ event_type: string }> }>()
      .items.map((d) => d.event_type)
      .sort(),
    ['connection.created', 'connection.created', 'connection.revoked', 'playlist.updated'],
    'the delivery log shows them all, delivered',
  );
});
