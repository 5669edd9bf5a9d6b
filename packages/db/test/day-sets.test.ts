import { type ListenerDay, listenRow, referenceAudience } from '@chorus/test-kit';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import t from 'tap';
import {
  AUDIENCE_DIMENSIONS,
  analyticsQueries,
  type AudienceSums,
  audienceQueries,
  type Db,
  daySetQueries,
  listeningQueries,
  migrateToLatest,
  partnerStatsQueries,
  trackWindowQueries,
  uuidv7,
} from '../src/index.js';
import * as trackWindowsMigration from '../src/migrations/2026-12-08T0033-track-listener-windows.js';
import { addUsers, freshSchema } from './support.js';

/**
 * The compact day sets against the definition: after any sequence of batches, deletions and compactions (some
 * running at once with a batch), a track's distinct listeners over any range read through the sets equal
 * count(DISTINCT user_id) over its listener rows; the artist's audience read through its kept cells equals the
 * day-cell rule applied to its listener rows (referenceAudience, written from the rule's statement); and every set
 * and cell equals the rows it was built from. The days are in the past, so compaction reaches them; today stays
 * rows (OPEN_DAYS).
 */

const DAY_MS = 86_400_000;
const SPAN = 40;
/** Day 0 of the histories: SPAN + 5 days before today (UTC), so every day of them is closed except the last ones asked. */
const BASE = Math.floor(Date.now() / DAY_MS) * DAY_MS - (SPAN + 5) * DAY_MS;
const dayOf = (offset: number) => new Date(BASE + offset * DAY_MS).toISOString().slice(0, 10);

/** A listener's profile as their listens carry it: users differ in every audience dimension, some share values. */
const profiles = new Map<string, Pick<ListenerDay, 'country' | 'gender'> & { age_bracket: string }>();
const profileOf = (userId: string) => {
  if (!profiles.has(userId)) {
    const i = profiles.size;
    profiles.set(userId, { country: ['SE', 'NO', 'DK'][i % 3]!, age_bracket: ['18-22', '23-27'][i % 2]!, gender: ['female', 'male', 'unknown'][(i + 1) % 3]! });
  }
  return profiles.get(userId)!;
};

/** Stores one batch of a listener's streams of `trackId` on the given days. */
/**
 * Three named partners of two kinds. A listen goes through one of them by its day: the first user's through the
 * day's partner; the second's through it on even days and the next one on odd days; the third's the other way
 * round; the fourth user's through none. On a day a partner has up to two listeners, so a kind's cells are shown
 * on some days and hidden on others, and on odd days the day's partner has the first and third users, who share
 * an age bracket: a cell of two listeners that the partner's audience shows.
 */
const PARTNERS = [
  { partner_id: uuidv7(), app_id: uuidv7(), partner_kind: 'automotive' as const },
  { partner_id: uuidv7(), app_id: uuidv7(), partner_kind: 'automotive' as const },
  { partner_id: uuidv7(), app_id: uuidv7(), partner_kind: 'telecom' as const },
];
const userIndex = new Map<string, number>();
const partnerOf = (userId: string, day: number) => {
  if (!userIndex.has(userId)) userIndex.set(userId, userIndex.size);
  const user = userIndex.get(userId)!;
  const next = user === 1 ? day % 2 : user === 2 ? 1 - (day % 2) : 0;
  return user === 3 ? {} : PARTNERS[(day + next) % PARTNERS.length]!;
};

async function storeBatch(db: Db, userId: string, artistId: string, trackId: string, days: number[]) {
  const batch = { id: uuidv7(), user_id: userId, source: 'native' as const };
  const rows = days.map((d, i) =>
    listenRow({
      user_id: userId,
      listened_at: new Date(BASE + d * DAY_MS + 12 * 3600_000 + i * 60_000),
      track_id: trackId,
      artist_id: artistId,
      ...profileOf(userId),
      ...partnerOf(userId, d),
    }),
  );
  await listeningQueries.insertBatch(db, batch, rows);
  return batch.id;
}

const viaSets = async (db: Db, trackId: string, from: number, to: number) =>
  Number((await sql<{ n: string }>`SELECT ${daySetQueries.trackListeners(sql<string>`${trackId}::uuid`, dayOf(from), dayOf(to))} AS n`.execute(db)).rows[0]!.n);

const truth = async (db: Db, trackId: string, from: number, to: number) =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(DISTINCT user_id) AS n FROM track_day_listeners
                               WHERE track_id = ${trackId} AND day BETWEEN ${dayOf(from)}::date AND ${dayOf(to)}::date`.execute(db)
    ).rows[0]!.n,
  );

const foldedCount = async (db: Db, trackIds: string[]) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM track_windows_folded WHERE track_id = ANY(${trackIds}::uuid[])`.execute(db)).rows[0]!.n);

