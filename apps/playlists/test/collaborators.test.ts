import { uuidv7 } from '@chorus/db';
import { createUser } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import t from 'tap';
import { hashToken } from '../src/invites.service.js';
import { api, createPlaylist, playlistsApp } from './factories.js';

t.test('collaborators: add, change role, transfer ownership, leave, remove', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const [owner, alice, bob] = await Promise.all([createUser(deps), createUser(deps), createUser(deps)]);
  const id = await createPlaylist(call, owner);
  const collaborators = `/v1/playlists/${id}/collaborators`;

  const added = await call('POST', collaborators, owner, { user_id: alice.id, role: 'contributor' });
  t.equal(added.status, 201);
  t.match(added.body, { user_id: alice.id, role: 'contributor', contributions: { items_added: 0 } });
  t.equal((await call('POST', collaborators, owner, { user_id: alice.id, role: 'editor' })).body.code, 'already_collaborator');
  const nobody = await call('POST', collaborators, owner, { user_id: uuidv7(), role: 'viewer' });
  t.equal(nobody.status, 400);
  t.equal(nobody.body.errors[0].pointer, '/user_id');
  t.equal((await call('POST', collaborators, owner, { user_id: bob.id, role: 'owner' })).status, 400, 'owner is given by transfer only');
  await call('POST', collaborators, owner, { user_id: bob.id, role: 'viewer' });

  const list = await call('GET', collaborators, alice);
  t.same(
    list.body.items.map((c: { user_id: string; role: string }) => [c.user_id, c.role]),
    [
      [owner.id, 'owner'],
      [alice.id, 'contributor'],
      [bob.id, 'viewer'],
    ],
  );
  t.equal((await call('PATCH', `${collaborators}/${alice.id}`, alice, { role: 'editor' })).status, 403, 'only the owner manages roles');
  const promoted = await call('PATCH', `${collaborators}/${alice.id}`, owner, { role: 'editor' });
  t.equal(promoted.status, 200);
  t.equal(promoted.body.role, 'editor');
  t.equal((await call('PATCH', `${collaborators}/${owner.id}`, owner, { role: 'viewer' })).body.code, 'owner_role');
  t.equal((await call('PATCH', `${collaborators}/${uuidv7()}`, owner, { role: 'viewer' })).status, 404);

  const transferred = await call('PATCH', `${collaborators}/${alice.id}`, owner, { role: 'owner' });
  t.equal(transferred.status, 200);
  t.equal(transferred.body.role, 'owner');
  const after = await call('GET', `/v1/playlists/${id}`, owner);
  t.equal(after.body.owner_id, alice.id);
  t.equal(after.body.your_role, 'editor', 'the previous owner becomes an editor');
  t.equal((await call('DELETE', `/v1/playlists/${id}`, owner)).status, 403, 'and may no longer delete it');
  t.equal((await call('PATCH', `/v1/playlists/${id}`, alice, { name: 'Alice mix' })).status, 200, 'the new owner may edit it');

  t.equal((await call('DELETE', `${collaborators}/${alice.id}`, alice)).body.code, 'owner_cannot_leave');
  t.equal((await call('DELETE', `${collaborators}/${bob.id}`, owner)).status, 403, 'an editor cannot remove others');
  t.equal((await call('DELETE', `${collaborators}/${bob.id}`, bob)).status, 204, 'a viewer leaves');
  t.equal((await call('GET', `/v1/playlists/${id}`, bob)).status, 404, 'and no longer sees the private playlist');
  t.equal((await call('DELETE', `${collaborators}/${owner.id}`, alice)).status, 204, 'the owner removes a member');
  t.equal((await call('DELETE', `${collaborators}/${owner.id}`, alice)).status, 404);

  const log = await call('GET', `/v1/playlists/${id}/activity?limit=100`, alice);
  t.same(
    log.body.items.map((row: { type: string }) => row.type),
    [
      'playlist_created',
      'collaborator_added',
      'collaborator_added',
      'collaborator_role_changed',
      'ownership_transferred',
      'playlist_updated',
      'collaborator_left',
      'collaborator_removed',
    ],
  );
});

