import { type Db, listeningQueries, uuidv7 } from '@chorus/db';
import { createUser } from '@chorus/service-kit/testing';
import { listenRow } from '@chorus/test-kit';
import { sql } from 'kysely';
import t from 'tap';
import { evenKeys } from '../src/ordering.js';
import { allActivity, allItemIds, api, createPlaylist, createTracks, playlistsApp } from './factories.js';
import { referenceReorder, replayActivity } from './model.js';
import { seeded } from './random.js';

t.test('items: add, list, move, remove, replace; snapshots and If-Match', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 12);
  const id = await createPlaylist(call, owner);
  const items = `/v1/playlists/${id}/items`;

  const first = await call('POST', items, owner, { track_ids: tracks.slice(0, 4) });
  t.equal(first.status, 201);
  t.same(
    first.body.items.map((i: { position: number }) => i.position),
    [0, 1, 2, 3],
  );
  t.match(first.body.snapshot_id, /^2-/);
  t.equal(first.headers.etag, `"${first.body.snapshot_id}"`);
  const [a, b, c, d] = first.body.items.map((i: { item_id: string }) => i.item_id) as string[];

  const stale = first.body.snapshot_id as string;
  const atPosition = await call('POST', items, owner, { track_ids: [tracks[4]], position: 1 }, { 'if-match': `"${stale}"` });
  t.equal(atPosition.status, 201, 'a position-based add on the current snapshot');
  t.equal(atPosition.body.items[0].position, 1);
  const e = atPosition.body.items[0].item_id as string;

  const refused = await call('POST', items, owner, { track_ids: [tracks[5]], position: 0 }, { 'if-match': `"${stale}"` });
  t.equal(refused.status, 412, 'a position-based add on a stale snapshot');
  t.equal(refused.body.code, 'precondition_failed');
  t.equal(refused.body.current_snapshot_id, atPosition.body.snapshot_id);
  t.equal(refused.headers.etag, `"${atPosition.body.snapshot_id}"`);

  const after = await call('POST', items, owner, { track_ids: [tracks[6], tracks[7]], after_item_id: c }, { 'if-match': `"${stale}"` });
  t.equal(after.status, 201, 'an add after an item ignores a stale If-Match: it names the place by id');
  t.same(
    after.body.items.map((i: { position: number }) => i.position),
    [4, 5],
  );
  const [f, g] = after.body.items.map((i: { item_id: string }) => i.item_id) as string[];
  t.same(await allItemIds(call, id, owner), [a, e, b, c, f, g, d]);

  const page1 = await call('GET', `${items}?limit=3`, owner);
  t.same(
    page1.body.items.map((i: { position: number }) => i.position),
    [0, 1, 2],
  );
  t.equal(page1.body.total, 7);
  t.ok(String(page1.headers.etag).startsWith(`"${page1.body.snapshot_id}.`), "a GET's ETag starts with the snapshot (then a hash of the answer)");
  t.match(page1.body.items[0], { item_id: a, track_id: tracks[0], added_by: owner.id, net_votes: 0, track: { title: 'Track 1', duration_ms: 180000 } });
  const page2 = await call('GET', `${items}?limit=3&cursor=${page1.body.next_cursor}`, owner);
  t.same(
    page2.body.items.map((i: { item_id: string; position: number }) => [i.item_id, i.position]),
    [
      [c, 3],
      [f, 4],
      [g, 5],
    ],
  );
  const byOffset = await call('GET', `${items}?offset=5&limit=10`, owner);
  t.same(
    byOffset.body.items.map((i: { item_id: string; position: number }) => [i.item_id, i.position]),
    [
      [g, 5],
      [d, 6],
    ],
  );
  t.equal(byOffset.body.next_cursor, null);
  t.equal((await call('GET', `${items}?offset=1&cursor=${page1.body.next_cursor}`, owner)).status, 400);
  t.equal((await call('GET', `${items}?cursor=bad`, owner)).status, 400);

  const moved = await call('POST', `${items}/${d}/move`, owner, { before_item_id: a });
  t.equal(moved.status, 200);
  t.equal(moved.body.position, 0);
  const movedAfter = await call('POST', `${items}/${a}/move`, owner, { after_item_id: g });
  t.equal(movedAfter.body.position, 6);
  t.same(await allItemIds(call, id, owner), [d, e, b, c, f, g, a]);
  const adjacent = await call('POST', `${items}/${a}/move`, owner, { after_item_id: g });
  t.equal(adjacent.body.position, 6, 'moving next to where it already is keeps it there');
  t.equal((await call('POST', `${items}/${a}/move`, owner, { after_item_id: a })).status, 400);
  t.equal((await call('POST', `${items}/${a}/move`, owner, {})).status, 400);
  t.equal((await call('POST', `${items}/${a}/move`, owner, { after_item_id: g, before_item_id: b })).status, 400);
  t.equal((await call('POST', `${items}/${uuidv7()}/move`, owner, { after_item_id: g })).status, 404);
  const gone = await call('POST', `${items}/${a}/move`, owner, { after_item_id: uuidv7() });
  t.equal(gone.status, 409);
  t.equal(gone.body.code, 'anchor_not_found');

  const removed = await call('DELETE', items, owner, { item_ids: [b, c, uuidv7()] });
  t.equal(removed.status, 200);
  t.same(removed.body.removed.sort(), [b, c].sort(), 'ids no longer there are skipped');
  const again = await call('DELETE', items, owner, { item_ids: [b] });
  t.same(again.body, { snapshot_id: removed.body.snapshot_id, removed: [] }, 'removing twice changes nothing');
  await call('POST', items, owner, { track_ids: [tracks[0], tracks[0]] });
  const byTrack = await call('DELETE', items, owner, { track_ids: [tracks[0]] });
  t.equal(byTrack.body.removed.length, 3, 'every occurrence of a track');
  t.same(await allItemIds(call, id, owner), [d, e, f, g]);
  t.equal((await call('DELETE', items, owner, { item_ids: [a], track_ids: [tracks[0]] })).status, 400);

  const current = (await call('GET', `/v1/playlists/${id}`, owner)).body.snapshot_id;
  t.equal((await call('PUT', items, owner, { track_ids: tracks.slice(8, 11) }, { 'if-match': `"${stale}"` })).status, 412, 'replace honours If-Match');
  const replaced = await call('PUT', items, owner, { track_ids: tracks.slice(8, 11) }, { 'if-match': `W/"${current}"` });
  t.equal(replaced.status, 200);
  const list = await call('GET', items, owner);
  t.same(
    list.body.items.map((i: { track_id: string }) => i.track_id),
    tracks.slice(8, 11),
  );
  t.equal((await call('PUT', items, owner, { track_ids: [] }, { 'if-match': '*' })).status, 200, 'an empty list clears it');
  t.equal((await call('GET', `/v1/playlists/${id}`, owner)).body.item_count, 0);
  t.equal((await call('PUT', items, owner, { track_ids: [], range_start: 0 })).status, 400);
  t.equal((await call('PUT', items, owner, { range_start: 0 })).status, 400);

  const log = await allActivity(call, id, owner);
  t.same(
    log.map((row) => row.type),
    [
      'playlist_created',
      'items_added',
      'items_added',
      'items_added',
      'item_moved',
      'item_moved',
      'item_moved',
      'items_removed',
      'items_added',
      'items_removed',
      'items_replaced',
      'items_replaced',
    ],
    'every change is logged once, refused ones never',
  );
  t.same(
    log.map((row) => row.seq),
    log.map((_, i) => i + 1),
    'seq counts up without gaps',
  );
  t.ok(log.every((row) => row.actor_id === owner.id));
  t.match(log[4]!.payload, { item_id: d, to: 0, before_item_id: a });
  t.same(replayActivity(log.slice(0, 10)), [d, e, f, g], 'replaying the log rebuilds the order');
  const newest = await call('GET', `/v1/playlists/${id}/activity?order=desc&limit=2`, owner);
  t.same(
    newest.body.items.map((row: { seq: number }) => row.seq),
    [12, 11],
  );
  const older = await call('GET', `/v1/playlists/${id}/activity?order=desc&limit=2&cursor=${newest.body.next_cursor}`, owner);
  t.same(
    older.body.items.map((row: { seq: number }) => row.seq),
    [10, 9],
  );
});

