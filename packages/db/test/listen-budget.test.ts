import { listenRow } from '@chorus/test-kit';
import fc from 'fast-check';
import t from 'tap';
import { listeningQueries, migrateToLatest, uuidv7 } from '../src/index.js';
import { addUsers, freshSchema } from './support.js';

/**
 * The real-time budget of ingestion against its rule, written out here in plain code: after any sequence of
 * batches (retries among them), what insertBatch accepts and refuses, and what each listener's hours hold, equal
 * the rule's. The rule (see listeningQueries.insertBatch): a new listen covers [listened_at, listened_at +
 * clamp(ms_played, 1 s, 1 day)), cut at UTC hours; a listen with a piece that alone takes its hour over the budget
 * is refused and spends nothing; the others are taken per hour in (listened_at, track_key) order, and a listen is
 * refused when, in any of its hours, what the hour held before plus the pieces so far passes the budget; the kept
 * listens' pieces are added to their hours. Duplicates (of stored listens) spend nothing and are not refused.
 */

const HOUR = 3_600_000;
const MIN_CHARGE = 1000;
const MAX_CHARGE = 86_400_000;
/** Two days ago, 00:00 UTC: a closed past day with a partition, whole hours from here. */
const BASE = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;

interface Listen {
  user: number;
  at: number;
  track: number;
  ms: number;
}
const keyOf = (l: Listen) => `${l.user}|${l.at}|${l.track}`;

function piecesOf(l: Listen): Array<{ hour: number; ms: number }> {
  const start = BASE + l.at;
  const end = start + Math.min(Math.max(l.ms, MIN_CHARGE), MAX_CHARGE);
  const pieces: Array<{ hour: number; ms: number }> = [];
  for (let hour = Math.floor(start / HOUR) * HOUR; hour < end; hour += HOUR) {
    pieces.push({ hour, ms: Math.min(end, hour + HOUR) - Math.max(start, hour) });
  }
  return pieces;
}

class Reference {
  stored = new Set<string>();
  usage = new Map<string, number>(); // `${user}|${hour}` -> ms

  apply(batch: Listen[], budget: number): { accepted: number; refused: number } {
    const fresh = batch.filter((l) => !this.stored.has(keyOf(l)));
    const before = (l: Listen, hour: number) => this.usage.get(`${l.user}|${hour}`) ?? 0;
    const refused = new Set<string>();
    const alone = new Set(fresh.filter((l) => piecesOf(l).some((p) => before(l, p.hour) + p.ms > budget)).map(keyOf));
    // Per (user, hour), in (listened_at, track_key) order: what the hour held plus the pieces so far.
    const running = new Map<string, number>();
    const ordered = fresh.filter((l) => !alone.has(keyOf(l))).flatMap((l) => piecesOf(l).map((p) => ({ l, ...p })));
    ordered.sort((a, b) => a.l.user - b.l.user || a.hour - b.hour || a.l.at - b.l.at || byteOrder(trackKey(a.l.track), trackKey(b.l.track)));
    for (const { l, hour, ms } of ordered) {
      const slot = `${l.user}|${hour}`;
      const total = (running.get(slot) ?? before(l, hour)) + ms;
      running.set(slot, total);
      if (total > budget) refused.add(keyOf(l));
    }
    for (const key of alone) refused.add(key);
    let accepted = 0;
    for (const l of fresh) {
      if (refused.has(keyOf(l))) continue;
      accepted++;
      this.stored.add(keyOf(l));
      for (const p of piecesOf(l)) this.usage.set(`${l.user}|${p.hour}`, (this.usage.get(`${l.user}|${p.hour}`) ?? 0) + p.ms);
    }
    return { accepted, refused: refused.size };
  }
}