const setCount = async (db: Db, trackIds: string[]) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM track_day_sets WHERE track_id = ANY(${trackIds}::uuid[])`.execute(db)).rows[0]!.n);

/** The smallest k the rule allows in tests: with four listeners, days hide cells and show others. */
const K = 2;
const sortedCells = (a: AudienceSums) => ({ ...a, cells: [...a.cells].sort((x, y) => (x.value < y.value ? -1 : 1)) });

/** The artist's audience by the rule over its listener rows, on days `from` to `to`, in every dimension. */
async function audienceTruth(db: Db, artistId: string, from: number, to: number) {
  const { rows } = await sql<ListenerDay>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, user_id::text AS user, streams, country::text AS country, age_bracket AS age, gender
    FROM artist_day_listeners WHERE artist_id = ${artistId}`.execute(db);
  return AUDIENCE_DIMENSIONS.map((d) => sortedCells(referenceAudience(rows, d, dayOf(from), dayOf(to), K)));
}

const audienceViaCells = (db: Db, artistId: string, from: number, to: number) =>
  Promise.all(AUDIENCE_DIMENSIONS.map(async (d) => sortedCells(await audienceQueries.cells(db, artistId, d, dayOf(from), dayOf(to), K))));

/** The artist's named partners by the rule over its partner listener rows, each kind's cells judged apart. */
async function partnersTruth(db: Db, artistId: string, from: number, to: number) {
  const { rows } = await sql<ListenerDay & { kind: string }>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, user_id::text AS user, streams, partner_id::text AS country, '' AS age, '' AS gender, partner_kind AS kind
    FROM artist_partner_day_listeners WHERE artist_id = ${artistId} AND day BETWEEN ${dayOf(from)}::date AND ${dayOf(to)}::date`.execute(db);
  const answer = new Map<string, { partner_id: string; kind: string; listeners: number; streams: number; shown: boolean }>();
  for (const r of rows) answer.set(r.country, { partner_id: r.country, kind: r.kind, listeners: 0, streams: 0, shown: false });
  for (const kind of new Set(rows.map((r) => r.kind))) {
    for (const cell of referenceAudience(
      rows.filter((r) => r.kind === kind),
      'country',
      dayOf(from),
      dayOf(to),
      K,
    ).cells) {
      answer.set(cell.value, { partner_id: cell.value, kind, listeners: cell.listeners, streams: cell.streams, shown: true });
    }
  }
  return [...answer.values()].sort((a, b) => (a.partner_id < b.partner_id ? -1 : 1));
}

/** A partner's audience by the rule over its listener rows (one listener-day over its apps, the least value). */
async function partnerAudienceTruth(db: Db, partnerId: string, from: number, to: number) {
  const { rows } = await sql<ListenerDay>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, user_id::text AS user, sum(streams)::int AS streams, min(country::text COLLATE "C") AS country,
           min(age_bracket COLLATE "C") AS age, min(gender COLLATE "C") AS gender
    FROM partner_day_listeners WHERE partner_id = ${partnerId} GROUP BY day, user_id`.execute(db);
  return AUDIENCE_DIMENSIONS.map((d) => sortedCells(referenceAudience(rows, d, dayOf(from), dayOf(to), K)));
}

const partnerAudienceViaCells = (db: Db, partnerId: string, from: number, to: number) =>
  Promise.all(AUDIENCE_DIMENSIONS.map(async (d) => sortedCells(await partnerStatsQueries.audience(db, partnerId, d, dayOf(from), dayOf(to), K))));

/** A partner's distinct listeners over the four windows of its statistics for days `from` to `to`, and those the rows say. */
async function partnerListeners(db: Db, partnerId: string, from: number, to: number) {
  const windows: Array<[number, number]> = [
    [from, to],
    [2 * from - to - 1, from - 1],
    [to - 27, to],
    [from - 28, from - 1],
  ];
  const stats = await partnerStatsQueries.stats(db, partnerId, {
    from: dayOf(from),
    to: dayOf(to),
    previousFrom: dayOf(windows[1]![0]),
    previousTo: dayOf(windows[1]![1]),
    monthFrom: dayOf(windows[2]![0]),
    previousMonthFrom: dayOf(windows[3]![0]),
  });
  const rows = await Promise.all(
    windows.map(
      async ([a, b]) =>
        (
          await sql<{ n: number }>`SELECT count(DISTINCT user_id)::int AS n FROM partner_day_listeners
                                   WHERE partner_id = ${partnerId} AND day BETWEEN ${dayOf(a)}::date AND ${dayOf(b)}::date`.execute(db)
        ).rows[0]!.n,
    ),
  );
  return { got: [stats.listeners, stats.previous_listeners, stats.monthly_listeners, stats.previous_monthly_listeners], want: rows };
}