t.test("reorder through the route: Spotify's semantics on seeded random cases", async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 12);
  const id = await createPlaylist(call, owner);
  const items = `/v1/playlists/${id}/items`;
  await call('POST', items, owner, { track_ids: tracks });
  let model = await allItemIds(call, id, owner);
  const random = seeded(7);
  const cases: Array<[number, number, number]> = [
    [0, 12, 1],
    [11, 0, 1],
    [0, 12, 4],
    [8, 0, 4],
    [3, 12, 2],
    [5, 5, 3],
    [5, 8, 3],
  ];
  for (let i = 0; i < 60; i++) {
    const start = random.int(0, 11);
    const length = random.int(1, 12 - start);
    cases.push([start, random.int(0, 12), length]);
  }
  let snapshot = (await call('GET', `/v1/playlists/${id}`, owner)).body.snapshot_id as string;
  let applied = 0;
  for (const [start, before, length] of cases) {
    const expected = referenceReorder(model, start, before, length);
    const res = await call('PUT', items, owner, { range_start: start, insert_before: before, range_length: length }, { 'if-match': `"${snapshot}"` });
    if (expected === undefined) {
      t.equal(res.status, 400, `range ${start}+${length} before ${before} is refused`);
      continue;
    }
    if (res.status !== 200) {
      t.fail(`range ${start}+${length} before ${before}: ${res.status} ${JSON.stringify(res.body)}`);
      continue;
    }
    model = expected;
    snapshot = res.body.snapshot_id;
    applied++;
  }
  t.same(await allItemIds(call, id, owner), model, `${applied} reorders through HTTP match the reference model`);
  t.same(replayActivity(await allActivity(call, id, owner)), model, 'and so does replaying the activity log');

  const edges: Array<[Record<string, number>, number, string]> = [
    [{ range_start: 10, insert_before: 0, range_length: 3 }, 400, 'range_length beyond the end'],
    [{ range_start: 12, insert_before: 0 }, 400, 'range_start at the length'],
    [{ range_start: 0, insert_before: 13 }, 400, 'insert_before past the length'],
  ];
  for (const [body, status, name] of edges) {
    const res = await call('PUT', items, owner, body);
    t.equal(res.status, status, name);
    t.equal(res.body.errors?.[0]?.in, 'body');
  }
  const toEnd = await call('PUT', items, owner, { range_start: 0, insert_before: 12 });
  t.equal(toEnd.status, 200, 'insert_before equal to the length moves to the end');
  t.same(await allItemIds(call, id, owner), referenceReorder(model, 0, 12, 1));
  const noop = await call('PUT', items, owner, { range_start: 3, insert_before: 3 });
  t.equal(noop.body.snapshot_id, toEnd.body.snapshot_id, 'a reorder onto itself changes nothing');
  const old = await call('PUT', items, owner, { range_start: 0, insert_before: 2 }, { 'if-match': `"${snapshot}"` });
  t.equal(old.status, 412, 'a reorder on a stale snapshot');
});

