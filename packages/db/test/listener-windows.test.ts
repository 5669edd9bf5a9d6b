import fc from 'fast-check';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import t from 'tap';
import {
  ARTIST_WINDOWS,
  type Db,
  type DeviceClass,
  LISTENER_WINDOW_DAYS,
  listenerWindowQueries,
  listeningQueries,
  migrateToLatest,
  PARTNER_APP_WINDOWS,
  PARTNER_WINDOW_SUBJECTS,
  PARTNER_WINDOWS,
  uuidv7,
  type WindowSubject,
} from '../src/index.js';
import { listenRow } from '@chorus/test-kit';
import * as appMigration from '../src/migrations/2026-12-07T0031-partner-app-listener-windows.js';
import * as dailyMigration from '../src/migrations/2026-12-08T0032-partner-daily-listeners.js';
import { addUsers, freshSchema } from './support.js';

/**
 * The window deltas that aggregation keeps against the definition: for every window length and every end day
 * around the data, the prefix sum equals count(DISTINCT user_id) over the window's listener-days, after any
 * sequence of batches (applied one by one or two at once) and deletions, through the real ingestion and
 * aggregation queries; and the kept deltas equal those rebuilt from the listener sets.
 */

const BASE = Date.UTC(2031, 4, 1);
const DAY_MS = 86_400_000;
const dayOf = (offset: number) => new Date(BASE + offset * DAY_MS).toISOString().slice(0, 10);

/** Stores one batch of a listener's listens of `artistId` on the given days (a stream at noon plus `i` minutes each). */
async function storeBatch(db: Db, userId: string, artistId: string, trackId: string, days: number[]) {
  const batch = { id: uuidv7(), user_id: userId, source: 'native' as const };
  const rows = days.map((d, i) =>
    listenRow({
      user_id: userId,
      listened_at: new Date(BASE + d * DAY_MS + 12 * 3600_000 + i * 60_000 + Math.floor(Math.random() * 59_000)),
      track_id: trackId,
      artist_id: artistId,
    }),
  );
  await listeningQueries.insertBatch(db, batch, rows);
  return batch.id;
}

/** Window ends whose prefix sum disagrees with the distinct listeners of the window, as 'L@day: kept vs truth'. */
async function mismatches(db: Db, artistId: string, lastOffset: number): Promise<string[]> {
  const { rows } = await sql<{ window_days: number; day: string; kept: string; truth: string }>`
    SELECT w.days AS window_days, e.day::date::text AS day,
           (SELECT coalesce(sum(CASE w.days WHEN 7 THEN d7 WHEN 28 THEN d28 WHEN 90 THEN d90 WHEN 365 THEN d365 END), 0)
            FROM artist_listener_windows WHERE artist_id = ${artistId} AND day <= e.day::date) AS kept,
           (SELECT count(DISTINCT user_id) FROM artist_day_listeners
            WHERE artist_id = ${artistId} AND day BETWEEN e.day::date - (w.days - 1) AND e.day::date) AS truth
    FROM unnest(${[...LISTENER_WINDOW_DAYS]}::int[]) AS w (days)
    CROSS JOIN generate_series(${dayOf(-2)}::date, ${dayOf(lastOffset + 2)}::date + 365, interval '1 day') AS e (day)`.execute(db);
  return rows.filter((r) => Number(r.kept) !== Number(r.truth)).map((r) => `${r.window_days}@${r.day}: ${r.kept} vs ${r.truth}`);
}

const keptRows = async (db: Db, artistId: string) =>
  (
    await sql<{ k: string }>`
      SELECT day || '=' || d7 || '/' || d28 || '/' || d90 || '/' || d365 AS k FROM artist_listener_windows
      WHERE artist_id = ${artistId} AND (d7, d28, d90, d365) <> (0, 0, 0, 0) ORDER BY day`.execute(db)
  ).rows.map((r) => r.k);

type Op<Via> = { kind: 'add'; user: number; via: Via; days: number[]; together: boolean } | { kind: 'delete'; user: number; from: number; to: number };

const SPAN = 60;

/**
 * Histories of up to 8 steps over `span` days and `users` listeners: a listener's batch of listens on some days
 * (`via` says through what), applied alone or as two batches at once; or the deletion of a listener's listens of
 * up to 30 days.
 */
