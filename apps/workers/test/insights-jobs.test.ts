import { uuidv7 } from '@chorus/db';
import { addDays, isoWeek } from '@chorus/insights';
import { evaluateArtistInsightsJob, JobRegistry } from '@chorus/jobs';
import { createTestRuntime } from '@chorus/service-kit/testing';
import { computeForecasts, computeRelated, scanActiveArtists } from '@chorus/workers';
import { createArtist, daysEnding, mulberry32, type NewListenerDay, poisson, until, utcDay, writeArtistDays, writeListeners } from '@chorus/test-kit';
import t from 'tap';
import { insightsOf } from './insights-support.js';

const now = new Date();
const today = utcDay(now);

for (const redis of [true, false]) {
  t.test(`debounce (${redis ? 'Redis' : 'PostgreSQL'} backend): 50 enqueues within the delay run the handler once`, async (t) => {
    const { deps } = await createTestRuntime(t, { redis });
    const artistId = uuidv7();
    const runs: string[] = [];
    const registry = new JobRegistry().handle(evaluateArtistInsightsJob, async ({ artistId }) => {
      runs.push(artistId);
    });
    await registry.start(deps.jobs, { insights: 2 });
    // The production definition with a shorter delay: same id, same queue, same handler.
    const quick = { ...evaluateArtistInsightsJob, delayMs: 1500 };

    const started = Date.now();
    for (let i = 0; i < 50; i++) await deps.jobs.enqueue(quick, { artistId });
    t.ok(Date.now() - started < 1500, 'all 50 enqueued within the delay');
    await until(async () => runs.length > 0, 20_000, 'the debounced run');
    await new Promise((r) => setTimeout(r, 2000));
    t.equal(runs.length, 1, 'one run for the burst');

    // The completed job was removed, so its id is free: the next burst runs again.
    await deps.jobs.enqueue(quick, { artistId });
    await until(async () => runs.length > 1, 20_000, 'the second run');
    t.equal(runs.length, 2);
  });
}

t.test('the scan queues an evaluation for every artist with data in the last two days, once', async (t) => {
  const { deps } = await createTestRuntime(t);
  const fresh = await createArtist(deps.db, 'Fresh');
  const yesterdayOnly = await createArtist(deps.db, 'Yesterday');
  const stale = await createArtist(deps.db, 'Stale');
  await writeArtistDays(deps.db, fresh.id, [{ day: today, streams: 5 }]);
  await writeArtistDays(deps.db, yesterdayOnly.id, [{ day: addDays(today, -1), streams: 5 }]);
  await writeArtistDays(deps.db, stale.id, [{ day: addDays(today, -5), streams: 5 }]);

  t.same(await scanActiveArtists(deps, 2, now), { artists: 2, queued: 2 });
  const queue = deps.jobs.queue('insights');
  t.equal(await (await queue.getJob(`insights-${fresh.id}`))?.getState(), 'delayed');
  t.equal(await (await queue.getJob(`insights-${yesterdayOnly.id}`))?.getState(), 'delayed');
  t.notOk(await queue.getJob(`insights-${stale.id}`), 'nothing for an artist quiet for five days');
  t.same(await scanActiveArtists(deps, 2, now), { artists: 2, queued: 0 }, 'already queued: collapsed');
});

