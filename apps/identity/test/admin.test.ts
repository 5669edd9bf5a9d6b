import type { InternalRole } from '@chorus/db';
import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { ADMIN_ROUTE, PASSWORD, type Tokens, bearer, claimsOf, identityApp, login, signupVia } from './helpers.js';

t.test('internal roles', async (t) => {
  // CHORUS_ADMIN_EMAIL used to make whoever signed up first with it platform_admin; it must do nothing now.
  const { app, deps } = await identityApp(t, { CHORUS_ADMIN_EMAIL: 'root@chorus.test' });

  const signup = (email: string) => signupVia(app, { email, display_name: 'Someone' });
  const setRoles = (id: string, roles: InternalRole[]) => deps.db.updateTable('users').set({ roles }).where('id', '=', id).execute();

  const raced = await signup('Root@Chorus.test');
  t.equal(raced.statusCode, 201);
  t.same(raced.json().user.roles, [], 'signing up with the old admin address grants nothing');

  // The bootstrap is an operator's (npm run admin -- grant EMAIL ROLE, tested in admin-cli.test.ts).
  await setRoles(raced.json().user.id, ['platform_admin']);
  const admin = (await login(app, 'Root@Chorus.test', PASSWORD)).json<Tokens>();
  t.same(claimsOf(admin.access_token).roles, ['platform_admin']);
  const adminAuth = bearer(admin.access_token);

  t.test('an admin grants product_analyst; it shows in /v1/me and in the next log-in', async (t) => {
    const analystSignup = await signup(`analyst-${Date.now()}@example.test`);
    const analyst = analystSignup.json().user;
    t.same(analyst.roles, []);

    const granted = await app.inject({ method: 'PUT', url: `/v1/admin/users/${analyst.id}/roles/product_analyst`, headers: adminAuth });
    t.equal(granted.statusCode, 200);
    t.same(granted.json().roles, ['product_analyst']);
    const twice = await app.inject({ method: 'PUT', url: `/v1/admin/users/${analyst.id}/roles/product_analyst`, headers: adminAuth });
    t.same(twice.json().roles, ['product_analyst'], 'granting is idempotent');

    const tokens = (await login(app, analyst.email)).json<Tokens>();
    t.same(claimsOf(tokens.access_token).roles, ['product_analyst'], 'a new log-in carries the role');
    const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tokens.access_token) });
    t.same(me.json().roles, ['product_analyst']);

    const both = await app.inject({ method: 'PUT', url: `/v1/admin/users/${analyst.id}/roles/platform_admin`, headers: adminAuth });
    t.same(both.json().roles, ['platform_admin', 'product_analyst']);
    const removed = await app.inject({ method: 'DELETE', url: `/v1/admin/users/${analyst.id}/roles/product_analyst`, headers: adminAuth });
    t.equal(removed.statusCode, 200);
    t.same(removed.json().roles, ['platform_admin']);
  });

  t.test('a normal user gets 403', async (t) => {
    const user = await createUser(deps);
    const target = await createUser(deps);
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await app.inject({ method, url: `/v1/admin/users/${target.id}/roles/product_analyst`, headers: user.auth });
      t.equal(res.statusCode, 403, method);
      t.equal(res.json().code, 'insufficient_role');
    }
    const self = await app.inject({ method: 'PUT', url: `/v1/admin/users/${user.id}/roles/platform_admin`, headers: user.auth });
    t.equal(self.statusCode, 403, 'no self-promotion');
    const row = await deps.db.selectFrom('users').select('roles').where('id', '=', user.id).executeTakeFirstOrThrow();
    t.same(row.roles, []);
  });

  t.test('unknown user 404, unknown role 400, no self-demotion', async (t) => {
    const unknown = await app.inject({ method: 'PUT', url: '/v1/admin/users/01900000-0000-7000-8000-000000000000/roles/product_analyst', headers: adminAuth });
    t.equal(unknown.statusCode, 404);
    const user = await createUser(deps);
    const badRole = await app.inject({ method: 'PUT', url: `/v1/admin/users/${user.id}/roles/superuser`, headers: adminAuth });
    t.equal(badRole.statusCode, 400);
    t.equal(badRole.json().code, 'validation_failed');

    const adminId = claimsOf(admin.access_token).sub as string;
    const demote = await app.inject({ method: 'DELETE', url: `/v1/admin/users/${adminId}/roles/platform_admin`, headers: adminAuth });
    t.equal(demote.statusCode, 409);
    t.equal(demote.json().code, 'cannot_demote_self');
    const row = await deps.db.selectFrom('users').select('roles').where('id', '=', adminId).executeTakeFirstOrThrow();
    t.same(row.roles, ['platform_admin']);
  });

  t.test('a revoked platform_admin is refused at once, with the same unexpired token', async (t) => {
    const other = await createUser(deps, { roles: ['platform_admin'] });
    const target = await createUser(deps);
    t.equal((await app.inject({ method: 'PUT', url: ADMIN_ROUTE(target.id), headers: other.auth })).statusCode, 200, 'the role works');
    const revoked = await app.inject({ method: 'DELETE', url: ADMIN_ROUTE(other.id, 'platform_admin'), headers: adminAuth });
    t.equal(revoked.statusCode, 200);
    t.same(claimsOf(other.token).roles, ['platform_admin'], 'the token still claims the role');
    const refused = await app.inject({ method: 'PUT', url: ADMIN_ROUTE(target.id), headers: other.auth });
    t.equal(refused.statusCode, 403, 'refused although the token has not expired');
    t.equal(refused.json().code, 'insufficient_role');
  });

  t.test('a role granted after log-in counts at once on privileged routes', async (t) => {
    const promoted = await createUser(deps);
    const target = await createUser(deps);
    t.equal((await app.inject({ method: 'PUT', url: ADMIN_ROUTE(target.id), headers: promoted.auth })).statusCode, 403);
    await setRoles(promoted.id, ['platform_admin']);
    t.equal((await app.inject({ method: 'PUT', url: ADMIN_ROUTE(target.id), headers: promoted.auth })).statusCode, 200, 'the fresh role is read');
  });
});