t.test('limits and bad input: 101 tracks, unknown tracks, the 10,001st item', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 101);
  const id = await createPlaylist(call, owner);
  const items = `/v1/playlists/${id}/items`;

  const tooMany = await call('POST', items, owner, { track_ids: tracks });
  t.equal(tooMany.status, 400, '101 tracks in one call');
  t.equal(tooMany.body.errors[0].pointer, '/track_ids');
  const unknown = await call('POST', items, owner, { track_ids: [tracks[0], uuidv7(), tracks[1], uuidv7()] });
  t.equal(unknown.status, 400);
  t.same(
    unknown.body.errors.map((e: { pointer: string }) => e.pointer),
    ['/track_ids/1', '/track_ids/3'],
    'each unknown track pointed at',
  );
  t.equal((await call('PUT', items, owner, { track_ids: [uuidv7()] })).status, 400);
  t.equal((await call('POST', items, owner, { track_ids: [tracks[0]], position: 1 })).status, 400, 'a position past the end');
  t.equal((await call('POST', items, owner, { track_ids: [tracks[0]], position: 0, after_item_id: uuidv7() })).status, 400);
  t.equal((await call('GET', `/v1/playlists/${id}`, owner)).body.item_count, 0, 'nothing was added');

  // 9,999 items straight into the table, keys as the service makes them.
  const count = 9_999;
  const keys = evenKeys(count);
  await sql`
    INSERT INTO playlist_items (id, playlist_id, track_id, position_key, added_by)
    SELECT gen_random_uuid(), ${id}::uuid, ${tracks[0]}::uuid, k, ${owner.id}::uuid FROM unnest(${keys}::text[]) AS k
  `.execute(deps.db);
  await deps.db.updateTable('playlists').set({ item_count: count }).where('id', '=', id).execute();

  const twoMore = await call('POST', items, owner, { track_ids: [tracks[1], tracks[2]] });
  t.equal(twoMore.status, 409, 'two more do not fit');
  t.equal(twoMore.body.code, 'playlist_full');
  const last = await call('POST', items, owner, { track_ids: [tracks[1]], position: 5000 });
  t.equal(last.status, 201, 'the 10,000th item fits');
  t.equal(last.body.items[0].position, 5000);
  const over = await call('POST', items, owner, { track_ids: [tracks[2]] });
  t.equal(over.status, 409, 'the 10,001st does not');
  const page = await call('GET', `${items}?offset=4999&limit=3`, owner);
  t.same(
    page.body.items.map((i: { track_id: string; position: number }) => [i.track_id, i.position]),
    [
      [tracks[0], 4999],
      [tracks[1], 5000],
      [tracks[0], 5001],
    ],
  );
  t.equal(page.body.total, 10_000);
  const moved = await call('PUT', items, owner, { range_start: 9990, insert_before: 10, range_length: 10 });
  t.equal(moved.status, 200, 'a range moves across 10,000 items');
  const longest = await sql<{ n: number }>`SELECT max(length(position_key))::int AS n FROM playlist_items WHERE playlist_id = ${id}`.execute(deps.db);
  t.ok(longest.rows[0]!.n <= 8, 'keys stay short');
});

