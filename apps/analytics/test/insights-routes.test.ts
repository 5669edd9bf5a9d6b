import { type Db, insightsQueries, type NewInsight, uuidv7 } from '@chorus/db';
import type { ServiceModule } from '@chorus/service-kit';
import { createTestApp, createUser, signTestToken } from '@chorus/service-kit/testing';
import { createArtist, daysEnding, mulberry32, type NewListenerDay, poisson, refusesBadInput, utcDay, writeArtistDays, writeListeners } from '@chorus/test-kit';
import { computeRelated } from '@chorus/workers';
import t from 'tap';
import { insightsRoutes } from '../src/insights/index.js';

const insightsModule: ServiceModule = { name: 'insights', description: 'Insights', plugin: insightsRoutes };

interface InsightItem {
  id: string;
  type: string;
  title: string;
  read: boolean;
  created_at: string;
  subject: { kind: string; id: string };
}

function insight(artistId: string, i: number, type: NewInsight['type'] = 'milestone'): NewInsight {
  return {
    subject_kind: 'artist',
    subject_id: artistId,
    type,
    severity: 'info',
    title: `Insight ${i}`,
    body: `Body ${i}`,
    evidence: { i },
    dedupe_key: `test:${i}`,
  };
}

async function member(db: Db, artistId: string, userId: string) {
  await db.insertInto('artist_members').values({ artist_id: artistId, user_id: userId, role: 'reader' }).execute();
}

