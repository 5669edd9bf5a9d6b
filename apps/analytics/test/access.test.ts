import { createTestApp, createUser, signTestToken } from '@chorus/service-kit/testing';
import { createArtist, refusesBadInput } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { addDays, teamMember, today } from './support.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

t.test('who may read which statistics', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const mine = await createArtist(deps.db, 'Mine', ['One', 'Two']);
  const theirs = await createArtist(deps.db, 'Theirs', ['Three']);
  const reader = await teamMember(deps, mine.id, 'reader');
  const editor = await teamMember(deps, mine.id, 'editor');
  const owner = await teamMember(deps, mine.id, 'admin');
  const otherTeam = await teamMember(deps, theirs.id, 'admin');
  const listener = await createUser(deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const expired = { authorization: `Bearer ${await signTestToken(deps, reader.id, [], -10)}` };
  const expiredAnalyst = { authorization: `Bearer ${await signTestToken(deps, analyst.id, ['product_analyst'], -10)}` };

  const a = mine.id;
  const track = mine.tracks[0]!.id;
  const artistRoutes = [
    `/v1/artists/${a}/stats`,
    `/v1/artists/${a}/stats?range=7d`,
    `/v1/artists/${a}/stats/timeseries?metric=listeners&granularity=week`,
    `/v1/artists/${a}/stats/tracks?sort=skip_rate&order=asc&limit=5`,
    `/v1/artists/${a}/stats/audience?dimension=country`,
    `/v1/artists/${a}/stats/sources?range=90d`,
    `/v1/artists/${a}/stats/playlists?limit=5`,
    `/v1/tracks/${track}/stats`,
    `/v1/tracks/${track}/stats/timeseries?range=all&granularity=month`,
  ];
  const productRoutes = [
    '/v1/insights/product/engagement',
    '/v1/insights/product/sources?range=7d',
    '/v1/insights/product/platforms',
    '/v1/insights/product/retention?cohorts=4',
    '/v1/insights/product/trends?market=SE',
    '/v1/insights/product/diversity?range=90d',
  ];
  const status = async (url: string, headers?: Record<string, string>) => {
    const res = await app.inject({ url, ...(headers ? { headers } : {}) });
    if (res.statusCode >= 400) t.match(res.headers['content-type'], /application\/problem\+json/, `${url}: problem+json`);
    return res.statusCode;
  };

  for (const url of [...artistRoutes, `/v1/artists/${a}/stats/live`]) {
    const live = url.endsWith('/live');
    if (!live) {
      for (const [who, user] of [
        ['reader', reader],
        ['editor', editor],
        ['team admin', owner],
        ['platform admin', admin],
      ] as const) {
        t.equal(await status(url, user.auth), 200, `${who}: ${url}`);
      }
    }
    t.equal(await status(url, otherTeam.auth), 404, `another artist's member: ${url}`);
    t.equal(await status(url, listener.auth), 404, `a plain listener: ${url}`);
    t.equal(await status(url, analyst.auth), 404, `a product analyst off the team: ${url}`);
    t.equal(await status(url), 401, `no token: ${url}`);
    t.equal(await status(url, expired), 401, `an expired token: ${url}`);
    t.equal(await status(url, { authorization: 'Bearer not.a.token' }), 401, `a forged token: ${url}`);
  }
  t.equal(await status(`/v1/artists/${theirs.id}/stats`, otherTeam.auth), 200, 'members read their own artist');
  t.equal(await status(`/v1/tracks/${theirs.tracks[0]!.id}/stats`, reader.auth), 404, "another artist's track is not found");
  const missing = '01900000-0000-7000-8000-000000000000';
  t.equal(await status(`/v1/artists/${missing}/stats`, admin.auth), 404, 'an artist that does not exist');
  t.equal(await status(`/v1/tracks/${missing}/stats`, admin.auth), 404, 'a track that does not exist');

  for (const url of productRoutes) {
    t.equal(await status(url, analyst.auth), 200, `product analyst: ${url}`);
    t.equal(await status(url, admin.auth), 200, `platform admin: ${url}`);
    t.equal(await status(url, listener.auth), 403, `a plain listener: ${url}`);
    t.equal(await status(url, owner.auth), 403, `an artist team admin: ${url}`);
    t.equal(await status(url), 401, `no token: ${url}`);
    t.equal(await status(url, expiredAnalyst), 401, `an expired token: ${url}`);
  }

  for (const url of [...artistRoutes, ...productRoutes]) {
    await refusesBadInput(t, app, { method: 'GET', url, headers: admin.auth });
  }
});

