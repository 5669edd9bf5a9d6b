import { createTestApp, signAppToken } from '@chorus/service-kit/testing';
import { as, body, makePartner, makePeople, person, refusesBadInput } from '@chorus/test-kit';
import t from 'tap';
import { partnersService } from '../src/index.js';
import { testEnv } from './support.js';

t.test('partners: create, list, read, edit, verify', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);

  const created = await as(app, team.admin, {
    method: 'POST',
    url: '/v1/partners',
    payload: { name: '  Volvo Cars ', kind: 'automotive', website_url: 'https://www.volvocars.com' },
  });
  t.equal(created.statusCode, 201);
  const partner = body(created);
  t.match(partner, { name: 'Volvo Cars', kind: 'automotive', verified: false, verified_at: null, role: 'admin' });
  t.equal(created.headers.location, `/v1/partners/${partner.id}`);

  const mine = body(await as(app, team.admin, { method: 'GET', url: '/v1/partners' }));
  t.same(
    mine.items.map((p: { id: string }) => p.id),
    [partner.id],
  );
  t.same(body(await as(app, team.outsider, { method: 'GET', url: '/v1/partners' })).items, [], 'only my partners');

  t.equal((await as(app, team.outsider, { method: 'GET', url: `/v1/partners/${partner.id}` })).statusCode, 404, 'a non-member is told it does not exist');
  t.equal(body(await as(app, team.platformAdmin, { method: 'GET', url: `/v1/partners/${partner.id}` })).role, null, 'platform admins may read');

  // Verification by a platform admin; the partner sees it.
  t.equal(
    (await as(app, team.admin, { method: 'POST', url: `/v1/admin/partners/${partner.id}/verification` })).statusCode,
    403,
    'partners cannot verify themselves',
  );
  const verified = await as(app, team.platformAdmin, { method: 'POST', url: `/v1/admin/partners/${partner.id}/verification` });
  t.equal(verified.statusCode, 200);
  t.equal(body(verified).verified, true);
  const seen = body(await as(app, team.admin, { method: 'GET', url: `/v1/partners/${partner.id}` }));
  t.equal(seen.verified, true);
  t.ok(seen.verified_at);

  // An edit that keeps who the partner is keeps the verification; one that changes its name withdraws it.
  const sameName = await as(app, team.admin, { method: 'PATCH', url: `/v1/partners/${partner.id}`, payload: { name: 'Volvo Cars' } });
  t.equal(body(sameName).verified, true);
  const renamed = await as(app, team.admin, { method: 'PATCH', url: `/v1/partners/${partner.id}`, payload: { name: 'Spotify' } });
  t.equal(renamed.statusCode, 200);
  t.match(body(renamed), { name: 'Spotify', verified: false });

  const withdrawn = await as(app, team.platformAdmin, { method: 'DELETE', url: `/v1/admin/partners/${partner.id}/verification` });
  t.equal(body(withdrawn).verified, false);
  t.equal((await as(app, team.platformAdmin, { method: 'POST', url: `/v1/admin/partners/${crypto.randomUUID()}/verification` })).statusCode, 404);

  const insecure = await as(app, team.admin, { method: 'POST', url: '/v1/partners', payload: { name: 'X', kind: 'app', website_url: 'http://x.example.com' } });
  t.equal(insecure.statusCode, 400);
  const userinfo = await as(app, team.admin, {
    method: 'POST',
    url: '/v1/partners',
    payload: { name: 'X', kind: 'app', website_url: 'https://me:pw@x.example.com' },
  });
  t.equal(userinfo.statusCode, 400);
  t.equal(body(userinfo).errors[0].pointer, '/website_url');
});

