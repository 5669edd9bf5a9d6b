/**
 * Realistic analytics read benchmark (issue 16, target 1): dashboards spread over every artist of the dataset and
 * over mixed ranges, with the production cache settings, against the same datasets and topology as run.ts
 * (chorus_bench_1m and chorus_bench_10m, loaded once and reused; external PostgreSQL and Redis; the analytics
 * service in this process on a real port; the load from a worker thread over keep-alive connections).
 *
 *   node --conditions=development --import tsx test/bench/analytics/realistic.ts [--duration 30] [--concurrency 50]
 *        [--datasets 1m,10m] [--seed realistic] [--cache-ttl-ms <the service's default>] [--warmup 2] [--quiet-wait 60]
 *
 * A page view is what one dashboard page load asks: stats, timeseries, tracks, audience and sources of one artist
 * over one range, the five sent together, with the query parameters the dashboard's pages send (timeseries of
 * streams by day, the 100 first tracks, one audience dimension). The artist is drawn by popularity: Zipf with
 * exponent 1 over every artist of the dataset ranked by all-time streams (the most streamed gets about 1/9 of page
 * views on 10M). The range: 28d (the dashboard's default) 40%, 7d 20%, 24h 15%, 365d 10%, and 15% custom from/to, of a
 * length drawn uniformly from 1 day to the whole data and a position drawn uniformly within it. When the data does not
 * end today, named ranges are sent as the same days, from/to, ending on the data's last day. A seed (`--seed`) fixes
 * the sequence of page views.
 *
 * Concurrency counts connections, as in run.ts, so the floor is measured alike: `--concurrency 50` is 10 page views in
 * flight of 5 requests each, 50 requests in flight at most. Each loop sends its next page view when the last one's five
 * answers are in (closed loop). The statistics cache keeps the service's default TTL (CHORUS_STATS_CACHE_TTL_MS, as in
 * production) unless `--cache-ttl-ms` is given; it starts empty, nothing invalidates it during the run (no ingestion),
 * and the warm-up is not counted. The service counts its statistics cache's lookups in chorus_cache_lookups_total
 * (by outcome, not by endpoint); for the per-endpoint and per-second figures this bench also counts them in-process by
 * wrapping StatsCache.answer, which changes nothing the service does: each lookup is a hit (a stored answer), shared
 * (joined a computation already in flight) or computed. The report prints both, and they must agree.
 *
 * The same run's floor, a token check plus two `SELECT 1` (run.ts's floor route), is measured right before and right
 * after, at the same concurrency, and the verdict uses their mean. Targets, on 10M (1M for reference): p99 <= 25 ms
 * for every endpoint, and requests/s >= 50% of the floor. Errors void the verdicts.
 *
 * Where the server preloads pg_stat_statements, the report also lists the statements that took the most of
 * PostgreSQL's time while page views were measured (see statements.ts).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Db } from '@chorus/db';
import { Rng, WeightedSampler } from '@chorus/simulator';
import { createUser, type TestUser } from '@chorus/service-kit/testing';
import { sql } from 'kysely';
// Not part of the package's exports: the bench wraps the cache the service creates, to count its lookups.
import { StatsCache } from '../../../apps/analytics/src/stats.cache.js';
import { type AnalyticsUnderTest, fmt, log, pct, runWorker, startAnalytics, waitForQuiet } from './common.js';
import { DATASETS, type DatasetInfo, ensureDataset } from './dataset.js';
import type { LatencySummary } from './latency.js';
import type { LoadInput, LoadOutput } from './load.worker.js';
import { PAGE_ENDPOINTS, type PageEndpoint, type PagePlan, RANGE_KINDS, type RangeKind } from './page-view.js';
import type { PagesInput, PagesOutput } from './pages.worker.js';
import { resetStatements, type StatementShare, statementsAvailable, topStatements } from './statements.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '50' },
    datasets: { type: 'string', default: '1m,10m' },
    seed: { type: 'string', default: 'realistic' },
    'cache-ttl-ms': { type: 'string' },
    pool: { type: 'string', default: '20' },
    'quiet-wait': { type: 'string', default: '60' },
  },
});
const durationMs = Number(args.duration) * 1000;
const warmupMs = Number(args.warmup) * 1000;
const pagesInFlight = Math.max(1, Math.round(Number(args.concurrency) / PAGE_ENDPOINTS.length));
const connections = pagesInFlight * PAGE_ENDPOINTS.length;
const quietWaitMs = Number(args['quiet-wait']) * 1000;
const wanted = new Set(args.datasets.split(',').map((s) => s.trim().toUpperCase()));
const LOAD_WORKER = new URL('./load.worker.ts', import.meta.url);
const PAGES_WORKER = new URL('./pages.worker.ts', import.meta.url);
const ZIPF_EXPONENT = 1;
const RANGE_MIX: Record<RangeKind, number> = { '24h': 0.15, '7d': 0.2, '28d': 0.4, '365d': 0.1, custom: 0.15 };
const NAMED_DAYS: Record<Exclude<RangeKind, 'custom'>, number> = { '24h': 1, '7d': 7, '28d': 28, '365d': 365 };
/** Page views planned per second of run: more than the ceiling route could serve, so the plan never runs out. */
const PLAN_PER_SECOND = 10_000;
const P99_TARGET_MS = 25;
const FLOOR_SHARE_TARGET = 0.5;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