const partnersViaCells = async (db: Db, artistId: string, from: number, to: number) =>
  ((await partnerStatsQueries.artistNamedPartners(db, artistId, dayOf(from), dayOf(to), K)) ?? [])
    .map(({ name: _name, ...partner }) => partner)
    .sort((a, b) => (a.partner_id < b.partner_id ? -1 : 1));

const cellCount = async (db: Db, artistId: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM artist_cell_sets WHERE artist_id = ${artistId}`.execute(db)).rows[0]!.n);

const partnerCellCount = async (db: Db) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM partner_cell_sets WHERE partner_id = ANY(${PARTNERS.map((p) => p.partner_id)}::uuid[])`.execute(db))
      .rows[0]!.n,
  );

/** Builds the sets and cells of up to `limit` pending closed days of each subject. */
const compactSome = (db: Db, limit: number) =>
  Promise.all([daySetQueries.compactTrackDays(db, limit), daySetQueries.compactArtistDays(db, limit), daySetQueries.compactPartnerDays(db, limit)]);

/** Compacts every pending closed day, in small batches. */
const compactAll = (db: Db) => daySetQueries.compactPending(db, 7);

type Op =
  | { kind: 'add'; user: number; track: number; days: number[] }
  | { kind: 'delete'; user: number; from: number; to: number }
  | { kind: 'compact'; limit: number; during?: { user: number; track: number; days: number[] } };

const days = fc.array(fc.nat(SPAN + 5), { minLength: 1, maxLength: 6 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), user: fc.nat(3), track: fc.nat(1), days }) },
  {
    weight: 1,
    arbitrary: fc
      // Whole days, or from or to a minute of a day's listens (from 12:00, a minute apart): part of a listener-day goes.
      .record({
        kind: fc.constant('delete' as const),
        user: fc.nat(3),
        from: fc.nat(SPAN),
        length: fc.integer({ min: 0, max: 20 }),
        cut: fc.constantFrom(0, 0.5 + 1 / 1440, 0.5 + 3 / 1440),
      })
      .map(({ kind, user, from, length, cut }) =>
        cut && length > 0 && from % 2 ? { kind, user, from: from + cut, to: from + length } : { kind, user, from, to: from + length + cut },
      )
      .filter((o) => o.to > o.from),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('compact' as const),
        limit: fc.integer({ min: 1, max: 100 }),
        during: fc.record({ user: fc.nat(3), track: fc.nat(1), days }),
      },
      { requiredKeys: ['kind', 'limit'] },
    ),
  },
);

