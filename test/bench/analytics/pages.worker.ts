import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { type LatencySummary, summarize } from './latency.js';
import { DIMENSIONS, PAGE_ENDPOINTS, type PageEndpoint, type PagePlan, RANGE_KINDS, type RangeKind } from './page-view.js';

/**
 * The dashboard load generator of realistic.ts, in its own thread so it never shares an event loop with the server
 * it measures: `pagesInFlight` closed loops, each taking the next page view of the plan (in plan order, so a seed
 * gives the same sequence of page views whatever the timing) and sending its five requests at once over one
 * keep-alive agent (node:http) of `pagesInFlight × 5` sockets, then the next page view when all five have answered.
 * Page views started during the warm-up are not counted; a `mark` message says when the measurement starts.
 */

export interface PagesInput {
  base: string;
  headers: Record<string, string>;
  /** Every artist of the dataset, most streamed (all time) first. */
  artists: string[];
  plan: PagePlan;
  firstDay: string;
  /** Named ranges are sent by name (range=7d) when the data ends today; otherwise as the same days, from/to. */
  named: boolean;
  pagesInFlight: number;
  warmupMs: number;
  durationMs: number;
}

export interface PagesOutput {
  elapsedMs: number;
  /** Page views measured, and the plan's length (a measurement that ran out of plan says so). */
  pageViews: number;
  planUsed: number;
  planLength: number;
  errors: number;
  statuses: Record<string, number>;
  overall: LatencySummary;
  /** A page view's time: from sending its five requests to the last answer. */
  page: LatencySummary;
  endpoints: Record<PageEndpoint, LatencySummary>;
  /** Measured page views by range kind. */
  ranges: Record<RangeKind, number>;
  /** Distinct artists among the measured page views, and the share of page views on the 1, 10 and 100 most streamed. */
  artistsTouched: number;
  topShares: [number, number, number];
}

const input = workerData as PagesInput;
const url = new URL(input.base);
const agent = new Agent({ keepAlive: true, maxSockets: input.pagesInFlight * PAGE_ENDPOINTS.length });
const DAY_MS = 86_400_000;
const first = Date.parse(`${input.firstDay}T00:00:00Z`);
const dayOf = (offset: number) => new Date(first + offset * DAY_MS).toISOString().slice(0, 10);

function call(path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path, agent, headers: input.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** The five requests of page view `i`, with the query parameters the dashboard's pages send. */
function pathsOf(i: number): Record<PageEndpoint, string> {
  const { plan } = input;
  const id = input.artists[plan.artist[i]!]!;
  const kind = RANGE_KINDS[plan.range[i]!]!;
  const range = kind !== 'custom' && input.named ? `range=${kind}` : `from=${dayOf(plan.from[i]!)}&to=${dayOf(plan.to[i]!)}`;
  const at = `/v1/artists/${id}/stats`;
  return {
    stats: `${at}?${range}&format=json`,
    timeseries: `${at}/timeseries?${range}&metric=streams&format=json`,
    tracks: `${at}/tracks?${range}&limit=100&format=json`,
    audience: `${at}/audience?${range}&dimension=${DIMENSIONS[plan.dimension[i]!]}&format=json`,
    sources: `${at}/sources?${range}&format=json`,
  };
}

async function run(): Promise<PagesOutput> {
  const length = input.plan.artist.length;
  const byEndpoint = Object.fromEntries(PAGE_ENDPOINTS.map((e) => [e, [] as number[]])) as Record<PageEndpoint, number[]>;
  const all: number[] = [];
  const pages: number[] = [];
  const statuses: Record<string, number> = {};
  const ranges = Object.fromEntries(RANGE_KINDS.map((k) => [k, 0])) as Record<RangeKind, number>;
  const touched = new Set<number>();
  const top = [0, 0, 0];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const measureFrom = start + input.warmupMs;
  const end = measureFrom + input.durationMs;
  setTimeout(() => parentPort?.postMessage({ mark: 'measuring' }), input.warmupMs);
  const loop = async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end || next >= length) return;
      const i = next++;
      const paths = pathsOf(i);
      const answers = await Promise.all(
        PAGE_ENDPOINTS.map(async (endpoint) => {
          const status = await call(paths[endpoint]);
          return { endpoint, status, ms: performance.now() - sent };
        }),
      );
      if (sent < measureFrom) continue;
      pages.push(Math.max(...answers.map((a) => a.ms)));
      for (const { endpoint, status, ms } of answers) {
        byEndpoint[endpoint].push(ms);
        all.push(ms);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 200) errors++;
      }
      const artist = input.plan.artist[i]!;
      ranges[RANGE_KINDS[input.plan.range[i]!]!]++;
      touched.add(artist);
      if (artist < 1) top[0]!++;
      if (artist < 10) top[1]!++;
      if (artist < 100) top[2]!++;
    }
  };
  await Promise.all(Array.from({ length: input.pagesInFlight }, loop));
  const elapsedMs = performance.now() - measureFrom;
  agent.destroy();
  const views = Math.max(1, pages.length);
  return {
    elapsedMs,
    pageViews: pages.length,
    planUsed: next,
    planLength: length,
    errors,
    statuses,
    overall: summarize(all, elapsedMs),
    page: summarize(pages, elapsedMs),
    endpoints: Object.fromEntries(PAGE_ENDPOINTS.map((e) => [e, summarize(byEndpoint[e], elapsedMs)])) as Record<PageEndpoint, LatencySummary>,
    ranges,
    artistsTouched: touched.size,
    topShares: [top[0]! / views, top[1]! / views, top[2]! / views],
  };
}

run().then((output) => parentPort?.postMessage(output));