t.test('partners: roles on the team (404 for outsiders, 403 without the role)', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const patch = (who: keyof typeof team) =>
    as(app, team[who], { method: 'PATCH', url: `/v1/partners/${partner.id}`, payload: { website_url: 'https://new.example.com' } });
  t.equal((await patch('outsider')).statusCode, 404);
  t.equal((await patch('analyst')).statusCode, 403);
  t.equal(body(await patch('developer')).code, 'insufficient_role');
  t.equal((await patch('platformAdmin')).statusCode, 403, 'platform admins read, they do not edit');
  t.equal((await patch('admin')).statusCode, 200);
  t.equal((await as(app, null, { method: 'GET', url: `/v1/partners/${partner.id}` })).statusCode, 401);

  const noScope = await signAppToken(deps, 'chorus', { sub: team.admin.id, scope: 'listens:read' });
  const refused = await app.inject({ method: 'GET', url: `/v1/partners/${partner.id}`, headers: { authorization: `Bearer ${noScope}` } });
  t.equal(refused.statusCode, 403);
  t.equal(body(refused).code, 'insufficient_scope');
});

t.test('team: invitations by handle, roles, at least one admin', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const members = `/v1/partners/${partner.id}/members`;
  const invitations = `/v1/partners/${partner.id}/invitations`;

  const listed = body(await as(app, team.analyst, { method: 'GET', url: members }));
  t.same(listed.items.map((m: { role: string }) => m.role).sort(), ['admin', 'analyst', 'developer']);
  t.ok(
    listed.items.every((m: { handle: string }) => m.handle),
    'members show their handles',
  );
  t.equal((await as(app, team.outsider, { method: 'GET', url: members })).statusCode, 404);

  // Only admins invite; the handle may carry @ and any letter case.
  const payload = { handle: `@${team.newcomer.handle.toUpperCase()}`, role: 'developer' };
  t.equal((await as(app, team.developer, { method: 'POST', url: invitations, payload })).statusCode, 403);
  t.equal((await as(app, team.outsider, { method: 'POST', url: invitations, payload })).statusCode, 404);
  const sent = await as(app, team.admin, { method: 'POST', url: invitations, payload });
  t.equal(sent.statusCode, 201);
  t.match(body(sent), { user_id: team.newcomer.id, handle: team.newcomer.handle, role: 'developer' });
  t.equal(body(await as(app, team.admin, { method: 'POST', url: invitations, payload })).code, 'already_invited');
  t.equal(
    body(await as(app, team.admin, { method: 'POST', url: invitations, payload: { handle: team.developer.handle, role: 'admin' } })).code,
    'already_member',
  );
  t.equal(body(await as(app, team.admin, { method: 'POST', url: invitations, payload: { handle: 'no-such-person-x', role: 'admin' } })).code, 'user_not_found');
  t.equal(body(await as(app, team.admin, { method: 'GET', url: invitations })).items.length, 1);

  // The invitee sees it, others cannot answer it.
  const inbox = body(await as(app, team.newcomer, { method: 'GET', url: '/v1/me/partner-invitations' }));
  t.equal(inbox.items.length, 1);
  const invitation = inbox.items[0];
  t.match(invitation, { role: 'developer', partner: { id: partner.id, verified: false }, invited_by: { display_name: 'Admin' } });
  t.equal((await as(app, team.outsider, { method: 'POST', url: `/v1/me/partner-invitations/${invitation.id}/accept` })).statusCode, 404);
  const accepted = await as(app, team.newcomer, { method: 'POST', url: `/v1/me/partner-invitations/${invitation.id}/accept` });
  t.equal(accepted.statusCode, 200);
  t.match(body(accepted), { id: partner.id, role: 'developer' });
  t.equal((await as(app, team.newcomer, { method: 'POST', url: `/v1/me/partner-invitations/${invitation.id}/accept` })).statusCode, 404, 'answered once');
  t.equal(body(await as(app, team.newcomer, { method: 'GET', url: `/v1/partners/${partner.id}` })).role, 'developer');

  // Declining and revoking.
  const other = await person(deps);
  const second = body(await as(app, team.admin, { method: 'POST', url: invitations, payload: { handle: other.handle, role: 'analyst' } }));
  t.equal((await as(app, other, { method: 'POST', url: `/v1/me/partner-invitations/${second.id}/decline` })).statusCode, 204);
  t.same(body(await as(app, other, { method: 'GET', url: '/v1/me/partner-invitations' })).items, []);
  t.equal((await as(app, other, { method: 'GET', url: `/v1/partners/${partner.id}` })).statusCode, 404, 'declined: not on the team');
  const third = body(await as(app, team.admin, { method: 'POST', url: invitations, payload: { handle: other.handle, role: 'analyst' } }));
  t.equal((await as(app, team.admin, { method: 'DELETE', url: `${invitations}/${third.id}` })).statusCode, 204);
  t.equal((await as(app, other, { method: 'POST', url: `/v1/me/partner-invitations/${third.id}/accept` })).statusCode, 404, 'revoked');

  // An expired invitation cannot be accepted, and may be sent again.
  const fourth = body(await as(app, team.admin, { method: 'POST', url: invitations, payload: { handle: other.handle, role: 'analyst' } }));
  await deps.db
    .updateTable('partner_invitations')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', fourth.id)
    .execute();
  t.equal((await as(app, other, { method: 'POST', url: `/v1/me/partner-invitations/${fourth.id}/accept` })).statusCode, 404, 'expired');
  t.equal((await as(app, team.admin, { method: 'POST', url: invitations, payload: { handle: other.handle, role: 'analyst' } })).statusCode, 201, 'renewed');

  // Roles: admins change them; the last admin cannot step down or leave.
  const demote = (who: string) => as(app, team.admin, { method: 'PATCH', url: `${members}/${who}`, payload: { role: 'analyst' } });
  t.equal(body(await demote(team.admin.id)).code, 'last_admin');
  t.equal((await as(app, team.developer, { method: 'PATCH', url: `${members}/${team.analyst.id}`, payload: { role: 'admin' } })).statusCode, 403);
  t.equal(body(await as(app, team.admin, { method: 'PATCH', url: `${members}/${team.developer.id}`, payload: { role: 'admin' } })).role, 'admin');
  t.equal(body(await demote(team.admin.id)).role, 'analyst', 'another admin exists now');
  t.equal(body(await as(app, team.developer, { method: 'DELETE', url: `${members}/${team.developer.id}` })).code, 'last_admin');
  t.equal((await as(app, team.analyst, { method: 'DELETE', url: `${members}/${team.admin.id}` })).statusCode, 403, 'analysts remove nobody');
  t.equal((await as(app, team.analyst, { method: 'DELETE', url: `${members}/${team.analyst.id}` })).statusCode, 204, 'anyone may leave');
  t.equal((await as(app, team.analyst, { method: 'GET', url: members })).statusCode, 404, 'gone');
  t.equal((await as(app, team.developer, { method: 'DELETE', url: `${members}/${crypto.randomUUID()}` })).statusCode, 404);
});