t.test('one gap hammered: keys rebalance and the order survives', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 2);
  const id = await createPlaylist(call, owner);
  const items = `/v1/playlists/${id}/items`;
  const seed = await call('POST', items, owner, { track_ids: tracks });
  const [head] = seed.body.items.map((i: { item_id: string }) => i.item_id) as string[];
  const model = seed.body.items.map((i: { item_id: string }) => i.item_id) as string[];
  // Always right after the first item: the worst case for fractional keys; 300 inserts pass the bound.
  for (let i = 0; i < 300; i++) {
    const res = await call('POST', items, owner, { track_ids: [tracks[0]], after_item_id: head });
    model.splice(1, 0, res.body.items[0].item_id);
  }
  t.same(await allItemIds(call, id, owner), model);
  const longest = await sql<{ n: number }>`SELECT max(length(position_key))::int AS n FROM playlist_items WHERE playlist_id = ${id}`.execute(deps.db);
  t.ok(longest.rows[0]!.n <= 40, `the longest key is ${longest.rows[0]!.n} characters after rebalancing`);
});

t.test('votes: one per member per item, net counts, sort=votes', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const viewer = await createUser(deps);
  const tracks = await createTracks(deps.db, 3);
  const id = await createPlaylist(call, owner);
  await call('POST', `/v1/playlists/${id}/collaborators`, owner, { user_id: viewer.id, role: 'viewer' });
  const added = await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: tracks });
  const [x, y, z] = added.body.items.map((i: { item_id: string }) => i.item_id) as string[];
  const vote = (user: typeof owner, item: string, direction: string) => call('PUT', `/v1/playlists/${id}/items/${item}/vote`, user, { direction });

  const up = await vote(viewer, z!, 'up');
  t.equal(up.status, 200);
  t.match(up.body, { item_id: z, direction: 'up', net_votes: 1, snapshot_id: added.body.snapshot_id });
  t.equal((await vote(viewer, z!, 'up')).body.net_votes, 1, 'the same vote twice counts once');
  t.equal((await vote(owner, z!, 'up')).body.net_votes, 2);
  t.equal((await vote(viewer, x!, 'down')).body.net_votes, -1);
  t.equal((await vote(viewer, z!, 'down')).body.net_votes, 0, 'changing a vote moves the net by two');
  await vote(viewer, z!, 'up');
  const withdrawn = await call('DELETE', `/v1/playlists/${id}/items/${x}/vote`, viewer);
  t.match(withdrawn.body, { item_id: x, direction: null, net_votes: 0 });
  t.equal((await call('DELETE', `/v1/playlists/${id}/items/${x}/vote`, viewer)).status, 200, 'withdrawing twice is harmless');
  await vote(owner, y!, 'down');
  t.equal((await vote(owner, uuidv7(), 'up')).status, 404);

  const byVotes = await call('GET', `/v1/playlists/${id}/items?sort=votes&limit=2`, viewer);
  t.same(
    byVotes.body.items.map((i: { item_id: string; net_votes: number; position: number }) => [i.item_id, i.net_votes, i.position]),
    [
      [z, 2, 2],
      [x, 0, 0],
    ],
  );
  const rest = await call('GET', `/v1/playlists/${id}/items?sort=votes&limit=2&cursor=${byVotes.body.next_cursor}`, viewer);
  t.same(
    rest.body.items.map((i: { item_id: string; net_votes: number }) => [i.item_id, i.net_votes]),
    [[y, -1]],
  );
  t.equal(rest.body.next_cursor, null);

  const snapshot = (await call('GET', `/v1/playlists/${id}`, owner)).body.snapshot_id;
  t.equal(snapshot, added.body.snapshot_id, 'votes log activity but keep the snapshot');
  const collaborators = await call('GET', `/v1/playlists/${id}/collaborators`, viewer);
  const byUser = Object.fromEntries(collaborators.body.items.map((c: { user_id: string; contributions: unknown }) => [c.user_id, c.contributions]));
  t.same(byUser[viewer.id], { items_added: 0, items_removed: 0, moves: 0, votes: 4 }, 'a repeated vote is not counted again');
  t.same(byUser[owner.id], { items_added: 3, items_removed: 0, moves: 0, votes: 2 });
});