const histories = <Via>(span: number, users: number, via: fc.Arbitrary<Via>): fc.Arbitrary<Array<Op<Via>>> =>
  fc.array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('add' as const),
          user: fc.nat(users - 1),
          via,
          days: fc.array(fc.nat(span), { minLength: 1, maxLength: 6 }),
          together: fc.boolean(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ kind: fc.constant('delete' as const), user: fc.nat(users - 1), from: fc.nat(span), length: fc.integer({ min: 1, max: 30 }) })
          .map(({ kind, user, from, length }) => ({ kind, user, from, to: from + length })),
      },
    ),
    { minLength: 1, maxLength: 8 },
  );

/** Plays a history through the real ingestion and aggregation: `store` stores one batch on a pool and gives its id. */
async function play<Via>(
  [db, other]: readonly [Db, Db],
  users: string[],
  ops: Array<Op<Via>>,
  store: (db: Db, userId: string, via: Via, days: number[]) => Promise<string>,
) {
  for (const o of ops) {
    const userId = users[o.user]!;
    if (o.kind === 'delete') {
      await listeningQueries.deleteListens(db, userId, { from: new Date(BASE + o.from * DAY_MS), to: new Date(BASE + o.to * DAY_MS) });
    } else if (o.together && o.days.length > 1) {
      // Two batches of the same listener, applied at once from two pools: the lock orders them.
      const half = Math.ceil(o.days.length / 2);
      const a = await store(db, userId, o.via, o.days.slice(0, half));
      const b = await store(other, userId, o.via, o.days.slice(half));
      await Promise.all([listeningQueries.applyBatch(db, a), listeningQueries.applyBatch(other, b)]);
    } else {
      await listeningQueries.applyBatch(db, await store(db, userId, o.via, o.days));
    }
  }
}

const FUZZ = { numRuns: Number(process.env.CHORUS_FUZZ_RUNS ?? 40), seed: process.env.CHORUS_FUZZ_SEED ? Number(process.env.CHORUS_FUZZ_SEED) : undefined };

/**
 * After a history: every window of `id`'s subjects counts right (`wrong` lists those that do not), the check finds
 * no drift, and a rebuild gives the kept deltas (`kept`) back.
 */
async function holds<Via>(
  db: Db,
  ops: Array<Op<Via>>,
  id: string,
  subjects: readonly WindowSubject[],
  wrong: () => Promise<string[]>,
  kept: () => Promise<string[]>,
) {
  const after = `after ${JSON.stringify(ops)}`;
  const found = await wrong();
  if (found.length > 0) throw new Error(`${after}: ${found.slice(0, 5).join('; ')}`);
  const before = await kept();
  for (const subject of subjects) {
    if ((await listenerWindowQueries.drifted(db, [id], subject)).length > 0) throw new Error(`${after}: the check finds drift in ${subject.table}`);
    await listenerWindowQueries.rebuild(db, [id], subject);
  }
  if (JSON.stringify(before) !== JSON.stringify(await kept())) throw new Error(`${after}: kept deltas differ from the rebuilt ones`);
}

/** What a fuzzed history is played for: a new subject, how a batch of its listens is stored, and its checks (see holds). */
interface Fuzzed<Via> {
  id: string;
  store: (db: Db, userId: string, via: Via, days: number[]) => Promise<string>;
  wrong: () => Promise<string[]>;
  kept: () => Promise<string[]>;
}

/**
 * Plays FUZZ random histories (see histories) through the real ingestion and aggregation on a fresh schema with
 * `users` listeners, each for a new subject that `fuzzed` makes, and checks after each that the kept deltas of
 * `subjects` hold (see holds).
 */
async function fuzzHistories<Via>(
  t: { teardown(fn: () => unknown): void; ok(value: unknown, message: string): unknown },
  history: { span: number; users: number; via: fc.Arbitrary<Via>; subjects: readonly WindowSubject[] },
  fuzzed: (db: Db) => Fuzzed<Via>,
) {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const users = await addUsers(db, history.users);
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(histories(history.span, history.users, history.via), async (ops) => {
      runs++;
      const subject = fuzzed(db);
      await play(dbs, users, ops, subject.store);
      await holds(db, ops, subject.id, history.subjects, subject.wrong, subject.kept);
    }),
    FUZZ,
  );
  t.ok(runs >= 1, `${runs} histories checked`);
}

