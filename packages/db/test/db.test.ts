import { sql } from 'kysely';
import t from 'tap';
import { freshSchema, url } from './support.js';
import {
  allowedRow,
  andIf,
  arrayLiteral,
  columnLiteral,
  createDb,
  foldText,
  guardedRows,
  havingIf,
  isUuid,
  listeningQueries,
  migrateToLatest,
  prepared,
  scalarText,
  sharedValue,
  uuidv7,
} from '../src/index.js';

t.test('uuidv7: valid, version 7, increasing within a process', async (t) => {
  const ids = Array.from({ length: 5000 }, () => uuidv7());
  t.ok(ids.every(isUuid), 'well formed');
  t.ok(
    ids.every((id) => id[14] === '7'),
    'version 7',
  );
  t.same([...ids].sort(), ids, 'sorted as generated');
  t.equal(new Set(ids).size, ids.length, 'unique');
  t.notOk(isUuid('not-a-uuid'));
  const at = Date.UTC(2031, 4, 6, 7, 8, 9, 123);
  const stamped = uuidv7(at + 60_000);
  t.equal(parseInt(stamped.replace(/-/g, '').slice(0, 12), 16), at + 60_000, 'the first 48 bits are the time in ms');
  t.match(stamped, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'RFC 9562 variant bits');
  // Entropy comes from a pool refilled every 4,096 ids: crossing refills keeps ids unique and increasing.
  const many = Array.from({ length: 20_000 }, () => uuidv7());
  t.equal(new Set(many).size, many.length, 'unique across pool refills');
  t.ok(
    many.every((id, i) => i === 0 || id > many[i - 1]!),
    'increasing across pool refills',
  );
});

t.test('array literals survive the trip through PostgreSQL unchanged', async (t) => {
  const db = createDb({ url, maxConnections: 1 });
  t.teardown(() => db.destroy());
  const texts = ['plain', '', 'NULL', 'null', 'a,b', '{braces}', 'say "hi"', 'back\\slash\\', ' padded ', 'Björk – Jóga', '\t tab', null, '\\"'];
  const { rows } = await sql<{ v: Array<string | null> }>`SELECT ${arrayLiteral(texts)}::text[] AS v`.execute(db);
  t.same(rows[0]!.v, texts, 'text: quotes, backslashes, commas, braces, blanks, NULL and the word NULL');
  const when = [new Date('2026-11-26T08:15:00.123Z'), null, new Date('2002-10-01T00:00:00Z')];
  const ts = await sql<{ v: Array<Date | null> }>`SELECT ${arrayLiteral(when)}::timestamptz[] AS v`.execute(db);
  t.same(
    ts.rows[0]!.v.map((d) => d?.toISOString() ?? null),
    when.map((d) => d?.toISOString() ?? null),
    'timestamps to the millisecond, any session time zone',
  );
  const mixed = await sql<{ i: number[]; b: boolean[]; u: string[] }>`
    SELECT ${arrayLiteral([0, -5, 86_400_000, null])}::int4[] AS i, ${arrayLiteral([true, false, null])}::bool[] AS b, ${arrayLiteral([uuidv7()])}::uuid[] AS u`.execute(
    db,
  );
  t.same(mixed.rows[0]!.i, [0, -5, 86_400_000, null]);
  t.same(mixed.rows[0]!.b, [true, false, null]);
  t.equal(mixed.rows[0]!.u.length, 1);
  t.equal(arrayLiteral([]), '{}');
  t.equal(columnLiteral([{ a: 'x"y' }, { a: null }], 'a'), '{"x\\"y",NULL}');
  t.throws(() => arrayLiteral([Number.NaN]), /finite/);
});