t.test('invitations: accept, expired, revoked, used up; tokens stored hashed', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const users = await Promise.all(Array.from({ length: 4 }, () => createUser(deps)));
  const id = await createPlaylist(call, owner);
  const invites = `/v1/playlists/${id}/invites`;

  const created = await call('POST', invites, owner, { role: 'contributor', max_uses: 2, expires_in_seconds: 3600 });
  t.equal(created.status, 201);
  t.match(created.body, { role: 'contributor', max_uses: 2, uses: 0, status: 'active', revoked_at: null });
  const token = created.body.token as string;
  t.match(token, /^[\w-]{43}$/);
  t.equal(created.body.accept_path, `/v1/playlist-invites/${token}/accept`);
  const stored = await deps.db.selectFrom('playlist_invites').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
  t.equal(stored.token_hash, hashToken(token), 'only the hash is stored');
  t.not(stored.token_hash, token);

  const accept = (user: (typeof users)[number], tok = token) => call('POST', `/v1/playlist-invites/${tok}/accept`, user);
  t.equal((await call('GET', `/v1/playlists/${id}`, users[0]!)).status, 404, 'private before accepting');
  const first = await accept(users[0]!);
  t.equal(first.status, 200);
  t.same(first.body, { playlist_id: id, role: 'contributor', already_member: false });
  t.equal((await call('GET', `/v1/playlists/${id}`, users[0]!)).body.your_role, 'contributor');
  t.same((await accept(users[0]!)).body, { playlist_id: id, role: 'contributor', already_member: true }, 'accepting twice uses nothing up');
  t.equal((await accept(users[1]!)).status, 200);
  const usedUp = await accept(users[2]!);
  t.equal(usedUp.status, 410);
  t.equal(usedUp.body.code, 'invite_used_up');

  const revocable = (await call('POST', invites, owner, { role: 'viewer' })).body;
  t.equal((await call('DELETE', `${invites}/${revocable.id}`, owner)).status, 204);
  t.equal((await call('DELETE', `${invites}/${revocable.id}`, owner)).status, 204, 'revoking twice is harmless');
  t.equal((await call('DELETE', `${invites}/${uuidv7()}`, owner)).status, 404);
  const revoked = await accept(users[2]!, revocable.token);
  t.equal(revoked.status, 410);
  t.equal(revoked.body.code, 'invite_revoked');

  const expiring = (await call('POST', invites, owner, { role: 'editor', expires_in_seconds: 60 })).body;
  await deps.db
    .updateTable('playlist_invites')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', expiring.id)
    .execute();
  const expired = await accept(users[2]!, expiring.token);
  t.equal(expired.status, 410);
  t.equal(expired.body.code, 'invite_expired');
  t.equal((await accept(users[2]!, 'x'.repeat(43))).status, 404, 'an unknown token');
  t.equal((await accept(users[2]!, 'short')).status, 400, 'not a token');
  t.equal((await call('POST', `/v1/playlist-invites/${token}/accept`, null)).status, 401);

  const listed = await call('GET', invites, owner);
  t.same(
    listed.body.items.map((i: { status: string }) => i.status),
    ['expired', 'revoked', 'used_up'],
  );
  t.notOk(JSON.stringify(listed.body).includes(token), 'tokens are never listed');
  t.equal((await call('GET', invites, users[0]!)).status, 403, 'a contributor may not see the links');
  t.equal((await call('POST', invites, users[0]!, { role: 'viewer' })).status, 403);
  t.equal((await call('POST', invites, users[3]!, { role: 'viewer' })).status, 404, 'a stranger does not see the playlist');
});

t.test('at most 100 collaborators, owner included', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const id = await createPlaylist(call, owner);
  // 99 members straight into the table: with the owner, 100.
  await sql`
    WITH people AS (
      INSERT INTO users (id, email, password_hash, display_name, country)
      SELECT gen_random_uuid(), 'm' || n || '-' || ${id} || '@example.test', 'x', 'Member ' || n, 'SE' FROM generate_series(1, 99) n
      RETURNING id
    )
    INSERT INTO playlist_collaborators (playlist_id, user_id, role) SELECT ${id}::uuid, id, 'viewer' FROM people
  `.execute(deps.db);
  const extra = await createUser(deps);
  const refused = await call('POST', `/v1/playlists/${id}/collaborators`, owner, { user_id: extra.id, role: 'viewer' });
  t.equal(refused.status, 409, 'the 101st collaborator');
  t.equal(refused.body.code, 'too_many_collaborators');
  const invite = await call('POST', `/v1/playlists/${id}/invites`, owner, { role: 'viewer' });
  const byLink = await call('POST', `/v1/playlist-invites/${invite.body.token}/accept`, extra);
  t.equal(byLink.status, 409, 'nor by an invitation link');
  const listed = await call('GET', `/v1/playlists/${id}/collaborators`, owner);
  t.equal(listed.body.items.length, 100);
  const someone = listed.body.items[50].user_id;
  await call('DELETE', `/v1/playlists/${id}/collaborators/${someone}`, owner);
  t.equal((await call('POST', `/v1/playlist-invites/${invite.body.token}/accept`, extra)).status, 200, 'room again after one leaves');
});
