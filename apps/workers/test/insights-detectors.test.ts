import { uuidv7 } from '@chorus/db';
import { addDays, formatInt, isoWeek } from '@chorus/insights';
import { createTestRuntime, createUser } from '@chorus/service-kit/testing';
import { evaluateArtistInsights } from '@chorus/workers';
import {
  type CatalogTrack,
  createArtist,
  daysEnding,
  mulberry32,
  type NewListenerDay,
  poisson,
  utcDay,
  writeArtistDays,
  writeListeners,
  writeMarketDays,
} from '@chorus/test-kit';
import t from 'tap';
import { insightsOf } from './insights-support.js';

// One clock for every evaluation in this file, so windows never straddle a midnight mid-test.
const now = new Date();
const today = utcDay(now);
const AGES = ['18-24', '25-34', '35-44'];

/**
 * Writes Poisson streams per market per day for the 60 days ending today, as listener-days: each day a market's
 * pool members are active with probability `p` and share its streams (each active listener streams at least
 * once, while there are streams). Also writes the daily totals and the country breakdown those streams make.
 */
async function writeMarkets(
  db: Parameters<typeof writeArtistDays>[0],
  artistId: string,
  rand: () => number,
  rate: (market: string, day: string) => number,
  pools: Record<string, number>,
  p: number,
) {
  const members = Object.fromEntries(Object.entries(pools).map(([market, size]) => [market, Array.from({ length: size }, () => uuidv7())]));
  const byDay = new Map<string, number>();
  const rows: Array<{ day: string; market: string; streams: number }> = [];
  const listeners: NewListenerDay[] = [];
  for (const day of daysEnding(today, 60)) {
    for (const [market, pool] of Object.entries(members)) {
      const streams = poisson(rand, rate(market, day));
      rows.push({ day, market, streams });
      byDay.set(day, (byDay.get(day) ?? 0) + streams);
      if (streams === 0) continue;
      const active = pool.filter(() => rand() < p);
      if (active.length === 0) active.push(pool[Math.floor(rand() * pool.length)]!);
      const shares = active.slice(0, Math.min(streams, active.length)).map(() => 1);
      for (let extra = streams - shares.length; extra > 0; extra--) shares[Math.floor(rand() * shares.length)]!++;
      for (const [i, n] of shares.entries()) listeners.push({ day, user_id: active[i]!, country: market, age_bracket: AGES[i % AGES.length]!, streams: n });
    }
  }
  await writeMarketDays(db, artistId, rows);
  await writeArtistDays(
    db,
    artistId,
    [...byDay].map(([day, streams]) => ({ day, streams })),
  );
  await writeListeners(db, artistId, listeners);
  return rows;
}

t.test('pure noise: 30 artists of stationary Poisson streams and stable audiences give (almost) nothing', async (t) => {
  const { deps } = await createTestRuntime(t);
  const rand = mulberry32(4242);
  const rates: Record<string, number> = { SE: 120, DE: 60, BR: 40 };
  const found: Record<string, number> = {};
  for (let i = 0; i < 30; i++) {
    const artist = await createArtist(deps.db, `Noise ${i}`);
    await writeMarkets(deps.db, artist.id, rand, (m) => rates[m]!, { SE: 150, DE: 100, BR: 100 }, 0.3);
    for (const row of await evaluateArtistInsights(deps, artist.id, now)) found[row.type] = (found[row.type] ?? 0) + 1;
  }
  t.comment(`insights on noise: ${JSON.stringify(found)}`);
  // 90 market tests at alpha 0.01 and 60 day tests at |z| >= 3.5: about one false alarm is the detectors' own rate.
  const alarms = (found.trend ?? 0) + (found.anomaly ?? 0) + (found.audience_shift ?? 0);
  t.ok(alarms <= 2, `at most 2 trend/anomaly/audience insights over 30 noise artists, got ${alarms}`);
  t.equal(found.playlist_momentum ?? 0, 0, 'no playlist momentum without playlists');
  // ~13,200 streams each: the 1,000 and 10,000 milestones are real and reported for every artist.
  t.equal(found.milestone, 60, 'two stream milestones per artist');
});

