import { type RouteCase, checkRouteRefusesBadInput, createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { PASSWORD, asserter, counts, identityApp } from './helpers.js';

t.test('every identity route refuses bad input and writes nothing', async (t) => {
  const { app, deps } = await identityApp(t);
  const user = await createUser(deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const target = await createUser(deps);
  const token = (await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'existing' } })).json();
  const snapshot = () => counts(deps);

  const signupBody = { email: 'new@example.test', password: PASSWORD, display_name: 'New', country: 'SE', birth_year: 1990, gender: 'other' };
  const routes: RouteCase[] = [
    { method: 'POST', url: '/v1/auth/signup', auth: false, body: signupBody, required: ['email', 'password', 'display_name', 'country'] },
    { method: 'POST', url: '/v1/auth/login', auth: false, body: { email: user.email, password: PASSWORD }, required: ['email', 'password'] },
    { method: 'POST', url: '/v1/auth/refresh', auth: false, body: { refresh_token: 'x'.repeat(43) }, required: ['refresh_token'] },
    { method: 'POST', url: '/v1/auth/logout', auth: false, body: { refresh_token: 'x'.repeat(43) }, required: ['refresh_token'] },
    { method: 'GET', url: '/.well-known/jwks.json', auth: false },
    { method: 'GET', url: '/v1/me', headers: user.auth },
    { method: 'POST', url: '/v1/me/tokens', headers: user.auth, body: { name: 'laptop' }, required: ['name'] },
    { method: 'GET', url: '/v1/me/tokens', headers: user.auth },
    { method: 'DELETE', url: `/v1/me/tokens/${token.id}`, headers: user.auth },
    { method: 'PUT', url: `/v1/admin/users/${target.id}/roles/product_analyst`, headers: admin.auth },
    { method: 'DELETE', url: `/v1/admin/users/${target.id}/roles/product_analyst`, headers: admin.auth },
  ];
  for (const route of routes) {
    t.test(`${route.method} ${route.url}`, (t) => checkRouteRefusesBadInput(asserter(t), app, { ...route, snapshot }));
  }

  t.test('malformed path parameters are 400 problems', async (t) => {
    const before = await snapshot();
    for (const [method, url, headers] of [
      ['DELETE', '/v1/me/tokens/not-a-uuid', user.auth],
      ['PUT', '/v1/admin/users/not-a-uuid/roles/product_analyst', admin.auth],
      ['PUT', `/v1/admin/users/${target.id}/roles/root`, admin.auth],
      ['DELETE', `/v1/admin/users/${target.id}/roles/PLATFORM_ADMIN`, admin.auth],
    ] as const) {
      const res = await app.inject({ method, url, headers });
      t.equal(res.statusCode, 400, url);
      t.equal(res.json().code, 'validation_failed', url);
    }
    t.same(await snapshot(), before);
  });

  t.test('wrong content type is 415', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=x' });
    t.equal(res.statusCode, 415);
  });
});
