import { get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listeningService } from '@chorus/listening';
import { buildApp } from '@chorus/service-kit';
import { createTestRuntime, createUser, signAppToken, signTestToken } from '@chorus/service-kit/testing';
import { addPartnerMember, createArtist, registerPartnerApp } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { sseReader, startTestWorkers, today } from './support.js';

const env = { CHORUS_RATE_LIMITS: 'off' };
const ROUTES = ['stats', 'stats/timeseries', 'stats/top-artists', 'stats/top-tracks', 'stats/audience?dimension=age', 'stats/apps'];
const withQuery = (route: string, extra: string) => `${route}${route.includes('?') ? '&' : '?'}${extra}`;

t.test('partner statistics: who may read them, and hostile input', async (t) => {
  const rt = await createTestRuntime(t, { env });
  const { deps } = rt;
  const app = await buildApp(deps, [analyticsService, listeningService], { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => app.close());
  await startTestWorkers(t, deps);

  const own = await registerPartnerApp(deps.db, { kind: 'device', device_class: 'tv' });
  const other = await registerPartnerApp(deps.db, { kind: 'app' });
  const noScope = await registerPartnerApp(deps.db, { partnerId: own.partner.id, scopes: ['listens:write'] });
  const people = { admin: await createUser(deps), analyst: await createUser(deps), developer: await createUser(deps), outsider: await createUser(deps) };
  await addPartnerMember(deps.db, own.partner.id, people.admin.id, 'admin');
  await addPartnerMember(deps.db, own.partner.id, people.analyst.id, 'analyst');
  await addPartnerMember(deps.db, own.partner.id, people.developer.id, 'developer');
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const callers = {
    admin: people.admin.auth,
    analyst: people.analyst.auth,
    developer: people.developer.auth,
    outsider: people.outsider.auth,
    ownApp: bearer(await signAppToken(deps, own.app.client_id)),
    otherApp: bearer(await signAppToken(deps, other.app.client_id)),
    ownAppWithoutScope: bearer(await signAppToken(deps, noScope.app.client_id)),
    adminWithoutScope: bearer(await signTestToken(deps, people.admin.id, [], 900, 'profile:read')),
  };
  const expected: Record<keyof typeof callers, number> = {
    admin: 200,
    analyst: 200,
    developer: 404,
    outsider: 404,
    ownApp: 200,
    otherApp: 404,
    ownAppWithoutScope: 403,
    adminWithoutScope: 403,
  };
  for (const route of ROUTES) {
    const url = `/v1/partners/${own.partner.id}/${route}`;
    t.equal((await app.inject({ method: 'GET', url })).statusCode, 401, `${route}: no token`);
    for (const [who, headers] of Object.entries(callers)) {
      const response = await app.inject({ method: 'GET', url, headers });
      t.equal(response.statusCode, expected[who as keyof typeof callers], `${route}: ${who}`);
      if (response.statusCode >= 400) t.match(response.headers['content-type'], /application\/problem\+json/);
    }
    const missing = await app.inject({ method: 'GET', url: `/v1/partners/01900000-0000-7000-8000-000000000000/${route}`, headers: callers.admin });
    t.equal(missing.statusCode, 404, `${route}: no such partner`);
    for (const bad of ['range=forever', 'from=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'bogus=1', `from=2020-01-01&to=${today()}`]) {
      const response = await app.inject({ method: 'GET', url: withQuery(url, bad), headers: callers.admin });
      t.equal(response.statusCode, 400, `${route}?${bad}`);
      t.match(response.json(), { status: 400 });
    }
    t.equal((await app.inject({ method: 'GET', url, headers: { ...callers.admin, accept: 'image/png' } })).statusCode, 406, `${route}: Accept image/png`);
  }
  for (const bad of ['limit=0', 'limit=101', 'limit=x']) {
    const response = await app.inject({ method: 'GET', url: `/v1/partners/${own.partner.id}/stats/top-tracks?${bad}`, headers: callers.admin });
    t.equal(response.statusCode, 400, bad);
  }
  t.equal((await app.inject({ method: 'GET', url: '/v1/partners/not-a-uuid/stats', headers: callers.admin })).statusCode, 400, 'a malformed id');
  const longMetric = await app.inject({ method: 'GET', url: `/v1/partners/${own.partner.id}/stats/timeseries?metric=saves`, headers: callers.admin });
  t.equal(longMetric.statusCode, 400, 'saves are not a partner metric');

  await t.test('live: access, then counts pushed as the partner’s listens are aggregated', async (t) => {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const open = (headers: Record<string, string>) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        httpGet(`${base}/v1/partners/${own.partner.id}/stats/live`, { headers: { accept: 'text/event-stream', ...headers } }, resolve).on('error', reject);
      });
    for (const [who, status] of [
      ['developer', 404],
      ['otherApp', 404],
    ] as const) {
      const res = await open(callers[who]);
      t.equal(res.statusCode, status, `live: ${who}`);
      res.resume();
    }
    const res = await open(callers.analyst);
    t.equal(res.statusCode, 200);
    const stream = sseReader(res);
    const first = await stream.waitFor((e) => e.event === 'streams', 5000);
    t.match(first.data, { partner_id: own.partner.id, day: today(), streams: 0, skips: 0, apps: [] });

    const artist = await createArtist(deps.db, 'Screen Light', ['Glow']);
    const listener = await createUser(deps);
    const token = await signAppToken(deps, own.app.client_id, { sub: listener.id, scope: 'listens:write' });
    const now = Date.now();
    const listens = [
      { track_id: artist.tracks[0]!.id, listened_at: new Date(now - 90_000).toISOString(), ms_played: 60_000, platform: 'ios' },
      { track_id: artist.tracks[0]!.id, listened_at: new Date(now - 20_000).toISOString(), ms_played: 4_000, platform: 'ios' },
    ];
    const posted = await app.inject({ method: 'POST', url: '/v1/listens', headers: bearer(token), payload: { listens } });
    t.equal(posted.statusCode, 200, posted.body);
    const todays = listens.filter((l) => l.listened_at.slice(0, 10) === today());
    const streams = todays.filter((l) => l.ms_played >= 30_000).length;
    const seen = await stream.waitFor(
      (e) => (e.data as { streams: number; skips: number }).streams + (e.data as { skips: number }).skips === todays.length,
      5000,
    );
    t.match(seen.data, { streams, skips: todays.length - streams, apps: [{ app_id: own.app.id, name: own.app.name, streams }] });
    res.destroy();
  });

  await t.test('now playing through a partner app names the app and takes the platform of its device class', async (t) => {
    const listener = await createUser(deps);
    const token = await signAppToken(deps, own.app.client_id, { sub: listener.id, scope: 'listens:write listens:read' });
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/me/now-playing',
      headers: bearer(token),
      payload: { artist_name: 'Someone', track_name: 'Something', platform: 'ios' },
    });
    t.equal(put.statusCode, 200, put.body);
    t.match(put.json(), { platform: 'tv', app: { id: own.app.id, partner_id: own.partner.id, partner_kind: 'device', device_class: 'tv' } });
    const mine = await app.inject({
      method: 'PUT',
      url: '/v1/me/now-playing',
      headers: listener.auth,
      payload: { artist_name: 'A', track_name: 'B', platform: 'car' },
    });
    t.match(mine.json(), { platform: 'car', app: null }, 'a first-party claim of a car is kept as claimed, with no app');
  });
});