t.test('forecasts: 28 days ahead with intervals around the point forecast, and one forecast insight a week', async (t) => {
  const { deps } = await createTestRuntime(t);
  const rand = mulberry32(3);
  const artist = await createArtist(deps.db, 'Forecast Fay');
  const quiet = await createArtist(deps.db, 'Long Gone');
  const weekly = [1, 1, 1, 1, 1.3, 1.5, 1.2];
  await writeArtistDays(
    deps.db,
    artist.id,
    daysEnding(today, 120).map((day, i) => ({ day, streams: poisson(rand, 200 * weekly[i % 7]!) })),
  );
  await writeArtistDays(deps.db, quiet.id, [{ day: addDays(today, -90), streams: 50 }]);

  const first = await computeForecasts(deps, { historyDays: 120, activeDays: 28 }, now);
  t.same(first, { artists: 1, insights: 1 });
  const row = await deps.db.selectFrom('artist_forecasts').selectAll().where('artist_id', '=', artist.id).executeTakeFirstOrThrow();
  t.equal(row.as_of, addDays(today, -1), 'history ends on the last complete day');
  t.equal(row.points.length, 28);
  t.equal(row.points[0]!.day, today);
  t.equal(row.points[27]!.day, addDays(today, 27));
  t.equal(row.level, 0.8);
  t.match(row.method, /^holt-winters/);
  for (const p of row.points) t.ok(p.lower <= p.value && p.value <= p.upper, `${p.day}: ${p.lower} <= ${p.value} <= ${p.upper}`);
  const mean = row.points.reduce((s, p) => s + p.value, 0) / 28;
  t.ok(mean > 180 && mean < 300, `forecast level near the history's (~229/day), got ${mean.toFixed(0)}`);
  t.ok(row.total.lower <= row.total.value && row.total.value <= row.total.upper);
  t.notOk(await deps.db.selectFrom('artist_forecasts').select('artist_id').where('artist_id', '=', quiet.id).executeTakeFirst(), 'inactive artist skipped');

  const insights = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'forecast');
  t.equal(insights.length, 1);
  t.equal(insights[0]!.dedupe_key, `forecast:${isoWeek(addDays(today, -1))}`);

  const again = await computeForecasts(deps, { historyDays: 120, activeDays: 28 }, now);
  t.same(again, { artists: 1, insights: 0 }, 'the same week: forecast refreshed, no second insight');
  const refreshed = await deps.db.selectFrom('artist_forecasts').select('computed_at').where('artist_id', '=', artist.id).executeTakeFirstOrThrow();
  t.ok(refreshed.computed_at >= row.computed_at);
});

t.test('related artists from planted listener clusters, with the minimum overlap and the window respected', async (t) => {
  const { deps } = await createTestRuntime(t);
  const names = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'Loner'];
  const artists = Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await createArtist(deps.db, n)).id] as const)));
  const id = (n: string) => artists[n]!;
  const recent = addDays(today, -10);
  const old = addDays(today, -100);
  const rows = new Map<string, NewListenerDay[]>();
  const listen = (artist: string, users: string[], day: string) => {
    const list = rows.get(artist) ?? [];
    for (const user_id of users) list.push({ day, user_id, country: 'SE' });
    rows.set(artist, list);
  };
  const people = (n: number) => Array.from({ length: n }, () => uuidv7());
  const clusterA = people(30);
  const clusterB = people(20);
  const bridge = people(3); // A1 and B1 share only these: under the minimum overlap of 5
  const clusterC = people(30); // C1 and C2 shared them 100 days ago: outside the 90-day window
  for (const a of ['A1', 'A2', 'A3']) listen(a, [...clusterA, ...people(10)], recent);
  for (const b of ['B1', 'B2']) listen(b, [...clusterB, ...people(5)], recent);
  listen('A1', bridge, recent);
  listen('B1', bridge, recent);
  for (const c of ['C1', 'C2']) listen(c, clusterC, old);
  for (const c of ['C1', 'C2']) listen(c, people(8), recent);
  listen('Loner', people(40), recent);
  for (const [artist, list] of rows) await writeListeners(deps.db, id(artist), list);

  const result = await computeRelated(deps.db, { windowDays: 90, minOverlap: 5 }, now);
  t.equal(result.artists, 8);
  const relatedOf = async (n: string) =>
    (await deps.db.selectFrom('artist_related').selectAll().where('artist_id', '=', id(n)).orderBy('score', 'desc').execute()).map((r) => ({
      name: names.find((x) => id(x) === r.related_artist_id),
      overlap: r.overlap,
      score: Math.round(r.score * 1000) / 1000,
    }));
  // A1 has 30 + 10 + 3 listeners, A2 and A3 have 40: cosine 30 / sqrt(43 * 40).
  const a1 = await relatedOf('A1');
  t.same(a1.map((r) => r.name).sort(), ['A2', 'A3']);
  t.equal(a1[0]!.overlap, 30);
  t.equal(a1[0]!.score, Math.round((30 / Math.sqrt(43 * 40)) * 1000) / 1000);
  t.same(
    (await relatedOf('B1')).map((r) => r.name),
    ['B2'],
    'the 3-listener bridge to A1 is under the minimum overlap',
  );
  t.same(await relatedOf('C1'), [], 'co-listening older than the window does not count');
  t.same(await relatedOf('Loner'), []);

  const again = await computeRelated(deps.db, { windowDays: 90, minOverlap: 5 }, now);
  t.same(again, result, 'replaced, not added to');
  const { count } = await deps.db
    .selectFrom('artist_related')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  t.equal(Number(count), result.pairs);
  t.equal(result.pairs, 6 + 2, 'A1-A2-A3 both ways, B1-B2 both ways');
});
