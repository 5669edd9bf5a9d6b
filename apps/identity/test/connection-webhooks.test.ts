import { uuidv7, webhooksQueries } from '@chorus/db';
import t from 'tap';
import { userWithPassword } from './helpers.js';
import { Browser, oauthServer, pkce, registerApp, signInAndConsent } from './oauth-helpers.js';

const { app, deps, base } = await oauthServer(t);

t.test("consent and disconnection write the app's connection events with the connection, and queue their deliveries", async (t) => {
  const client = await registerApp(deps, { verified: true, scopes: ['profile:read', 'listens:read', 'playlists:read'] });
  const endpointId = uuidv7();
  await webhooksQueries.insertEndpoint(
    deps.db,
    { kind: 'app', id: client.appId },
    {
      id: endpointId,
      url: 'https://hooks.example.test/app',
      description: '',
      event_types: ['connection.created', 'connection.revoked'],
      secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0',
      enabled: true,
      created_by: client.owner.id,
    },
  );
  const events = () =>
    deps.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .select(['d.id', 'e.type', 'e.payload'])
      .where('d.endpoint_id', '=', endpointId)
      .orderBy('d.id')
      .execute();
  const queued = async () => {
    const counts = await deps.jobs.counts('webhooks');
    return (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) + (counts.completed ?? 0) + (counts.failed ?? 0);
  };
  const queuedBefore = await queued();

  const user = await userWithPassword(deps);
  const consent = async () => {
    const params = new URLSearchParams({
      client_id: client.clientId,
      response_type: 'code',
      redirect_uri: client.redirectUri,
      scope: 'profile:read playlists:read',
      state: 's',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    });
    const { final } = await signInAndConsent(new Browser(base), `/oauth/auth?${params}`, user.email);
    t.equal(final.status, 303, 'consented');
  };
  await consent();
  const [created, ...more] = await events();
  t.same(more, [], 'one event');
  t.match(created, {
    type: 'connection.created',
    payload: {
      type: 'connection.created',
      data: { app: { id: client.appId, client_id: client.clientId }, listener_id: user.id, scopes: ['profile:read', 'playlists:read'] },
    },
  });
  t.equal(await queued(), queuedBefore + 1, 'its delivery was queued after commit');

  await consent();
  t.equal((await events()).length, 1, 'consenting again while connected is no new event');

  const gone = await app.inject({ method: 'DELETE', url: `/v1/me/connections/${client.clientId}`, headers: user.auth });
  t.equal(gone.statusCode, 204, gone.body);
  const after = await events();
  t.equal(after.length, 2);
  t.match(after[1], { type: 'connection.revoked', payload: { data: { listener_id: user.id, app: { client_id: client.clientId } } } });
  t.equal(await queued(), queuedBefore + 2);
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/me/connections/${client.clientId}`, headers: user.auth })).statusCode, 404, 'once');
  t.equal((await events()).length, 2, 'a refused disconnection records nothing');

  // Connecting anew after disconnecting is news again.
  await consent();
  t.same(
    (await events()).map((e) => e.type),
    ['connection.created', 'connection.revoked', 'connection.created'],
  );
});
