import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { allItemIds, api, createPlaylist, createTracks, playlistsApp } from './factories.js';

t.test("Spotify's habits: snapshot_id in the body of a reorder or a remove, If-Match on PATCH, 400 for a malformed If-Match", async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 6);
  const id = await createPlaylist(call, owner);
  const items = `/v1/playlists/${id}/items`;
  const added = await call('POST', items, owner, { track_ids: tracks.slice(0, 4) });
  const stale: string = added.body.snapshot_id;
  const again = await call('POST', items, owner, { track_ids: tracks.slice(4, 6) });
  let current: string = again.body.snapshot_id;
  const order = await allItemIds(call, id, owner);

  // Reorder with snapshot_id in the body.
  const staleReorder = await call('PUT', items, owner, { range_start: 0, insert_before: 3, snapshot_id: stale });
  t.equal(staleReorder.status, 412, 'a reorder on a stale snapshot_id is refused');
  t.equal(staleReorder.body.current_snapshot_id, current);
  t.same(await allItemIds(call, id, owner), order, 'and nothing moved');
  const reordered = await call('PUT', items, owner, { range_start: 0, insert_before: 3, snapshot_id: current });
  t.equal(reordered.status, 200, 'on the current one it applies');
  current = reordered.body.snapshot_id;
  t.equal(
    (await call('PUT', items, owner, { range_start: 0, insert_before: 2, snapshot_id: current }, { 'if-match': `"${stale}"` })).status,
    412,
    'If-Match and snapshot_id must both hold',
  );

  // Remove with snapshot_id in the body, or If-Match.
  const before = await allItemIds(call, id, owner);
  const staleRemove = await call('DELETE', items, owner, { item_ids: [before[0]], snapshot_id: stale });
  t.equal(staleRemove.status, 412, 'a remove on a stale snapshot_id is refused');
  t.equal((await call('DELETE', items, owner, { item_ids: [before[0]] }, { 'if-match': `"${stale}"` })).status, 412, 'so is one with a stale If-Match');
  t.same(await allItemIds(call, id, owner), before, 'and nothing was removed');
  const removed = await call('DELETE', items, owner, { item_ids: [before[0]], snapshot_id: current });
  t.equal(removed.status, 200);
  t.same(removed.body.removed, [before[0]]);
  current = removed.body.snapshot_id;
  t.equal((await call('DELETE', items, owner, { item_ids: [before[1]] })).status, 200, 'without a snapshot a remove applies to the current state');
  current = (await call('GET', `/v1/playlists/${id}`, owner)).body.snapshot_id;

  // PATCH honours If-Match.
  const stalePatch = await call('PATCH', `/v1/playlists/${id}`, owner, { name: 'Late' }, { 'if-match': `"${stale}"` });
  t.equal(stalePatch.status, 412, 'PATCH on a stale snapshot is refused');
  t.equal((await call('GET', `/v1/playlists/${id}`, owner)).body.name, 'Mix', 'and the name is unchanged');
  const patched = await call('PATCH', `/v1/playlists/${id}`, owner, { name: 'On time' }, { 'if-match': `W/"${current}"` });
  t.equal(patched.status, 200);
  t.equal(patched.body.name, 'On time');
  t.equal((await call('PATCH', `/v1/playlists/${id}`, owner, { name: 'Any' }, { 'if-match': '*' })).status, 200, '"*" matches any snapshot');
  current = (await call('GET', `/v1/playlists/${id}`, owner)).body.snapshot_id;

  // A malformed If-Match says nothing about the playlist: 400, not 412, and nothing changes.
  const snapshotBefore = current;
  const malformed = ['"unterminated', 'not-a-snapshot', '"1-short"', 'W/', '"a", ,"b"', `*, "${current}"`, `"${current}" junk`, '""'];
  const requests: Array<[string, string, Record<string, unknown>]> = [
    ['PUT', items, { range_start: 0, insert_before: 2 }],
    ['DELETE', items, { item_ids: [before[2]] }],
    ['PATCH', `/v1/playlists/${id}`, { name: 'Never' }],
    ['POST', items, { track_ids: [tracks[0]], position: 0 }],
  ];
  for (const header of malformed) {
    for (const [method, url, body] of requests) {
      const res = await call(method as 'PUT', url, owner, body, { 'if-match': header });
      t.equal(res.status, 400, `${method} with If-Match ${header}: 400`);
      t.equal(res.body.code, 'invalid_if_match');
    }
  }
  t.equal((await call('GET', `/v1/playlists/${id}`, owner)).body.snapshot_id, snapshotBefore, 'no malformed request changed anything');
  const badBody = await call('PUT', items, owner, { range_start: 0, insert_before: 2, snapshot_id: 'nope' });
  t.equal(badBody.status, 400, 'a snapshot_id that is not one is a validation error');
  t.match(badBody.body.errors, [{ pointer: '/snapshot_id' }]);
  t.equal(
    (await call('PUT', items, owner, { range_start: 0, insert_before: 2 }, { 'if-match': `"${current}", "${stale}"` })).status,
    200,
    'a list naming the current snapshot holds',
  );
});