t.test('a planted rise in one market is found once, with its numbers', async (t) => {
  const { deps } = await createTestRuntime(t);
  const rand = mulberry32(99);
  const artist = await createArtist(deps.db, 'Nova Lake');
  const weekStart = addDays(today, -6);
  const rows = await writeMarkets(deps.db, artist.id, rand, (m, day) => (m === 'SE' ? (day >= weekStart ? 170 : 50) : 80), { SE: 50, DE: 50 }, 0.6);

  const sum = (from: string, to: string) => rows.filter((r) => r.market === 'SE' && r.day >= from && r.day <= to).reduce((s, r) => s + r.streams, 0);
  const a = sum(weekStart, today);
  const b = sum(addDays(today, -13), addDays(today, -7));
  const pct = Math.round(((a - b) / b) * 100);

  for (let run = 0; run < 3; run++) await evaluateArtistInsights(deps, artist.id, now);
  const trends = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'trend');
  t.equal(trends.length, 1, 'one trend, however often the job runs');
  const trend = trends[0]!;
  t.equal(trend.subject_kind, 'artist');
  t.equal(trend.subject_id, artist.id);
  t.equal(trend.title, `Streams of Nova Lake in Sweden up ${formatInt(pct)}% week over week`);
  t.equal(
    trend.body,
    `Nova Lake had ${formatInt(a)} streams in Sweden in the 7 days to ${today}, up ${formatInt(pct)}% on the week before (${formatInt(a)} against ${formatInt(b)}).`,
  );
  t.match(trend.evidence, { market: 'SE', current: a, previous: b });
  t.equal(trend.dedupe_key, `trend:artist:${artist.id}:country:SE:${isoWeek(today)}`);
});

t.test('a rising market with fewer than k listeners is not reported', async (t) => {
  const { deps } = await createTestRuntime(t);
  const rand = mulberry32(5);
  const artist = await createArtist(deps.db, 'Superfan Magnet');
  const weekStart = addDays(today, -6);
  // Three listeners in Iceland: the rise is real but would single them out.
  await writeMarkets(deps.db, artist.id, rand, (_m, day) => (day >= weekStart ? 170 : 50), { IS: 3 }, 1);
  await evaluateArtistInsights(deps, artist.id, now);
  t.equal((await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'trend').length, 0);
});

t.test('milestones: each reported exactly once, a new one when totals pass the next threshold', async (t) => {
  const { deps } = await createTestRuntime(t);
  const artist = await createArtist(deps.db, 'Milestone Mia');
  const days = daysEnding(today, 10);
  await writeArtistDays(
    deps.db,
    artist.id,
    days.map((day) => ({ day, streams: 500 })),
  );

  for (let run = 0; run < 3; run++) await evaluateArtistInsights(deps, artist.id, now);
  let milestones = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'milestone');
  t.equal(milestones.length, 1, 'three runs, one milestone');
  t.equal(milestones[0]!.title, 'Milestone Mia passed 1,000 streams');
  t.match(milestones[0]!.evidence, { metric: 'streams', threshold: 1000, previous_total: 0, current_total: 5000 });

  await writeArtistDays(
    deps.db,
    artist.id,
    days.map((day) => ({ day, streams: 700 })),
  );
  const fresh = await evaluateArtistInsights(deps, artist.id, now);
  t.equal(fresh.length, 1, 'one new insight');
  t.equal(fresh[0]!.title, 'Milestone Mia passed 10,000 streams');
  t.match(fresh[0]!.evidence, { threshold: 10000, previous_total: 5000, current_total: 12000 });
  t.equal((await evaluateArtistInsights(deps, artist.id, now)).length, 0, 'and nothing on the next run');

  // Listeners all-time are distinct across days: 1,001 listeners, each on two days, pass 1,000 once.
  const listeners = Array.from({ length: 1001 }, () => uuidv7());
  await writeListeners(
    deps.db,
    artist.id,
    listeners.flatMap((user_id) => [days[0]!, days[1]!].map((day) => ({ day, user_id, country: 'SE' }))),
  );
  const listenerMilestones = await evaluateArtistInsights(deps, artist.id, now);
  t.equal(listenerMilestones.length, 1);
  t.equal(listenerMilestones[0]!.title, 'Milestone Mia passed 1,000 listeners');
  t.match(listenerMilestones[0]!.evidence, { metric: 'listeners', current_total: 1001 });
  milestones = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'milestone');
  t.equal(milestones.length, 3);
});

t.test('an anomaly spike on the last complete day is found once', async (t) => {
  const { deps } = await createTestRuntime(t);
  const rand = mulberry32(11);
  const artist = await createArtist(deps.db, 'Spike Jones');
  const yesterday = addDays(today, -1);
  await writeArtistDays(
    deps.db,
    artist.id,
    daysEnding(today, 60).map((day) => ({ day, streams: day === yesterday ? 1500 : day === today ? 100 : poisson(rand, 300) })),
  );
  await evaluateArtistInsights(deps, artist.id, now);
  await evaluateArtistInsights(deps, artist.id, now);
  const anomalies = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'anomaly');
  // Today's partial count (100) is low only because the day is not over: it must not read as a drop.
  t.equal(anomalies.length, 1, 'the spike, and no drop for the day still in progress');
  t.equal(anomalies[0]!.dedupe_key, `anomaly:${yesterday}:spike`);
  t.match(anomalies[0]!.evidence, { day: yesterday, value: 1500, direction: 'spike' });
  t.ok((anomalies[0]!.evidence.z as number) > 3.5);
});