t.test('kept window deltas count exactly the distinct listeners of every window, through batches and deletions', (t) =>
  fuzzHistories(t, { span: SPAN, users: 4, via: fc.constant(null), subjects: [ARTIST_WINDOWS] }, (db) => {
    const artistId = uuidv7();
    const trackId = uuidv7();
    return {
      id: artistId,
      store: (pool, userId, _, days) => storeBatch(pool, userId, artistId, trackId, days),
      wrong: () => mismatches(db, artistId, SPAN + 30),
      kept: () => keptRows(db, artistId),
    };
  }),
);

t.test('a listener coming back after a gap counts once in every window that holds one of their days', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const [u1, u2] = await addUsers(db, 2);
  const artistId = uuidv7();
  const trackId = uuidv7();
  await listeningQueries.applyBatch(db, await storeBatch(db, u1!, artistId, trackId, [0, 3, 40]));
  await listeningQueries.applyBatch(db, await storeBatch(db, u2!, artistId, trackId, [3]));
  const count = async (days: number, to: number) =>
    Number((await sql<{ n: string }>`SELECT ${listenerWindowQueries.count(artistId, days, dayOf(to))} AS n`.execute(db)).rows[0]!.n);
  t.equal(await count(7, 3), 2, 'both listened in the week ending day 3');
  t.equal(await count(7, 6), 2, 'day 3 is still in the week ending day 6');
  t.equal(await count(7, 9), 2, 'u1 day 3 and u2 day 3 fall out after day 9');
  t.equal(await count(7, 10), 0, 'nobody in days 4..10');
  t.equal(await count(28, 30), 2, '28 days ending day 30 hold day 3');
  t.equal(await count(28, 45), 1, 'only u1 came back on day 40');
  t.equal(await count(365, 500), 0, 'a year after the last day, nobody');
  t.equal(await count(7, -1), 0, 'before the first day, nobody');
  await listeningQueries.deleteListens(db, u1!, { from: new Date(BASE + 3 * DAY_MS), to: new Date(BASE + 4 * DAY_MS) });
  t.equal(await count(7, 9), 1, 'without u1 day 3, only u2 in the week ending day 9');
  t.equal(await count(7, 6), 2, 'u1 day 0 is still in the week ending day 6');
  t.same(await mismatches(db, artistId, 45), []);
});

t.test('the check finds the artists whose kept deltas drifted, and the repair rebuilds them', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const [u1, u2] = await addUsers(db, 2);
  const artists = [uuidv7(), uuidv7(), uuidv7()] as const;
  for (const artistId of artists) {
    await listeningQueries.applyBatch(db, await storeBatch(db, u1!, artistId, uuidv7(), [0, 5, 20]));
    await listeningQueries.applyBatch(db, await storeBatch(db, u2!, artistId, uuidv7(), [5]));
  }
  t.same(await listenerWindowQueries.drifted(db, [...artists]), [], 'kept by aggregation: no drift');

  const [a, b, c] = artists;
  await sql`UPDATE artist_listener_windows SET d28 = d28 + 1 WHERE artist_id = ${a} AND day = (SELECT min(day) FROM artist_listener_windows WHERE artist_id = ${a})`.execute(
    db,
  );
  await sql`DELETE FROM artist_listener_windows WHERE artist_id = ${b} AND day = (SELECT max(day) FROM artist_listener_windows WHERE artist_id = ${b})`.execute(
    db,
  );
  await sql`INSERT INTO artist_listener_windows (artist_id, day, d7, d28, d90, d365) VALUES (${c}, ${dayOf(-40)}, 0, 0, 0, 0)`.execute(db);
  t.same(await listenerWindowQueries.drifted(db, [...artists]), [a, b].sort(), 'a changed delta and a missing row are drift; a row of zeros is not');
  t.same(await listenerWindowQueries.drifted(db, [c]), [], 'only the artists asked about');

  await listenerWindowQueries.rebuild(db, [a, b]);
  t.same(await listenerWindowQueries.drifted(db, [...artists]), [], 'rebuilt');
  for (const artistId of artists) t.same(await mismatches(db, artistId, 30), [], 'and every window counts right');
});

// --- a partner's apps and device classes (PARTNER_APP_WINDOWS, PARTNER_CLASS_WINDOWS) ---

const CLASSES = ['car', 'speaker'] as const;
/** Fewer days and listeners than the artists' run: two apps and three classes meet on a listener's day more often. */
const PARTNER_SPAN = 20;