t.test('without the statistics cache, access is checked inside the read itself, with the same answers', async (t) => {
  // The cache checks access on its own; with it off, a read carries the team rule in its statement and falls
  // back to the full check only when that rule said no.
  const { app, deps } = await createTestApp(t, [analyticsService], { env: { ...env, CHORUS_STATS_CACHE_TTL_MS: '0' } });
  const mine = await createArtist(deps.db, 'Guarded', ['One']);
  const empty = await createArtist(deps.db, 'No Tracks Yet');
  const reader = await teamMember(deps, mine.id, 'reader');
  const emptyReader = await teamMember(deps, empty.id, 'reader');
  const listener = await createUser(deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const missing = '01900000-0000-7000-8000-000000000000';
  const paths = (id: string) => [
    `/v1/artists/${id}/stats?range=7d`,
    `/v1/artists/${id}/stats?range=all`,
    `/v1/artists/${id}/stats/timeseries?metric=listeners&granularity=week`,
    `/v1/artists/${id}/stats/timeseries?range=all`,
    `/v1/artists/${id}/stats/tracks?limit=5`,
    `/v1/artists/${id}/stats/audience?dimension=age`,
    `/v1/artists/${id}/stats/sources?range=90d`,
    `/v1/artists/${id}/stats/playlists?limit=5`,
  ];
  const get = (url: string, headers: Record<string, string>) => app.inject({ url, headers });
  for (const url of paths(mine.id)) {
    const res = await get(url, reader.auth);
    t.equal(res.statusCode, 200, `a member: ${url}`);
    t.equal((await get(url, admin.auth)).statusCode, 200, `a platform admin: ${url}`);
    const refused = await get(url, listener.auth);
    t.equal(refused.statusCode, 404, `not on the team: ${url}`);
    t.equal(refused.json().code, 'artist_not_found', 'the same 404 as the full check');
    t.equal((await get(url, emptyReader.auth)).statusCode, 404, `another team's member: ${url}`);
  }
  for (const url of paths(empty.id)) {
    const res = await get(url, emptyReader.auth);
    t.equal(res.statusCode, 200, `a member of an artist with no data, where the read finds no rows: ${url}`);
  }
  t.same((await get(`/v1/artists/${empty.id}/stats/tracks`, emptyReader.auth)).json().items, [], 'no tracks, not a 404');
  t.equal((await get(`/v1/artists/${empty.id}/stats/timeseries?range=7d`, emptyReader.auth)).json().points.length, 7, 'a zero-filled week');
  for (const url of paths(missing)) t.equal((await get(url, admin.auth)).statusCode, 404, `a platform admin, an artist that does not exist: ${url}`);

  // Nothing about access is remembered between requests: a member added after a refused read reads at once.
  const late = await createUser(deps);
  t.equal((await get(`/v1/artists/${mine.id}/stats?range=7d`, late.auth)).statusCode, 404, 'not yet on the team');
  await deps.db.insertInto('artist_members').values({ artist_id: mine.id, user_id: late.id, role: 'reader' }).execute();
  t.equal((await get(`/v1/artists/${mine.id}/stats?range=7d`, late.auth)).statusCode, 200, 'on the team: at once, nothing remembered');
});

t.test('bad ranges and parameters are refused with pointers', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const artist = await createArtist(deps.db, 'Ranged', ['Song']);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  const day = today();
  const base = `/v1/artists/${artist.id}/stats`;
  const cases: Array<[string, string, string]> = [
    ['unknown range', `${base}?range=2w`, '/range'],
    ['range and from', `${base}?range=7d&from=${addDays(day, -3)}&to=${day}`, '/from'],
    ['from without to', `${base}?from=${addDays(day, -3)}`, '/to'],
    ['to without from', `${base}?to=${day}`, '/from'],
    ['to before from', `${base}?from=${day}&to=${addDays(day, -1)}`, '/from'],
    ['to in the future', `${base}?from=${day}&to=${addDays(day, 1)}`, '/to'],
    ['more than 3 years', `${base}?from=${addDays(day, -1096)}&to=${day}`, '/from'],
    ['not a calendar day', `${base}?from=2026-02-30&to=2026-03-01`, '/from'],
    ['not a date', `${base}?from=yesterday&to=${day}`, '/from'],
    ['extra parameter', `${base}?range=7d&mood=happy`, '/mood'],
    ['bad id', '/v1/artists/not-a-uuid/stats', '/id'],
    ['bad metric', `${base}/timeseries?metric=plays`, '/metric'],
    ['bad granularity', `${base}/timeseries?granularity=year`, '/granularity'],
    ['limit 0', `${base}/tracks?limit=0`, '/limit'],
    ['limit 101', `${base}/tracks?limit=101`, '/limit'],
    ['bad sort', `${base}/tracks?sort=title`, '/sort'],
    ['no dimension', `${base}/audience`, '/dimension'],
    ['bad dimension', `${base}/audience?dimension=city`, '/dimension'],
    ['bad market', '/v1/insights/product/trends?market=se', '/market'],
    ['trends in the future', `/v1/insights/product/trends?market=SE&to=${addDays(day, 1)}`, '/to'],
    ['too many cohorts', '/v1/insights/product/retention?cohorts=53', '/cohorts'],
  ];
  for (const [name, url, pointer] of cases) {
    const res = await app.inject({ url, headers: admin.auth });
    t.equal(res.statusCode, 400, `${name}: 400`);
    t.match(res.headers['content-type'], /application\/problem\+json/, name);
    const errors = (res.json().errors ?? []) as Array<{ pointer: string }>;
    t.ok(
      errors.some((e) => e.pointer === pointer),
      `${name}: points at ${pointer} (${JSON.stringify(errors)})`,
    );
  }
  const ok = await app.inject({ url: `${base}?from=${addDays(day, -1095)}&to=${day}`, headers: admin.auth });
  t.equal(ok.statusCode, 200, 'exactly 3 years (1096 days) is allowed');
  t.equal(ok.json().days, 1096);
});