type Outcome = 'hit' | 'shared' | 'computed';
type Counts = Record<Outcome, number>;
const zero = (): Counts => ({ hit: 0, shared: 0, computed: 0 });

/** Statistics cache lookups by endpoint (the cache key's first part: stats, series, tracks, audience, sources). */
const lookups = new Map<string, Counts>();
const caches = new Set<StatsCache>();
const answer = StatsCache.prototype.answer;
StatsCache.prototype.answer = function <T>(this: StatsCache, artistId: string, key: string, compute: () => Promise<T>): Promise<T> {
  caches.add(this);
  // A lookup is computed when the cache calls `compute` (it does so synchronously, before its first await).
  let computed = false;
  const stored = (this as unknown as { answers: Map<string, { until: number }> }).answers.get(key);
  const fresh = this.enabled && stored !== undefined && stored.until > Date.now();
  const result = answer.call(this, artistId, key, () => {
    computed = true;
    return compute();
  }) as Promise<T>;
  const endpoint = key.slice(0, key.indexOf(':'));
  const counts = lookups.get(endpoint) ?? zero();
  counts[computed ? 'computed' : fresh ? 'hit' : 'shared']++;
  lookups.set(endpoint, counts);
  return result;
};

function snapshot(): Map<string, Counts> {
  return new Map([...lookups].map(([k, v]) => [k, { ...v }]));
}

function since(before: Map<string, Counts>): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const [k, v] of lookups) {
    const b = before.get(k) ?? zero();
    out.set(k, { hit: v.hit - b.hit, shared: v.shared - b.shared, computed: v.computed - b.computed });
  }
  return out;
}

function total(counts: Iterable<Counts>): Counts {
  const out = zero();
  for (const c of counts) for (const o of ['hit', 'shared', 'computed'] as const) out[o] += c[o];
  return out;
}

/** Share of lookups answered without computing (a stored answer, or one already being computed). */
const hitRatio = (c: Counts) => (c.hit + c.shared) / Math.max(1, c.hit + c.shared + c.computed);

/** The endpoint name the service uses in its cache keys. */
const CACHE_NAME: Record<PageEndpoint, string> = { stats: 'stats', timeseries: 'series', tracks: 'tracks', audience: 'audience', sources: 'sources' };

/** Every artist of the dataset, most streamed (all time) first; artists without streams last. */
async function rankArtists(db: Db): Promise<{ ids: string[]; streams: number[] }> {
  const { rows } = await sql<{ id: string; streams: string }>`
    SELECT a.id, coalesce(s.streams, 0)::bigint AS streams
    FROM artists a LEFT JOIN (SELECT artist_id, sum(streams) AS streams FROM artist_daily GROUP BY artist_id) s ON s.artist_id = a.id
    ORDER BY 2 DESC, 1`.execute(db);
  return { ids: rows.map((r) => r.id), streams: rows.map((r) => Number(r.streams)) };
}

/** The page views of a run, drawn from the seed: artist by Zipf rank, range by RANGE_MIX, audience dimension uniformly. */
function planPages(seed: string, artists: number, span: number, size: number): PagePlan {
  const rng = new Rng(seed);
  const byRank = new WeightedSampler(Float64Array.from({ length: artists }, (_, i) => 1 / (i + 1) ** ZIPF_EXPONENT));
  const byKind = new WeightedSampler(RANGE_KINDS.map((k) => RANGE_MIX[k]));
  const plan: PagePlan = {
    artist: new Int32Array(size),
    range: new Uint8Array(size),
    from: new Int16Array(size),
    to: new Int16Array(size),
    dimension: new Uint8Array(size),
  };
  const last = span - 1;
  for (let i = 0; i < size; i++) {
    plan.artist[i] = byRank.sample(rng);
    const kind = byKind.sample(rng);
    plan.range[i] = kind;
    const name = RANGE_KINDS[kind]!;
    if (name === 'custom') {
      const days = rng.int(1, span);
      plan.from[i] = rng.int(0, span - days);
      plan.to[i] = plan.from[i]! + days - 1;
    } else if (name === '24h') {
      // The last whole day before the data's last day, as range=24h is yesterday.
      plan.from[i] = last - 1;
      plan.to[i] = last - 1;
    } else {
      plan.to[i] = last;
      plan.from[i] = last - (NAMED_DAYS[name] - 1);
    }
    plan.dimension[i] = rng.int(0, 2);
  }
  return plan;
}

