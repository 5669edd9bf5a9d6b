import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { PASSWORD, type Tokens, bearer, claimsOf, identityApp, login } from './helpers.js';

const ADMIN_EMAIL = 'Root@Chorus.test';

t.test('internal roles', async (t) => {
  const { app, deps } = await identityApp(t, { CHORUS_ADMIN_EMAIL: ADMIN_EMAIL.toLowerCase() });

  const signup = (email: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/signup', payload: { email, password: PASSWORD, display_name: 'Someone', country: 'NO' } });

  const adminUser = await signup(ADMIN_EMAIL);
  t.equal(adminUser.statusCode, 201);
  t.same(adminUser.json().roles, ['platform_admin'], 'the configured admin email becomes platform_admin, whatever its case');
  const admin = (await login(app, ADMIN_EMAIL)).json<Tokens>();
  t.same(claimsOf(admin.access_token).roles, ['platform_admin']);
  const adminAuth = bearer(admin.access_token);

  t.test('an admin grants product_analyst; it shows in /v1/me and in the next log-in', async (t) => {
    const analystSignup = await signup(`analyst-${Date.now()}@example.test`);
    const analyst = analystSignup.json();
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
});