/** Stores one batch of a listener's listens through one of the partner's apps, in a device class (null: unspecified). */
async function storePartnerBatch(db: Db, userId: string, through: { partnerId: string; appId: string }, deviceClass: DeviceClass | null, days: number[]) {
  const batch = { id: uuidv7(), user_id: userId, source: 'native' as const };
  const rows = days.map((d, i) =>
    listenRow({
      user_id: userId,
      listened_at: new Date(BASE + d * DAY_MS + 12 * 3600_000 + i * 60_000 + Math.floor(Math.random() * 59_000)),
      track_id: through.partnerId,
      artist_id: through.partnerId,
      partner_id: through.partnerId,
      app_id: through.appId,
      partner_kind: 'automotive',
      device_class: deviceClass,
    }),
  );
  await listeningQueries.insertBatch(db, batch, rows);
  return batch.id;
}

/**
 * Window ends where a kept count of the partner (every length, a day's too), of an app and device class, or of a
 * device class across apps disagrees with the distinct listeners of the partner's listener rows, as
 * 'subject L@day: kept vs truth'.
 */
async function partnerMismatches(db: Db, partnerId: string, lastOffset: number): Promise<string[]> {
  const lengthsOf = (lengths: readonly number[]) => sql`e.days IN (${sql.join(lengths.map((d) => sql.lit(d)))})`;
  const kept = (table: string, subject: RawBuilder<unknown>, lengths: readonly number[]) => sql`
    SELECT ${subject} AS subject, e.days, e.day,
           sum(CASE e.days ${sql.join(
             lengths.map((d) => sql`WHEN ${sql.lit(d)} THEN ${sql.ref(`d${d}`)}`),
             sql` `,
           )} END) AS n
    FROM ends e JOIN ${sql.table(table)} k ON k.partner_id = ${partnerId} AND k.day <= e.day AND ${lengthsOf(lengths)} GROUP BY 1, 2, 3`;
  const truth = (subject: RawBuilder<unknown>, lengths: readonly number[]) => sql`
    SELECT ${subject} AS subject, e.days, e.day, count(DISTINCT l.user_id) AS n
    FROM ends e JOIN partner_day_listeners l ON l.partner_id = ${partnerId} AND l.day BETWEEN e.day - (e.days - 1) AND e.day AND ${lengthsOf(lengths)}
    GROUP BY 1, 2, 3`;
  const [own, others] = [PARTNER_WINDOWS.lengths, PARTNER_APP_WINDOWS.lengths];
  const { rows } = await sql<{ subject: string; window_days: number; day: string; kept: string; truth: string }>`
    WITH ends AS (
      SELECT w.days, e.day::date AS day FROM unnest(${[...own]}::int[]) AS w (days)
      CROSS JOIN generate_series(${dayOf(-2)}::date, ${dayOf(lastOffset + 2)}::date + 365, interval '1 day') AS e (day)
    ),
    kept AS (
      ${kept('partner_listener_windows', sql`'partner'`, own)}
      UNION ALL ${kept('partner_app_listener_windows', sql`k.app_id || '/' || k.device_class`, others)}
      UNION ALL ${kept('partner_class_listener_windows', sql`k.device_class`, others)}
    ),
    truth AS (
      ${truth(sql`'partner'`, own)}
      UNION ALL ${truth(sql`l.app_id || '/' || l.device_class`, others)}
      UNION ALL ${truth(sql`l.device_class`, others)}
    )
    SELECT coalesce(k.subject, t.subject) AS subject, coalesce(k.days, t.days) AS window_days, coalesce(k.day, t.day)::text AS day,
           coalesce(k.n, 0) AS kept, coalesce(t.n, 0) AS truth
    FROM kept k FULL JOIN truth t ON t.subject = k.subject AND t.days = k.days AND t.day = k.day
    WHERE coalesce(k.n, 0) <> coalesce(t.n, 0)`.execute(db);
  return rows.map((r) => `${r.subject} ${r.window_days}@${r.day}: ${r.kept} vs ${r.truth}`);
}

