import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { api, createPlaylist, playlistsApp } from './factories.js';

t.test('playlists: create, read, edit, delete', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const other = await createUser(deps);

  const created = await call('POST', '/v1/playlists', owner, { name: '  Road trip ', description: 'For the drive', visibility: 'public', collaborative: true });
  t.equal(created.status, 201);
  const playlist = created.body;
  t.match(playlist, {
    name: 'Road trip',
    description: 'For the drive',
    visibility: 'public',
    collaborative: true,
    owner_id: owner.id,
    item_count: 0,
    collaborator_count: 1,
    follower_count: 0,
    your_role: 'owner',
    following: false,
  });
  t.match(playlist.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7/, 'a uuidv7');
  t.match(playlist.snapshot_id, /^1-[\w-]{10}$/);
  t.equal(created.headers.etag, `"${playlist.snapshot_id}"`);
  t.equal(created.headers.location, `/v1/playlists/${playlist.id}`);
  t.match(playlist.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

  const anonymous = await call('GET', `/v1/playlists/${playlist.id}`, null);
  t.equal(anonymous.status, 200, 'a public playlist is readable without a token');
  t.equal(anonymous.body.your_role, null);
  t.ok(String(anonymous.headers.etag).startsWith(`"${playlist.snapshot_id}.`), "a GET's ETag starts with the snapshot (then a hash of the answer)");

  const edited = await call('PATCH', `/v1/playlists/${playlist.id}`, owner, { name: 'Road trip 2', visibility: 'private' });
  t.equal(edited.status, 200);
  t.equal(edited.body.name, 'Road trip 2');
  t.not(edited.body.snapshot_id, playlist.snapshot_id, 'details change the snapshot');
  t.match(edited.body.snapshot_id, /^2-/);
  t.equal(edited.headers.etag, `"${edited.body.snapshot_id}"`);
  const same = await call('PATCH', `/v1/playlists/${playlist.id}`, owner, { name: 'Road trip 2' });
  t.equal(same.body.snapshot_id, edited.body.snapshot_id, 'a change to the same value is no change');

  t.equal((await call('GET', `/v1/playlists/${playlist.id}`, null)).status, 404, 'private now: anonymous gets 404');
  t.equal((await call('GET', `/v1/playlists/${playlist.id}`, other)).status, 404, 'and so does a non-member');
  t.equal((await call('PATCH', `/v1/playlists/${playlist.id}`, other, { name: 'x' })).status, 404);
  t.equal(
    (await call('GET', `/v1/playlists/${playlist.id}`, null, undefined, { authorization: 'Bearer nope' })).status,
    401,
    'a bad token is refused, not ignored',
  );

  t.equal((await call('DELETE', `/v1/playlists/${playlist.id}`, owner)).status, 204);
  t.equal((await call('GET', `/v1/playlists/${playlist.id}`, owner)).status, 404);
  t.equal((await call('DELETE', `/v1/playlists/${playlist.id}`, owner)).status, 404);
});

t.test('Idempotency-Key: a retry within 24 h answers the first result', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const user = await createUser(deps);
  const other = await createUser(deps);
  const key = { 'idempotency-key': 'create-1' };
  const first = await call('POST', '/v1/playlists', user, { name: 'Once' }, key);
  const again = await call('POST', '/v1/playlists', user, { name: 'Once' }, key);
  t.equal(first.status, 201);
  t.equal(again.status, 201);
  t.same(again.body, first.body, 'the same answer');
  t.equal(again.headers['idempotent-replayed'], 'true');
  const concurrent = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/v1/playlists', user, { name: 'Race' }, { 'idempotency-key': 'race' })));
  t.equal(new Set(concurrent.map((r) => r.body.id)).size, 1, 'five concurrent retries create one playlist');
  const reused = await call('POST', '/v1/playlists', user, { name: 'Different' }, key);
  t.equal(reused.status, 422);
  t.equal(reused.body.code, 'idempotency_key_reused');
  const otherUser = await call('POST', '/v1/playlists', other, { name: 'Once' }, key);
  t.equal(otherUser.status, 201);
  t.not(otherUser.body.id, first.body.id, 'keys are per user');
  const mine = await call('GET', '/v1/me/playlists?relation=owned&limit=100', user);
  t.equal(mine.body.items.length, 2, 'two playlists, not seven');
  // Past 24 hours the key is free again.
  await deps.db
    .updateTable('playlist_idempotency_keys')
    .set({ created_at: new Date(Date.now() - 25 * 3600_000) })
    .where('key', '=', 'create-1')
    .execute();
  const later = await call('POST', '/v1/playlists', user, { name: 'Once' }, key);
  t.equal(later.status, 201);
  t.not(later.body.id, first.body.id, 'an expired key creates anew');
});