t.test('day sets answer exactly what the listener rows say, through batches, deletions and compactions', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const [db, other] = dbs;
  await migrateToLatest(db, schema);
  const users = await addUsers(db, 4);
  let runs = 0;
  let mixed = 0;
  let mixedCells = 0;
  let shownPartners = 0;
  let shownPartnerCells = 0;
  let mixedPartnerCells = 0;
  let folded = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(op, { minLength: 1, maxLength: 10 }),
      fc.array(
        fc.oneof(
          fc.tuple(fc.nat(SPAN + 5), fc.nat(SPAN + 5)),
          // The lengths of the artists' kept listener windows, which an audience's total listeners comes from.
          fc.tuple(fc.nat(SPAN + 5), fc.constantFrom(7, 28, 90)).map(([to, days]): [number, number] => [to - days + 1, to]),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      async (ops, ranges) => {
        runs++;
        const artistId = uuidv7();
        const tracks = [uuidv7(), uuidv7()];
        for (const o of ops) {
          if (o.kind === 'add') {
            await listeningQueries.applyBatch(db, await storeBatch(db, users[o.user]!, artistId, tracks[o.track]!, o.days));
          } else if (o.kind === 'delete') {
            await listeningQueries.deleteListens(db, users[o.user]!, {
              from: new Date(Math.round(BASE + o.from * DAY_MS)),
              to: new Date(Math.round(BASE + o.to * DAY_MS)),
            });
          } else if (o.during) {
            // A compaction and a batch at once, from two pools: the lock orders them, and neither leaves a stale set.
            const batch = await storeBatch(other, users[o.during.user]!, artistId, tracks[o.during.track]!, o.during.days);
            await Promise.all([compactSome(db, o.limit), listeningQueries.applyBatch(other, batch)]);
          } else {
            await daySetQueries.compactTrackDays(db, o.limit);
            await daySetQueries.compactArtistDays(db, o.limit);
            await daySetQueries.compactPartnerDays(db, o.limit);
          }
        }
        const check = async (when: string) => {
          if ((await setCount(db, tracks)) > 0) mixed++;
          for (const trackId of tracks) {
            for (const [a, b] of ranges) {
              const [from, to] = a <= b ? [a, b] : [b, a];
              const [got, want] = [await viaSets(db, trackId, from, to), await truth(db, trackId, from, to)];
              if (got !== want) throw new Error(`${when}, after ${JSON.stringify(ops)}: days ${from}..${to} count ${got}, the rows ${want}`);
            }
          }
          if ((await cellCount(db, artistId)) > 0) mixedCells++;
          for (const [a, b] of ranges) {
            const [from, to] = a <= b ? [a, b] : [b, a];
            const [got, want] = [await audienceViaCells(db, artistId, from, to), await audienceTruth(db, artistId, from, to)];
            if (JSON.stringify(got) !== JSON.stringify(want))
              throw new Error(
                `${when}, after ${JSON.stringify(ops)}: audience of days ${from}..${to} ${JSON.stringify(got)}, the rule ${JSON.stringify(want)}`,
              );
            const [gotPartners, wantPartners] = [await partnersViaCells(db, artistId, from, to), await partnersTruth(db, artistId, from, to)];
            if (gotPartners.some((p) => p.shown)) shownPartners++;
            if (JSON.stringify(gotPartners) !== JSON.stringify(wantPartners))
              throw new Error(
                `${when}, after ${JSON.stringify(ops)}: partners of days ${from}..${to} ${JSON.stringify(gotPartners)}, the rule ${JSON.stringify(wantPartners)}`,
              );
            for (const { partner_id } of PARTNERS) {
              const [gotAudience, wantAudience] = [
                await partnerAudienceViaCells(db, partner_id, from, to),
                await partnerAudienceTruth(db, partner_id, from, to),
              ];
              if (gotAudience.some((a) => a.cells.length > 0)) shownPartnerCells++;
              const listeners = await partnerListeners(db, partner_id, from, to);
              if (JSON.stringify(listeners.got) !== JSON.stringify(listeners.want))
                throw new Error(
                  `${when}, after ${JSON.stringify(ops)}: partner ${partner_id}'s listeners of days ${from}..${to} ${listeners.got}, the rows ${listeners.want}`,
                );
              if (JSON.stringify(gotAudience) !== JSON.stringify(wantAudience))
                throw new Error(
                  `${when}, after ${JSON.stringify(ops)}: partner ${partner_id}'s audience of days ${from}..${to} ${JSON.stringify(gotAudience)}, the rule ${JSON.stringify(wantAudience)}`,
                );
            }
          }
          if ((await partnerCellCount(db)) > 0) mixedPartnerCells++;
          const drifted = [
            ...(await daySetQueries.driftedTrackDays(db, tracks)),
            ...(await daySetQueries.driftedArtistDays(db, [artistId])),
            ...(await daySetQueries.driftedPartnerDays(
              db,
              PARTNERS.map((p) => p.partner_id),
            )),
          ];
          if (drifted.length > 0) throw new Error(`${when}, after ${JSON.stringify(ops)}: sets out of date ${JSON.stringify(drifted)}`);
          const driftedWindows = await trackWindowQueries.drifted(db, tracks);
          if (driftedWindows.length > 0) throw new Error(`${when}, after ${JSON.stringify(ops)}: track windows out of date ${JSON.stringify(driftedWindows)}`);
          if ((await foldedCount(db, tracks)) > 0) folded++;
        };
        await check('as left');
        await compactAll(db);
        await check('all compacted');
      },
    ),
    { numRuns: Number(process.env.CHORUS_FUZZ_RUNS ?? 40), seed: process.env.CHORUS_FUZZ_SEED ? Number(process.env.CHORUS_FUZZ_SEED) : undefined },
  );
  t.ok(runs >= 1, `${runs} histories checked`);
  t.ok(mixed > 0, `${mixed} checks read sets beside rows`);
  t.ok(mixedCells > 0, `${mixedCells} checks read audience cells beside rows`);
  t.ok(shownPartners > 0, `${shownPartners} checks showed a named partner`);
  t.ok(shownPartnerCells > 0, `${shownPartnerCells} checks showed a value of a partner's audience`);
  t.ok(mixedPartnerCells > 0, `${mixedPartnerCells} checks read partners' kept cells`);
  t.ok(folded > 0, `${folded} checks read tracks' kept windows`);
});