/** Each day's listeners of the partner over the span from the kept one-day windows, against its listener rows. */
async function dailyMismatches(db: Db, partnerId: string, lastOffset: number): Promise<string[]> {
  const [from, to] = [dayOf(-2), dayOf(lastOffset + 2)];
  const { rows } = await sql<{ day: string; kept: string | null; truth: string | null }>`
    SELECT coalesce(k.day, t.day)::text AS day, k.listeners AS kept, t.n AS truth
    FROM ${listenerWindowQueries.daily(partnerId, from, to, PARTNER_WINDOWS)} k
    FULL JOIN (SELECT day, count(DISTINCT user_id) AS n FROM partner_day_listeners WHERE partner_id = ${partnerId} AND day BETWEEN ${from} AND ${to} GROUP BY day) t
      ON t.day = k.day
    WHERE k.listeners IS DISTINCT FROM t.n`.execute(db);
  return rows.map((r) => `daily ${r.day}: ${r.kept} vs ${r.truth}`);
}

const keptPartnerRows = async (db: Db, partnerId: string) =>
  (
    await sql<{ k: string }>`
      SELECT day || '=' || d1 || '/' || d7 || '/' || d28 || '/' || d90 || '/' || d365 AS k FROM partner_listener_windows
      WHERE partner_id = ${partnerId} AND (d1, d7, d28, d90, d365) <> (0, 0, 0, 0, 0)
      UNION ALL
      SELECT app_id || '/' || device_class || ' ' || day || '=' || d7 || '/' || d28 || '/' || d90 || '/' || d365 FROM partner_app_listener_windows
      WHERE partner_id = ${partnerId} AND (d7, d28, d90, d365) <> (0, 0, 0, 0)
      UNION ALL
      SELECT device_class || ' ' || day || '=' || d7 || '/' || d28 || '/' || d90 || '/' || d365 FROM partner_class_listener_windows
      WHERE partner_id = ${partnerId} AND (d7, d28, d90, d365) <> (0, 0, 0, 0)
      ORDER BY 1`.execute(db)
  ).rows.map((r) => r.k);

// A listener may come through the same app in another class on a day they already have a row: the row keeps the
// class it was first written with, and so do the windows.
t.test('kept window deltas of a partner, its apps and its device classes count exactly their distinct listeners, through batches and deletions', (t) =>
  fuzzHistories(
    t,
    { span: PARTNER_SPAN, users: 3, via: fc.record({ app: fc.nat(1), deviceClass: fc.nat(CLASSES.length) }), subjects: PARTNER_WINDOW_SUBJECTS },
    (db) => {
      const partnerId = uuidv7();
      const apps = [uuidv7(), uuidv7()];
      return {
        id: partnerId,
        store: (pool, userId, via, days) => storePartnerBatch(pool, userId, { partnerId, appId: apps[via.app]! }, CLASSES[via.deviceClass] ?? null, days),
        wrong: async () => [...(await partnerMismatches(db, partnerId, PARTNER_SPAN + 30)), ...(await dailyMismatches(db, partnerId, PARTNER_SPAN + 30))],
        kept: () => keptPartnerRows(db, partnerId),
      };
    },
  ),
);

t.test('the 2026-12-07T0031 and 2026-12-08T0032 migrations fill the apps’, device classes’ and one-day deltas as aggregation keeps them', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const users = await addUsers(db, 3);
  const partnerId = uuidv7();
  const apps = [uuidv7(), uuidv7()];
  const histories: Array<[number, number, DeviceClass | null, number[]]> = [
    [0, 0, 'car', [0, 3, 40]],
    [0, 1, 'car', [3, 5]],
    [1, 1, 'speaker', [1, 2, 9, 100]],
    [1, 0, null, [2]],
    [2, 0, 'speaker', [0, 30, 31]],
    [2, 0, 'car', [30]],
  ];
  for (const [user, app, deviceClass, days] of histories) {
    await listeningQueries.applyBatch(db, await storePartnerBatch(db, users[user]!, { partnerId, appId: apps[app]! }, deviceClass, days));
  }
  const kept = await keptPartnerRows(db, partnerId);
  t.ok(kept.length > 0, 'aggregation kept deltas');
  await db.transaction().execute(async (trx) => {
    const untyped = trx as unknown as Kysely<unknown>;
    await dailyMigration.down(untyped);
    await appMigration.down(untyped);
    await appMigration.up(untyped);
    await dailyMigration.up(untyped);
  });
  t.same(await keptPartnerRows(db, partnerId), kept, 'the same deltas, from the listener rows');
  t.same(await partnerMismatches(db, partnerId, 130), [], 'and every window counts right');
  t.same(await dailyMismatches(db, partnerId, 130), [], 'and every day');
});