t.test('sharedValue finds a column one value fills; scalarText binds it as PostgreSQL reads it back', async (t) => {
  const at = '2026-11-26T08:15:00.123Z';
  t.same(sharedValue([{ a: 'x' }, { a: 'x' }, { a: 'x' }], 'a'), { value: 'x' });
  t.equal(sharedValue([{ a: 'x' }, { a: 'x' }, { a: 'y' }], 'a'), undefined, 'the last row differs');
  t.same(sharedValue([{ a: null }, { a: undefined }], 'a'), { value: null }, 'null and undefined are both NULL');
  t.equal(sharedValue([{ a: null }, { a: '' }], 'a'), undefined, 'NULL is not the empty string');
  t.equal(sharedValue([{ a: 0 }, { a: false }], 'a'), undefined, 'no loose equality');
  t.same(sharedValue([{ a: new Date(at) }, { a: new Date(at) }], 'a'), { value: new Date(at) }, 'dates by instant');
  t.equal(sharedValue([{ a: new Date(at) }, { a: new Date(Date.parse(at) + 1) }], 'a'), undefined);
  t.equal(sharedValue([{ a: Number.NaN }, { a: Number.NaN }], 'a'), undefined, 'NaN is never shared (and refused when bound)');
  t.equal(sharedValue([], 'a' as never), undefined);

  const db = createDb({ url, maxConnections: 1 });
  t.teardown(() => db.destroy());
  const { rows } = await sql<{ s: string; n: number; b: boolean; d: Date; z: string | null }>`
    SELECT ${scalarText('say "hi", {NULL}')}::text AS s, ${scalarText(-5)}::int4 AS n, ${scalarText(false)}::bool AS b,
           ${scalarText(new Date(at))}::timestamptz AS d, ${scalarText(null)}::text AS z`.execute(db);
  t.same({ ...rows[0], d: rows[0]!.d.toISOString() }, { s: 'say "hi", {NULL}', n: -5, b: false, d: at, z: null });
  t.throws(() => scalarText(Number.POSITIVE_INFINITY), /finite/);
});

t.test('foldText folds case, accents and spacing', async (t) => {
  t.equal(foldText('  Björk  Guðmundsdóttir '), 'bjork guðmundsdottir');
  t.equal(foldText('MÅNESKIN'), foldText('maneskin'));
  t.equal(foldText('Beyonce\u0301'), 'beyonce');
});

t.test('migrations: concurrent boots migrate once, a second run does nothing', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const [a, b] = await Promise.all(dbs.map((db) => migrateToLatest(db, schema)));
  t.ok(a!.length + b!.length > 0, 'someone migrated');
  t.equal(Math.min(a!.length, b!.length), 0, 'only one of the two applied anything (the advisory lock)');
  t.same(await migrateToLatest(dbs[0], schema), [], 'nothing left to apply');
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(dbs[0]);
  t.equal(rows[0]!.n, Math.max(a!.length, b!.length));
});

