import { type ListenerDay, mulberry32, referenceAudience as reference } from '@chorus/test-kit';
import { sql } from 'kysely';
import t from 'tap';
import {
  type AudienceDimension,
  type AudienceSums,
  audienceQueries,
  type Db,
  daySetQueries,
  listenerWindowQueries,
  migrateToLatest,
  uuidv7,
} from '../src/index.js';
import { freshSchema } from './support.js';

const DIMENSIONS: AudienceDimension[] = ['country', 'age', 'gender'];
const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
const sorted = (s: AudienceSums) => ({ ...s, cells: [...s.cells].sort((a, b) => (a.value < b.value ? -1 : 1)) });

/**
 * Replaces the artist's listener rows with `rows` (their listeners made users first), as aggregation would leave
 * them (with their listener windows): every day pending for the compaction job, which then builds the older half of the days into kept cells. A
 * range then reads kept cells for its older days and rows for its later ones.
 */
async function write(db: Db, artistId: string, rows: readonly ListenerDay[]) {
  const users = [...new Set(rows.map((r) => r.user))];
  await sql`
    INSERT INTO users (id, email, password_hash, display_name, country, roles)
    SELECT id, id || '@example.test', '!', 'L', 'SE', '{}' FROM unnest(${users}::uuid[]) AS u (id)
    ON CONFLICT DO NOTHING`.execute(db);
  await db.deleteFrom('artist_day_listeners').where('artist_id', '=', artistId).execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('artist_day_listeners')
      .values(
        rows
          .slice(i, i + 1000)
          .map((r) => ({ artist_id: artistId, day: r.day, user_id: r.user, streams: r.streams, country: r.country, age_bracket: r.age, gender: r.gender })),
      )
      .execute();
  }
  // Aggregation keeps the listener windows with the rows (a named range's total listeners come from them).
  await listenerWindowQueries.rebuild(db, [artistId]);
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const kept = await db.selectFrom('artist_cell_sets').select('day').distinct().where('artist_id', '=', artistId).execute();
  await daySetQueries.repairArtistDays(
    db,
    [...days, ...kept.map((k) => String(k.day))].map((day) => ({ artist_id: artistId, day })),
  );
  await daySetQueries.compactArtistDays(db, Math.floor(days.length / 2));
}

/**
 * A random audience over `days` days: listeners with a home country, age and gender, a few of whom move
 * country or age on some days; each day a random share of them stream the artist 1 to 5 times.
 */
function randomAudience(rand: () => number, days: number) {
  const countries = ['SE', 'NO', 'DK', 'FI', 'IS', 'DE', 'BR', 'JP'].slice(0, 2 + Math.floor(rand() * 7));
  const ages = ['<18', '18-22', '23-27', '28-34', '35-44', 'unknown'];
  const genders = ['female', 'male', 'non_binary', 'unknown'];
  const users = Array.from({ length: 5 + Math.floor(rand() * 70) }, () => ({
    id: uuidv7(),
    country: countries[Math.floor(rand() ** 2 * countries.length)]!,
    age: ages[Math.floor(rand() * ages.length)]!,
    gender: genders[Math.floor(rand() ** 1.5 * genders.length)]!,
    moves: rand() < 0.1,
  }));
  const activity = 0.1 + rand() * 0.8;
  const rows: ListenerDay[] = [];
  for (let i = 0; i < days; i++) {
    for (const u of users) {
      if (rand() >= activity) continue;
      const moved = u.moves && rand() < 0.5;
      rows.push({
        day: day(i),
        user: u.id,
        streams: 1 + Math.floor(rand() * 5),
        country: moved ? countries[Math.floor(rand() * countries.length)]! : u.country,
        age: moved ? ages[Math.floor(rand() * ages.length)]! : u.age,
        gender: u.gender,
      });
    }
  }
  return rows;
}

