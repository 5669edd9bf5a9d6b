import fc from 'fast-check';
import { sql } from 'kysely';
import t from 'tap';
import { type Db, LISTENER_WINDOW_DAYS, listenerWindowQueries, listeningQueries, migrateToLatest, uuidv7 } from '../src/index.js';
import { listenRow } from '@chorus/test-kit';
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

type Op = { kind: 'add'; user: number; days: number[]; together: boolean } | { kind: 'delete'; user: number; from: number; to: number };

const SPAN = 60;
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      user: fc.nat(3),
      days: fc.array(fc.nat(SPAN), { minLength: 1, maxLength: 6 }),
      together: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ kind: fc.constant('delete' as const), user: fc.nat(3), from: fc.nat(SPAN), length: fc.integer({ min: 1, max: 30 }) })
      .map(({ kind, user, from, length }) => ({ kind, user, from, to: from + length })),
  },
);

t.test('kept window deltas count exactly the distinct listeners of every window, through batches and deletions', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const [db, other] = dbs;
  await migrateToLatest(db, schema);
  const users = await addUsers(db, 4);
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
      runs++;
      const artistId = uuidv7();
      const trackId = uuidv7();
      for (const o of ops) {
        const userId = users[o.user]!;
        if (o.kind === 'add') {
          if (o.together && o.days.length > 1) {
            // Two batches of the same listener, applied at once from two pools: the lock orders them.
            const half = Math.ceil(o.days.length / 2);
            const a = await storeBatch(db, userId, artistId, trackId, o.days.slice(0, half));
            const b = await storeBatch(other, userId, artistId, trackId, o.days.slice(half));
            await Promise.all([listeningQueries.applyBatch(db, a), listeningQueries.applyBatch(other, b)]);
          } else {
            await listeningQueries.applyBatch(db, await storeBatch(db, userId, artistId, trackId, o.days));
          }
        } else {
          await listeningQueries.deleteListens(db, userId, { from: new Date(BASE + o.from * DAY_MS), to: new Date(BASE + o.to * DAY_MS) });
        }
      }
      const wrong = await mismatches(db, artistId, SPAN + 30);
      if (wrong.length > 0) throw new Error(`after ${JSON.stringify(ops)}: ${wrong.slice(0, 5).join('; ')}`);
      const kept = await keptRows(db, artistId);
      const drifted = await listenerWindowQueries.drifted(db, [artistId]);
      if (drifted.length > 0) throw new Error(`after ${JSON.stringify(ops)}: the check finds drift in kept deltas`);
      await listenerWindowQueries.rebuild(db, [artistId]);
      const rebuilt = await keptRows(db, artistId);
      if (JSON.stringify(kept) !== JSON.stringify(rebuilt)) throw new Error(`after ${JSON.stringify(ops)}: kept deltas differ from the rebuilt ones`);
    }),
    { numRuns: Number(process.env.CHORUS_FUZZ_RUNS ?? 40), seed: process.env.CHORUS_FUZZ_SEED ? Number(process.env.CHORUS_FUZZ_SEED) : undefined },
  );
  t.ok(runs >= 1, `${runs} histories checked`);
});

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
