/**
 * Analytics read benchmark: artist statistics over a year of simulated listening, 1M and 10M listens, against
 * the production topology on this machine (external PostgreSQL and Redis, the service listening on a real port).
 *
 *   node --conditions=development --import tsx test/bench/analytics/run.ts [--duration 15] [--concurrency 50]
 *        [--datasets 1m,10m] [--rounds 3] [--cache-ttl-ms 10000] [--explain]
 *
 * Each dataset lives in its own database (chorus_bench_1m, chorus_bench_10m), loaded once with the simulator's
 * bulk mode (through the production insert and aggregation queries) and reused by later runs. For each dataset
 * the analytics service runs in this process; a worker thread drives it with `--concurrency` keep-alive
 * connections (node:http), one endpoint at a time: GET /healthz (the ceiling), stats, timeseries, tracks and
 * audience, for artists picked across the popularity range, 28-day ranges. Both datasets' services stay up and
 * each endpoint is measured on one then the other, for `--rounds` rounds; each figure is the round with the
 * median throughput, so a drift of the shared machine does not read as a difference between 1M and 10M. `--cache-ttl-ms 0` turns the statistics
 * cache off, to measure every answer computed from the rollups. Targets (DESIGN.md §7, issue 4):
 * p99 <= 25 ms; stats >= 25% of the trivial route's throughput; 10M within 15% of 1M.
 */
import { Agent, get } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { analyticsQueries, audienceQueries, createPool, type Database, type Db } from '@chorus/db';
import { createUser } from '@chorus/service-kit/testing';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { addDays, fmt, log, pct, runWorker, startAnalytics, waitForQuiet } from './common.js';
import { DATASETS, type DatasetInfo, ensureDataset } from './dataset.js';
import type { LoadInput, LoadOutput } from './load.worker.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '50' },
    datasets: { type: 'string', default: '1m,10m' },
    explain: { type: 'boolean', default: false },
    heavy: { type: 'boolean', default: true },
    pool: { type: 'string', default: '20' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'cache-ttl-ms': { type: 'string', default: '10000' },
  },
});
const durationMs = Number(args.duration) * 1000;
const warmupMs = Number(args.warmup) * 1000;
const concurrency = Number(args.concurrency);
const wanted = new Set(args.datasets.split(',').map((s) => s.trim().toUpperCase()));
const WORKER = new URL('./load.worker.ts', import.meta.url);
const P99_TARGET_MS = 25;
const STATS_SHARE_TARGET = 0.25;
const SCALE_TOLERANCE = 0.15;
/** Where artists are picked on the popularity ranking of the last 28 days (0 = the most streamed). */
const PERCENTILES = [0, 0.01, 0.05, 0.2, 0.5, 0.8];
/**
 * trivial: GET /healthz without a token (the ceiling). For reference, two floors every stats request stands on:
 * trivial_auth, the same with a bearer token (the auth plugin verifies it on every route); floor, a bench-only
 * route with the stats route's shape and no work: the token check, then two `SELECT 1` round trips.
 */
