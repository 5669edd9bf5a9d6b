import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import t from 'tap';
import { createDb, foldText, isUuid, listeningQueries, migrateToLatest, uuidv7 } from '../src/index.js';

const url = process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function freshSchema(t: { teardown(fn: () => unknown): void }) {
  const schema = `t_db_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ url, maxConnections: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const dbs = [createDb({ url, schema, maxConnections: 4 }), createDb({ url, schema, maxConnections: 4 })] as const;
  t.teardown(async () => {
    for (const db of dbs) await db.destroy();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  return { schema, dbs };
}

t.test('uuidv7: valid, version 7, increasing within a process', async (t) => {
  const ids = Array.from({ length: 5000 }, () => uuidv7());
  t.ok(ids.every(isUuid), 'well formed');
  t.ok(ids.every((id) => id[14] === '7'), 'version 7');
  t.same([...ids].sort(), ids, 'sorted as generated');
  t.equal(new Set(ids).size, ids.length, 'unique');
  t.notOk(isUuid('not-a-uuid'));
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
  await db.insertInto('users').values({ id: user, email: `${user}@example.test`, password_hash: '!', display_name: 'P', country: 'SE', birth_year: null, gender: null, roles: [] }).execute();
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
  t.same(first, { accepted: 50, unmatched: 50 });
  const again = await listeningQueries.insertBatch(db, { id: uuidv7(), user_id: user, source: 'native' }, rows);
  t.same(again, { accepted: 0, unmatched: 0 }, 'duplicates are dropped and no outbox row is written');
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
