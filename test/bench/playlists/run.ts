/**
 * Playlists benchmark: one playlist of 5,000 items edited by 50 collaborators at once, against the production
 * topology on this machine (external PostgreSQL and Redis, the service listening on a real port).
 *
 *   node --conditions=development --import tsx test/bench/playlists/run.ts [--duration 60] [--rate N] [--ceiling 10]
 *
 * Phase 1 (ceiling): every collaborator edits as fast as it can (closed loop). Changes to one playlist are
 * serialised by its row lock, so this measures the most edits per second one playlist takes.
 * Phase 2 (paced, `--duration`): the collaborators together offer `--rate` edits/s (default: half the ceiling
 * measured in this run) as Poisson arrivals; latency is reported here, against the target p99 <= 50 ms.
 * Then a consistency check: the item count follows the accepted adds and removes, no item is there twice, and
 * replaying the activity log in order gives the final order.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createDb } from '@chorus/db';
import { createChorusClient, unwrap } from '@chorus/sdk';
import { playlistsService } from '@chorus/playlists';
import { buildApp, loadConfig, openRuntime } from '@chorus/service-kit';
import { createUser, TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
import type { LoadInput, LoadOutput, Sample } from './load.worker.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    ceiling: { type: 'string' },
    rate: { type: 'string' },
    clients: { type: 'string', default: '50' },
    items: { type: 'string', default: '5000' },
  },
});
const durationS = Number(args.duration);
const ceilingS = args.ceiling ? Number(args.ceiling) : Math.min(10, Math.max(3, Math.round(durationS / 2)));
const clients = Number(args.clients);
const seedItems = Number(args.items);
const P99_TARGET_MS = 50;
const WORKER = new URL('./load.worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const schema = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const config = loadConfig({
    CHORUS_DATABASE_URL: TEST_DATABASE_URL,
    CHORUS_REDIS_URL: TEST_REDIS_URL,
    CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
    CHORUS_RATE_LIMITS: 'off',
    CHORUS_LOG_LEVEL: 'warn',
    CHORUS_DEMO: '0',
    CHORUS_SIMULATE: '0',
  });
  const runtime = await openRuntime({ config, databaseUrl: TEST_DATABASE_URL, schema, namespace: schema, maxConnections: 20 });
  const { deps } = runtime;
  const app = await buildApp(deps, [playlistsService], { logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await run(deps, base);
  } finally {
    await app.close();
    if (deps.redis) {
      const keys = await deps.redis.keys(`${schema}*`);
      if (keys.length) await deps.redis.del(...keys);
    }
    await deps.jobs.obliterate().catch(() => {});
    await runtime.close();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  }
}

type Deps = Awaited<ReturnType<typeof openRuntime>>['deps'];

async function run(deps: Deps, base: string) {
  const began = performance.now();
  const loadStart = loadavg()[0]!;
  // Catalog: 2,000 tracks by 20 artists, straight into the tables.
  const tracks = await sql<{ id: string }>`
    WITH a AS (
      INSERT INTO artists (id, name, name_folded) SELECT gen_random_uuid(), 'Artist ' || n, 'artist ' || n FROM generate_series(1, 20) n RETURNING id
    ), r AS (
      INSERT INTO releases (id, artist_id, title, title_folded, type) SELECT gen_random_uuid(), id, 'Release', 'release', 'album' FROM a RETURNING id, artist_id
    )
    INSERT INTO tracks (id, release_id, artist_id, title, title_folded, duration_ms, track_number)
    SELECT gen_random_uuid(), r.id, r.artist_id, 'Track ' || n, 'track ' || n, 200000, n FROM r, generate_series(1, 100) n
    RETURNING id
  `.execute(deps.db);
  const trackIds = tracks.rows.map((r) => r.id);

  const owner = await createUser(deps);
  const members = await Promise.all(Array.from({ length: clients }, () => createUser(deps)));
  // Setup through the SDK; the measured edits go over node:http from load.worker.ts (see there).
  const api = createChorusClient({ baseUrl: base, headers: owner.auth });
  const playlistId = unwrap(await api.POST('/v1/playlists', { body: { name: 'Benchmark', visibility: 'private', collaborative: true } })).id;
  const path = { id: playlistId };
  const roles = members.map((_, i) => (i % 10 < 7 ? 'editor' : 'contributor') as 'editor' | 'contributor');
  for (const [i, member] of members.entries()) {
    unwrap(await api.POST('/v1/playlists/{id}/collaborators', { params: { path }, body: { user_id: member.id, role: roles[i]! } }));
  }
  for (let i = 0; i < seedItems; i += 100) {
    const batch = Array.from({ length: Math.min(100, seedItems - i) }, (_, n) => trackIds[(i + n) % trackIds.length]!);
    unwrap(await api.POST('/v1/playlists/{id}/items', { params: { path }, body: { track_ids: batch } }));
  }
  await sql`VACUUM ANALYZE playlist_items`.execute(deps.db);
  log(
    `Seeded one playlist: ${seedItems} items, ${clients} collaborators (${roles.filter((r) => r === 'editor').length} editors, ${roles.filter((r) => r === 'contributor').length} contributors), ${trackIds.length} catalog tracks in ${((performance.now() - began) / 1000).toFixed(1)} s.`,
  );

  const collaborators = members.map((m, i) => ({ authorization: m.auth.authorization, role: roles[i]! }));
  const currentIds = async () =>
    (await deps.db.selectFrom('playlist_items').select('id').where('playlist_id', '=', playlistId).orderBy('position_key').execute()).map((r) => r.id);
  const phase = async (durationMs: number, rate: number, seed: number) => {
    const input: LoadInput = { base, playlistId, collaborators, trackIds, itemIds: await currentIds(), durationMs, rate, seed };
    return new Promise<LoadOutput>((resolve, reject) => {
      // The worker is TypeScript too; Node 20 does not hand the main thread's loader to workers, so it loads tsx itself.
      const worker = new Worker(`import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER)}, ${JSON.stringify(WORKER)}))`, {
        eval: true,
        workerData: input,
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  };

  await phase(2000, 0, 1); // warm-up: JIT, pools, plans
  const afterWarmup = await currentIds();
  const logStart = (await deps.db.selectFrom('playlists').select('last_seq').where('id', '=', playlistId).executeTakeFirstOrThrow()).last_seq;

  log(`Phase 1, ceiling: ${clients} collaborators, closed loop, ${ceilingS} s ...`);
  const ceiling = await phase(ceilingS * 1000, 0, 2);
  const ceilingRate = ceiling.samples.length / (ceiling.elapsedMs / 1000);
  const rate = args.rate ? Number(args.rate) : Math.max(1, Math.round(ceilingRate / 2));
  log(`Phase 2, paced: ${clients} collaborators offering ${rate} edits/s together (${args.rate ? 'as asked' : 'half the ceiling'}), ${durationS} s ...`);
  const paced = await phase(durationS * 1000, rate, 3);

  // Consistency over both measured phases.
  const added = [...ceiling.added, ...paced.added];
  const removed = [...ceiling.removed, ...paced.removed];
  const final = await currentIds();
  const rows = await deps.db
    .selectFrom('playlist_activity')
    .select(['seq', 'type', 'payload'])
    .where('playlist_id', '=', playlistId)
    .where('seq', '>', logStart)
    .orderBy('seq')
    .execute();
  const replayed = replay(afterWarmup, rows);
  const finalSet = new Set(final);
  const stored = await deps.db.selectFrom('playlists').select('item_count').where('id', '=', playlistId).executeTakeFirstOrThrow();
  const checks: Array<[string, boolean]> = [
    [
      `item count = start ${afterWarmup.length} + adds ${added.length} - removes ${removed.length} = ${afterWarmup.length + added.length - removed.length} (found ${final.length})`,
      final.length === afterWarmup.length + added.length - removed.length,
    ],
    [`the playlist's item_count agrees (${stored.item_count})`, stored.item_count === final.length],
    ['no item id twice', finalSet.size === final.length],
    ['every accepted add is there unless an accepted remove took it', added.every((id) => finalSet.has(id) || removed.includes(id))],
    ['no accepted remove is there', removed.every((id) => !finalSet.has(id))],
    [`order equals replaying the ${rows.length} activity rows in seq order`, replayed.length === final.length && replayed.every((id, i) => id === final[i])],
    ['activity seq has no gap', rows.every((row, i) => row.seq === logStart + i + 1)],
  ];

  log('');
  log('Chorus playlists benchmark: one playlist, one row lock, edits by item id');
  log(`machine: ${cpus().length} cores; server, load generator (worker thread), PostgreSQL and Redis share them`);
  log(`load average (1 min) at start ${loadStart.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}: anything else running on the machine shows in the figures`);
  log('');
  log('phase                         edits   edits/s   p50 ms   p95 ms   p99 ms   max ms');
  for (const [name, out] of [
    [`ceiling (closed loop)`, ceiling],
    [`paced @ ${rate}/s offered`, paced],
  ] as const) {
    const ms = out.samples.map((s) => s.ms);
    log(
      `${name.padEnd(28)} ${String(out.samples.length).padStart(6)} ${(out.samples.length / (out.elapsedMs / 1000)).toFixed(0).padStart(9)} ${fmt(pct(ms, 50))} ${fmt(pct(ms, 95))} ${fmt(pct(ms, 99))} ${fmt(Math.max(...ms))}`,
    );
  }
  log('');
  log('paced phase by operation     count   p50 ms   p99 ms   answers');
  for (const op of ['add', 'remove', 'move', 'vote'] as const) {
    const samples = paced.samples.filter((s) => s.op === op);
    const ms = samples.map((s) => s.ms);
    log(`  ${op.padEnd(26)} ${String(samples.length).padStart(6)} ${fmt(pct(ms, 50))} ${fmt(pct(ms, 99))}   ${statuses(samples)}`);
  }
  log('');
  log(`answers by status, ceiling: ${statuses(ceiling.samples)}`);
  log(`answers by status, paced:   ${statuses(paced.samples)}`);
  log('  (404/409: the item was removed by someone else first, refused without a change; 403: a contributor asked for more than its role allows)');
  const failures = [...ceiling.samples, ...paced.samples].filter((s) => s.status >= 500 || s.status === 0).length;
  log(`  server errors (5xx): ${failures}`);
  log('');
  log('consistency:');
  for (const [name, ok] of checks) log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
  const p99 = pct(
    paced.samples.map((s) => s.ms),
    99,
  );
  log('');
  log(`target p99 <= ${P99_TARGET_MS} ms at ${rate} edits/s on one playlist: ${p99 <= P99_TARGET_MS ? 'met' : 'NOT met'} (p99 ${p99.toFixed(1)} ms)`);
  log(
    `ceiling: ${ceilingRate.toFixed(0)} edits/s on one playlist; paced load = ${((paced.samples.length / (paced.elapsedMs / 1000) / ceilingRate) * 100).toFixed(0)}% of it`,
  );
  if (checks.some(([, ok]) => !ok) || failures > 0) process.exitCode = 1;
}

function replay(start: string[], rows: Array<{ type: string; payload: unknown }>): string[] {
  let list = [...start];
  for (const row of rows) {
    const p = row.payload as Record<string, unknown>;
    if (row.type === 'items_added') for (const item of p.items as Array<{ item_id: string; position: number }>) list.splice(item.position, 0, item.item_id);
    else if (row.type === 'items_removed') {
      const gone = new Set((p.items as Array<{ item_id: string }>).map((i) => i.item_id));
      list = list.filter((id) => !gone.has(id));
    } else if (row.type === 'item_moved') {
      list = list.filter((id) => id !== p.item_id);
      list.splice(p.to as number, 0, p.item_id as string);
    }
  }
  return list;
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);

function statuses(samples: Sample[]): string {
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
}

await main();
