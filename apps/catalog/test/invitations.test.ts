import { uuidv7 } from '@chorus/db';
import { createTestApp, createUser, type TestUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { MAX_PENDING_INVITATIONS } from '../src/invitations.service.js';
import { addToTeam, artistSnapshot, handleOf, makeArtist, testEnv, userWithEmail } from './support.js';

const DAY_MS = 86_400_000;

t.test('team invitations', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const admin = await createUser(deps, { display_name: 'Admin' });
  const adminHandle = await handleOf(deps.db, admin);
  const inviteUrl = (artistId: string) => `/v1/artists/${artistId}/invitations`;
  const invite = (artistId: string, payload: object, by: TestUser = admin) =>
    app.inject({ method: 'POST', url: inviteUrl(artistId), headers: by.auth, payload });
  const mine = async (user: TestUser) => {
    const res = await app.inject({ url: '/v1/me/team-invitations', headers: user.auth });
    t.equal(res.statusCode, 200, res.body);
    return res.json().items as Array<{ id: string; artist: { id: string }; role: string }>;
  };
  const answer = (user: TestUser, id: string, verb: 'accept' | 'decline') =>
    app.inject({ method: 'POST', url: `/v1/me/team-invitations/${id}/${verb}`, headers: user.auth });
  const memberIds = async (artistId: string) =>
    (await app.inject({ url: `/v1/artists/${artistId}/members`, headers: admin.auth }))
      .json()
      .items.map((m: { user_id: string; role: string }) => [m.user_id, m.role]);

  t.test('the old route that added people without their consent is gone', async (t) => {
    const artist = await makeArtist(deps, admin);
    const other = await createUser(deps);
    const before = await artistSnapshot(deps.db, artist.id);
    const res = await app.inject({
      method: 'POST',
      url: `/v1/artists/${artist.id}/members`,
      headers: admin.auth,
      payload: { user_id: other.id, role: 'admin' },
    });
    t.equal(res.statusCode, 405, 'the members list answers GET only');
    t.same(await artistSnapshot(deps.db, artist.id), before, 'nobody was added');
  });

  t.test('by handle: the invitee sees it, accepts, and joins with its role; it is used once', async (t) => {
    const artist = await makeArtist(deps, admin, { name: 'Múm' });
    const invitee = await createUser(deps, { display_name: 'Invitee' });
    const handle = await handleOf(deps.db, invitee);
    const res = await invite(artist.id, { handle: handle.toUpperCase(), role: 'editor' });
    t.equal(res.statusCode, 202, res.body);
    const invitation = res.json();
    t.match(invitation, {
      artist_id: artist.id,
      role: 'editor',
      handle,
      display_name: 'Invitee',
      email: null,
      invited_by: { handle: adminHandle, display_name: 'Admin' },
    });
    const ttl = Date.parse(invitation.expires_at) - Date.parse(invitation.created_at);
    t.ok(Math.abs(ttl - 14 * DAY_MS) < 60_000, 'it expires in 14 days');
    t.same(await memberIds(artist.id), [[admin.id, 'admin']], 'inviting adds nobody');

    const listed = await mine(invitee);
    t.same(listed, [
      {
        id: invitation.id,
        artist: { id: artist.id, name: 'Múm', verified: false },
        role: 'editor',
        invited_by: { handle: adminHandle, display_name: 'Admin' },
        created_at: invitation.created_at,
        expires_at: invitation.expires_at,
      },
    ]);
    t.equal((await app.inject({ url: `/v1/artists/${artist.id}/members`, headers: invitee.auth })).statusCode, 404, 'not on the team before accepting');

    const accepted = await answer(invitee, invitation.id, 'accept');
    t.equal(accepted.statusCode, 200, accepted.body);
    t.match(accepted.json(), { id: artist.id, name: 'Múm', verified: false, role: 'editor' });
    t.ok(Date.parse(accepted.json().joined_at) > 0);
    t.same(
      (await memberIds(artist.id)).sort(),
      [
        [admin.id, 'admin'],
        [invitee.id, 'editor'],
      ].sort(),
    );

    const again = await answer(invitee, invitation.id, 'accept');
    t.equal(again.statusCode, 410);
    t.equal(again.json().code, 'invitation_answered');
    t.same(await mine(invitee), [], 'an answered invitation is no longer pending');
    t.same((await app.inject({ url: inviteUrl(artist.id), headers: admin.auth })).json().items, []);
  });

  t.test('by email: the same answer whether or not the address has an account; matched without letter case', async (t) => {
    const artist = await makeArtist(deps, admin);
    const known = await createUser(deps, { display_name: 'Known' });
    const unknownEmail = `nobody-${uuidv7()}@example.test`;
    const a = await invite(artist.id, { email: known.email.toUpperCase(), role: 'reader' });
    const b = await invite(artist.id, { email: unknownEmail, role: 'reader' });
    t.equal(a.statusCode, 202);
    t.equal(b.statusCode, 202);
    const strip = (body: Record<string, unknown>) => {
      const { id: _id, email: _email, created_at: _c, expires_at: _e, ...rest } = body;
      return rest;
    };
    t.same(strip(a.json()), strip(b.json()), 'nothing tells an existing account from a missing one');
    t.same(Object.keys(a.json()).sort(), Object.keys(b.json()).sort());
    t.equal(a.json().email, known.email.toLowerCase());
    t.equal(a.json().handle, null);
    t.equal(a.json().display_name, null);
    const stored = await deps.db.selectFrom('artist_invitations').select(['invitee_user_id']).where('artist_id', '=', artist.id).execute();
    t.same(stored, [{ invitee_user_id: null }, { invitee_user_id: null }], 'an email is not even looked up');

    const outsider = await createUser(deps);
    t.same(await mine(outsider), [], 'nobody else sees them');
    t.equal((await answer(outsider, a.json().id, 'accept')).statusCode, 404, "someone else's invitation is 404");
    t.equal((await answer(outsider, a.json().id, 'accept')).json().code, 'invitation_not_found');

    t.same(
      (await mine(known)).map((i) => i.id),
      [a.json().id],
    );
    const accepted = await answer(known, a.json().id, 'accept');
    t.equal(accepted.statusCode, 200, accepted.body);
    t.equal(accepted.json().role, 'reader');

    const late = await userWithEmail(deps, unknownEmail.replace('nobody', 'NoBody'));
    t.same(
      (await mine(late)).map((i) => i.id),
      [b.json().id],
      'whoever signs up with the address later gets it',
    );
  });

  t.test('refused invitations: unknown handle, a member, both or neither of handle and email, bad role', async (t) => {
    const artist = await makeArtist(deps, admin);
    const member = await createUser(deps);
    await addToTeam(deps.db, artist.id, member, 'reader');
    const before = await artistSnapshot(deps.db, artist.id);
    const unknown = await invite(artist.id, { handle: 'no-such-handle-here', role: 'reader' });
    t.equal(unknown.statusCode, 404);
    t.equal(unknown.json().code, 'user_not_found');
    const already = await invite(artist.id, { handle: await handleOf(deps.db, member), role: 'admin' });
    t.equal(already.statusCode, 409);
    t.equal(already.json().code, 'already_member');
    const both = await invite(artist.id, { handle: 'someone', email: 'a@example.test', role: 'reader' });
    t.equal(both.statusCode, 400);
    t.equal(both.json().errors[0].pointer, '/handle');
    t.equal((await invite(artist.id, { role: 'reader' })).statusCode, 400);
    for (const [payload, pointer] of [
      [{ handle: 'x', role: 'reader' }, '/handle'],
      [{ handle: 'bad handle', role: 'reader' }, '/handle'],
      [{ handle: 'a'.repeat(33), role: 'reader' }, '/handle'],
      [{ email: 'not-an-email', role: 'reader' }, '/email'],
      [{ email: `${'a'.repeat(320)}@example.test`, role: 'reader' }, '/email'],
      [{ email: 'a@example.test', role: 'owner' }, '/role'],
    ] as const) {
      const res = await invite(artist.id, payload);
      t.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 60));
      t.equal(res.json().errors[0].pointer, pointer);
    }
    t.same(await artistSnapshot(deps.db, artist.id), before, 'nothing written');
  });

  t.test('decline, revoke, expiry, and inviting again refreshes the pending invitation', async (t) => {
    const artist = await makeArtist(deps, admin);
    const invitee = await createUser(deps);
    const handle = await handleOf(deps.db, invitee);

    const first = (await invite(artist.id, { handle, role: 'reader' })).json();
    const refreshed = await invite(artist.id, { handle, role: 'editor' });
    t.equal(refreshed.json().id, first.id, 'one pending invitation per person');
    t.equal(refreshed.json().role, 'editor');
    t.same(
      (await mine(invitee)).map((i) => [i.id, i.role]),
      [[first.id, 'editor']],
    );

    t.equal((await answer(invitee, first.id, 'decline')).statusCode, 204);
    t.same(await mine(invitee), []);
    t.equal((await answer(invitee, first.id, 'accept')).json().code, 'invitation_answered');
    t.same(await memberIds(artist.id), [[admin.id, 'admin']]);

    const second = (await invite(artist.id, { handle, role: 'reader' })).json();
    t.not(second.id, first.id, 'after an answer, a new invitation');
    const revoke = `${inviteUrl(artist.id)}/${second.id}`;
    t.equal((await app.inject({ method: 'DELETE', url: revoke, headers: admin.auth })).statusCode, 204);
    const revoked = await answer(invitee, second.id, 'accept');
    t.equal(revoked.statusCode, 410);
    t.equal(revoked.json().code, 'invitation_revoked');
    t.equal((await app.inject({ method: 'DELETE', url: revoke, headers: admin.auth })).statusCode, 404, 'only pending ones can be revoked');

    const third = (await invite(artist.id, { handle, role: 'reader' })).json();
    await deps.db
      .updateTable('artist_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', third.id)
      .execute();
    t.same(await mine(invitee), [], 'an expired invitation is not listed');
    t.same((await app.inject({ url: inviteUrl(artist.id), headers: admin.auth })).json().items, []);
    const expired = await answer(invitee, third.id, 'accept');
    t.equal(expired.statusCode, 410);
    t.equal(expired.json().code, 'invitation_expired');
    const renewed = (await invite(artist.id, { handle, role: 'reader' })).json();
    t.equal(renewed.id, third.id, 'inviting again renews an expired one');
    t.equal((await answer(invitee, renewed.id, 'accept')).statusCode, 200);
  });

  t.test('an invitation to someone already on the team is refused at accepting', async (t) => {
    const artist = await makeArtist(deps, admin);
    const member = await createUser(deps);
    await addToTeam(deps.db, artist.id, member, 'reader');
    const res = await invite(artist.id, { email: member.email, role: 'admin' });
    t.equal(res.statusCode, 202, 'an email is not checked against the team either');
    const accept = await answer(member, res.json().id, 'accept');
    t.equal(accept.statusCode, 409);
    t.equal(accept.json().code, 'already_member');
    t.same(
      (await memberIds(artist.id)).sort(),
      [
        [admin.id, 'admin'],
        [member.id, 'reader'],
      ].sort(),
      'the role is unchanged',
    );
    t.equal((await answer(member, res.json().id, 'decline')).statusCode, 204, 'and can be declined');
  });

  t.test('admins list pending invitations newest first, a page at a time', async (t) => {
    const artist = await makeArtist(deps, admin);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await invite(artist.id, { email: `list-${i}-${uuidv7()}@example.test`, role: 'reader' })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({
        url: `${inviteUrl(artist.id)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: admin.auth,
      });
      t.equal(res.statusCode, 200);
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().next_cursor;
    } while (cursor);
    t.same(seen, [...ids].reverse());
    const bad = await app.inject({ url: `${inviteUrl(artist.id)}?cursor=nope`, headers: admin.auth });
    t.equal(bad.statusCode, 400);
    t.equal(bad.json().errors[0].pointer, '/cursor');
  });

  t.test(`a team has at most ${MAX_PENDING_INVITATIONS} pending invitations`, async (t) => {
    const artist = await makeArtist(deps, admin);
    await deps.db
      .insertInto('artist_invitations')
      .values(
        Array.from({ length: MAX_PENDING_INVITATIONS }, (_, i) => ({
          id: uuidv7(),
          artist_id: artist.id,
          role: 'reader' as const,
          invitee_user_id: null,
          invitee_email: `cap-${i}@example.test`,
          invited_by: admin.id,
          expires_at: new Date(Date.now() + DAY_MS),
        })),
      )
      .execute();
    const res = await invite(artist.id, { email: 'one-more@example.test', role: 'reader' });
    t.equal(res.statusCode, 409);
    t.equal(res.json().code, 'too_many_invitations');
  });
});
