import { oauthQueries, uuidv7, webhooksQueries } from '@chorus/db';
import { registerPartnerApp } from '@chorus/test-kit';
import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { api, createPlaylist, createTracks, playlistsApp } from './factories.js';

t.test("adding an artist's tracks to a public playlist records track.playlisted for its webhooks and queues the delivery", async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const [listened, other] = await createTracks(deps.db, 2, {});
  const { artist_id } = await deps.db.selectFrom('tracks').select('artist_id').where('id', '=', listened!).executeTakeFirstOrThrow();
  const endpointId = uuidv7();
  await webhooksQueries.insertEndpoint(
    deps.db,
    { kind: 'artist', id: artist_id },
    {
      id: endpointId,
      url: 'https://hooks.example.test/chorus',
      description: '',
      event_types: ['track.playlisted'],
      secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0',
      enabled: true,
      created_by: owner.id,
    },
  );

  const deliveriesOf = async () =>
    (await deps.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpointId).execute()).map((r) => r.id);
  const privateList = await createPlaylist(call, owner, { visibility: 'private' });
  t.equal((await call('POST', `/v1/playlists/${privateList}/items`, owner, { track_ids: [listened] })).status, 201);
  t.same(await deliveriesOf(), [], 'a private playlist tells nobody');

  const publicList = await createPlaylist(call, owner, { visibility: 'public' });
  t.equal((await call('POST', `/v1/playlists/${publicList}/items`, owner, { track_ids: [listened, other] })).status, 201);
  const ids = await deliveriesOf();
  t.equal(ids.length, 2, 'one delivery per track added, in the same transaction');
  const counts = await deps.jobs.counts('webhooks');
  t.equal((counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0), 2, 'both deliveries queued after commit');
});

t.test("a connected listener's playlist changes record playlist.updated for the app, once per snapshot, and queue it", async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const collaborator = await createUser(deps);
  const { app: partnerApp } = await registerPartnerApp(deps.db, { scopes: ['playlists:read', 'listens:read'] });
  const endpointId = uuidv7();
  await webhooksQueries.insertEndpoint(
    deps.db,
    { kind: 'app', id: partnerApp.id },
    {
      id: endpointId,
      url: 'https://hooks.example.test/app',
      description: '',
      event_types: ['playlist.updated'],
      secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0',
      enabled: true,
      created_by: null,
    },
  );
  const events = async () =>
    (
      await deps.db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
        .select(['e.payload', 'e.dedupe_key'])
        .where('d.endpoint_id', '=', endpointId)
        .orderBy('d.id')
        .execute()
    ).map((r) => r.payload as { data: { listener_ids: string[]; change: string; playlist: { name: string; item_count: number } } });
  const [track] = await createTracks(deps.db, 1, {});
  const playlistId = await createPlaylist(call, owner, { visibility: 'private' });

  t.equal((await call('PATCH', `/v1/playlists/${playlistId}`, owner, { name: 'Not yet' })).status, 200);
  t.same(await events(), [], 'nobody connected the app: nothing');

  // The collaborator connects the app with playlists:read: the playlist they collaborate on is shared with it.
  await deps.db
    .insertInto('playlist_collaborators')
    .values({ playlist_id: playlistId, user_id: collaborator.id, role: 'editor', added_by: owner.id, invite_id: null })
    .execute();
  await oauthQueries.connect(deps.db, collaborator.id, partnerApp.client_id, ['playlists:read']);
  await oauthQueries.connect(deps.db, owner.id, partnerApp.client_id, ['listens:read']);
  t.equal((await call('PATCH', `/v1/playlists/${playlistId}`, owner, { name: 'Shared now' })).status, 200);
  t.equal((await call('POST', `/v1/playlists/${playlistId}/items`, collaborator, { track_ids: [track] })).status, 201);
  const [renamed, added, ...more] = await events();
  t.same(more, []);
  t.match(renamed?.data, { listener_ids: [collaborator.id], change: 'details', playlist: { name: 'Shared now', item_count: 0 } });
  t.match(added?.data, { change: 'items', playlist: { item_count: 1 } });
  const counts = await deps.jobs.counts('webhooks');
  t.equal((counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0), 2, 'both queued after commit');

  // The owner approving playlists:read too: still one event per snapshot, naming both.
  await oauthQueries.connect(deps.db, owner.id, partnerApp.client_id, ['playlists:read']);
  t.equal((await call('PATCH', `/v1/playlists/${playlistId}`, owner, { description: 'both' })).status, 200);
  const all = await events();
  t.equal(all.length, 3, 'one event per app and snapshot');
  t.same(all[2]?.data.listener_ids, [collaborator.id, owner.id].sort());
});