const trackIds = Array.from({ length: 3 }, () => uuidv7());
const trackKey = (track: number) => trackIds[track]!;
/** Track keys (lowercase uuids) as the database orders them: their characters' order, whatever the collation. */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const listen = (user: number) =>
  fc.record({
    user: fc.constant(user),
    // Within four hours, on whole seconds or odd milliseconds; plays from nothing to past two hours.
    at: fc.integer({ min: 0, max: 4 * HOUR - 1 }),
    track: fc.integer({ min: 0, max: 2 }),
    ms: fc.oneof(fc.integer({ min: 0, max: 5 * 60_000 }), fc.integer({ min: 0, max: 2 * HOUR + 30 * 60_000 })),
  });
/** One listener's batch, its keys unique (the API's batches may repeat a key; the insert keeps the first). */
const batchOf = (user: number) => fc.uniqueArray(listen(user), { minLength: 1, maxLength: 25, selector: keyOf });

t.test('the real-time budget: accepted and refused listens and the hours they fill equal the rule', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const [db] = dbs;
  await migrateToLatest(db, schema);
  let checks = 0;
  let refusedSeen = 0;
  let keptAfterRefusal = 0;
  await fc.assert(
    fc.asyncProperty(
      // Small budgets, so hours fill up within a few batches; a step is a new batch or a retry of an earlier one.
      fc.integer({ min: 10 * 60_000, max: 90 * 60_000 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 1 }).chain(batchOf), fc.nat({ max: 100 })), { minLength: 1, maxLength: 12 }),
      async (budget, steps) => {
        const users = await addUsers(db, 2);
        const trackArtist = uuidv7();
        const reference = new Reference();
        const sent: Listen[][] = [];
        for (const step of steps) {
          const batch = typeof step === 'number' ? sent[step % Math.max(1, sent.length)] : step;
          if (!batch) continue;
          sent.push(batch);
          const expected = reference.apply(batch, budget);
          const rows = batch.map((l) =>
            listenRow({
              user_id: users[l.user]!,
              listened_at: new Date(BASE + l.at),
              track_id: trackKey(l.track),
              artist_id: trackArtist,
              ms_played: l.ms,
            }),
          );
          const got = await listeningQueries.insertBatch(db, { id: uuidv7(), user_id: users[batch[0]!.user]!, source: 'native' }, rows, {
            hourBudgetMs: budget,
          });
          t.same({ accepted: got.accepted, refused: got.refused }, expected, 'accepted and refused');
          checks++;
          if (expected.refused > 0) refusedSeen++;
          if (expected.refused > 0 && expected.accepted > 0) keptAfterRefusal++;
        }
        const usage = await db.selectFrom('listener_hour_usage').select(['user_id', 'hour', 'ms']).where('user_id', 'in', users).where('ms', '>', 0).execute();
        const got = new Map(usage.map((u) => [`${users.indexOf(u.user_id)}|${u.hour.getTime()}`, Number(u.ms)]));
        t.same(Object.fromEntries([...got].sort()), Object.fromEntries([...reference.usage].filter(([, ms]) => ms > 0).sort()), 'the hours hold what was kept');
        const stored = await db.selectFrom('listens').select(['user_id', 'listened_at', 'track_key']).where('user_id', 'in', users).execute();
        t.same(
          stored.map((s) => `${users.indexOf(s.user_id)}|${s.listened_at.getTime() - BASE}|${trackIds.indexOf(s.track_key)}`).sort(),
          [...reference.stored].sort(),
          'the stored listens are the kept ones',
        );
      },
    ),
    { numRuns: Number(process.env.CHORUS_FUZZ_RUNS ?? 40), seed: process.env.CHORUS_FUZZ_SEED ? Number(process.env.CHORUS_FUZZ_SEED) : undefined },
  );
  // The generator must reach the rule's branches, or the property says little.
  t.ok(refusedSeen > 0, `some batches had refusals (${refusedSeen} of ${checks})`);
  t.ok(keptAfterRefusal > 0, `some batches kept listens beside refused ones (${keptAfterRefusal})`);
});
