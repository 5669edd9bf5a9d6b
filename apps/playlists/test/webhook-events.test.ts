import { uuidv7, webhooksQueries } from '@chorus/db';
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
