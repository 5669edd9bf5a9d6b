import { createUser } from '@chorus/service-kit/testing';
import { refusesBadInput } from '@chorus/test-kit';
import { sql } from 'kysely';
import t from 'tap';
import { api, createPlaylist, createTracks, playlistsApp } from './factories.js';

t.test('every route with a body refuses bad input and changes nothing', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const member = await createUser(deps);
  const newcomer = await createUser(deps);
  const tracks = await createTracks(deps.db, 3);
  const id = await createPlaylist(call, owner);
  await call('POST', `/v1/playlists/${id}/collaborators`, owner, { user_id: member.id, role: 'editor' });
  const added = await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: tracks });
  const [first, second] = added.body.items.map((i: { item_id: string }) => i.item_id) as string[];
  const headers = owner.auth;

  // Every row the service could write, and the playlist's version: a refused request moves none of them.
  const snapshot = async () =>
    (
      await sql`
        SELECT (SELECT count(*) FROM playlists) AS playlists, (SELECT count(*) FROM playlist_items) AS items,
          (SELECT count(*) FROM playlist_activity) AS activity, (SELECT count(*) FROM playlist_collaborators) AS collaborators,
          (SELECT count(*) FROM playlist_invites) AS invites, (SELECT count(*) FROM playlist_votes) AS votes,
          (SELECT string_agg(version || '/' || last_seq || '/' || name, ',') FROM playlists) AS versions
      `.execute(deps.db)
    ).rows[0];

  const base = `/v1/playlists/${id}`;
  const routes = [
    // Free text (name, description) accepts any short string, so only its type and length are checked below.
    {
      method: 'POST',
      url: '/v1/playlists',
      body: { name: 'New', description: 'About', visibility: 'public', collaborative: false },
      required: ['name'],
      skipFields: ['name', 'description'],
    },
    { method: 'PATCH', url: base, body: { name: 'Renamed', visibility: 'public', collaborative: true }, skipFields: ['name'] },
    { method: 'POST', url: `${base}/collaborators`, body: { user_id: newcomer.id, role: 'viewer' }, required: ['user_id', 'role'] },
    { method: 'PATCH', url: `${base}/collaborators/${member.id}`, body: { role: 'viewer' }, required: ['role'] },
    { method: 'POST', url: `${base}/invites`, body: { role: 'viewer', expires_in_seconds: 3600, max_uses: 3 }, required: ['role'] },
    { method: 'POST', url: `${base}/items`, body: { track_ids: [tracks[0]], position: 0 }, required: ['track_ids'] },
    { method: 'POST', url: `${base}/items`, body: { track_ids: [tracks[0]], after_item_id: first }, required: ['track_ids'] },
    { method: 'PUT', url: `${base}/items`, body: { range_start: 0, insert_before: 2, range_length: 1 }, required: ['range_start', 'insert_before'] },
    { method: 'PUT', url: `${base}/items`, body: { track_ids: [tracks[1]] }, required: ['track_ids'] },
    { method: 'DELETE', url: `${base}/items`, body: { item_ids: [first] }, required: ['item_ids'] },
    { method: 'DELETE', url: `${base}/items`, body: { track_ids: [tracks[0]] }, required: ['track_ids'] },
    { method: 'POST', url: `${base}/items/${first}/move`, body: { after_item_id: second }, required: ['after_item_id'] },
    { method: 'POST', url: `${base}/items/${first}/move`, body: { before_item_id: second }, required: ['before_item_id'] },
    { method: 'PUT', url: `${base}/items/${first}/vote`, body: { direction: 'up' }, required: ['direction'] },
  ] as const;
  for (const route of routes) {
    await t.test(`${route.method} ${route.url} ${Object.keys(route.body).join(',')}`, (t) => refusesBadInput(t, app, { ...route, headers, snapshot }));
  }

  const before = await snapshot();
  const text = [
    ['POST', '/v1/playlists', { name: '' }],
    ['POST', '/v1/playlists', { name: '   ' }],
    ['POST', '/v1/playlists', { name: 'x'.repeat(201) }],
    ['POST', '/v1/playlists', { name: 'ok', description: 'x'.repeat(2001) }],
    ['PATCH', base, {}],
    ['PATCH', base, { name: 5 }],
    ['PATCH', base, { description: 'x'.repeat(2001) }],
    ['POST', `${base}/items`, { track_ids: [] }],
    ['POST', `${base}/items`, { track_ids: ['not-a-uuid'] }],
    ['POST', `${base}/items`, { track_ids: [tracks[0]], position: 10_001 }],
    ['PUT', `${base}/items`, { range_start: 0, insert_before: 1, range_length: 0 }],
    ['POST', `${base}/invites`, { role: 'owner' }],
    ['POST', `${base}/invites`, { role: 'viewer', expires_in_seconds: 59 }],
    ['POST', `${base}/invites`, { role: 'viewer', max_uses: 0 }],
    ['PUT', `${base}/items/${first}/vote`, { direction: 'sideways' }],
  ] as const;
  for (const [method, url, body] of text) {
    const res = await call(method, url, owner, body);
    t.equal(res.status, 400, `${method} ${url} ${JSON.stringify(body).slice(0, 60)}`);
    t.equal(res.body.code, 'validation_failed');
  }
  const longIfMatch = await call('PUT', `${base}/items`, owner, { range_start: 0, insert_before: 2 }, { 'if-match': 'x'.repeat(2000) });
  t.equal(longIfMatch.status, 400, 'an oversized If-Match');
  const badKey = await call('POST', '/v1/playlists', owner, { name: 'ok' }, { 'idempotency-key': 'k'.repeat(300) });
  t.equal(badKey.status, 400, 'an oversized Idempotency-Key');
  t.equal((await call('GET', `${base}/items?limit=101`, owner)).status, 400);
  t.equal((await call('GET', `${base}/items?sort=random`, owner)).status, 400);
  t.equal((await call('GET', `${base}/items?extra=1`, owner)).status, 400);
  t.equal((await call('GET', '/v1/playlists/not-a-uuid', owner)).status, 400);
  t.same(await snapshot(), before, 'nothing written by refused requests');
});