t.test('insights routes', async (t) => {
  const { app, deps } = await createTestApp(t, [insightsModule]);
  const artist = await createArtist(deps.db, 'Feed Artist');
  const other = await createArtist(deps.db, 'Other Artist');
  const reader = await createUser(deps);
  const reader2 = await createUser(deps);
  const otherMember = await createUser(deps);
  const listener = await createUser(deps);
  const admin = await createUser(deps, { roles: ['platform_admin'] });
  await member(deps.db, artist.id, reader.id);
  await member(deps.db, artist.id, reader2.id);
  await member(deps.db, other.id, otherMember.id);
  const expired = { authorization: `Bearer ${await signTestToken(deps, reader.id, [], -10)}` };

  // 15 insights in one transaction share created_at (ties are broken by id), then 10 one at a time.
  await insightsQueries.saveInsights(
    deps.db,
    artist.id,
    Array.from({ length: 15 }, (_, i) => insight(artist.id, i, i % 3 === 0 ? 'trend' : 'milestone')),
  );
  for (let i = 15; i < 25; i++) await insightsQueries.saveInsights(deps.db, artist.id, [insight(artist.id, i)]);
  const [otherInsight] = await insightsQueries.saveInsights(deps.db, other.id, [insight(other.id, 0)]);

  const feed = (query: string, headers: Record<string, string> = reader.auth) =>
    app.inject({ method: 'GET', url: `/v1/artists/${artist.id}/insights${query}`, headers });

  t.test('the feed pages newest first with an opaque keyset cursor', async (t) => {
    const seen: InsightItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await feed(`?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      t.equal(res.statusCode, 200);
      const body = res.json<{ items: InsightItem[]; next_cursor: string | null }>();
      seen.push(...body.items);
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    t.equal(pages, 3);
    t.equal(seen.length, 25);
    t.equal(new Set(seen.map((i) => i.id)).size, 25, 'no repeats across pages');
    t.same(
      seen.map((i) => i.title),
      Array.from({ length: 25 }, (_, i) => `Insight ${24 - i}`),
      'newest first, ties by id',
    );
    t.ok(seen.every((i) => i.read === false && i.subject.kind === 'artist' && i.subject.id === artist.id));

    const trends = (await feed('?type=trend')).json<{ items: InsightItem[] }>().items;
    t.same(
      trends.map((i) => i.title),
      ['Insight 12', 'Insight 9', 'Insight 6', 'Insight 3', 'Insight 0'],
    );

    for (const bad of [
      '?limit=0',
      '?limit=101',
      '?limit=abc',
      '?type=rumour',
      '?cursor=not-a-cursor',
      '?extra=1',
      `?cursor=${Buffer.from('[1,2]').toString('base64url')}`,
    ]) {
      const res = await feed(bad);
      t.equal(res.statusCode, 400, bad);
      t.match(res.headers['content-type'], /application\/problem\+json/);
    }
  });

  t.test('read state is per user and marking is idempotent', async (t) => {
    const first = (await feed('?limit=1')).json<{ items: InsightItem[] }>().items[0]!;
    const url = `/v1/artists/${artist.id}/insights/${first.id}/read`;
    t.equal((await app.inject({ method: 'POST', url, headers: reader.auth })).statusCode, 204);
    t.equal((await app.inject({ method: 'POST', url, headers: reader.auth })).statusCode, 204, 'again: still 204');
    t.equal((await feed('?limit=1')).json<{ items: InsightItem[] }>().items[0]!.read, true);
    t.equal((await feed('?limit=1', reader2.auth)).json<{ items: InsightItem[] }>().items[0]!.read, false, 'another member has not read it');
    const rows = await deps.db.selectFrom('insight_reads').selectAll().where('insight_id', '=', first.id).execute();
    t.equal(rows.length, 1);

    const foreign = await app.inject({ method: 'POST', url: `/v1/artists/${artist.id}/insights/${otherInsight!.id}/read`, headers: reader.auth });
    t.equal(foreign.statusCode, 404, "another artist's insight through this artist is 404");
    t.equal(foreign.json().code, 'insight_not_found');
    const missing = await app.inject({ method: 'POST', url: `/v1/artists/${artist.id}/insights/${uuidv7()}/read`, headers: reader.auth });
    t.equal(missing.statusCode, 404);
  });

  t.test('authorization on every team route', async (t) => {
    const insightId = (await feed('?limit=1')).json<{ items: InsightItem[] }>().items[0]!.id;
    const routes = [
      { method: 'GET' as const, url: `/v1/artists/${artist.id}/insights`, ok: 200 },
      { method: 'POST' as const, url: `/v1/artists/${artist.id}/insights/${insightId}/read`, ok: 204 },
      { method: 'GET' as const, url: `/v1/artists/${artist.id}/stats/forecast`, ok: 200 },
    ];
    for (const r of routes) {
      const as = (headers?: Record<string, string>) => app.inject({ method: r.method, url: r.url, ...(headers ? { headers } : {}) });
      t.equal((await as(reader.auth)).statusCode, r.ok, `${r.method} ${r.url}: a reader of the team`);
      t.equal((await as(admin.auth)).statusCode, r.ok, `${r.method} ${r.url}: a platform admin`);
      t.equal((await as(otherMember.auth)).statusCode, 404, `${r.method} ${r.url}: another artist's member`);
      t.equal((await as(listener.auth)).statusCode, 404, `${r.method} ${r.url}: a listener`);
      const anon = await as();
      t.equal(anon.statusCode, 401, `${r.method} ${r.url}: no token`);
      t.equal(anon.json().code, 'unauthorized');
      const late = await as(expired);
      t.equal(late.statusCode, 401, `${r.method} ${r.url}: expired token`);
      t.equal(late.json().code, 'invalid_token');
      const ghost = await app.inject({ method: r.method, url: r.url.replace(artist.id, uuidv7()), headers: reader.auth });
      t.equal(ghost.statusCode, 404, `${r.method}: an artist that does not exist`);
      const malformed = await app.inject({ method: r.method, url: r.url.replace(artist.id, 'not-a-uuid'), headers: reader.auth });
      t.equal(malformed.statusCode, 400, `${r.method}: a malformed id`);
    }
    // The read route takes no body: the checker's token cases apply, and nothing may be written.
    await refusesBadInput(t, app, {
      method: 'POST',
      url: `/v1/artists/${artist.id}/insights/${insightId}/read`,
      headers: reader.auth,
      snapshot: async () => (await deps.db.selectFrom('insight_reads').select(['insight_id', 'user_id']).orderBy('user_id').execute()).length,
    });
  });

  t.test('the forecast: 28 days from today, intervals around the point forecast, computed on demand and then served', async (t) => {
    const rand = mulberry32(21);
    const forecasted = await createArtist(deps.db, 'Forecast Artist');
    await member(deps.db, forecasted.id, reader.id);
    const today = utcDay(new Date());
    await writeArtistDays(
      deps.db,
      forecasted.id,
      daysEnding(today, 90).map((day) => ({ day, streams: poisson(rand, 40) })),
    );
    const url = `/v1/artists/${forecasted.id}/stats/forecast`;

    const res = await app.inject({ method: 'GET', url, headers: reader.auth });
    t.equal(res.statusCode, 200);
    const body = res.json<{
      as_of: string;
      computed_at: string;
      level: number;
      horizon_days: number;
      points: Array<{ day: string; streams: number; lower: number; upper: number }>;
      total: { streams: number; lower: number; upper: number };
    }>();
    t.equal(body.horizon_days, 28);
    t.equal(body.points.length, 28);
    t.equal(body.points[0]!.day, today);
    t.equal(body.level, 0.8);
    for (const p of body.points) t.ok(p.lower <= p.streams && p.streams <= p.upper && p.lower >= 0, `${p.day}: ${p.lower} <= ${p.streams} <= ${p.upper}`);
    t.ok(body.total.lower <= body.total.streams && body.total.streams <= body.total.upper);
    const mean = body.total.streams / 28;
    t.ok(mean > 30 && mean < 50, `near the history's 40 a day, got ${mean.toFixed(1)}`);

    const again = (await app.inject({ method: 'GET', url, headers: reader.auth })).json<{ computed_at: string }>();
    t.equal(again.computed_at, body.computed_at, 'served from the stored forecast');

    // A forecast older than a day is recomputed.
    await deps.db
      .updateTable('artist_forecasts')
      .set({ computed_at: new Date(Date.now() - 25 * 3600_000) })
      .where('artist_id', '=', forecasted.id)
      .execute();
    const refreshed = (await app.inject({ method: 'GET', url, headers: reader.auth })).json<{ computed_at: string }>();
    t.ok(Date.parse(refreshed.computed_at) > Date.parse(body.computed_at), 'recomputed when stale');

    const empty = await createArtist(deps.db, 'No Streams Yet');
    await member(deps.db, empty.id, reader.id);
    const none = await app.inject({ method: 'GET', url: `/v1/artists/${empty.id}/stats/forecast`, headers: reader.auth });
    t.equal(none.statusCode, 200, 'an artist without history still answers');
  });

  t.test('related artists: public, with names and scores, and the minimum overlap respected', async (t) => {
    const names = ['R1', 'R2', 'R3', 'R4'];
    const ids: Record<string, string> = {};
    for (const n of names) ids[n] = (await createArtist(deps.db, n)).id;
    const day = utcDay(new Date());
    const people = (n: number) => Array.from({ length: n }, () => uuidv7());
    const shared = people(20);
    const few = people(3);
    const rows = (users: string[]): NewListenerDay[] => users.map((user_id) => ({ day, user_id, country: 'SE' }));
    await writeListeners(deps.db, ids.R1!, rows([...shared, ...few, ...people(5)]));
    await writeListeners(deps.db, ids.R2!, rows([...shared, ...people(20)]));
    await writeListeners(deps.db, ids.R3!, rows(shared.slice(0, 12)));
    await writeListeners(deps.db, ids.R4!, rows([...few, ...people(10)]));
    await computeRelated(deps.db, { windowDays: 90, minOverlap: 5 });

    const res = await app.inject({ method: 'GET', url: `/v1/artists/${ids.R1}/related` });
    t.equal(res.statusCode, 200, 'no token needed');
    const body = res.json<{ items: Array<{ id: string; name: string; score: number; overlap?: number }>; computed_at: string | null }>();
    // R1 has 28 listeners; R3 has 12, all shared: 12/sqrt(28 * 12) = 0.65 beats R2's 20 of 40: 20/sqrt(28 * 40) = 0.60.
    // Cosine similarity does not favour the bigger audience.
    t.same(
      body.items.map((i) => i.name),
      ['R3', 'R2'],
      'R4 shares 3 listeners: under the minimum overlap',
    );
    const r2 = body.items.find((i) => i.name === 'R2')!;
    t.ok(Math.abs(r2.score - 20 / Math.sqrt(28 * 40)) < 1e-9);
    t.notOk('overlap' in r2, 'listener counts stay private');
    t.ok(body.computed_at);

    const limited = (await app.inject({ method: 'GET', url: `/v1/artists/${ids.R1}/related?limit=1`, headers: listener.auth })).json<{ items: unknown[] }>();
    t.equal(limited.items.length, 1, 'limit, and a token does not hurt');
    t.same((await app.inject({ method: 'GET', url: `/v1/artists/${ids.R4}/related` })).json<{ items: unknown[] }>().items, []);
    t.equal((await app.inject({ method: 'GET', url: `/v1/artists/${uuidv7()}/related` })).statusCode, 404);
    t.equal((await app.inject({ method: 'GET', url: `/v1/artists/${ids.R1}/related?limit=51` })).statusCode, 400);
    t.equal((await app.inject({ method: 'GET', url: '/v1/artists/nope/related' })).statusCode, 400);
  });
});