t.test('adds count as playlist adds in the listening rollups and are announced on the bus', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const tracks = await createTracks(deps.db, 2);
  const id = await createPlaylist(call, owner, { collaborative: true });
  const messages: unknown[] = [];
  const unsubscribe = await deps.bus.subscribe('playlist-adds', (message) => messages.push(message));
  t.teardown(unsubscribe);
  await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: [tracks[0], tracks[0], tracks[1]] });
  await call('PUT', `/v1/playlists/${id}/items`, owner, { track_ids: [tracks[1]] });
  const day = new Date().toISOString().slice(0, 10);
  const trackRows = await deps.db.selectFrom('track_daily').select(['track_id', 'day', 'playlist_adds']).where('day', '=', day).orderBy('track_id').execute();
  t.same(
    trackRows.map((r) => [r.track_id, r.playlist_adds]),
    [
      [tracks[0], 2],
      [tracks[1], 2],
    ],
  );
  const artist = await deps.db.selectFrom('artist_daily').select('playlist_adds').where('day', '=', day).execute();
  t.same(
    artist.map((r) => r.playlist_adds),
    [4],
  );
  for (let i = 0; i < 50 && messages.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  t.match(messages[0], { playlist_id: id, collaborative: true, track_ids: [tracks[0], tracks[0], tracks[1]], added_by: owner.id, at: String });
  t.equal(messages.length, 2);
});

/** Streams through the production write path: the listens, then their batch applied to the listener sets. */
async function stream(deps: { db: Db }, plays: Array<{ userId: string; trackId: string; at: Date; times?: number }>) {
  for (const play of plays) {
    const { artist_id } = await deps.db.selectFrom('tracks').select('artist_id').where('id', '=', play.trackId).executeTakeFirstOrThrow();
    const rows = Array.from({ length: play.times ?? 1 }, (_, i) =>
      listenRow({
        user_id: play.userId,
        listened_at: new Date(play.at.getTime() - 60_000 * i),
        track_id: play.trackId,
        artist_id,
        age_bracket: '28-34',
        gender: 'female',
      }),
    );
    const batchId = uuidv7();
    await listeningQueries.insertBatch(deps.db, { id: batchId, user_id: play.userId, source: 'native' }, rows);
    await listeningQueries.applyBatch(deps.db, batchId);
  }
}