t.test(
  'compaction: closed days only, a late listen puts its day back to rows, the check finds what a read would count wrong, the repair rebuilds',
  async (t) => {
    const { schema, dbs } = await freshSchema(t);
    const db = dbs[0];
    await migrateToLatest(db, schema);
    const [u1, u2, u3] = await addUsers(db, 3);
    const artistId = uuidv7();
    const track = uuidv7();
    const today = SPAN + 5;
    await listeningQueries.applyBatch(db, await storeBatch(db, u1!, artistId, track, [1, 2, today - 2, today - 1, today]));
    await listeningQueries.applyBatch(db, await storeBatch(db, u2!, artistId, track, [2, today]));
    await compactAll(db);
    const sets = async () =>
      (await sql<{ day: string; users: number[] }>`SELECT day::text AS day, users FROM track_day_sets WHERE track_id = ${track} ORDER BY day`.execute(db)).rows;
    const ordinals = Object.fromEntries((await db.selectFrom('users').select(['id', 'ordinal']).execute()).map((u) => [u.id, u.ordinal])) as Record<
      string,
      number
    >;
    t.same(
      await sets(),
      [
        { day: dayOf(1), users: [ordinals[u1!]] },
        { day: dayOf(2), users: [ordinals[u1!], ordinals[u2!]].sort((a, b) => a! - b!) },
        { day: dayOf(today - 2), users: [ordinals[u1!]] },
        { day: dayOf(today - 1), users: [ordinals[u1!]] },
      ],
      'sets for the closed days, numbered users in order; today stays rows',
    );
    t.equal(await viaSets(db, track, 0, today), 2);

    // A late listen on a compacted day: the set goes in the same statement, and the day is read from its rows.
    await listeningQueries.applyBatch(db, await storeBatch(db, u3!, artistId, track, [1]));
    t.same(
      (await sets()).map((s) => s.day),
      [dayOf(2), dayOf(today - 2), dayOf(today - 1)],
      'the changed day lost its set',
    );
    t.equal(await viaSets(db, track, 0, 1), 2, 'and still counts exactly, from its rows');
    await compactAll(db);
    t.equal((await sets()).length, 4, 'compacted again');
    t.equal(await viaSets(db, track, 0, today), 3);

    // A set out of date (written here by hand) is found, and the repair rebuilds every set from the rows.
    await sql`UPDATE track_day_sets SET users = '{}' WHERE track_id = ${track} AND day = ${dayOf(2)}::date`.execute(db);
    t.same(await daySetQueries.driftedTrackDays(db, [track]), [{ track_id: track, day: dayOf(2) }], 'the stale set is found');
    await sql`DELETE FROM track_day_sets_pending WHERE track_id = ${track} AND day = ${dayOf(today)}::date`.execute(db);
    t.same(
      await daySetQueries.driftedTrackDays(db, [track]),
      [
        { track_id: track, day: dayOf(2) },
        { track_id: track, day: dayOf(today) },
      ],
      'so is a day with listener rows that has neither a set nor a pending mark',
    );
    await daySetQueries.repairTrackDays(db, await daySetQueries.driftedTrackDays(db, [track]));
    t.equal(await setCount(db, [track]), 3, 'the repair forgets the stale set');
    t.same(await daySetQueries.driftedTrackDays(db, [track]), [], 'and queues both days: nothing a read would count wrong');
    t.equal(await viaSets(db, track, 0, today), 3, 'the rows answer meanwhile');
    await compactAll(db);
    t.same(await daySetQueries.driftedTrackDays(db, [track]), [], 'rebuilt');
    t.equal(await setCount(db, [track]), 4);

    // The artist's audience cells: closed days only, one per dimension and value, kept like the tracks' sets.
    const cells = async () =>
      (
        await sql<{ day: string; dimension: string; value: string; streams: string; users: number[]; least_listeners: number; listeners_before: number }>`
          SELECT day::text AS day, dimension, value, streams::text, users, least_listeners, listeners_before
          FROM artist_cell_sets WHERE artist_id = ${artistId} AND day = ${dayOf(2)}::date AND dimension IN ('country', 'age', 'gender')
          ORDER BY dimension, value`.execute(db)
      ).rows;
    const [o1, o2] = [ordinals[u1!]!, ordinals[u2!]!];
    const [p1, p2] = [profileOf(u1!), profileOf(u2!)];
    // Profiles are handed out in turn, so two listeners met one after the other differ in every dimension.
    // Ranks: both cells of a dimension have one listener and one stream, so the smaller value comes first.
    const before = (mine: string, other: string) => (mine < other ? 0 : 1);
    const twoCells = [
      ['age', p1.age_bracket, '1', [o1], 1, before(p1.age_bracket, p2.age_bracket)],
      ['age', p2.age_bracket, '1', [o2], 1, before(p2.age_bracket, p1.age_bracket)],
      ['country', p1.country, '1', [o1], 1, before(p1.country, p2.country)],
      ['country', p2.country, '1', [o2], 1, before(p2.country, p1.country)],
      ['gender', p1.gender, '1', [o1], 1, before(p1.gender, p2.gender)],
      ['gender', p2.gender, '1', [o2], 1, before(p2.gender, p1.gender)],
    ].sort((a, b) => (`${a[0]}${a[1]}` < `${b[0]}${b[1]}` ? -1 : 1));
    t.same(
      (await cells()).map((c) => [c.dimension, c.value, c.streams, c.users, c.least_listeners, c.listeners_before]),
      twoCells,
      'a day-cell per dimension and value: its streams, listeners and ranks',
    );
    const cellDays = (
      await sql<{ day: string }>`SELECT DISTINCT day::text AS day FROM artist_cell_sets WHERE artist_id = ${artistId} ORDER BY 1`.execute(db)
    ).rows.map((r) => r.day);
    t.same(cellDays, [dayOf(1), dayOf(2), dayOf(today - 2), dayOf(today - 1)], 'closed days only; today stays rows');
    t.same(await daySetQueries.driftedArtistDays(db, [artistId]), [], 'no drift');

    await sql`UPDATE artist_cell_sets SET streams = 9 WHERE artist_id = ${artistId} AND day = ${dayOf(1)}::date AND dimension = 'age'`.execute(db);
    await sql`UPDATE artist_cell_sets SET listeners_before = listeners_before + 1
              WHERE artist_id = ${artistId} AND day = ${dayOf(today - 1)}::date AND dimension = 'gender'`.execute(db);
    await sql`INSERT INTO artist_day_sets_pending (artist_id, day) VALUES (${artistId}, ${dayOf(2)}::date)`.execute(db);
    await sql`DELETE FROM artist_day_sets_pending WHERE artist_id = ${artistId} AND day = ${dayOf(today)}::date`.execute(db);
    t.same(
      await daySetQueries.driftedArtistDays(db, [artistId]),
      [dayOf(1), dayOf(2), dayOf(today - 1), dayOf(today)].map((day) => ({ artist_id: artistId, day })),
      'found: a stale cell, a day with both cells and a pending mark, a stale rank, a day with rows and neither',
    );
    await daySetQueries.repairArtistDays(db, await daySetQueries.driftedArtistDays(db, [artistId]));
    t.same(await daySetQueries.driftedArtistDays(db, [artistId]), [], 'repaired: the four days are read from their rows');
    t.same(await audienceViaCells(db, artistId, 0, today), await audienceTruth(db, artistId, 0, today), 'and the audience is exact meanwhile');
    await compactAll(db);
    t.same(await daySetQueries.driftedArtistDays(db, [artistId]), [], 'rebuilt');
    t.same(await audienceViaCells(db, artistId, 0, today), await audienceTruth(db, artistId, 0, today), 'exact from the cells');

    // The partners' audience cells, kept the same way: day 2's partner had both listeners, one cell each.
    const partner = PARTNERS[2 % PARTNERS.length]!.partner_id;
    const partnerCells = async (day: number) =>
      (
        await sql<{ dimension: string; value: string; streams: string; users: number[]; least_listeners: number; listeners_before: number }>`
          SELECT dimension, value, streams::text, users, least_listeners, listeners_before
          FROM partner_cell_sets WHERE partner_id = ${partner} AND day = ${dayOf(day)}::date ORDER BY dimension, value`.execute(db)
      ).rows.map((c) => [c.dimension, c.value, c.streams, c.users, c.least_listeners, c.listeners_before]);
    t.same(await partnerCells(2), twoCells, "a partner's day-cell per dimension and value: its streams, listeners and ranks");
    t.same(await partnerCells(today), [], 'today stays rows');
    t.same(await daySetQueries.driftedPartnerDays(db, [partner]), [], 'no drift');
    await sql`UPDATE partner_cell_sets SET users = '{}' WHERE partner_id = ${partner} AND day = ${dayOf(2)}::date AND dimension = 'country'`.execute(db);
    t.same(await daySetQueries.driftedPartnerDays(db, [partner]), [{ partner_id: partner, day: dayOf(2) }], 'a stale partner cell is found');
    await daySetQueries.repairPartnerDays(db, await daySetQueries.driftedPartnerDays(db, [partner]));
    t.same(await partnerCells(2), [], 'the repair forgets its cells');
    t.same(await daySetQueries.driftedPartnerDays(db, [partner]), [], 'and queues the day');
    t.same(
      await partnerAudienceViaCells(db, partner, 0, today),
      await partnerAudienceTruth(db, partner, 0, today),
      "the partner's audience is exact meanwhile",
    );
    await compactAll(db);
    t.equal((await partnerCells(2)).length, 6, 'rebuilt');
    t.same(await partnerAudienceViaCells(db, partner, 0, today), await partnerAudienceTruth(db, partner, 0, today), 'exact from the cells');
  },
);

