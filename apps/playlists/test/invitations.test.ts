import { createUser, type TestUser } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import t from 'tap';
import { api, createPlaylist, playlistsApp } from './factories.js';

t.test('an invitation link can be previewed without accepting it; a dead link is 404', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps, { display_name: 'Petra Owner' });
  const guest = await createUser(deps);
  const ownerHandle = (await deps.db.selectFrom('users').select('handle').where('id', '=', owner.id).executeTakeFirstOrThrow()).handle;
  const id = await createPlaylist(call, owner, { name: 'Road Trip', description: 'Long drives' });
  const link = await call('POST', `/v1/playlists/${id}/invites`, owner, { role: 'contributor', max_uses: 1 });
  const preview = await call('GET', `/v1/playlist-invites/${link.body.token}`, null);
  t.equal(preview.status, 200, 'no token needed');
  t.same(preview.body, {
    playlist: { id, name: 'Road Trip', description: 'Long drives', item_count: 0 },
    owner: { handle: ownerHandle, display_name: 'Petra Owner' },
    role: 'contributor',
    expires_at: link.body.expires_at,
  });
  t.equal((await call('GET', `/v1/playlist-invites/${link.body.token}`, guest)).status, 200, 'with a token too');
  t.equal((await call('GET', `/v1/playlists/${id}`, guest)).status, 404, 'previewing joined nothing');
  t.equal((await call('GET', `/v1/playlists/${id}/collaborators`, owner)).body.items.length, 1);

  const unknown = await call('GET', `/v1/playlist-invites/${'A'.repeat(43)}`, null);
  t.equal(unknown.status, 404, 'an unknown link');
  t.match(unknown.headers['content-type'], /application\/problem\+json/);
  await call('POST', `/v1/playlist-invites/${link.body.token}/accept`, guest);
  t.equal((await call('GET', `/v1/playlist-invites/${link.body.token}`, null)).status, 404, 'a used-up link');
  const revoked = await call('POST', `/v1/playlists/${id}/invites`, owner, { role: 'viewer' });
  await call('DELETE', `/v1/playlists/${id}/invites/${revoked.body.id}`, owner);
  t.equal((await call('GET', `/v1/playlist-invites/${revoked.body.token}`, null)).status, 404, 'a revoked link');
  const expired = await call('POST', `/v1/playlists/${id}/invites`, owner, { role: 'viewer' });
  await sql`UPDATE playlist_invites SET expires_at = now() - interval '1 second' WHERE id = ${expired.body.id}`.execute(deps.db);
  t.equal((await call('GET', `/v1/playlist-invites/${expired.body.token}`, null)).status, 404, 'an expired link');
});

t.test('inviting by handle: the person sees the invitation and joins only by accepting it', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps, { display_name: 'Olga' });
  const [dana, eli, stranger] = await Promise.all([createUser(deps, { display_name: 'Dana' }), createUser(deps), createUser(deps)]);
  const handleOf = async (user: TestUser) => (await deps.db.selectFrom('users').select('handle').where('id', '=', user.id).executeTakeFirstOrThrow()).handle;
  const id = await createPlaylist(call, owner, { name: 'Secret Mix' });
  const collaborators = `/v1/playlists/${id}/collaborators`;

  const invited = await call('POST', collaborators, owner, { handle: (await handleOf(dana)).toUpperCase(), role: 'editor' });
  t.equal(invited.status, 202, 'an invitation, not a collaborator');
  t.match(invited.body, {
    kind: 'personal',
    invitee: { user_id: dana.id, handle: await handleOf(dana), display_name: 'Dana' },
    role: 'editor',
    status: 'active',
  });
  t.equal((await call('GET', `/v1/playlists/${id}`, dana)).status, 404, 'not a collaborator before accepting');
  t.equal(
    (await call('POST', collaborators, owner, { handle: await handleOf(dana), role: 'viewer' })).body.code,
    'already_invited',
    'one pending invitation per person',
  );

  const mine = await call('GET', '/v1/me/playlist-invitations', dana);
  t.equal(mine.status, 200);
  t.same(mine.body.items, [
    {
      id: invited.body.id,
      playlist: { id, name: 'Secret Mix' },
      owner: { handle: await handleOf(owner), display_name: 'Olga' },
      invited_by: { handle: await handleOf(owner), display_name: 'Olga' },
      role: 'editor',
      expires_at: invited.body.expires_at,
      created_at: invited.body.created_at,
    },
  ]);
  t.same((await call('GET', '/v1/me/playlist-invitations', stranger)).body.items, [], 'nobody else sees it');
  t.equal((await call('POST', `/v1/me/playlist-invitations/${invited.body.id}/accept`, stranger)).status, 404, 'nobody else can accept it');
  t.equal((await call('DELETE', `/v1/me/playlist-invitations/${invited.body.id}`, stranger)).status, 404, 'or decline it');

  const accepted = await call('POST', `/v1/me/playlist-invitations/${invited.body.id}/accept`, dana);
  t.equal(accepted.status, 200);
  t.same(accepted.body, { playlist_id: id, role: 'editor', already_member: false });
  t.equal((await call('GET', `/v1/playlists/${id}`, dana)).body.your_role, 'editor', 'a collaborator once accepted');
  t.same((await call('GET', '/v1/me/playlist-invitations', dana)).body.items, [], 'and the invitation is no longer pending');
  t.equal((await call('POST', collaborators, owner, { handle: await handleOf(dana), role: 'viewer' })).body.code, 'already_collaborator');

  // Declining: the owner sees it, and may invite again.
  const second = await call('POST', collaborators, owner, { handle: await handleOf(eli), role: 'viewer' });
  t.equal((await call('DELETE', `/v1/me/playlist-invitations/${second.body.id}`, eli)).status, 204);
  t.equal((await call('POST', `/v1/me/playlist-invitations/${second.body.id}/accept`, eli)).status, 410, 'a declined invitation cannot be accepted');
  const list = await call('GET', `/v1/playlists/${id}/invites`, owner);
  t.same(
    list.body.items.map((i: { id: string; kind: string; status: string }) => [i.id, i.kind, i.status]),
    [
      [second.body.id, 'personal', 'declined'],
      [invited.body.id, 'personal', 'accepted'],
    ],
  );
  t.equal((await call('POST', collaborators, owner, { handle: await handleOf(eli), role: 'viewer' })).status, 202, 'invited again after declining');
  const log = await call('GET', `/v1/playlists/${id}/activity?limit=100`, owner);
  t.same(log.body.items.map((a: { type: string }) => a.type).slice(1), [
    'invite_created',
    'collaborator_added',
    'invite_created',
    'invite_declined',
    'invite_created',
  ]);

  // Bad requests.
  const nobody = await call('POST', collaborators, owner, { handle: 'no-such-person', role: 'viewer' });
  t.equal(nobody.status, 400);
  t.equal(nobody.body.errors[0].pointer, '/handle');
  t.equal((await call('POST', collaborators, owner, { handle: await handleOf(stranger), user_id: stranger.id, role: 'viewer' })).status, 400, 'not both');
  t.equal((await call('POST', collaborators, owner, { role: 'viewer' })).status, 400, 'not neither');
  t.equal((await call('POST', collaborators, owner, { handle: 'bad handle!', role: 'viewer' })).status, 400, 'a handle is a handle');
  t.equal((await call('POST', collaborators, dana, { handle: await handleOf(stranger), role: 'viewer' })).status, 403, 'only the owner invites');
  t.equal((await call('GET', '/v1/me/playlist-invitations', null)).status, 401);
});
