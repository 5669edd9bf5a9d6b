import { appForClient } from '@chorus/db';
import { createTestApp } from '@chorus/service-kit/testing';
import { as, body, makeApp, makePartner, makePeople, refusesBadInput } from '@chorus/test-kit';
import t from 'tap';
import { partnersService } from '../src/index.js';
import { deviceApp, testEnv } from './support.js';

t.test('review: development, in review, production; who approved and when', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService], { redis: false, ...testEnv });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id, deviceApp);
  const base = `/v1/partners/${partner.id}/apps/${registered.id}`;
  const decide = (payload: Record<string, unknown>, who = team.platformAdmin) =>
    as(app, who, { method: 'POST', url: `/v1/admin/apps/${registered.id}/review`, payload });

  t.equal(body(await decide({ decision: 'approve' })).code, 'not_in_review', 'nothing to decide before a request');
  t.equal((await as(app, team.analyst, { method: 'POST', url: `${base}/review-requests`, payload: { note: 'Please.' } })).statusCode, 403);
  t.equal((await as(app, team.outsider, { method: 'POST', url: `${base}/review-requests`, payload: { note: 'Please.' } })).statusCode, 404);
  const requested = await as(app, team.developer, { method: 'POST', url: `${base}/review-requests`, payload: { note: ' Ready for 2027 models. ' } });
  t.equal(requested.statusCode, 201);
  t.match(body(requested), { action: 'requested', note: 'Ready for 2027 models.', by: { user_id: team.developer.id, display_name: 'Developer' } });
  t.equal(body(await as(app, team.developer, { method: 'POST', url: `${base}/review-requests`, payload: { note: 'Again.' } })).code, 'already_in_review');

  const inReview = body(await as(app, team.analyst, { method: 'GET', url: base }));
  t.match(inReview, { mode: 'development', review: { state: 'in_review', reviewed_by: null } });
  t.ok(inReview.review.requested_at);

  // The platform admins' queue.
  t.equal((await as(app, team.admin, { method: 'GET', url: '/v1/admin/apps' })).statusCode, 403);
  const queue = body(await as(app, team.platformAdmin, { method: 'GET', url: '/v1/admin/apps' }));
  t.same(
    queue.items.map((a: { id: string }) => a.id),
    [registered.id],
  );
  t.match(queue.items[0].partner, { id: partner.id, verified: false });
  t.same(body(await as(app, team.platformAdmin, { method: 'GET', url: '/v1/admin/apps?review_state=production' })).items, []);

  // Only platform admins decide; a rejection needs a note.
  t.equal((await decide({ decision: 'approve' }, team.admin)).statusCode, 403);
  t.equal(body(await decide({ decision: 'reject' })).errors[0].pointer, '/note');
  const rejected = await decide({ decision: 'reject', note: 'Show the device name on the consent page.' });
  t.equal(rejected.statusCode, 200);
  t.match(body(rejected), {
    mode: 'development',
    review: { state: 'rejected', note: 'Show the device name on the consent page.', reviewed_by: { user_id: team.platformAdmin.id } },
  });

  // Asked again after the fix, approved with the partner verified at once.
  t.equal((await as(app, team.admin, { method: 'POST', url: `${base}/review-requests`, payload: { note: 'Fixed.' } })).statusCode, 201);
  const approved = await decide({ decision: 'approve', note: 'Welcome.', verify_partner: true });
  t.equal(approved.statusCode, 200);
  const seen = body(await as(app, team.analyst, { method: 'GET', url: base }));
  t.match(seen, {
    mode: 'production',
    review: { state: 'production', note: 'Welcome.', reviewed_by: { user_id: team.platformAdmin.id, display_name: 'Platform admin' } },
  });
  t.ok(Date.parse(seen.review.reviewed_at) <= Date.now());
  t.equal(body(await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}` })).verified, true, 'the partner sees it is verified');
  t.match(await appForClient(deps.db, registered.client_id), { reviewState: 'production', partnerVerified: true });
  t.equal(body(await as(app, team.developer, { method: 'POST', url: `${base}/review-requests`, payload: { note: 'More.' } })).code, 'already_in_production');
  t.equal(body(await decide({ decision: 'reject', note: 'x' })).code, 'not_in_review');

  const history = body(await as(app, team.analyst, { method: 'GET', url: `${base}/reviews` }));
  t.same(
    history.items.map((r: { action: string; verified_partner: boolean }) => [r.action, r.verified_partner]),
    [
      ['requested', false],
      ['rejected', false],
      ['requested', false],
      ['approved', true],
    ],
  );
  t.equal((await as(app, team.outsider, { method: 'GET', url: `${base}/reviews` })).statusCode, 404);
  t.equal(
    (await as(app, team.platformAdmin, { method: 'POST', url: `/v1/admin/apps/${crypto.randomUUID()}/review`, payload: { decision: 'approve' } })).statusCode,
    404,
  );

  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/admin/apps/${registered.id}/review`,
    headers: team.platformAdmin.auth,
    body: { decision: 'approve', note: 'Fine.', verify_partner: true },
    required: ['decision'],
    snapshot: async () => deps.db.selectFrom('partner_app_reviews').selectAll().execute(),
  });
});