t.test("a track's kept windows: folded by compaction, today's listeners looked up, a changed day folded again, drift found and repaired", async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const [u1, u2, u3, u4, u5] = await addUsers(db, 5);
  const artistId = uuidv7();
  const track = uuidv7();
  const today = SPAN + 5;
  const from28 = today - 27;
  // u1: on the 28-day window's first day and today; u2: the day before it and today; u3: today only; u4: inside it.
  for (const [user, days] of [
    [u1, [from28, today]],
    [u2, [from28 - 1, today]],
    [u3, [today]],
    [u4, [from28 + 2]],
  ] as const) {
    await listeningQueries.applyBatch(db, await storeBatch(db, user!, artistId, track, [...days]));
  }
  // The 28 days to today and the 28 before (each its own monthly window).
  const trackStats = () =>
    analyticsQueries.stats(
      db,
      { kind: 'track', id: track },
      {
        from: dayOf(from28),
        to: dayOf(today),
        previousFrom: dayOf(from28 - 28),
        previousTo: dayOf(from28 - 1),
        monthFrom: dayOf(today - 27),
        previousMonthFrom: dayOf(from28 - 28),
      },
    );
  const counts = async () => {
    const got = {
      d28: await viaSets(db, track, from28, today),
      d90: await viaSets(db, track, today - 89, today),
      d28yesterday: await viaSets(db, track, from28 - 1, today - 1),
    };
    // A track's statistics count the same windows the same way.
    const stats = await trackStats();
    t.same(
      [stats?.listeners, stats?.monthly_listeners, stats?.previous_listeners, stats?.previous_monthly_listeners],
      [got.d28, got.d28, await truth(db, track, from28 - 28, from28 - 1), await truth(db, track, from28 - 28, from28 - 1)],
      'track statistics agree',
    );
    return got;
  };
  const want = { d28: 4, d90: 4, d28yesterday: 3 };
  t.same(await counts(), want, 'before any compaction, from the rows');
  t.equal(await foldedCount(db, [track]), 0, 'nothing folded yet');
  await compactAll(db);
  const through = async () =>
    (await sql<{ through: string }>`SELECT through::text FROM track_windows_folded WHERE track_id = ${track}`.execute(db)).rows[0]?.through;
  t.equal(await through(), dayOf(from28 + 2), 'folded up to the last closed day with listeners; today stays rows');
  t.same(await counts(), want, "from the kept windows and today's rows: a listener of a folded day in the range counts once, one before it is new");
  t.same(await trackWindowQueries.drifted(db, [track]), [], 'as the day sets say');
  // The reads do use the windows: a delta changed by hand changes the count, and the check finds it.
  await sql`UPDATE track_listener_windows SET d28 = d28 + 1 WHERE track_id = ${track} AND day = ${dayOf(from28 + 2)}::date`.execute(db);
  t.equal(await viaSets(db, track, from28, today), 5, 'the 28-day count reads the deltas');
  const tampered = await trackStats();
  t.equal(tampered?.listeners, 5, "and so do the track's statistics");
  t.same(await trackWindowQueries.drifted(db, [track]), [track], 'the changed delta is found');
  await trackWindowQueries.refold(db, [track]);
  t.same(await trackWindowQueries.drifted(db, [track]), [], 'and the repair folds the track again');
  t.same(await counts(), want);
  await sql`UPDATE track_listener_last SET day = day - 1 WHERE track_id = ${track}`.execute(db);
  t.same(await trackWindowQueries.drifted(db, [track]), [track], 'a wrong last day is found');
  await trackWindowQueries.refold(db, [track]);

  // A late listen on a day before the folded end: the day is pending again, reads of ranges holding it scan.
  await listeningQueries.applyBatch(db, await storeBatch(db, u5!, artistId, track, [from28 + 1]));
  t.same(await counts(), { d28: 5, d90: 5, d28yesterday: 4 }, 'the late listener counts at once');
  t.same(await trackWindowQueries.drifted(db, [track]), [], 'a track with a folded day pending again is left to the job');
  await compactAll(db);
  t.equal(await through(), dayOf(from28 + 2), 'the job folded it again');
  t.same(await trackWindowQueries.drifted(db, [track]), [], 'from the start');
  t.same(await counts(), { d28: 5, d90: 5, d28yesterday: 4 });
  // A later day (after the folded ones) through a batch: folded by the next compaction, after the others.
  await listeningQueries.applyBatch(db, await storeBatch(db, u1!, artistId, track, [today - 1]));
  t.same(await counts(), { d28: 5, d90: 5, d28yesterday: 4 }, 'a listener already counted is not counted again');
  await compactAll(db);
  t.equal(await through(), dayOf(today - 1));
  t.same(await trackWindowQueries.drifted(db, [track]), [], 'folded on');
  t.same(await counts(), { d28: 5, d90: 5, d28yesterday: 4 });
  // A deletion: the listener's days go pending, the read scans, the job folds the track again.
  await listeningQueries.deleteListens(db, u4!, { from: new Date(BASE), to: new Date(BASE + (today + 1) * DAY_MS) });
  t.same(await counts(), { d28: 4, d90: 4, d28yesterday: 3 }, 'the deleted listener is gone at once');
  await compactAll(db);
  t.same(await trackWindowQueries.drifted(db, [track]), [], 'and from the windows once compacted');
  t.same(await counts(), { d28: 4, d90: 4, d28yesterday: 3 });
});

