import { access, problems, type ServiceModule } from '@chorus/service-kit';
import { createTestApp, signAppToken } from '@chorus/service-kit/testing';
import { as, body, makeApp, makePartner, makePeople, person } from '@chorus/test-kit';
import t from 'tap';
import { partnersService } from '../src/index.js';
import { deviceApp } from './support.js';

// Stand-ins for other services' routes, so requests land in the `listens` and `playlists` route groups.
const probe: ServiceModule = {
  name: 'probe',
  description: 'test routes',
  plugin: async (app) => {
    app.get('/v1/listens', { config: access.user('listens:read') }, async () => ({ ok: true }));
    app.get('/v1/playlists/:id', { config: access.user('playlists:read') }, async () => {
      throw problems.notFound('playlist');
    });
    app.get('/v1/profile', { config: access.caller('partner-analytics:read') }, async (request) => ({ app: app.appLimits.appFor(request)?.name ?? null }));
  },
};

// Windows of weeks and months, so no window ends in the middle of a test run.
const WEEK = 604_800;
const MONTH = 2_592_000;

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

t.test('development limits in Redis: headers, then 429 rate_limited; usage counts it', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService, probe], {
    redis: true,
    env: { CHORUS_APP_RATE_LIMIT_DEV: `5/${WEEK}s`, CHORUS_APP_QUOTA_DEV: `1000/${MONTH}s`, CHORUS_APP_RATE_LIMIT_PER_USER: `100/${WEEK}s` },
  });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id, deviceApp);
  // The analyst is on the partner's team, so the development-mode app may act for them without an allow-list entry.
  const token = await signAppToken(deps, registered.client_id, { sub: team.analyst.id, scope: 'listens:read playlists:read' });

  const first = await app.inject({ url: '/v1/listens', headers: bearer(token) });
  t.equal(first.statusCode, 200);
  t.equal(first.headers['ratelimit-policy'], `"app";q=5;w=${WEEK}, "app-quota";q=1000;w=${MONTH}, "app-user";q=100;w=${WEEK}`);
  t.match(first.headers.ratelimit, /^"app";r=4;t=\d+, "app-quota";r=999;t=\d+, "app-user";r=99;t=\d+$/);
  t.notOk(first.headers['ratelimit-limit'], 'not limited by the per-caller limits as well');
  for (let i = 0; i < 3; i++) t.equal((await app.inject({ url: '/v1/listens', headers: bearer(token) })).statusCode, 200);
  t.equal((await app.inject({ url: `/v1/playlists/${crypto.randomUUID()}`, headers: bearer(token) })).statusCode, 404);

  const limited = await app.inject({ url: '/v1/listens', headers: bearer(token) });
  t.equal(limited.statusCode, 429);
  t.match(String(limited.headers['content-type']), /application\/problem\+json/);
  const problem = body(limited);
  t.match(problem, { code: 'rate_limited', policy: 'app', limit: 5, window_seconds: WEEK, status: 429 });
  t.match(limited.headers.ratelimit, /^"app";r=0;t=\d+/);
  t.ok(limited.headers['ratelimit-policy']);
  const retryAfter = Number(limited.headers['retry-after']);
  t.ok(retryAfter > 0 && retryAfter <= WEEK, 'Retry-After in seconds');
  t.equal(problem.retry_after_seconds, retryAfter);
  t.equal((await app.inject({ url: '/v1/listens', headers: bearer(token) })).statusCode, 429, 'still limited: a refused request does not reset anything');
  const keys = await deps.redis!.keys(`${deps.namespace}:al:*`);
  t.ok(keys.length >= 3, 'counters live in Redis');

  // The team's first-party calls are neither limited nor counted as the app's.
  const usage = await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}/usage` });
  t.equal(usage.statusCode, 200);
  const report = body(usage);
  t.match(report, {
    mode: 'development',
    limits: { enforced: true, app: { limit: 5, window_seconds: WEEK }, quota: { limit: 1000 }, per_user: { limit: 100 } },
  });
  t.same(report.totals, { requests: 7, errors: 3, rate_limited: 2 });
  t.equal(report.days.length, 1);
  t.same(report.days[0].route_groups, [
    { route_group: 'listens', requests: 6, errors: 2, rate_limited: 2 },
    { route_group: 'playlists', requests: 1, errors: 1, rate_limited: 0 },
  ]);
  t.equal(report.days[0].day, new Date().toISOString().slice(0, 10));
  const stored = await deps.db.selectFrom('app_usage_daily').selectAll().where('app_id', '=', registered.id).execute();
  t.equal(stored.length, 2, 'flushed to app_usage_daily');

  const none = body(
    await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}/usage?from=2020-01-01&to=2020-01-31` }),
  );
  t.same(none.days, []);
  t.equal(
    (await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}/usage?from=2020-01-01&to=2020-12-31` })).statusCode,
    400,
    'at most 92 days',
  );
  t.equal(
    (await as(app, team.analyst, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}/usage?from=2020-02-01&to=2020-01-01` })).statusCode,
    400,
  );
  t.equal((await as(app, team.outsider, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}/usage` })).statusCode, 404);
});

t.test('in memory: per person of the app, then the daily quota (quota_exceeded)', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService, probe], {
    redis: false,
    env: { CHORUS_APP_RATE_LIMIT_DEV: `100/${WEEK}s`, CHORUS_APP_QUOTA_DEV: `3/${MONTH}s`, CHORUS_APP_RATE_LIMIT_PER_USER: `2/${WEEK}s` },
  });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id, deviceApp);
  const forAnalyst = await signAppToken(deps, registered.client_id, { sub: team.analyst.id, scope: 'listens:read' });
  const forDeveloper = await signAppToken(deps, registered.client_id, { sub: team.developer.id, scope: 'listens:read' });

  t.equal((await app.inject({ url: '/v1/listens', headers: bearer(forAnalyst) })).statusCode, 200);
  t.equal((await app.inject({ url: '/v1/listens', headers: bearer(forAnalyst) })).statusCode, 200);
  const perPerson = await app.inject({ url: '/v1/listens', headers: bearer(forAnalyst) });
  t.equal(perPerson.statusCode, 429);
  t.match(body(perPerson), { code: 'rate_limited', policy: 'app-user', limit: 2 });

  t.equal((await app.inject({ url: '/v1/listens', headers: bearer(forDeveloper) })).statusCode, 200, 'another person has their own budget');
  const quota = await app.inject({ url: '/v1/listens', headers: bearer(forDeveloper) });
  t.equal(quota.statusCode, 429);
  t.match(body(quota), { code: 'quota_exceeded', policy: 'app-quota', limit: 3, window_seconds: MONTH });
  t.match(quota.headers.ratelimit, /"app-quota";r=0;t=\d+/);
  t.ok(Number(quota.headers['retry-after']) > WEEK, 'the retry waits for the quota window, the longest exhausted one');

  const report = body(await as(app, team.developer, { method: 'GET', url: `/v1/partners/${partner.id}/apps/${registered.id}/usage` }));
  t.same(report.totals, { requests: 5, errors: 2, rate_limited: 2 });
});

t.test('development mode: the allow-list, the registered scopes, unknown and first-party clients, production', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService, probe], {
    redis: false,
    env: { CHORUS_RATE_LIMIT_DEFAULT: `3/${WEEK}s`, CHORUS_APP_RATE_LIMIT_DEV: `100/${WEEK}s`, CHORUS_APP_RATE_LIMIT_PROD: `1000/${WEEK}s` },
  });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const registered = await makeApp(app, team.developer, partner.id, { ...deviceApp, scopes: ['listens:read'] });
  const listener = await person(deps);
  const token = await signAppToken(deps, registered.client_id, { sub: listener.id, scope: 'listens:read playlists:read' });

  const refused = await app.inject({ url: '/v1/listens', headers: bearer(token) });
  t.equal(refused.statusCode, 403);
  t.equal(body(refused).code, 'app_user_not_allowed');
  t.equal(
    (await as(app, team.admin, { method: 'POST', url: `/v1/partners/${partner.id}/apps/${registered.id}/allow-list`, payload: { handle: listener.handle } }))
      .statusCode,
    201,
  );
  t.equal((await app.inject({ url: '/v1/listens', headers: bearer(token) })).statusCode, 200, 'allowed at once (the registry cache is dropped)');

  // The token says playlists:read, the registry does not: the registry wins.
  const narrowed = await app.inject({ url: `/v1/playlists/${crypto.randomUUID()}`, headers: bearer(token) });
  t.equal(narrowed.statusCode, 403);
  t.equal(body(narrowed).code, 'insufficient_scope');

  // Partner apps are limited per app, not by the per-caller limit (3 here), which still holds for the person's own calls.
  for (let i = 0; i < 4; i++) t.equal((await app.inject({ url: '/v1/listens', headers: bearer(token) })).statusCode, 200);
  for (let i = 0; i < 3; i++) t.equal((await as(app, listener, { method: 'GET', url: '/v1/listens' })).statusCode, 200);
  const ownLimit = await as(app, listener, { method: 'GET', url: '/v1/listens' });
  t.equal(ownLimit.statusCode, 429);
  t.notOk(ownLimit.headers['ratelimit-policy'], 'first-party calls carry no app policy');

  const unknown = await signAppToken(deps, 'chorus_deleted0000000000000', { sub: listener.id, scope: 'listens:read' });
  const gone = await app.inject({ url: '/v1/listens', headers: bearer(unknown) });
  t.equal(gone.statusCode, 401);
  t.equal(body(gone).code, 'invalid_token');
  const firstParty = await signAppToken(deps, 'chorus', { sub: team.outsider.id, scope: 'listens:read' });
  const ok = await app.inject({ url: '/v1/listens', headers: bearer(firstParty) });
  t.equal(ok.statusCode, 200, 'the first-party client is no partner app');
  t.notOk(ok.headers['ratelimit-policy']);

  // Approved: production limits, no quota, anyone may use it.
  await as(app, team.developer, { method: 'POST', url: `/v1/partners/${partner.id}/apps/${registered.id}/review-requests`, payload: { note: 'Ready.' } });
  await as(app, team.platformAdmin, { method: 'POST', url: `/v1/admin/apps/${registered.id}/review`, payload: { decision: 'approve' } });
  const stranger = await person(deps);
  const production = await app.inject({
    url: '/v1/listens',
    headers: bearer(await signAppToken(deps, registered.client_id, { sub: stranger.id, scope: 'listens:read' })),
  });
  t.equal(production.statusCode, 200);
  t.equal(production.headers['ratelimit-policy'], `"app";q=1000;w=${WEEK}, "app-user";q=600;w=60`);

  // Deleted: its tokens stop working.
  await as(app, team.admin, { method: 'DELETE', url: `/v1/partners/${partner.id}/apps/${registered.id}` });
  t.equal((await app.inject({ url: '/v1/listens', headers: bearer(token) })).statusCode, 401);
});

t.test('an app acting for itself (client credentials): app limits only, and its own usage', async (t) => {
  const { app, deps } = await createTestApp(t, [partnersService, probe], { redis: false, env: { CHORUS_APP_RATE_LIMIT_DEV: `100/${WEEK}s` } });
  const team = await makePeople(deps);
  const partner = await makePartner(app, deps.db, team);
  const server = await makeApp(app, team.developer, partner.id, {
    name: 'Fleet reports',
    client_type: 'confidential',
    grant_types: ['client_credentials'],
    scopes: ['partner-analytics:read', 'partner:manage'],
  });
  const sibling = await makeApp(app, team.developer, partner.id, deviceApp);
  const itself = bearer(await signAppToken(deps, server.client_id, { scope: 'partner-analytics:read partner:manage listens:read' }));

  const called = await app.inject({ url: '/v1/profile', headers: itself });
  t.same(body(called), { app: 'Fleet reports' }, 'routes can tell which registered app is calling');
  t.equal(called.headers['ratelimit-policy'], `"app";q=100;w=${WEEK}, "app-quota";q=600;w=86400`, 'no per-person policy');
  t.equal((await app.inject({ url: '/v1/listens', headers: itself })).statusCode, 403, 'person scopes never reach an app acting for itself');

  const usage = await app.inject({ url: `/v1/partners/${partner.id}/apps/${server.id}/usage`, headers: itself });
  t.equal(usage.statusCode, 200);
  t.same(body(usage).totals, { requests: 2, errors: 1, rate_limited: 0 });
  t.equal((await app.inject({ url: `/v1/partners/${partner.id}/apps/${sibling.id}/usage`, headers: itself })).statusCode, 404, 'only its own');
  const teamRoute = await app.inject({ url: `/v1/partners/${partner.id}`, headers: itself });
  t.equal(teamRoute.statusCode, 403);
  t.equal(body(teamRoute).code, 'person_token_required', 'team routes act for people');
});