t.test('partition maintenance moves rows out of the default partition and keeps them all', async (t) => {
  const { schema, dbs } = await freshSchema(t);
  const db = dbs[0];
  await migrateToLatest(db, schema);
  const user = uuidv7();
  await db
    .insertInto('users')
    .values({ id: user, email: `${user}@example.test`, password_hash: '!', display_name: 'P', country: 'SE', birth_year: null, gender: null, roles: [] })
    .execute();
  const month = new Date(Date.UTC(2031, 4, 1));
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: uuidv7(),
    user_id: user,
    listened_at: new Date(month.getTime() + i * 3600_000),
    track_key: `n:x\u001f${i}`,
    track_id: null,
    artist_id: null,
    ms_played: 40_000,
    is_stream: true,
    context_type: 'library' as const,
    context_id: null,
    platform: 'web' as const,
    client: null,
    country: 'SE',
    age_bracket: 'unknown',
    gender: 'unknown',
    artist_name: 'x',
    track_name: String(i),
    release_name: null,
    isrc: null,
    duration_ms: null,
    match_key: `n:x\u001f${i}`,
  }));
  const first = await listeningQueries.insertBatch(db, { id: uuidv7(), user_id: user, source: 'native' }, rows);
  t.same(first, { accepted: 50, unmatched: 50, refused: 0 });
  const again = await listeningQueries.insertBatch(db, { id: uuidv7(), user_id: user, source: 'native' }, rows);
  t.same(again, { accepted: 0, unmatched: 0, refused: 0 }, 'duplicates are dropped and no outbox row is written');
  const inDefault = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM listens_default`.execute(db)).rows[0]!.n;
  t.equal(await inDefault(), 50, 'a month without a partition lands in the default partition');
  const created = await listeningQueries.ensurePartitions(db, month, month);
  t.same(created, ['listens_203105']);
  t.equal(await inDefault(), 0, 'moved out of the default partition');
  const { rows: total } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM listens_203105`.execute(db);
  t.equal(total[0]!.n, 50, 'all of them in the new partition');
  t.same(await listeningQueries.ensurePartitions(db, month, month), [], 'idempotent');
  const { rows: batches } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ingest_batches`.execute(db);
  t.equal(batches[0]!.n, 1, 'one outbox row for the one batch that stored something');
});

t.test('prepared(): a marked statement is prepared once per connection, at most 64 of them, and answers as unmarked', async (t) => {
  const db = createDb({ url, maxConnections: 1 });
  t.teardown(() => db.destroy());
  const kept = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'chorus\\_%'`.execute(db)).rows[0]!.n;
  const square = (x: number) => prepared(sql<{ y: number }>`SELECT ${x}::int * ${x}::int AS y`).execute(db);
  t.same((await square(3)).rows, [{ y: 9 }]);
  t.same((await square(4)).rows, [{ y: 16 }], 'the same statement, other values');
  t.equal(await kept(), 1, 'one statement kept for the one text');
  t.same((await sql<{ y: number }>`SELECT ${5}::int * ${5}::int AS y`.execute(db)).rows, [{ y: 25 }]);
  t.equal(await kept(), 1, 'an unmarked statement is not kept');
  for (let i = 0; i < 70; i++) {
    const { rows } = await prepared(sql<{ y: number }>`SELECT ${i}::int + ${sql.lit(i)} AS y`).execute(db);
    t.equal(rows[0]!.y, 2 * i);
  }
  t.equal(await kept(), 64, 'no more than 64 per connection; the rest run unnamed');
});

t.test('gated reads: nothing read when the condition is false, told apart from nothing to read', async (t) => {
  const db = createDb({ url, maxConnections: 1 });
  t.teardown(() => db.destroy());
  const yes = sql<boolean>`true`;
  const no = sql<boolean>`(SELECT false)`;
  type Row = { n: number; label: string };
  // Rows 1..3, or none (`upTo` 0), gated by the condition; the sentinel ends the UNION ALL.
  const rowsOf = async (upTo: number, onlyIf?: typeof yes) => {
    const { rows } = await sql<Row>`
      SELECT n, 'row ' || n AS label FROM generate_series(1, ${upTo}) n WHERE true${andIf(onlyIf)} ${allowedRow(onlyIf, 2)}`.execute(db);
    return guardedRows(rows, onlyIf, 'label');
  };
  t.same(
    (await rowsOf(3, yes))?.map((r) => r.n),
    [1, 2, 3],
    'allowed: the data rows, without the sentinel',
  );
  t.same(await rowsOf(0, yes), [], 'allowed with nothing to read: an empty list');
  t.equal(await rowsOf(3, no), undefined, 'not allowed: undefined');
  t.equal(await rowsOf(0, no), undefined, 'not allowed, nothing there either: undefined all the same');
  t.same(
    (await rowsOf(2))?.map((r) => r.n),
    [1, 2],
    'without a condition: the rows, and no sentinel in the statement',
  );
  const total = async (onlyIf?: typeof yes) => (await sql<{ n: string }>`SELECT count(*) AS n FROM generate_series(1, 0) ${havingIf(onlyIf)}`.execute(db)).rows;
  t.same(await total(yes), [{ n: '0' }], 'an aggregate without GROUP BY keeps its one row when the condition holds');
  t.same(await total(no), [], 'and has none when it does not');
  t.same(await total(), [{ n: '0' }], 'and always one without a condition');
  // A row whose key column is a real NULL would read as a sentinel: keys must be columns data rows never leave null.
  t.same(guardedRows([{ n: 1, label: 'a' }], undefined, 'label'), [{ n: 1, label: 'a' }], 'unguarded rows pass through');
});