t.test('partners: hostile input is refused and changes nothing', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const count = async () =>
    (
      await deps.db
        .selectFrom('partners')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  await refusesBadInput(t, app, {
    method: 'POST',
    url: '/v1/partners',
    headers: team.admin.auth,
    body: { name: 'Acme', kind: 'telecom', website_url: 'https://acme.example.com' },
    required: ['name', 'kind', 'website_url'],
    snapshot: count,
  });
  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/partners/${partner.id}/invitations`,
    headers: team.admin.auth,
    body: { handle: team.newcomer.handle, role: 'analyst' },
    required: ['handle', 'role'],
    snapshot: async () => deps.db.selectFrom('partner_invitations').selectAll().execute(),
  });
  t.equal((await as(app, team.admin, { method: 'GET', url: '/v1/partners?cursor=bm9wZQ' })).statusCode, 400, 'a cursor we did not give');
  t.equal((await as(app, team.admin, { method: 'GET', url: `/v1/partners?cursor=${Buffer.from('["x"]').toString('base64url')}` })).statusCode, 400);
});

t.test('partners: the list pages', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const user = await person(deps);
  for (let i = 0; i < 3; i++) {
    await as(app, user, { method: 'POST', url: '/v1/partners', payload: { name: `P${i}`, kind: 'app', website_url: 'https://p.example.com' } });
  }
  const first = body(await as(app, user, { method: 'GET', url: '/v1/partners?limit=2' }));
  t.equal(first.items.length, 2);
  t.ok(first.next_cursor);
  const second = body(await as(app, user, { method: 'GET', url: `/v1/partners?limit=2&cursor=${first.next_cursor}` }));
  t.same(
    second.items.map((p: { name: string }) => p.name),
    ['P2'],
  );
  t.equal(second.next_cursor, null);
});