t.test('GETs of a playlist and its items carry an ETag and answer 304 to If-None-Match', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const fan = await createUser(deps);
  const tracks = await createTracks(deps.db, 2);
  const id = await createPlaylist(call, owner, { visibility: 'public' });
  const added = await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: tracks });
  const item = added.body.items[0].item_id as string;

  for (const url of [`/v1/playlists/${id}`, `/v1/playlists/${id}/items`]) {
    const first = await call('GET', url, owner);
    const tag = first.headers.etag as string;
    t.match(tag, new RegExp(`^"${first.body.snapshot_id}\\.[\\w-]+"$`), `${url}: the ETag starts with the snapshot`);
    const again = await app.inject({ url, headers: { ...owner.auth, 'if-none-match': tag } });
    t.equal(again.statusCode, 304, `${url}: 304 when unchanged`);
    t.equal(again.body, '');
    t.equal((await app.inject({ url, headers: { ...owner.auth, 'if-none-match': `W/${tag}` } })).statusCode, 304, 'weak comparison');
    const anonymous = (await app.inject({ url, headers: { 'if-none-match': tag } })).statusCode;
    if (url.endsWith('/items')) t.equal(anonymous, 304, 'items read the same to anyone');
    else t.equal(anonymous, 200, 'a playlist reads differently to another caller (their role)');
  }

  // What the snapshot does not cover still changes the ETag: a vote, a follower.
  const items = await call('GET', `/v1/playlists/${id}/items`, owner);
  await call('PUT', `/v1/playlists/${id}/items/${item}/vote`, owner, { direction: 'up' });
  const voted = await app.inject({ url: `/v1/playlists/${id}/items`, headers: { ...owner.auth, 'if-none-match': items.headers.etag as string } });
  t.equal(voted.statusCode, 200, 'a vote makes the items a new answer');
  t.equal(voted.json().snapshot_id, items.body.snapshot_id, 'though the snapshot is the same');
  const playlist = await call('GET', `/v1/playlists/${id}`, owner);
  await call('PUT', `/v1/playlists/${id}/followers`, fan);
  t.equal(
    (await app.inject({ url: `/v1/playlists/${id}`, headers: { ...owner.auth, 'if-none-match': playlist.headers.etag as string } })).statusCode,
    200,
    'so does a new follower',
  );

  // The ETag of a GET works in If-Match: its snapshot part is what counts.
  const current = await call('GET', `/v1/playlists/${id}/items`, owner);
  const reordered = await call('PUT', `/v1/playlists/${id}/items`, owner, { range_start: 0, insert_before: 2 }, { 'if-match': current.headers.etag as string });
  t.equal(reordered.status, 200);
  t.equal(
    (await call('PUT', `/v1/playlists/${id}/items`, owner, { range_start: 0, insert_before: 2 }, { 'if-match': current.headers.etag as string })).status,
    412,
    'and goes stale with it',
  );
});
