import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { type Db, uuidv7 } from '@chorus/db';
import { createUser, type TestUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { hashToken } from '../src/invites.service.js';
import { evenKeys } from '../src/ordering.js';
import { api, createTracks, playlistsApp } from './factories.js';

/**
 * Every operation against every standing, with exact statuses: members of a private playlist by role,
 * a visitor (follower) of a public one, an outsider of a private one, and anonymous callers of both.
 */
const STANDINGS = ['owner', 'editor', 'contributor', 'viewer', 'visitor', 'outsider', 'anon_public', 'anon_private'] as const;
type Standing = (typeof STANDINGS)[number];

interface Fixture {
  id: string;
  /** The item the caller added (owner, editor, contributor), else the contributor's. */
  ownItem: string;
  /** An item the owner added. */
  ownersItem: string;
  ownersTrack: string;
  inviteId: string;
  inviteToken: string;
  track: string;
}

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
}

interface Users {
  owner: TestUser;
  editor: TestUser;
  contributor: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  extra: TestUser;
  newcomer: TestUser;
}

// [operation, request, statuses in STANDINGS order]
const MATRIX: Array<[string, (f: Fixture, u: Users) => Request, number[]]> = [
  ['get playlist', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}` }), [200, 200, 200, 200, 200, 404, 200, 404]],
  ['edit details', (f) => ({ method: 'PATCH', url: `/v1/playlists/${f.id}`, body: { name: 'Renamed' } }), [200, 403, 403, 403, 403, 404, 401, 401]],
  ['delete playlist', (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}` }), [204, 403, 403, 403, 403, 404, 401, 401]],
  ['follow', (f) => ({ method: 'PUT', url: `/v1/playlists/${f.id}/followers` }), [204, 204, 204, 204, 204, 404, 401, 401]],
  ['unfollow', (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/followers` }), [204, 204, 204, 204, 204, 404, 401, 401]],
  ['list collaborators', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}/collaborators` }), [200, 200, 200, 200, 200, 404, 200, 404]],
  [
    'add collaborator',
    (f, u) => ({ method: 'POST', url: `/v1/playlists/${f.id}/collaborators`, body: { user_id: u.newcomer.id, role: 'viewer' } }),
    [201, 403, 403, 403, 403, 404, 401, 401],
  ],
  [
    'change a role',
    (f, u) => ({ method: 'PATCH', url: `/v1/playlists/${f.id}/collaborators/${u.extra.id}`, body: { role: 'contributor' } }),
    [200, 403, 403, 403, 403, 404, 401, 401],
  ],
  [
    'transfer ownership',
    (f, u) => ({ method: 'PATCH', url: `/v1/playlists/${f.id}/collaborators/${u.editor.id}`, body: { role: 'owner' } }),
    [200, 403, 403, 403, 403, 404, 401, 401],
  ],
  [
    'remove a collaborator',
    (f, u) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/collaborators/${u.extra.id}` }),
    [204, 403, 403, 403, 403, 404, 401, 401],
  ],
  ['leave', (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/collaborators/SELF` }), [409, 204, 204, 204, 404, 404, 401, 401]],
  ['list invites', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}/invites` }), [200, 403, 403, 403, 403, 404, 401, 401]],
  ['create invite', (f) => ({ method: 'POST', url: `/v1/playlists/${f.id}/invites`, body: { role: 'viewer' } }), [201, 403, 403, 403, 403, 404, 401, 401]],
  ['revoke invite', (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/invites/${f.inviteId}` }), [204, 403, 403, 403, 403, 404, 401, 401]],
  ['accept invite', (f) => ({ method: 'POST', url: `/v1/playlist-invites/${f.inviteToken}/accept` }), [200, 200, 200, 200, 200, 200, 401, 401]],
  ['list items', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}/items` }), [200, 200, 200, 200, 200, 404, 200, 404]],
  ['add items', (f) => ({ method: 'POST', url: `/v1/playlists/${f.id}/items`, body: { track_ids: [f.track] } }), [201, 201, 201, 403, 403, 404, 401, 401]],
  [
    'add at a position',
    (f) => ({ method: 'POST', url: `/v1/playlists/${f.id}/items`, body: { track_ids: [f.track], position: 1 } }),
    [201, 201, 201, 403, 403, 404, 401, 401],
  ],
  [
    'add after an item',
    (f) => ({ method: 'POST', url: `/v1/playlists/${f.id}/items`, body: { track_ids: [f.track], after_item_id: f.ownersItem } }),
    [201, 201, 201, 403, 403, 404, 401, 401],
  ],
  [
    'reorder a range',
    (f) => ({ method: 'PUT', url: `/v1/playlists/${f.id}/items`, body: { range_start: 0, insert_before: 3 } }),
    [200, 200, 403, 403, 403, 404, 401, 401],
  ],
  [
    'replace the list',
    (f) => ({ method: 'PUT', url: `/v1/playlists/${f.id}/items`, body: { track_ids: [f.track] } }),
    [200, 200, 403, 403, 403, 404, 401, 401],
  ],
  [
    'move an item',
    (f) => ({ method: 'POST', url: `/v1/playlists/${f.id}/items/${f.ownItem}/move`, body: { after_item_id: f.ownersItem } }),
    [200, 200, 403, 403, 403, 404, 401, 401],
  ],
  [
    'remove own item',
    (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/items`, body: { item_ids: [f.ownItem] } }),
    [200, 200, 200, 403, 403, 404, 401, 401],
  ],
  [
    "remove someone else's item",
    (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/items`, body: { item_ids: [f.ownersItem] } }),
    [200, 200, 403, 403, 403, 404, 401, 401],
  ],
  [
    'remove every occurrence of a track',
    (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/items`, body: { track_ids: [f.ownersTrack] } }),
    [200, 200, 403, 403, 403, 404, 401, 401],
  ],
  [
    'vote',
    (f) => ({ method: 'PUT', url: `/v1/playlists/${f.id}/items/${f.ownersItem}/vote`, body: { direction: 'up' } }),
    [200, 200, 200, 200, 403, 404, 401, 401],
  ],
  ['withdraw a vote', (f) => ({ method: 'DELETE', url: `/v1/playlists/${f.id}/items/${f.ownersItem}/vote` }), [200, 200, 200, 200, 403, 404, 401, 401]],
  ['read activity', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}/activity` }), [200, 200, 200, 200, 200, 404, 200, 404]],
  ['suggestions', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}/suggestions` }), [200, 200, 200, 200, 200, 404, 200, 404]],
  ['live events', (f) => ({ method: 'GET', url: `/v1/playlists/${f.id}/events` }), [200, 200, 200, 200, 200, 404, 200, 404]],
];