t.test('suggestions: co-listening first, then the same artists, never what is in the playlist', async (t) => {
  // k = 2: a co-listened track needs two listeners.
  const { app, deps } = await playlistsApp(t, {}, { CHORUS_AUDIENCE_MIN_LISTENERS: '2' });
  const call = api(app);
  const owner = await createUser(deps);
  const mine = await createTracks(deps.db, 3);
  const artist = (await deps.db.selectFrom('tracks').select('artist_id').where('id', '=', mine[0]!).executeTakeFirstOrThrow()).artist_id;
  const sameArtist = await createTracks(deps.db, 2, { artistId: artist });
  const others = await createTracks(deps.db, 4);
  const id = await createPlaylist(call, owner, { visibility: 'public' });
  await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: mine.slice(0, 2) });

  const fallback = await call('GET', `/v1/playlists/${id}/suggestions?limit=10`, null);
  t.equal(fallback.status, 200);
  t.same(
    fallback.body.items.map((s: { track_id: string; reason: string }) => s.reason),
    ['same_artist', 'same_artist', 'same_artist'],
    'no listening data: tracks by the same artist',
  );
  t.same(new Set(fallback.body.items.map((s: { track_id: string }) => s.track_id)), new Set([mine[2], ...sameArtist]));

  const listeners = await Promise.all(Array.from({ length: 3 }, () => createUser(deps)));
  const now = Date.now();
  let n = 0;
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000 - 600_000 * ++n);
  await stream(deps, [
    // Three listeners of the playlist's tracks; two of them also stream others[0], one others[1].
    ...listeners.map((l) => ({ userId: l.id, trackId: mine[0]!, at: at(0), times: 3 })),
    { userId: listeners[0]!.id, trackId: others[0]!, at: at(0) },
    { userId: listeners[1]!.id, trackId: others[0]!, at: at(0) },
    { userId: listeners[2]!.id, trackId: others[1]!, at: at(0) },
    // Too long ago to count.
    { userId: listeners[0]!.id, trackId: others[2]!, at: at(120), times: 9 },
    { userId: listeners[1]!.id, trackId: others[2]!, at: at(120), times: 9 },
    // Already in the playlist.
    { userId: listeners[0]!.id, trackId: mine[1]!, at: at(0), times: 9 },
  ]);
  const suggested = await call('GET', `/v1/playlists/${id}/suggestions?limit=4`, owner);
  t.same(
    suggested.body.items.slice(0, 1).map((s: { track_id: string; score: number; reason: string }) => [s.track_id, s.score, s.reason]),
    [[others[0], 2, 'co_listened']],
    'co-listened by two: suggested; by one (others[1]): not',
  );
  t.same(
    suggested.body.items.slice(1).map((s: { reason: string }) => s.reason),
    ['same_artist', 'same_artist', 'same_artist'],
    'topped up by the same artists',
  );
  const inPlaylist = new Set(mine.slice(0, 2));
  t.notOk(
    suggested.body.items.some((s: { track_id: string }) => inPlaylist.has(s.track_id)),
    'never a track already in it',
  );
});

t.test('a co-listened suggestion rests on at least k distinct listeners (k - 1 reveal nothing)', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const k = deps.config.audienceMinListeners;
  t.equal(k, 10, 'the default k');
  const call = api(app);
  const owner = await createUser(deps);
  const [seed, enough, almost, lone] = await createTracks(deps.db, 4);
  const id = await createPlaylist(call, owner, { visibility: 'public' });
  await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: [seed] });

  const listeners = await Promise.all(Array.from({ length: k }, () => createUser(deps)));
  const now = Date.now();
  await stream(deps, [
    ...listeners.map((l, i) => ({ userId: l.id, trackId: seed!, at: new Date(now - 3_600_000 - i * 1000) })),
    // k listeners co-listened `enough`; k - 1 of them `almost`; one alone `lone`, many times.
    ...listeners.map((l, i) => ({ userId: l.id, trackId: enough!, at: new Date(now - 7_200_000 - i * 1000) })),
    ...listeners.slice(1).map((l, i) => ({ userId: l.id, trackId: almost!, at: new Date(now - 9_000_000 - i * 1000), times: 5 })),
    { userId: listeners[0]!.id, trackId: lone!, at: new Date(now - 10_000_000), times: 20 },
  ]);
  for (const who of [null, owner]) {
    const res = await call('GET', `/v1/playlists/${id}/suggestions?limit=10`, who);
    t.equal(res.status, 200);
    const coListened = res.body.items.filter((s: { reason: string }) => s.reason === 'co_listened');
    t.same(
      coListened.map((s: { track_id: string; score: number }) => [s.track_id, s.score]),
      [[enough, k]],
      `${who ? 'the owner' : 'anonymous'}: only the track k listeners share`,
    );
  }
});