t.test('audience day-cells: the SQL rule answers as the rule is written, on 120 random audiences', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const rand = mulberry32(20261126);
  let hiddenSeen = 0;
  let unattributedSeen = 0;
  for (let run = 0; run < 120; run++) {
    const k = 2 + Math.floor(rand() * 11);
    const days = 1 + Math.floor(rand() * 10);
    const rows = randomAudience(rand, days);
    const artistId = uuidv7();
    await write(db, artistId, rows);
    for (const dimension of DIMENSIONS) {
      const first = Math.floor(rand() * days);
      const ranges = [
        [day(0), day(days - 1)],
        [day(first), day(first + Math.floor(rand() * (days - first)))],
        // A kept listener window's length: the total comes from the windows, the unattributed from the shown cells.
        [day(days - 90), day(days - 1)],
      ] as const;
      for (const [from, to] of ranges) {
        const expected = reference(rows, dimension, from, to, k);
        const answer = await audienceQueries.cells(db, artistId, dimension, from, to, k);
        t.strictSame(sorted(answer), sorted(expected), `run ${run} (k=${k}) ${dimension} ${from}..${to}`);
        t.ok(
          answer.cells.every((c) => c.listeners >= k),
          `run ${run} ${dimension}: every value shown has at least k listeners`,
        );
        if (answer.unattributed_listeners > 0) unattributedSeen++;
        if (answer.unattributed_streams > 0) hiddenSeen++;
      }
    }
  }
  t.ok(hiddenSeen > 100 && unattributedSeen > 50, `hidden day-cells met in ${hiddenSeen} answers, unattributed listeners in ${unattributedSeen}`);
});

t.test('no comparison of answers over any ranges reveals a hidden day-cell: its listens change no value', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const k = 5;
  const days = 8;
  const ranges: Array<[string, string]> = [];
  for (let a = 0; a < days; a++) for (let b = a; b < days; b++) ranges.push([day(a), day(b)]);
  const answers = async (artistId: string, dimension: AudienceDimension) =>
    Promise.all(ranges.map(([from, to]) => audienceQueries.cells(db, artistId, dimension, from, to, k).then(sorted)));

  const rand = mulberry32(7);
  let mutated = 0;
  for (let run = 0; run < 12; run++) {
    const rows = randomAudience(rand, days);
    const artistId = uuidv7();
    await write(db, artistId, rows);
    // A hidden country day-cell under k: more streams for its listeners, and (while it stays under k and the
    // day's hidden cells stay the same) one more listener.
    const hiddenCells = new Set<string>();
    for (const r of rows) {
      const key = `${r.day}|${r.country}`;
      const shown = reference(rows, 'country', r.day, r.day, k).cells.some((c) => c.value === r.country);
      const size = rows.filter((o) => o.day === r.day && o.country === r.country).length;
      if (!shown && size < k - 1) hiddenCells.add(key);
    }
    if (hiddenCells.size === 0) continue;
    const [targetDay, targetCountry] = [...hiddenCells][Math.floor(rand() * hiddenCells.size)]!.split('|') as [string, string];
    const before = await answers(artistId, 'country');
    const changed = rows.map((r) => (r.day === targetDay && r.country === targetCountry ? { ...r, streams: r.streams + 7 } : r));
    const newcomer: ListenerDay = { day: targetDay, user: uuidv7(), streams: 3, country: targetCountry, age: '60+', gender: 'male' };
    const hiddenBefore = (rs: readonly ListenerDay[]) =>
      reference(rs, 'country', targetDay, targetDay, k)
        .cells.map((c) => c.value)
        .sort();
    const withNewcomer = [...changed, newcomer];
    const mutation = String(hiddenBefore(withNewcomer)) === String(hiddenBefore(rows)) ? withNewcomer : changed;
    await write(db, artistId, mutation);
    const after = await answers(artistId, 'country');
    mutated++;
    for (const [i, [from, to]] of ranges.entries()) {
      t.strictSame(after[i]!.cells, before[i]!.cells, `run ${run}: ${targetCountry} on ${targetDay} hidden; ${from}..${to} shows the same values`);
      if (from <= targetDay && targetDay <= to)
        t.ok(after[i]!.total_streams > before[i]!.total_streams, `run ${run}: ${from}..${to}: the hidden streams count in the total`);
    }
  }
  t.ok(mutated >= 6, `${mutated} audiences had a hidden day-cell to change`);
});