t.test('the 2026-12-08T0033 migration folds the day sets as the compaction job does, and stops at a pending day', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const users = await addUsers(db, 3);
  const artistId = uuidv7();
  const tracks = [uuidv7(), uuidv7(), uuidv7()];
  const today = SPAN + 5;
  const histories: Array<[number, number, number[]]> = [
    [0, 0, [0, 3, 9, 10, today]],
    [1, 0, [3, 4, 30, today - 1]],
    [2, 0, [1, 35]],
    [0, 1, [2, 40]],
    [2, 1, [2, 3, today]],
    [1, 2, [5, 6]],
  ];
  for (const [user, track, days] of histories) {
    await listeningQueries.applyBatch(db, await storeBatch(db, users[user]!, artistId, tracks[track]!, days));
  }
  await compactAll(db);
  // A late listen puts a day of the third track back to pending: the fill folds nothing of it after that day.
  await listeningQueries.applyBatch(db, await storeBatch(db, users[0]!, artistId, tracks[2]!, [5]));
  const state = async () => ({
    // Rows whose deltas all cancel are the same as no row.
    windows: (
      await sql<{ track_id: string }>`SELECT * FROM track_listener_windows WHERE track_id = ANY(${tracks}::uuid[]) AND (d28, d90, d365) <> (0, 0, 0)
                ORDER BY track_id, day`.execute(db)
    ).rows,
    last: (
      await sql<{ track_id: string }>`SELECT * FROM track_listener_last WHERE track_id = ANY(${tracks}::uuid[]) ORDER BY track_id, user_ordinal`.execute(db)
    ).rows,
    folded: (
      await sql<{
        track_id: string;
      }>`SELECT track_id, through::text FROM track_windows_folded WHERE track_id = ANY(${tracks}::uuid[]) ORDER BY track_id`.execute(db)
    ).rows,
  });
  const kept = await state();
  t.equal(kept.folded.length, 3, 'the job folded the three tracks');
  await db.transaction().execute(async (trx) => {
    const untyped = trx as unknown as Kysely<unknown>;
    await trackWindowsMigration.down(untyped);
    await trackWindowsMigration.up(untyped);
  });
  const filled = await state();
  t.same(filled.folded.length, 2, 'the fill leaves out the track whose first days are pending');
  t.same(
    filled,
    {
      windows: kept.windows.filter((w) => w.track_id !== tracks[2]),
      last: kept.last.filter((w) => w.track_id !== tracks[2]),
      folded: kept.folded.filter((w) => w.track_id !== tracks[2]),
    },
    'and folds the others as the job did',
  );
  await compactAll(db);
  t.same(await trackWindowQueries.drifted(db, tracks), [], 'the job folds the third track once its day is built');
  for (const track of tracks) {
    for (const [from, to] of [
      [today - 6, today],
      [today - 27, today],
      [today - 89, today],
      [today - 34, today - 7],
    ] as const) {
      t.equal(await viaSets(db, track, from, to), await truth(db, track, from, to), `days ${from}..${to}`);
    }
  }
});