interface Measured {
  out: LoadOutput;
  idle: number;
}

interface DatasetResult {
  info: DatasetInfo;
  artists: number;
  topStreams: number[];
  firstDay: string;
  named: boolean;
  cacheTtlMs: number;
  floorBefore: Measured;
  floorAfter: Measured;
  pages: PagesOutput;
  pagesIdle: number;
  cache: Map<string, Counts>;
  /** Hit ratio (stored or shared) per second of the measurement. */
  perSecond: number[];
  entriesAtEnd: number;
  /** What the service's own counter recorded for the statistics cache. */
  productCounter: number;
  /** PostgreSQL's busiest statements during the page views; undefined without pg_stat_statements. */
  statements: StatementShare[] | undefined;
}

async function measureFloor(service: AnalyticsUnderTest, reader: TestUser, label: string): Promise<Measured> {
  const idle = await waitForQuiet(quietWaitMs);
  log(
    `  ${label} floor: ${connections} connections, ${durationMs / 1000} s (+${warmupMs / 1000} s warm-up), CPU idle before ${pct(idle)}, load ${loadavg()[0]!.toFixed(2)}`,
  );
  const out = await runWorker<LoadInput, LoadOutput>(LOAD_WORKER, {
    base: service.base,
    paths: ['/bench/floor'],
    headers: reader.auth,
    concurrency: connections,
    warmupMs,
    durationMs,
  });
  if (out.errors > 0) log(`    ${out.errors} errors: ${JSON.stringify(out.statuses)}`);
  return { out, idle };
}

