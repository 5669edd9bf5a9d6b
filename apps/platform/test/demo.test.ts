import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { demoQueries } from '@chorus/db';
import { createTestApp, type FastifyInstance, json } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import t from 'tap';
import { DEMO_LOGINS, demoBanner, demoListensPerHour, seedDemo, syncDemoRoles } from '../src/demo.js';
import { services } from '../src/services.js';

// Issue 12: with the demo on, every endpoint has something true to show, and what the insights say comes from
// the history, not from the act of seeding it. Finding 3: its published logins hold no platform_admin beyond loopback.

interface Insight {
  type: string;
  title: string;
  created_at: string;
  evidence: Record<string, unknown>;
}

async function login(app: FastifyInstance, key: (typeof DEMO_LOGINS)[number]['key']) {
  const account = DEMO_LOGINS.find((l) => l.key === key)!;
  const res = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: account.email, password: account.password } });
  return { authorization: `Bearer ${json<{ access_token: string }>(res).access_token}` };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

t.test('the demo seeds a history that every endpoint can show', async (t) => {
  // Asked for explicitly on a host beyond loopback: the demo runs, its analyst is no platform admin.
  const { app, deps } = await createTestApp(t, services, { redis: false, env: { HOST: '0.0.0.0', CHORUS_DEMO: '1' } });
  const started = Date.now();
  const demo = await seedDemo(deps, () => undefined);
  t.comment(`seeded in ${Date.now() - started} ms`);
  t.equal(demo.artists.length, 2, 'the demo team has two artists');
  const artist = await login(app, 'artist');
  const get = async <T>(url: string, headers = artist) => {
    const res = await app.inject({ method: 'GET', url, headers });
    t.equal(res.statusCode, 200, url);
    return json<T>(res);
  };

  for (const a of demo.artists) {
    // Audience cells pass k on most days, in every dimension (judged day by day, as the privacy rule does).
    const days = Array.from({ length: 14 }, (_, i) => day(-1 - i));
    for (const [dimension, minimum] of [
      ['country', 3],
      ['age', 3],
      ['gender', 2],
    ] as const) {
      let shown = 0;
      for (const d of days) {
        const body = await get<{ cells: Array<{ suppressed?: boolean }> }>(`/v1/artists/${a.id}/stats/audience?dimension=${dimension}&from=${d}&to=${d}`);
        if (body.cells.filter((c) => !c.suppressed).length >= minimum) shown++;
      }
      t.ok(shown >= 10, `${a.name}: ${minimum}+ ${dimension} cells shown on ${shown} of 14 days`);
    }
    const stats = await get<Record<string, { value: number; previous: number }>>(`/v1/artists/${a.id}/stats`);
    t.ok(stats.streams!.value > 3000 && stats.listeners!.value > 150, `${a.name}: streams and listeners`);
    t.ok(stats.saves!.value > 0 && stats.playlist_adds!.value > 0, `${a.name}: saves and playlist adds in the range`);
    t.equal(stats.streams!.previous, 0, 'the history fills the range and nothing before it');
    const playlists = await get<{ items: Array<{ collaborative: boolean; streams: number }> }>(`/v1/artists/${a.id}/stats/playlists?limit=100`);
    t.ok(
      playlists.items.some((p) => p.collaborative && p.streams > 0),
      `${a.name}: streams from public collaborative playlists`,
    );
    t.ok(
      playlists.items.some((p) => !p.collaborative && p.streams > 0),
      `${a.name}: and from editorial ones`,
    );
    const sources = await get<{ sources: Array<{ source: string; streams: number }> }>(`/v1/artists/${a.id}/stats/sources`);
    for (const source of ['playlist', 'collaborative_playlist', 'own_playlist'])
      t.ok(
        sources.sources.some((s) => s.source === source && s.streams > 0),
        `${a.name}: ${source} streams`,
      );
    const related = await get<{ items: unknown[] }>(`/v1/artists/${a.id}/related`);
    t.ok(related.items.length > 0, `${a.name}: related artists are there at once`);

    // Insights come from the history: each dated the day it happened, none "up from 0" today.
    const insights = (await get<{ items: Insight[] }>(`/v1/artists/${a.id}/insights?limit=100`)).items;
    t.ok(
      insights.some((i) => i.type === 'milestone'),
      `${a.name}: milestones`,
    );
    for (const i of insights.filter((x) => x.type === 'milestone')) {
      t.equal(i.created_at.slice(0, 10), i.evidence.at, `${i.title}: dated the day it happened`);
      t.not(i.evidence.previous_total, 0, `${i.title}: not counted up from nothing`);
    }
    t.ok(
      insights.every((i) => i.created_at.slice(0, 10) >= day(-27)),
      'nothing from before the history',
    );
  }
  const [, rising] = demo.artists;
  const insights = (await get<{ items: Insight[] }>(`/v1/artists/${rising!.id}/insights?limit=100`)).items;
  t.ok(
    insights.some((i) => i.type === 'trend' && i.evidence.market === 'BR'),
    `the rise planted in the history is found: ${insights.map((i) => i.title).join('; ')}`,
  );

  // The listener login has a history, playlists of their own and a collaborative one.
  const listener = await login(app, 'listener');
  t.ok((await get<{ items: unknown[] }>('/v1/me/listens?limit=5', listener)).items.length === 5, 'the demo listener has listens');
  const mine = await get<{ items: Array<{ collaborative: boolean; relation?: string }> }>('/v1/me/playlists?limit=100', listener);
  t.ok(
    mine.items.some((p) => p.collaborative),
    'and is in a collaborative playlist',
  );
  const analyst = await login(app, 'analyst');
  const engagement = await get<{ active_listeners: { value: number }; mau: { value: number } }>('/v1/insights/product/engagement', analyst);
  t.ok(engagement.active_listeners.value > 250 && engagement.mau.value > 250, 'product insight sees the listeners');

  // The live simulator keeps the history's pace: listens an hour over the last three complete days.
  const { rows } = await sql<{ n: number }>`
    SELECT (sum(streams) + sum(skips))::int AS n FROM listener_daily WHERE day BETWEEN ${day(-3)}::date AND ${day(-1)}::date`.execute(deps.db);
  const historyPerHour = rows[0]!.n / 72;
  const livePerHour = demoListensPerHour(demo);
  t.ok(Math.abs(livePerHour - historyPerHour) / historyPerHour < 0.2, `live ${livePerHour} listens an hour, history ${Math.round(historyPerHour)}`);

  // Published logins beyond loopback: no platform_admin, including one left by an earlier loopback run.
  const roles = async () => (await deps.db.selectFrom('users').select('roles').where('email', '=', DEMO_LOGINS[2].email).executeTakeFirstOrThrow()).roles;
  t.same(await roles(), ['product_analyst'], 'seeded beyond loopback: product analyst only');
  await demoQueries.setRole(deps.db, [DEMO_LOGINS[2].email], 'platform_admin', true);
  await syncDemoRoles(deps, () => undefined);
  t.same(await roles(), ['product_analyst'], 'a platform_admin from an earlier loopback run is taken away at boot');
  await syncDemoRoles({ ...deps, config: { ...deps.config, loopbackOnly: true } }, () => undefined);
  t.same(await roles(), ['product_analyst', 'platform_admin'], 'and given back to a loopback-only demo');

  // A restart finds the demo and seeds nothing twice.
  const listens = () => deps.db.selectFrom('listens').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const before = await listens();
  const again = await seedDemo(deps, () => undefined);
  t.same(again.artists, demo.artists, 'the same artists');
  t.same(await listens(), before, 'no second history');

  // The banner's one-line curl reads the first artist's stats from a running server.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const banner = demoBanner(demo, address, { loopbackOnly: false, simulate: true });
  for (const a of demo.artists)
    t.ok(
      banner.some((line) => line.includes(a.name) && line.includes(a.id)),
      `the banner names ${a.name} and its id`,
    );
  const curl = banner.find((line) => line.trim().startsWith(`curl -s ${address}/v1/artists/`))!.trim();
  const { stdout } = await promisify(execFile)('bash', ['-c', curl]);
  t.equal(JSON.parse(stdout).artist_id, demo.artists[0]!.id, 'the printed curl answers the stats of the first artist');
});