function callerFor(standing: Standing, users: Users): TestUser | null {
  if (standing === 'visitor' || standing === 'outsider') return users.outsider;
  if (standing === 'anon_public' || standing === 'anon_private') return null;
  return users[standing];
}

/** A fresh playlist with every kind of member, items, an invitation, followers and votes, written straight to the tables. */
async function buildFixture(db: Db, users: Users, tracks: string[], standing: Standing): Promise<Fixture> {
  const visibility = standing === 'visitor' || standing === 'anon_public' ? 'public' : 'private';
  const id = uuidv7();
  const token = randomBytes(32).toString('base64url');
  const inviteId = uuidv7();
  const [ownersItem, ownersSecond, editorsItem, contributorsItem] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const keys = evenKeys(4);
  const members = [users.owner, users.editor, users.contributor, users.viewer];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('playlists')
      .values({ id, owner_id: users.owner.id, name: 'Fixture', description: null, visibility, collaborative: true, item_count: 4 })
      .execute();
    await trx
      .insertInto('playlist_collaborators')
      .values(
        (
          [
            [users.owner, 'owner'],
            [users.editor, 'editor'],
            [users.contributor, 'contributor'],
            [users.viewer, 'viewer'],
            [users.extra, 'viewer'],
          ] as const
        ).map(([user, role]) => ({ playlist_id: id, user_id: user.id, role, added_by: users.owner.id })),
      )
      .execute();
    await trx
      .insertInto('playlist_items')
      .values(
        (
          [
            [ownersItem, tracks[0]!, users.owner],
            [ownersSecond, tracks[1]!, users.owner],
            [editorsItem, tracks[2]!, users.editor],
            [contributorsItem, tracks[3]!, users.contributor],
          ] as const
        ).map(([item, track, user], i) => ({
          id: item,
          playlist_id: id,
          track_id: track,
          position_key: keys[i]!,
          added_by: user.id,
          net_votes: item === ownersItem ? -members.length : 0,
        })),
      )
      .execute();
    await trx
      .insertInto('playlist_votes')
      .values(members.map((user) => ({ item_id: ownersItem, user_id: user.id, playlist_id: id, direction: -1 })))
      .execute();
    await trx
      .insertInto('playlist_followers')
      .values([...members, ...(visibility === 'public' ? [users.outsider] : [])].map((user) => ({ playlist_id: id, user_id: user.id })))
      .execute();
    await trx
      .insertInto('playlist_invites')
      .values({
        id: inviteId,
        playlist_id: id,
        token_hash: hashToken(token),
        role: 'viewer',
        max_uses: null,
        expires_at: new Date(Date.now() + 3600_000),
        created_by: users.owner.id,
      })
      .execute();
  });
  const ownItem = standing === 'owner' ? ownersSecond : standing === 'editor' ? editorsItem : contributorsItem;
  return { id, ownItem, ownersItem, ownersTrack: tracks[0]!, inviteId, inviteToken: token, track: tracks[5]! };
}

t.test('the role-by-operation matrix', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const call = api(app);
  const users: Users = {
    owner: await createUser(deps),
    editor: await createUser(deps),
    contributor: await createUser(deps),
    viewer: await createUser(deps),
    outsider: await createUser(deps),
    extra: await createUser(deps),
    newcomer: await createUser(deps),
  };
  const tracks = await createTracks(deps.db, 6);

  for (const [operation, build, expected] of MATRIX) {
    const found = await Promise.all(
      STANDINGS.map(async (standing) => {
        const fixture = await buildFixture(deps.db, users, tracks, standing);
        const caller = callerFor(standing, users);
        const request = build(fixture, users);
        const url = request.url.replace('SELF', caller?.id ?? users.outsider.id);
        if (operation === 'live events') {
          // A live stream never ends: read its status over a real socket, then hang up.
          return new Promise<number>((resolve, reject) => {
            const request = get(`${address}${url}`, { headers: caller ? caller.auth : {}, agent: false }, (response) => {
              resolve(response.statusCode ?? 0);
              request.destroy();
            });
            request.on('error', reject);
          });
        }
        const res = await call(request.method, url, caller, request.body);
        if (res.status >= 400 && !String(res.headers['content-type']).includes('application/problem+json')) return -res.status;
        return res.status;
      }),
    );
    t.same(Object.fromEntries(STANDINGS.map((s, i) => [s, found[i]])), Object.fromEntries(STANDINGS.map((s, i) => [s, expected[i]])), operation);
  }
});