async function benchDataset(info: DatasetInfo): Promise<DatasetResult> {
  const service = await startAnalytics(info, { cacheTtlMs: args['cache-ttl-ms'], pool: Number(args.pool) });
  const { db } = service.runtime.deps;
  let reader: TestUser | undefined;
  try {
    const ranking = await rankArtists(db);
    const firstDay = (await sql<{ first: string }>`SELECT min(day)::text AS first FROM artist_daily`.execute(db)).rows[0]!.first;
    // One reader on every artist's team: the access check is the one a real dashboard makes, and it is cached per
    // reader and artist, so one reader costs what one reader per artist would.
    reader = await createUser(service.runtime.deps, { display_name: 'bench realistic reader' });
    for (let i = 0; i < ranking.ids.length; i += 1000) {
      await db
        .insertInto('artist_members')
        .values(ranking.ids.slice(i, i + 1000).map((id) => ({ artist_id: id, user_id: reader!.id, role: 'reader' as const })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const span = daysBetween(firstDay, info.lastDay) + 1;
    const plan = planPages(`${args.seed}:${info.label}`, ranking.ids.length, span, Math.ceil((PLAN_PER_SECOND * (warmupMs + durationMs)) / 1000));
    const named = info.lastDay === new Date().toISOString().slice(0, 10);

    const counting = await statementsAvailable(db);
    const floorBefore = await measureFloor(service, reader, info.label);

    const pagesIdle = await waitForQuiet(quietWaitMs);
    log(
      `  ${info.label} page views: ${pagesInFlight} in flight (${connections} connections), ${durationMs / 1000} s (+${warmupMs / 1000} s warm-up), CPU idle before ${pct(pagesIdle)}, load ${loadavg()[0]!.toFixed(2)}`,
    );
    let before = snapshot();
    const perSecond: number[] = [];
    let timer: NodeJS.Timeout | undefined;
    let measuringFrom: Map<string, Counts> | undefined;
    // Read when the measurement starts, as the in-process counts are: the warm-up's lookups are in neither.
    let productBefore: Promise<number> = Promise.resolve(Number.NaN);
    const pages = await runWorker<PagesInput, PagesOutput>(
      PAGES_WORKER,
      {
        base: service.base,
        headers: reader.auth,
        artists: ranking.ids,
        plan,
        firstDay,
        named,
        pagesInFlight,
        warmupMs,
        durationMs,
      },
      () => {
        if (counting) void resetStatements(db);
        productBefore = statsCacheCounter(service);
        measuringFrom = snapshot();
        before = measuringFrom;
        timer = setInterval(() => {
          perSecond.push(hitRatio(total(since(before).values())));
          before = snapshot();
        }, 1000);
      },
    );
    clearInterval(timer);
    const statements = counting ? await topStatements(db, STATEMENTS_SHOWN) : undefined;
    const cache = measuringFrom ? since(measuringFrom) : new Map<string, Counts>();
    const productCounter = (await statsCacheCounter(service)) - (await productBefore);
    const entriesAtEnd = [...caches].reduce((n, c) => n + (c as unknown as { answers: Map<string, unknown> }).answers.size, 0);
    if (pages.errors > 0) log(`    ${pages.errors} errors: ${JSON.stringify(pages.statuses)}`);

    const floorAfter = await measureFloor(service, reader, info.label);
    return {
      info,
      artists: ranking.ids.length,
      topStreams: ranking.streams.slice(0, 3),
      firstDay,
      named,
      cacheTtlMs: service.config.statsCacheTtlMs,
      floorBefore,
      floorAfter,
      pages,
      pagesIdle,
      cache,
      perSecond,
      entriesAtEnd,
      productCounter,
      statements,
    };
  } finally {
    // The reader goes again, so the dataset stays as it was loaded.
    if (reader) {
      await db.deleteFrom('artist_members').where('user_id', '=', reader.id).execute();
      await db.deleteFrom('users').where('id', '=', reader.id).execute();
    }
    await service.close();
    caches.clear();
  }
}

/** Lookups of the statistics cache recorded by the service's own counter (chorus_cache_lookups_total). */
async function statsCacheCounter(service: AnalyticsUnderTest): Promise<number> {
  const { values } = await service.runtime.deps.metrics.cacheLookups.get();
  return values.filter((v) => v.labels.cache === 'stats').reduce((n, v) => n + v.value, 0);
}

const ms = (n: number) => `${fmt(n)} ms`;
/** How many of PostgreSQL's busiest statements the report lists. */
const STATEMENTS_SHOWN = 12;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

function report(done: DatasetResult[], loadAtStart: string): string {
  const lines: string[] = [];
  const cpu = cpus();
  lines.push(`Realistic analytics read benchmark (issue 16, target 1) — ${new Date().toISOString()}`);
  lines.push(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}; Node ${process.version}; load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}`,
  );
  lines.push(
    `load: page views of ${PAGE_ENDPOINTS.join(' + ')} sent together; ${pagesInFlight} page views in flight = ${connections} connections; ${durationMs / 1000} s after ${warmupMs / 1000} s warm-up; seed "${args.seed}"`,
  );
  lines.push(
    `artists: Zipf, exponent ${ZIPF_EXPONENT}, over every artist ranked by all-time streams; ranges: ${RANGE_KINDS.map((k) => `${k} ${pct(RANGE_MIX[k])}`).join(', ')} (custom: uniform length and position within the data)`,
  );
  for (const d of done) {
    const p = d.pages;
    const cacheLine = `${d.cacheTtlMs} ms${args['cache-ttl-ms'] === undefined ? " (the service's default)" : ' (--cache-ttl-ms)'}`;
    lines.push('');
    lines.push(
      `${d.info.label}: ${d.info.storedListens.toLocaleString('en')} listens, ${d.artists.toLocaleString('en')} artists, ${d.firstDay} to ${d.info.lastDay} (${d.info.reused ? 'reused' : `loaded in ${Math.round(d.info.loadSeconds)} s`}); top artists' all-time streams ${d.topStreams.map((n) => n.toLocaleString('en')).join(', ')}`,
    );
    lines.push(
      `  statistics cache TTL ${cacheLine}; named ranges ${d.named ? 'sent by name (the data ends today)' : `sent as from/to ending ${d.info.lastDay} (the data does not end today)`}`,
    );
    lines.push(
      `  ${p.pageViews.toLocaleString('en')} page views measured (${fmt(p.pageViews / (p.elapsedMs / 1000), 0)}/s; ${p.planUsed.toLocaleString('en')} of the plan's ${p.planLength.toLocaleString('en')} used${p.planUsed >= p.planLength ? ': RAN OUT, the figures are cut short' : ''}); ${p.artistsTouched.toLocaleString('en')} distinct artists; on the 1/10/100 most streamed: ${p.topShares.map(pct).join(' / ')}`,
    );
    lines.push(`  page views by range: ${RANGE_KINDS.map((k) => `${k} ${p.ranges[k]}`).join(', ')}`);
    const header = ['endpoint', 'req/s', 'p50', 'p95', 'p99', 'max', 'cache: hit / shared / computed', 'hit ratio'];
    const row = (name: string, s: LatencySummary, c?: Counts) => [
      name,
      fmt(s.perSecond, 0),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      c ? `${c.hit} / ${c.shared} / ${c.computed}` : '',
      c ? pct(hitRatio(c)) : '',
    ];
    const rows = [header];
    for (const e of PAGE_ENDPOINTS) rows.push(row(e, p.endpoints[e], d.cache.get(CACHE_NAME[e]) ?? zero()));
    rows.push(row('all five', p.overall, total(d.cache.values())));
    rows.push(row('page view (slowest of 5)', p.page));
    for (const [label, f] of [
      ['floor before (token + 2 × SELECT 1)', d.floorBefore],
      ['floor after', d.floorAfter],
    ] as const)
      rows.push(row(label, f.out));
    const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    for (const r of rows) lines.push(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
    const all = total(d.cache.values());
    const lookupsTotal = all.hit + all.shared + all.computed;
    lines.push(
      `  cache hit ratio ${pct(hitRatio(all))} of ${lookupsTotal.toLocaleString('en')} lookups (${pct(all.hit / Math.max(1, lookupsTotal))} stored answers, ${pct(all.shared / Math.max(1, lookupsTotal))} joined a computation in flight); per second: ${d.perSecond.map(pct).join(' ')}; ${d.entriesAtEnd.toLocaleString('en')} answers held at the end`,
    );
    lines.push(
      `  the service's own counter, chorus_cache_lookups_total{cache="stats"}: ${d.productCounter.toLocaleString('en')}${d.productCounter === lookupsTotal ? ' (the same as counted here)' : ` (counted here: ${lookupsTotal.toLocaleString('en')})`}`,
    );
    lines.push(`  CPU idle before: floor ${pct(d.floorBefore.idle)}, page views ${pct(d.pagesIdle)}, floor after ${pct(d.floorAfter.idle)}`);
    if (d.statements) {
      lines.push(`  PostgreSQL's time during the page views, by statement (pg_stat_statements; share, calls, mean ms under load, text):`);
      for (const s of d.statements) lines.push(`    ${pct(s.share).padStart(4)}  ${String(s.calls).padStart(6)}  ${fmt(s.meanMs).padStart(7)}  ${s.text}`);
    } else {
      lines.push(`  statements: pg_stat_statements is not preloaded here, so the report cannot say which statements took the time (see statements.ts)`);
    }
    const errors = p.errors + d.floorBefore.out.errors + d.floorAfter.out.errors;
    if (errors > 0)
      lines.push(
        `  ERRORS: ${errors} (page views ${JSON.stringify(p.statuses)}, floors ${JSON.stringify(d.floorBefore.out.statuses)} ${JSON.stringify(d.floorAfter.out.statuses)})`,
      );
  }
  lines.push('');
  lines.push(`targets (issue 16 target 1, at ${connections} connections; judged on 10M, 1M for reference):`);
  for (const d of done) {
    const p = d.pages;
    const label = d.info.label === '10M' ? d.info.label : `${d.info.label} (reference)`;
    const errors = p.errors + d.floorBefore.out.errors + d.floorAfter.out.errors;
    const void_ = errors > 0 ? ` — VOID: ${errors} errors` : '';
    const over = PAGE_ENDPOINTS.filter((e) => p.endpoints[e].p99 > P99_TARGET_MS);
    lines.push(
      `  ${label}: p99 <= ${P99_TARGET_MS} ms for every endpoint: ${over.length === 0 ? 'met' : `MISSED by ${over.map((e) => `${e} (${ms(p.endpoints[e].p99)})`).join(', ')}`} (all five together: p99 ${ms(p.overall.p99)})${void_}`,
    );
    const floor = (d.floorBefore.out.perSecond + d.floorAfter.out.perSecond) / 2;
    const share = p.overall.perSecond / floor;
    lines.push(
      `  ${label}: requests/s >= ${pct(FLOOR_SHARE_TARGET)} of the floor: ${fmt(p.overall.perSecond, 0)} against ${fmt(floor, 0)} (mean of before and after) = ${pct(share)}: ${share >= FLOOR_SHARE_TARGET ? 'met' : 'MISSED'}${void_}`,
    );
  }
  return lines.join('\n');
}

const loadAtStart = load();
const done: DatasetResult[] = [];
for (const spec of DATASETS.filter((s) => wanted.has(s.label))) {
  const info = await ensureDataset(spec, log);
  log(`${info.label}: realistic page views…`);
  done.push(await benchDataset(info));
}
process.stdout.write(`${report(done, loadAtStart)}\n`);