const ENDPOINTS = [
  'trivial',
  'trivial_auth',
  'floor',
  'stats',
  'timeseries',
  'tracks',
  'audience',
  'partner_stats',
  'partner_timeseries',
  'partner_apps',
  'partner_audience',
] as const;
/** The statistics routes, whose p99 is the target (the others are references). */
const MEASURED = ['stats', 'timeseries', 'tracks', 'audience', 'partner_stats', 'partner_timeseries', 'partner_apps', 'partner_audience'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

const drive = (input: LoadInput) => runWorker<LoadInput, LoadOutput>(WORKER, input);

interface Pick {
  artistId: string;
  rank: number;
  streams28d: number;
  listenerDays28d: number;
  tracks: number;
}

interface DatasetResult {
  info: DatasetInfo;
  /** How the artists were picked. */
  picking: string;
  picks: Pick[];
  results: Record<Endpoint, LoadOutput>;
  /** CPU idle share just before each measurement. */
  idleBefore: Record<Endpoint, number>;
  /** Unloaded latency of one request (median of 30 in a row) per endpoint and pick. */
  single: Record<'stats' | 'timeseries' | 'tracks' | 'audience', number[]>;
  explain: string[];
  /** Lowest and highest req/s over the rounds, per endpoint. */
  spread?: Partial<Record<Endpoint, [number, number]>>;
}

/**
 * Artists across the popularity range of the last 28 days: at fixed percentiles of the ranking, or, with `like`,
 * the artists whose 28-day streams are closest to those of another dataset's picks (the same-sized questions).
 */
async function pickArtists(db: Db, from: string, to: string, like?: Pick[]): Promise<Pick[]> {
  const { rows } = await sql<{ artist_id: string; streams: number }>`
    SELECT artist_id, sum(streams)::bigint AS streams FROM artist_daily
    WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY artist_id HAVING sum(streams) > 0 ORDER BY 2 DESC, 1`.execute(db);
  const ranks = like
    ? like.map((target) => {
        let best = 0;
        for (let i = 1; i < rows.length; i++)
          if (Math.abs(Number(rows[i]!.streams) - target.streams28d) < Math.abs(Number(rows[best]!.streams) - target.streams28d)) best = i;
        return best;
      })
    : PERCENTILES.map((p) => Math.min(rows.length - 1, Math.floor(p * rows.length)));
  const picks: Pick[] = [];
  for (const rank of ranks) {
    const row = rows[rank]!;
    const extra = await sql<{ listener_days: number; tracks: number }>`
      SELECT (SELECT count(*) FROM artist_day_listeners WHERE artist_id = ${row.artist_id} AND day BETWEEN ${from}::date AND ${to}::date)::int AS listener_days,
             (SELECT count(*) FROM tracks WHERE artist_id = ${row.artist_id})::int AS tracks`.execute(db);
    picks.push({
      artistId: row.artist_id,
      rank: rank + 1,
      streams28d: Number(row.streams),
      listenerDays28d: extra.rows[0]!.listener_days,
      tracks: extra.rows[0]!.tracks,
    });
  }
  return picks;
}

/** EXPLAIN ANALYZE of the queries one request of each endpoint makes, for the most streamed pick. */
async function explainAll(url: string, artistId: string, from: string, to: string): Promise<string[]> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPool({ url, maxConnections: 1 }) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const out: string[] = [];
  try {
    const windows = {
      from,
      to,
      previousFrom: addDays(from, -28),
      previousTo: addDays(from, -1),
      monthFrom: addDays(to, -27),
      previousMonthFrom: addDays(from, -28),
    };
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['stats', () => analyticsQueries.stats(db, { kind: 'artist', id: artistId }, windows)],
      ['timeseries (listeners, day)', () => analyticsQueries.series(db, { kind: 'artist', id: artistId }, 'listeners', 'day', from, to)],
      ['tracks', () => analyticsQueries.artistTracks(db, artistId, from, to)],
      ['audience (country)', () => audienceQueries.cells(db, artistId, 'country', from, to, 10)],
    ];
    for (const [name, call] of calls) {
      captured.length = 0;
      await call();
      for (const query of captured.splice(0)) {
        const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]));
        out.push(`--- ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
  } finally {
    await db.destroy();
  }
  return out;
}

/** A dataset's service, listening and ready to be measured endpoint by endpoint. */
interface Prepared extends Omit<DatasetResult, 'results' | 'idleBefore'> {
  measure(endpoint: Endpoint): Promise<{ out: LoadOutput; idle: number }>;
  close(): Promise<void>;
}

async function prepareDataset(info: DatasetInfo, like?: Pick[]): Promise<Prepared> {
  const { runtime, base, close } = await startAnalytics(info, { cacheTtlMs: args['cache-ttl-ms'], pool: Number(args.pool) });
  try {
    const to = info.lastDay;
    const from = addDays(to, -27);
    const picks = await pickArtists(runtime.deps.db, from, to, like);
    // A team reader of every picked artist: the access check is the one a real dashboard makes.
    const reader = await createUser(runtime.deps, { display_name: 'bench reader' });
    await runtime.deps.db
      .insertInto('artist_members')
      .values(picks.map((p) => ({ artist_id: p.artistId, user_id: reader.id, role: 'reader' as const })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    // The same reader is an analyst of every partner (the simulated car maker, device maker and telecom).
    const partners = await runtime.deps.db.selectFrom('partners').select('id').orderBy('name').execute();
    if (partners.length === 0) throw new Error(`${info.label}: the dataset has no partners; reload it (drop ${info.database})`);
    await runtime.deps.db
      .insertInto('partner_members')
      .values(partners.map((p) => ({ partner_id: p.id, user_id: reader.id, role: 'analyst' as const })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    const today = new Date().toISOString().slice(0, 10);
    // range=28d when the data ends today; otherwise the same 28 days named explicitly.
    const range = to === today ? 'range=28d' : `from=${from}&to=${to}`;
    const paths: Record<Endpoint, string[]> = {
      trivial: ['/healthz'],
      trivial_auth: ['/healthz'],
      floor: ['/bench/floor'],
      stats: picks.map((p) => `/v1/artists/${p.artistId}/stats?${range}`),
      timeseries: picks.map((p, i) => `/v1/artists/${p.artistId}/stats/timeseries?${range}&metric=${i % 2 ? 'listeners' : 'streams'}&granularity=day`),
      tracks: picks.map((p) => `/v1/artists/${p.artistId}/stats/tracks?${range}&sort=streams&limit=20`),
      audience: picks.map((p, i) => `/v1/artists/${p.artistId}/stats/audience?${range}&dimension=${['country', 'age', 'gender'][i % 3]}`),
      partner_stats: partners.map((p) => `/v1/partners/${p.id}/stats?${range}`),
      partner_timeseries: partners.map((p, i) => `/v1/partners/${p.id}/stats/timeseries?${range}&metric=${i % 2 ? 'listeners' : 'streams'}&granularity=day`),
      partner_apps: partners.map((p) => `/v1/partners/${p.id}/stats/apps?${range}`),
      partner_audience: partners.map((p, i) => `/v1/partners/${p.id}/stats/audience?${range}&dimension=${['country', 'age', 'gender'][i % 3]}`),
    };

    const single = { stats: [] as number[], timeseries: [] as number[], tracks: [] as number[], audience: [] as number[] };
    // A latency measurement, so node:http over one keep-alive socket like the load worker, not the SDK's fetch,
    // whose own cost per request would show in the figure.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const once = (path: string) =>
      new Promise<number>((resolve, reject) => {
        get(`${base}${path}`, { agent, headers: reader.auth }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }).on('error', reject);
      });
    for (const endpoint of ['stats', 'timeseries', 'tracks', 'audience'] as const) {
      for (const path of paths[endpoint]) {
        const times: number[] = [];
        for (let i = 0; i < 30; i++) {
          const t0 = performance.now();
          const status = await once(path);
          if (status !== 200) throw new Error(`${path}: ${status}`);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        single[endpoint].push(times[15]!);
      }
    }
    agent.destroy();

    const measure = async (endpoint: Endpoint): Promise<{ out: LoadOutput; idle: number }> => {
      const idle = await waitForQuiet();
      log(
        `  ${info.label} ${endpoint}: ${concurrency} connections, ${durationMs / 1000} s (+${warmupMs / 1000} s warm-up), CPU idle before ${pct(idle)}, load ${loadavg()[0]!.toFixed(2)}`,
      );
      // The ceiling is the bare server: /healthz needs no token, so none is sent.
      const headers = endpoint === 'trivial' ? {} : reader.auth;
      const out = await drive({ base, paths: paths[endpoint], headers, concurrency, warmupMs, durationMs });
      if (out.errors > 0) log(`    ${out.errors} errors: ${JSON.stringify(out.statuses)}`);
      return { out, idle };
    };
    const explain = args.explain ? await explainAll(info.url, picks[0]!.artistId, from, to) : [];
    const picking = like ? 'matched by 28-day streams to the 1M picks' : `percentiles ${PERCENTILES.map((p) => p * 100).join('/')} % of the 28-day ranking`;
    return { info, picking, picks, single, explain, measure, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Measures each endpoint on every prepared dataset in turn, `rounds` times; keeps the round with the median req/s. */
interface Paired {
  /** Median over rounds of (second dataset / first) measured back to back in the same round. */
  perSecond: number;
  p99: number;
}

async function measureAll(prepared: Prepared[], rounds: number): Promise<{ results: DatasetResult[]; paired: Partial<Record<Endpoint, Paired>> }> {
  const endpoints = ENDPOINTS.filter((e) => !args.only || args.only.split(',').includes(e));
  const samples = prepared.map(
    () => Object.fromEntries(endpoints.map((e) => [e, []])) as unknown as Record<Endpoint, Array<{ out: LoadOutput; idle: number }>>,
  );
  for (let round = 1; round <= rounds; round++) {
    if (rounds > 1) log(`round ${round} of ${rounds}`);
    for (const endpoint of endpoints) {
      for (const [i, p] of prepared.entries()) samples[i]![endpoint].push(await p.measure(endpoint));
    }
  }
  const results = prepared.map((p, i) => {
    const out = {} as Record<Endpoint, LoadOutput>;
    const idleBefore = {} as Record<Endpoint, number>;
    const range: Partial<Record<Endpoint, [number, number]>> = {};
    for (const endpoint of endpoints) {
      const byRate = [...samples[i]![endpoint]].sort((a, b) => a.out.perSecond - b.out.perSecond);
      const median = byRate[Math.floor((byRate.length - 1) / 2)]!;
      out[endpoint] = median.out;
      idleBefore[endpoint] = median.idle;
      range[endpoint] = [byRate[0]!.out.perSecond, byRate[byRate.length - 1]!.out.perSecond];
    }
    return { info: p.info, picking: p.picking, picks: p.picks, single: p.single, explain: p.explain, results: out, idleBefore, spread: range };
  });
  const paired: Partial<Record<Endpoint, Paired>> = {};
  if (prepared.length === 2) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    for (const endpoint of endpoints) {
      const [a, b] = [samples[0]![endpoint], samples[1]![endpoint]];
      paired[endpoint] = {
        perSecond: median(a.map((x, i) => b[i]!.out.perSecond / x.out.perSecond)),
        p99: median(a.map((x, i) => b[i]!.out.p99 / x.out.p99)),
      };
    }
  }
  return { results, paired };
}

const LABELS: Record<Endpoint, string> = {
  trivial: 'GET /healthz (ceiling)',
  trivial_auth: 'GET /healthz + token',
  floor: 'token + 2 × SELECT 1',
  stats: 'stats',
  timeseries: 'timeseries',
  tracks: 'tracks',
  audience: 'audience',
  partner_stats: 'partner stats',
  partner_timeseries: 'partner timeseries',
  partner_apps: 'partner apps',
  partner_audience: 'partner audience',
};

function report(done: DatasetResult[], heavy?: DatasetResult, paired: Partial<Record<Endpoint, Paired>> = {}): string {
  const lines: string[] = [];
  const cpu = cpus();
  lines.push(`Analytics read benchmark — ${new Date().toISOString()}`);
  lines.push(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}; Node ${process.version}; concurrency ${concurrency}, ${durationMs / 1000} s per endpoint after ${warmupMs / 1000} s warm-up`,
  );
  lines.push(
    `statistics cache ${Number(args['cache-ttl-ms']) > 0 ? `on (${args['cache-ttl-ms']} ms)` : 'OFF: every answer computed from the rollups'}; ${rounds} round(s), each endpoint on every dataset back to back; each figure from the round with the median req/s`,
  );
  lines.push('');
  for (const d of done) {
    lines.push(
      `${d.info.label}: ${d.info.storedListens.toLocaleString('en')} listens, ${d.info.users.toLocaleString('en')} users, ${d.info.artists.toLocaleString('en')} artists, ${d.info.days} days up to ${d.info.lastDay} (${d.info.reused ? 'reused' : `loaded in ${Math.round(d.info.loadSeconds)} s`})`,
    );
    lines.push(`  artists picked by ${d.picking}`);
    lines.push(
      `  picked artists (rank by 28-day streams: streams, listener-days, tracks): ${d.picks.map((p) => `#${p.rank} ${p.streams28d}/${p.listenerDays28d}/${p.tracks}`).join(', ')}`,
    );
    lines.push(
      `  one request alone, median ms per pick (most streamed first): ${(['stats', 'timeseries', 'tracks', 'audience'] as const).map((e) => `${e} ${d.single[e].map((x) => fmt(x)).join('/')}`).join('; ')}`,
    );
  }
  lines.push('');
  const header = ['endpoint', ...done.flatMap((d) => [`${d.info.label} req/s`, `${d.info.label} p50`, `${d.info.label} p99`])];
  if (done.length === 2) header.push('10M/1M req/s', '10M/1M p99');
  header.push('req/s over rounds', 'CPU idle before');
  const rows: string[][] = [header];
  const shown = ENDPOINTS.filter((e) => done.every((d) => d.results[e]));
  const measured = MEASURED.filter((e) => shown.includes(e));
  for (const e of shown) {
    const row = [LABELS[e]];
    for (const d of done) row.push(fmt(d.results[e].perSecond, 0), `${fmt(d.results[e].p50)} ms`, `${fmt(d.results[e].p99)} ms`);
    if (done.length === 2) {
      const [a, b] = done as [DatasetResult, DatasetResult];
      row.push(pct(b.results[e].perSecond / a.results[e].perSecond), pct(b.results[e].p99 / a.results[e].p99));
    }
    row.push(done.map((d) => d.spread?.[e]?.map((x) => fmt(x, 0)).join('-') ?? '').join(' / '));
    row.push(done.map((d) => pct(d.idleBefore[e] ?? 0)).join(' / '));
    rows.push(row);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) lines.push(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  lines.push('');
  lines.push('targets:');
  for (const d of done) {
    const r = d.results;
    const worst = measured.map((e) => [e, r[e].p99] as const);
    const missed = worst.filter(([, p]) => p > P99_TARGET_MS);
    lines.push(
      `  ${d.info.label}: p99 <= ${P99_TARGET_MS} ms: ${missed.length === 0 ? 'met' : `MISSED by ${missed.map(([e, p]) => `${e} (${fmt(p)} ms)`).join(', ')}`}`,
    );
    if (!r.stats || !r.trivial) continue;
    const share = r.stats.perSecond / r.trivial.perSecond;
    lines.push(
      `  ${d.info.label}: stats >= ${pct(STATS_SHARE_TARGET)} of the trivial route: ${pct(share)} — ${share >= STATS_SHARE_TARGET ? 'met' : 'MISSED'}`,
    );
    if (r.trivial_auth && r.floor) {
      lines.push(
        `  ${d.info.label}: for reference: /healthz with a bearer token runs at ${pct(r.trivial_auth.perSecond / r.trivial.perSecond)} of the ceiling, a token plus two SELECT 1 at ${pct(r.floor.perSecond / r.trivial.perSecond)}; stats runs at ${pct(r.stats.perSecond / r.floor.perSecond)} of that floor`,
      );
    }
  }
  if (done.length === 2) {
    const [a, b] = done as [DatasetResult, DatasetResult];
    // Cost does not grow with history: 10M may not serve fewer requests, or slower ones, than 1M by more than the
    // tolerance. Judged on the ratios of measurements made back to back in the same round (median over rounds),
    // next to the same ratio for the ceiling route, whose cost is the same on both: that is the machine's noise.
    const ratios = (e: Endpoint) => paired[e] ?? { perSecond: b.results[e].perSecond / a.results[e].perSecond, p99: b.results[e].p99 / a.results[e].p99 };
    const grown = measured.filter((e) => ratios(e).perSecond < 1 - SCALE_TOLERANCE || ratios(e).p99 > 1 + SCALE_TOLERANCE);
    lines.push(
      `  10M within ${pct(SCALE_TOLERANCE)} of 1M (no endpoint slower on 10M, in req/s or p99, by more than that; paired by round): ${grown.length === 0 ? 'met' : `MISSED for ${grown.join(', ')}`}`,
    );
    const ratioText = (e: Endpoint) => `${e} ${pct(ratios(e).perSecond)}/${pct(ratios(e).p99)}`;
    const noise = a.results.trivial && b.results.trivial ? `; the ceiling route, for the noise: ${ratioText('trivial')}` : '';
    lines.push(`    10M/1M req/s and p99, median of the rounds: ${measured.map(ratioText).join(', ')}${noise}`);
  }
  if (heavy) {
    lines.push('', `${heavy.info.label} over its own popularity range (artists picked by ${heavy.picking}; its top artist is larger than any in 1M):`);
    lines.push(
      `  picked artists (rank: streams, listener-days, tracks): ${heavy.picks.map((p) => `#${p.rank} ${p.streams28d}/${p.listenerDays28d}/${p.tracks}`).join(', ')}`,
    );
    lines.push(
      `  one request alone, median ms per pick: ${(['stats', 'timeseries', 'tracks', 'audience'] as const).map((e) => `${e} ${heavy.single[e].map((x) => fmt(x)).join('/')}`).join('; ')}`,
    );
    for (const e of shown) {
      const r = heavy.results[e];
      lines.push(
        `  ${LABELS[e].padEnd(24)} ${fmt(r.perSecond, 0).padStart(6)} req/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  (CPU idle before ${pct(heavy.idleBefore[e] ?? 0)})`,
      );
    }
  }
  for (const d of [...done, ...(heavy ? [heavy] : [])])
    if (d.explain.length) lines.push('', `EXPLAIN ANALYZE (${d.info.label}, most streamed pick):`, ...d.explain);
  return lines.join('\n');
}

const infos: DatasetInfo[] = [];
for (const spec of DATASETS.filter((s) => wanted.has(s.label))) infos.push(await ensureDataset(spec, log));
const rounds = Math.max(1, Number(args.rounds));
// Both datasets' services stay up, so each endpoint is measured on 1M and 10M back to back, round after round.
const prepared: Prepared[] = [];
for (const info of infos) prepared.push(await prepareDataset(info, prepared[0]?.picks));
const measurement = await measureAll(prepared, rounds);
for (const p of prepared) await p.close();
const done = measurement.results;
let heavy: DatasetResult | undefined;
// The larger world also has larger artists: measure its own popularity range too.
if (infos.length === 2 && args.heavy) {
  log(`${infos[1]!.label}: benchmarking its own popularity range…`);
  const own = await prepareDataset(infos[1]!);
  heavy = (await measureAll([own], 1)).results[0];
  await own.close();
}
process.stdout.write(`${report(done, heavy, measurement.paired)}\n`);