t.test('the day-cell rule by hand: complementary hiding, a day that cannot be shown, ties', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const k = 3;
  const artistId = uuidv7();
  const rows: ListenerDay[] = [];
  const add = (d: string, country: string, listeners: number, streams = 1) => {
    for (let i = 0; i < listeners; i++) rows.push({ day: d, user: uuidv7(), streams, country, age: '23-27', gender: 'female' });
  };
  // Day 0: DK (1) is under k; NO (4) is the smallest other and is hidden with it; SE (6) is shown.
  add(day(0), 'SE', 6);
  add(day(0), 'NO', 4);
  add(day(0), 'DK', 1);
  // Day 1: DK (2) and FI (1) are under k and hold k together: they alone are hidden.
  add(day(1), 'SE', 5);
  add(day(1), 'NO', 4);
  add(day(1), 'DK', 2);
  add(day(1), 'FI', 1);
  // Day 2: one country under k and nothing else: nothing can be shown.
  add(day(2), 'SE', 2);
  // Day 3: NO and DK tie on listeners; DK streams less, so DK is the one hidden with IS.
  add(day(3), 'SE', 9);
  add(day(3), 'NO', 4, 2);
  add(day(3), 'DK', 4, 1);
  add(day(3), 'IS', 1);
  // Day 4, by age: 60+ is under k; 18-22 and <18 tie on listeners and streams, and byte order (whatever the
  // database's collation) puts 18-22 first, so it is the one hidden with 60+.
  const addAge = (d: string, age: string, listeners: number) => {
    for (let i = 0; i < listeners; i++) rows.push({ day: d, user: uuidv7(), streams: 1, country: 'SE', age, gender: 'male' });
  };
  addAge(day(4), '60+', 1);
  addAge(day(4), '<18', 4);
  addAge(day(4), '18-22', 4);
  addAge(day(4), '35-44', 9);
  await write(db, artistId, rows);
  const ages = await audienceQueries.cells(db, artistId, 'age', day(4), day(4), k);
  t.strictSame(ages.cells.map((c) => c.value).sort(), ['35-44', '<18'], 'day 4: the tie goes by byte order');
  const shown = async (d: number) => (await audienceQueries.cells(db, artistId, 'country', day(d), day(d), k)).cells.map((c) => c.value).sort();
  t.strictSame(await shown(0), ['SE'], 'day 0: NO is hidden to protect DK');
  t.strictSame(await shown(1), ['NO', 'SE'], 'day 1: the two small countries are hidden together');
  t.strictSame(await shown(2), [], 'day 2: nothing shown');
  t.strictSame(await shown(3), ['NO', 'SE'], 'day 3: DK (fewer streams) is hidden with IS');
  const all = await audienceQueries.cells(db, artistId, 'country', day(0), day(3), k);
  t.strictSame(sorted(all), sorted(reference(rows, 'country', day(0), day(3), k)));
  t.equal(all.unattributed_listeners, 1 + 4 + 2 + 1 + 2 + 4 + 1, 'hidden listeners: every listener of a hidden day-cell (each listens one day)');
  t.equal(all.total_listeners, rows.length - 18, 'every listener of days 0 to 3');
  const markets = await audienceQueries.marketStreams(db, artistId, day(0), day(3), k);
  t.strictSame(
    markets.map((m) => [m.day, m.market, m.streams]).sort(),
    [
      [day(0), 'SE', 6],
      [day(1), 'NO', 4],
      [day(1), 'SE', 5],
      [day(3), 'NO', 8],
      [day(3), 'SE', 9],
    ],
    'market streams: shown country day-cells only',
  );
  const { rows: raw } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM artist_day_listeners WHERE artist_id = ${artistId}`.execute(db);
  t.equal(raw[0]!.n, rows.length, 'the rule reads; it writes nothing');
});