t.test('me/playlists: owned, collaborating, followed, with cursor', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const me = await createUser(deps);
  const friend = await createUser(deps);
  const owned = [];
  for (let i = 0; i < 3; i++) owned.push(await createPlaylist(call, me, { name: `Mine ${i}` }));
  const shared = await createPlaylist(call, friend, { name: 'Shared' });
  await call('POST', `/v1/playlists/${shared}/collaborators`, friend, { user_id: me.id, role: 'editor' });
  const followed = await createPlaylist(call, friend, { name: 'Public', visibility: 'public' });
  t.equal((await call('PUT', `/v1/playlists/${followed}/followers`, me)).status, 204);
  t.equal((await call('PUT', `/v1/playlists/${followed}/followers`, me)).status, 204, 'following twice is harmless');
  const hidden = await createPlaylist(call, friend, { name: 'Hidden', visibility: 'public' });
  await call('PUT', `/v1/playlists/${hidden}/followers`, me);
  await call('PATCH', `/v1/playlists/${hidden}`, friend, { visibility: 'private' });

  const all = await call('GET', '/v1/me/playlists?limit=100', me);
  t.equal(all.status, 200);
  const relations = Object.fromEntries(all.body.items.map((p: { id: string; relation: string }) => [p.id, p.relation]));
  t.same(
    relations,
    { [owned[0]!]: 'owned', [owned[1]!]: 'owned', [owned[2]!]: 'owned', [shared]: 'collaborating', [followed]: 'followed' },
    'a followed playlist turned private is gone',
  );
  t.same(
    all.body.items.map((p: { id: string }) => p.id),
    [followed, shared, ...owned.reverse()],
    'newest first',
  );

  const byRelation = async (relation: string) => (await call('GET', `/v1/me/playlists?relation=${relation}`, me)).body.items.map((p: { id: string }) => p.id);
  t.same(await byRelation('collaborating'), [shared]);
  t.same(await byRelation('followed'), [followed]);
  t.equal((await byRelation('owned')).length, 3);

  const pages: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Array<{ id: string }>; next_cursor: string | null } } = await call(
      'GET',
      `/v1/me/playlists?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      me,
    );
    pages.push(...page.body.items.map((p) => p.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  t.same(
    pages,
    all.body.items.map((p: { id: string }) => p.id),
    'cursor pages add up to the whole list',
  );
  t.equal((await call('GET', '/v1/me/playlists?cursor=garbage', me)).status, 400);

  const publicOne = await call('GET', `/v1/playlists/${followed}`, me);
  t.equal(publicOne.body.following, true);
  t.equal(publicOne.body.follower_count, 1);
  t.equal((await call('DELETE', `/v1/playlists/${followed}/followers`, me)).status, 204);
  t.same(await byRelation('followed'), []);
  t.equal((await call('PUT', `/v1/playlists/${hidden}/followers`, me)).status, 404, 'cannot follow what you cannot see');
  t.equal((await call('PUT', `/v1/playlists/${followed}/followers`, null)).status, 401);
});