t.test('an audience shift by country is found; with a larger k the small cell is suppressed', async (t) => {
  const { deps } = await createTestRuntime(t);
  const build = async (name: string) => {
    const artist = await createArtist(deps.db, name);
    const rows: NewListenerDay[] = [];
    const previous = daysEnding(addDays(today, -7), 7);
    const current = daysEnding(today, 7);
    // 2,100 listeners each week, 300 a day; Norway's share goes from 10% (30 a day) to 30% (90 a day).
    for (let i = 0; i < 2100; i++) rows.push({ day: previous[i % 7]!, user_id: uuidv7(), country: i < 210 ? 'NO' : 'SE', age_bracket: AGES[i % 3]! });
    for (let i = 0; i < 2100; i++) rows.push({ day: current[i % 7]!, user_id: uuidv7(), country: i < 630 ? 'NO' : 'SE', age_bracket: AGES[i % 3]! });
    await writeListeners(deps.db, artist.id, rows);
    return artist;
  };
  const artist = await build('Fjord Echo');
  await evaluateArtistInsights(deps, artist.id, now);
  const shifts = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'audience_shift');
  const norway = shifts.find((s) => s.evidence.cell === 'NO');
  t.ok(norway, 'Norway found');
  t.match(norway!.evidence, { dimension: 'country', current_count: 630, current_total: 2100, previous_count: 210, previous_total: 2100 });
  t.equal(norway!.title, 'Fjord Echo: share of listeners in Norway up 20 points');
  t.equal(shifts.filter((s) => s.evidence.dimension === 'age').length, 0, 'ages did not move');

  const strict = await build('Fjord Echo Strict');
  await evaluateArtistInsights({ ...deps, config: { ...deps.config, audienceMinListeners: 100 } }, strict.id, now);
  const strictShifts = (await insightsOf(deps.db, strict.id)).filter((i) => i.type === 'audience_shift');
  t.notOk(
    strictShifts.some((s) => s.evidence.cell === 'NO'),
    'Norway (30 and 90 listeners a day) is under k = 100 on every day',
  );
});

t.test('playlist momentum from playlist adds, counting collaborative playlists', async (t) => {
  const { deps } = await createTestRuntime(t);
  const artist = await createArtist(deps.db, 'Momentum Max', ['Rising Song', 'Quiet Song']);
  const [rising, quiet] = artist.tracks as [CatalogTrack, CatalogTrack];
  const owner = await createUser(deps);
  const addTo = async (trackId: string, collaborative: boolean, at: Date) => {
    const playlistId = uuidv7();
    await deps.db
      .insertInto('playlists')
      .values({ id: playlistId, owner_id: owner.id, name: 'P', description: null, visibility: 'public', collaborative })
      .execute();
    await deps.db
      .insertInto('playlist_items')
      .values({ id: uuidv7(), playlist_id: playlistId, track_id: trackId, position_key: 'a0', added_by: owner.id, added_at: at })
      .execute();
  };
  const thisWeek = (i: number) => new Date(Date.parse(`${addDays(today, -(i % 6))}T00:30:00Z`));
  const lastWeek = (i: number) => new Date(Date.parse(`${addDays(today, -8 - (i % 5))}T12:00:00Z`));
  for (let i = 0; i < 12; i++) await addTo(rising.id, i < 4, thisWeek(i));
  for (let i = 0; i < 3; i++) await addTo(rising.id, false, lastWeek(i));
  // The quiet track is added as often as the week before: no momentum.
  for (let i = 0; i < 10; i++) await addTo(quiet.id, false, thisWeek(i));
  for (let i = 0; i < 10; i++) await addTo(quiet.id, false, lastWeek(i));

  await evaluateArtistInsights(deps, artist.id, now);
  await evaluateArtistInsights(deps, artist.id, now);
  const momentum = (await insightsOf(deps.db, artist.id)).filter((i) => i.type === 'playlist_momentum');
  t.equal(momentum.length, 1, 'only the rising track, once');
  t.equal(momentum[0]!.subject_kind, 'track');
  t.equal(momentum[0]!.subject_id, rising.id);
  t.equal(momentum[0]!.body, 'Rising Song was added to 12 playlists this week, 4 of them collaborative, against 3 the week before.');
  t.match(momentum[0]!.evidence, { adds_last_7: 12, collaborative_last_7: 4, adds_prev_7: 3 });
});
