import { buildApp } from '@chorus/service-kit';
import { createUser, type TestUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { createPlaylistsService } from '../src/index.js';
import { allActivity, api, createPlaylist, createTracks, playlistsApp } from './factories.js';
import { subscribe } from './sse-client.js';

t.test('live updates across two instances over Redis, with catch-up by Last-Event-ID', async (t) => {
  const service = createPlaylistsService({ eventHeartbeatMs: 200 });
  const { app: a, deps } = await playlistsApp(t, { eventHeartbeatMs: 200 });
  const b = await buildApp(deps, [service], { logger: false });
  t.teardown(() => b.close());
  const addressB = await b.listen({ port: 0, host: '127.0.0.1' });
  await a.listen({ port: 0, host: '127.0.0.1' });
  const callA = api(a);
  const callB = api(b);
  const owner = await createUser(deps);
  const watcher = await createUser(deps);
  const stranger = await createUser(deps);
  const tracks = await createTracks(deps.db, 10);
  const id = await createPlaylist(callA, owner);
  await callA('POST', `/v1/playlists/${id}/collaborators`, owner, { user_id: watcher.id, role: 'viewer' });
  const events = `${addressB}/v1/playlists/${id}/events`;

  t.equal((await subscribe(events, stranger.auth)).status, 404, 'a private playlist is 404 to a stranger');
  t.equal((await subscribe(events)).status, 404, 'and to anonymous callers');

  const live = await subscribe(events, watcher.auth);
  t.equal(live.status, 200);
  t.match(live.contentType, /^text\/event-stream/);

  // Changes on instance A, one after the other, then a burst on both instances at once.
  const first = await callA('POST', `/v1/playlists/${id}/items`, owner, { track_ids: tracks.slice(0, 3) });
  const [x, y] = first.body.items.map((i: { item_id: string }) => i.item_id) as string[];
  await callA('POST', `/v1/playlists/${id}/items/${x}/move`, owner, { after_item_id: y });
  await callA('PUT', `/v1/playlists/${id}/items/${y}/vote`, watcher, { direction: 'up' });
  await callA('PATCH', `/v1/playlists/${id}`, owner, { name: 'Live' });
  await Promise.all(tracks.map((track, i) => (i % 2 ? callA : callB)('POST', `/v1/playlists/${id}/items`, owner, { track_ids: [track] })));
  let log = await allActivity(callA, id, owner);
  const since = log.findIndex((row) => row.type === 'items_added');
  const expected = log.slice(since);
  await live.waitFor(() => live.events.length >= expected.length);
  t.same(
    live.events.map((e) => [e.id, e.event, e.data.snapshot_id]),
    expected.map((row) => [row.seq, row.type, row.snapshot_id]),
    `the subscriber on B saw all ${expected.length} changes, in seq order, without gaps or duplicates`,
  );
  t.same(live.events[0]!.data.payload, expected[0]!.payload, 'data carries the change');
  await live.waitFor(() => live.comments() > 0, 2000);
  t.ok(live.comments() > 0, 'heartbeat comments keep the stream open');

  // Hang up, miss some changes, come back with the last id seen.
  const lastSeen = live.events.at(-1)!.id;
  live.close();
  const channel = `${deps.namespace}:playlist:${id}`;
  const subscribers = async () => ((await deps.redis!.pubsub('NUMSUB', channel)) as [string, number])[1];
  for (let i = 0; i < 40 && (await subscribers()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
  t.equal(await subscribers(), 0, 'the subscription is cleaned up when the client goes');
  await callA('DELETE', `/v1/playlists/${id}/items`, owner, { item_ids: [x] });
  await callA('PUT', `/v1/playlists/${id}/items`, owner, { range_start: 0, insert_before: 2 });
  await callA('PUT', `/v1/playlists/${id}/items/${y}/vote`, owner, { direction: 'down' });

  const back = await subscribe(events, { ...watcher.auth, 'last-event-id': String(lastSeen) });
  t.equal(back.status, 200);
  await back.waitFor(() => back.events.length >= 3);
  await callA('POST', `/v1/playlists/${id}/items`, owner, { track_ids: [tracks[0]] });
  await callB('POST', `/v1/playlists/${id}/items`, owner, { track_ids: [tracks[1]] });
  await back.waitFor(() => back.events.length >= 5);
  log = await allActivity(callA, id, owner);
  t.same(
    back.events.map((e) => e.id),
    log.filter((row) => row.seq > lastSeen).map((row) => row.seq),
    'the missed changes first (from the log), then the live ones: nothing lost, nothing twice',
  );
  t.same(
    back.events.slice(0, 3).map((e) => e.event),
    ['items_removed', 'items_reordered', 'vote_cast'],
  );

  // Losing access ends the stream; deleting the playlist tells everyone and ends theirs.
  const ownerStream = await subscribe(events, owner.auth);
  await callA('DELETE', `/v1/playlists/${id}/collaborators/${watcher.id}`, owner);
  await back.waitFor(() => back.ended());
  t.equal(back.events.at(-2)!.event, 'collaborator_removed', 'a removed viewer hears it, then the stream ends');
  t.match(back.events.at(-1), { event: 'closed', data: { reason: 'access_revoked' } }, 'told why it ended');
  await callA('DELETE', `/v1/playlists/${id}`, owner);
  await ownerStream.waitFor(() => ownerStream.ended());
  t.equal(ownerStream.events.at(-1)!.event, 'playlist_deleted');
});

t.test('a public playlist streams to anonymous listeners', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const call = api(app);
  const owner: TestUser = await createUser(deps);
  const tracks = await createTracks(deps.db, 1);
  const id = await createPlaylist(call, owner, { visibility: 'public' });
  const stream = await subscribe(`${address}/v1/playlists/${id}/events`);
  t.equal(stream.status, 200);
  await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: tracks });
  await stream.waitFor(() => stream.events.length === 1);
  t.equal(stream.events[0]!.event, 'items_added');
  t.equal(stream.events[0]!.id, 2);
  const bad = await subscribe(`${address}/v1/playlists/${id}/events`, { 'last-event-id': 'nope' });
  t.equal(bad.status, 400, 'a Last-Event-ID that is not a seq');
  stream.close();
});
