import { TEAM_CHANGED, type TeamChanged } from '@chorus/service-kit';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { addToTeam, handleOf, makeArtist, testEnv } from './support.js';

t.test('team changes are announced on the bus after commit', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const admin = await createUser(deps);
  const heard: TeamChanged[] = [];
  const waiters: Array<() => void> = [];
  const unsubscribe = await deps.bus.subscribe(TEAM_CHANGED, (message) => {
    heard.push(message as TeamChanged);
    for (const wake of waiters.splice(0)) wake();
  });
  t.teardown(unsubscribe);
  /** Waits for an announcement about the member, and checks the change was committed by then. */
  const announced = async (artistId: string, userId: string) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = heard.find((m) => m.artistId === artistId && m.userId === userId);
      if (found) return found;
      if (Date.now() > deadline) return undefined;
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };

  t.test('a removal publishes, so a removed member loses their live streams', async (t) => {
    const artist = await makeArtist(deps, admin);
    const member = await createUser(deps);
    await addToTeam(deps.db, artist.id, member, 'reader');
    const res = await app.inject({ method: 'DELETE', url: `/v1/artists/${artist.id}/members/${member.id}`, headers: admin.auth });
    t.equal(res.statusCode, 204);
    t.same(await announced(artist.id, member.id), { artistId: artist.id, userId: member.id });
    const still = await deps.db.selectFrom('artist_members').select('user_id').where('artist_id', '=', artist.id).where('user_id', '=', member.id).execute();
    t.same(still, [], 'announced once removed');
  });

  t.test('leaving and role changes publish; refused changes do not', async (t) => {
    const artist = await makeArtist(deps, admin);
    const member = await createUser(deps);
    await addToTeam(deps.db, artist.id, member, 'editor');
    const refused = await app.inject({
      method: 'PATCH',
      url: `/v1/artists/${artist.id}/members/${admin.id}`,
      headers: admin.auth,
      payload: { role: 'reader' },
    });
    t.equal(refused.statusCode, 409, 'the last admin stays');
    const demote = await app.inject({
      method: 'PATCH',
      url: `/v1/artists/${artist.id}/members/${member.id}`,
      headers: admin.auth,
      payload: { role: 'reader' },
    });
    t.equal(demote.statusCode, 200);
    t.ok(await announced(artist.id, member.id), 'a role change is announced');
    t.notOk(
      heard.some((m) => m.artistId === artist.id && m.userId === admin.id),
      'a refused change is not',
    );
    heard.length = 0;
    const leave = await app.inject({ method: 'DELETE', url: `/v1/artists/${artist.id}/members/${member.id}`, headers: member.auth });
    t.equal(leave.statusCode, 204);
    t.ok(await announced(artist.id, member.id), 'leaving is announced');
  });

  t.test('an accepted invitation publishes', async (t) => {
    const artist = await makeArtist(deps, admin);
    const invitee = await createUser(deps);
    const invitation = await app.inject({
      method: 'POST',
      url: `/v1/artists/${artist.id}/invitations`,
      headers: admin.auth,
      payload: { handle: await handleOf(deps.db, invitee), role: 'reader' },
    });
    t.equal(invitation.statusCode, 202);
    t.notOk(
      heard.some((m) => m.artistId === artist.id),
      'inviting changes nobody yet',
    );
    const accepted = await app.inject({ method: 'POST', url: `/v1/me/team-invitations/${invitation.json().id}/accept`, headers: invitee.auth });
    t.equal(accepted.statusCode, 200);
    t.ok(await announced(artist.id, invitee.id));
  });
});
