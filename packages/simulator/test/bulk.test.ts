import { randomBytes } from 'node:crypto';
import { createDb, migrateToLatest } from '@chorus/db';
import { sql } from 'kysely';
import t from 'tap';
import { bulkLoad } from '../src/index.js';

const TEST_DATABASE_URL = process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

t.test('bulk load writes a history and builds the rollups through the production queries', async (t) => {
  const schema = `t_sim_${randomBytes(5).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const db = createDb({ url: TEST_DATABASE_URL, schema, maxConnections: 4 });
  t.teardown(async () => {
    await db.destroy();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  await migrateToLatest(db, schema);

  const now = new Date('2026-11-20T12:00:00Z');
  const phases = new Set<string>();
  const result = await bulkLoad(db, { seed: 3, users: 300, artists: 40, listens: 20_000, days: 30, now, onProgress: (p) => phases.add(p.phase) });
  t.same([...phases], ['world', 'catalog', 'planning', 'listens', 'done']);
  t.equal(result.listens, 20_000, 'exactly the listens asked for were written');

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0]!.n);
  t.equal(await count(sql`SELECT count(*)::int AS n FROM users`), 300);
  t.equal(await count(sql`SELECT count(*)::int AS n FROM artists`), 40);
  t.equal(await count(sql`SELECT count(*)::int AS n FROM tracks`), 40 * 8);
  const listens = await count(sql`SELECT count(*)::int AS n FROM listens`);
  t.equal(listens, 20_000 - result.duplicates, 'stored = written - duplicates');
  t.equal(result.accepted, listens);
  t.equal(await count(sql`SELECT count(*)::int AS n FROM listens_default`), 0, 'every listen landed in a monthly partition');
  t.equal(await count(sql`SELECT count(*)::int AS n FROM listens WHERE listened_at < ${result.from} OR listened_at >= ${now}`), 0, 'inside the window');

  t.equal(await count(sql`SELECT count(*)::int AS n FROM ingest_batches WHERE status <> 'applied'`), 0, 'every batch applied');
  t.equal(await count(sql`SELECT count(*)::int AS n FROM ingest_batches`), result.batches);
  t.equal(result.appliedBatches, result.batches);

  const streams = await count(sql`SELECT count(*)::int AS n FROM listens WHERE is_stream`);
  t.equal(await count(sql`SELECT coalesce(sum(streams), 0)::int AS n FROM artist_daily`), streams, 'artist_daily streams = stream listens');
  t.equal(await count(sql`SELECT coalesce(sum(streams), 0)::int AS n FROM listener_daily`), streams);
  t.equal(await count(sql`SELECT coalesce(sum(skips), 0)::int AS n FROM artist_daily`), listens - streams);
  t.equal(
    await count(sql`SELECT coalesce(sum(streams), 0)::int AS n FROM artist_day_listeners WHERE age_bracket IS NOT NULL`),
    streams,
    'every stream has an age bracket',
  );
  const ages = await sql<{ value: string }>`SELECT DISTINCT age_bracket AS value FROM artist_day_listeners`.execute(db);
  t.ok(ages.rows.length >= 6, 'several age brackets');
  t.ok(streams / listens > 0.65 && streams / listens < 0.85, `stream share ${(streams / listens).toFixed(3)}`);
  t.ok(result.rates.insertPerSecond > 0 && result.rates.applyPerSecond > 0);
  t.comment(
    `bulk: ${result.seconds.listens.toFixed(1)} s for listens; insert ${Math.round(result.rates.insertPerSecond)}/s, apply ${Math.round(result.rates.applyPerSecond)}/s, overall ${Math.round(result.rates.overallPerSecond)}/s`,
  );

  // A second load into the same database reuses the listeners and the catalog.
  const again = await bulkLoad(db, { seed: 3, users: 300, artists: 40, listens: 500, days: 30, now: new Date(now.getTime() + 60_000) });
  t.same(again.userIds, result.userIds);
  t.same(again.trackIds, result.trackIds);
  t.equal(await count(sql`SELECT count(*)::int AS n FROM tracks`), 40 * 8);
});

t.test('with partners, device and some phone listens are attributed to verified partner apps, as their tokens would be', async (t) => {
  const schema = `t_sim_${randomBytes(5).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const db = createDb({ url: TEST_DATABASE_URL, schema, maxConnections: 4 });
  t.teardown(async () => {
    await db.destroy();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  await migrateToLatest(db, schema);

  const now = new Date('2026-11-20T12:00:00Z');
  await bulkLoad(db, { seed: 5, users: 400, artists: 30, listens: 8_000, days: 14, now, partners: true });
  const apps = await db
    .selectFrom('partner_apps')
    .innerJoin('partners', 'partners.id', 'partner_apps.partner_id')
    .select(['partner_apps.id', 'partner_apps.device_class', 'partners.kind', 'partners.verified_at'])
    .execute();
  t.equal(apps.length, 4, 'a car, a speaker, a TV and a mobile app');
  t.ok(
    apps.every((a) => a.verified_at !== null),
    'by verified partners',
  );

  const byPlatform = await sql<{ platform: string; attributed: number; all: number; wrong: number }>`
    SELECT l.platform, count(l.app_id)::int AS attributed, count(*)::int AS all,
           count(*) FILTER (WHERE l.app_id IS NOT NULL AND (a.device_class IS DISTINCT FROM l.device_class OR p.kind <> l.partner_kind))::int AS wrong
    FROM listens l LEFT JOIN partner_apps a ON a.id = l.app_id LEFT JOIN partners p ON p.id = a.partner_id
    GROUP BY l.platform`.execute(db);
  const of = (platform: string) => byPlatform.rows.find((r) => r.platform === platform) ?? { attributed: 0, all: 0, wrong: 0 };
  for (const device of ['car', 'speaker', 'tv']) t.equal(of(device).attributed, of(device).all, `every ${device} listen through its app`);
  t.ok(of('car').all > 0, 'the simulated world has car listens');
  const phones = of('ios').all + of('android').all;
  const phonesAttributed = of('ios').attributed + of('android').attributed;
  t.ok(phonesAttributed > 0 && phonesAttributed < phones * 0.5, `some phone listens through the telecom app (${phonesAttributed} of ${phones})`);
  t.equal(of('web').attributed + of('desktop').attributed, 0, 'none from web or desktop');
  t.equal(
    byPlatform.rows.reduce((n, r) => n + r.wrong, 0),
    0,
    "each listen carries its app's device class and partner kind",
  );

  // The partner rollups are what aggregation made of those listens.
  const streams = await sql<{ partner_id: string; n: number }>`
    SELECT partner_id, count(*)::int AS n FROM listens WHERE partner_id IS NOT NULL AND is_stream AND track_id IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
  const rolled = await sql<{ partner_id: string; n: number }>`
    SELECT partner_id, sum(streams)::int AS n FROM partner_app_daily GROUP BY 1 HAVING sum(streams) > 0 ORDER BY 1`.execute(db);
  t.same(rolled.rows, streams.rows, 'partner_app_daily holds every attributed stream, per partner');

  // A second load with partners reuses them.
  await bulkLoad(db, { seed: 5, users: 400, artists: 30, listens: 200, days: 14, now: new Date(now.getTime() + 60_000), partners: true });
  t.equal((await db.selectFrom('partner_apps').select('id').execute()).length, 4);
});
