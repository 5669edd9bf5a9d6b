import { connectionStatsQueries, type Db, type PartnerRole, partnerStatsQueries, type RegisteredApp } from '@chorus/db';
import { type Principal, ProblemError, problems, type ServiceDeps } from '@chorus/service-kit';
import type { AudienceInput, RangeQueryInput } from './analytics.schemas.js';
import { windowsOf } from './artist-stats.service.js';
import { AGE_BRACKETS, GENDERS, layOutAudience } from './audience.rules.js';
import { levelsAt } from './connections.rules.js';
import { coverageOf, metric, rateMetric, ratio, skipRate } from './metrics.rules.js';
import { CONNECTION_SERIES_METRICS, type PartnerTimeseriesInput, type PartnerTopInput } from './partner-stats.schemas.js';
import { bucketsOf, type ResolvedRange, resolveRange, todayUtc, zeroFill } from './ranges.rules.js';
import type { StatsCache } from './stats.cache.js';

type Deps = Pick<ServiceDeps, 'db' | 'config'> & { cache?: StatsCache };

/** Who asks for a partner's statistics: the verified principal, and the partner app its token was issued to (if any). */
export interface PartnerCaller {
  principal: Principal;
  app: RegisteredApp | undefined;
}

/** Team roles that read a partner's statistics; developers build apps and do not. */
const READER_ROLES: readonly PartnerRole[] = ['admin', 'analyst'];

const notFound = () => problems.notFound('partner', 'partner_not_found');

/**
 * A partner's statistics are readable by its admins and analysts, and by its own apps acting for themselves
 * (client credentials: the token's subject is its client id) with partner-analytics:read (the route checks the
 * scope). Anyone else, developers included, is told 404, as if the partner did not exist.
 */
export async function requirePartnerStats(db: Db, caller: PartnerCaller, partnerId: string) {
  const { principal, app } = caller;
  if (principal.userId === principal.clientId) {
    if (app?.partnerId !== partnerId) throw notFound();
  } else {
    const role = await partnerStatsQueries.memberRole(db, partnerId, principal.userId);
    if (!role || !READER_ROLES.includes(role)) throw notFound();
  }
  const partner = await partnerStatsQueries.partnerForStats(db, partnerId);
  if (!partner) throw notFound();
  return partner;
}

/** The same decision as a boolean, for re-checks of open streams: false when the caller would be told 404. */
export async function mayReadPartnerStats(db: Db, caller: PartnerCaller, partnerId: string): Promise<boolean> {
  try {
    await requirePartnerStats(db, caller, partnerId);
    return true;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return false;
    throw error;
  }
}

function keyOf(endpoint: string, id: string, query: object): string {
  const params = Object.entries(query)
    .filter(([k, v]) => v !== undefined && k !== 'format')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `partner-${endpoint}:${id}:${todayUtc()}:${JSON.stringify(params)}`;
}

/**
 * The shared answer from the cache or the rollups: a stored one only to a caller who passed the access check, a
 * new one checked by its own partnerRange (see StatsCache.answerChecked). The cache is keyed by partner id and
 * dropped when the workers announce a change for the partner (see partner-stats.routes).
 */
async function cached<T>(deps: Deps, caller: PartnerCaller, partnerId: string, endpoint: string, query: object, compute: () => Promise<T>): Promise<T> {
  if (!deps.cache) return compute();
  const access = { callerId: caller.principal.userId, subjectId: `partner:${partnerId}`, check: () => requirePartnerStats(deps.db, caller, partnerId) };
  return deps.cache.answerChecked(access, partnerId, keyOf(endpoint, partnerId, query), compute);
}

/** Checks access and resolves the range; range=all starts at the partner's first day with data (or its creation). */
async function partnerRange(deps: Deps, caller: PartnerCaller, partnerId: string, query: RangeQueryInput): Promise<ResolvedRange> {
  const partner = await requirePartnerStats(deps.db, caller, partnerId);
  return resolveRange(query, todayUtc(), partner.first_day ?? partner.created_day);
}

/** Headline numbers of a partner over a range, each with the previous period (changes only against covered periods). */
export function partnerStats(deps: Deps, caller: PartnerCaller, partnerId: string, query: RangeQueryInput) {
  return cached(deps, caller, partnerId, 'stats', query, async () => {
    const range = await partnerRange(deps, caller, partnerId, query);
    const w = windowsOf(range);
    const [s, k] = await Promise.all([partnerStatsQueries.stats(deps.db, partnerId, w), connectionStatsQueries.partnerStats(deps.db, partnerId, w)]);
    const { current: c, previous: p } = s;
    const first = s.first_day ?? undefined;
    const covered = coverageOf(range.previous_from, range.previous_to, first);
    // Connections have their own first day: the partner's first connection.
    const firstConnection = k.first_day ?? undefined;
    const connectionsCovered = coverageOf(range.previous_from, range.previous_to, firstConnection);
    return {
      partner_id: partnerId,
      ...range,
      streams: metric(c.streams, p.streams, covered),
      listeners: metric(s.listeners, s.previous_listeners, covered),
      monthly_listeners: metric(s.monthly_listeners, s.previous_monthly_listeners, coverageOf(w.previousMonthFrom, w.previousTo, first)),
      skips: metric(c.skips, p.skips, covered),
      skip_rate: rateMetric(skipRate(c.streams, c.skips), skipRate(p.streams, p.skips), covered),
      ms_played: metric(c.ms_played, p.ms_played, covered),
      connected_users: metric(k.connected_users, k.previous_connected_users, coverageOf(range.previous_to, range.previous_to, firstConnection)),
      new_connections: metric(k.new_connections, k.previous_new_connections, connectionsCovered),
      revoked_connections: metric(k.revoked_connections, k.previous_revoked_connections, connectionsCovered),
    };
  });
}

/** One metric of a partner per day, ISO week or month, zero-filled. */
export function partnerSeries(deps: Deps, caller: PartnerCaller, partnerId: string, query: PartnerTimeseriesInput) {
  return cached(deps, caller, partnerId, 'series', query, async () => {
    const range = await partnerRange(deps, caller, partnerId, query);
    const metricName = query.metric ?? 'streams';
    const granularity = query.granularity ?? 'day';
    const buckets = bucketsOf(range.from, range.to, granularity);
    if (metricName === 'connected_users') {
      // The level at the end of each bucket (its last day in the range), not a sum over it.
      const deltas = await connectionStatsQueries.connectedDeltas(deps.db, { partnerId }, range.from, range.to);
      const levels = levelsAt(
        deltas,
        buckets.map((b) => b.end),
      );
      return {
        partner_id: partnerId,
        metric: metricName,
        granularity,
        ...range,
        points: buckets.map((b) => ({ start: b.start, end: b.end, value: levels.get(b.end) ?? 0 })),
      };
    }
    const rows = (CONNECTION_SERIES_METRICS as readonly string[]).includes(metricName)
      ? await connectionStatsQueries.partnerSeries(
          deps.db,
          partnerId,
          metricName as 'new_connections' | 'revoked_connections',
          granularity,
          range.from,
          range.to,
        )
      : await partnerStatsQueries.series(deps.db, partnerId, metricName as 'streams' | 'listeners' | 'skips' | 'ms_played', granularity, range.from, range.to);
    return { partner_id: partnerId, metric: metricName, granularity, ...range, points: zeroFill(buckets, rows) };
  });
}

/** The partner's streams in the range, the denominator of the top lists' shares. */
async function streamsOf(db: Db, partnerId: string, range: ResolvedRange): Promise<number> {
  const points = await partnerStatsQueries.series(db, partnerId, 'streams', 'month', range.from, range.to);
  return points.reduce((n, p) => n + p.value, 0);
}

/** The artists with the most streams through the partner's apps. */
export function partnerTopArtists(deps: Deps, caller: PartnerCaller, partnerId: string, query: PartnerTopInput) {
  return cached(deps, caller, partnerId, 'top-artists', query, async () => {
    const range = await partnerRange(deps, caller, partnerId, query);
    const [rows, total] = await Promise.all([
      partnerStatsQueries.topArtists(deps.db, partnerId, range.from, range.to, query.limit ?? 20),
      streamsOf(deps.db, partnerId, range),
    ]);
    return {
      partner_id: partnerId,
      ...range,
      total_artists: rows[0]?.total ?? 0,
      items: rows.map((r) => ({ artist_id: r.artist_id, name: r.name, streams: r.streams, share: ratio(r.streams, total) })),
    };
  });
}

/** The tracks with the most streams through the partner's apps. */
export function partnerTopTracks(deps: Deps, caller: PartnerCaller, partnerId: string, query: PartnerTopInput) {
  return cached(deps, caller, partnerId, 'top-tracks', query, async () => {
    const range = await partnerRange(deps, caller, partnerId, query);
    const [rows, total] = await Promise.all([
      partnerStatsQueries.topTracks(deps.db, partnerId, range.from, range.to, query.limit ?? 20),
      streamsOf(deps.db, partnerId, range),
    ]);
    return {
      partner_id: partnerId,
      ...range,
      total_tracks: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        track_id: r.track_id,
        title: r.title,
        artist_id: r.artist_id,
        artist_name: r.artist_name,
        streams: r.streams,
        share: ratio(r.streams, total),
      })),
    };
  });
}

const DOMAINS = { age: AGE_BRACKETS, gender: GENDERS, country: undefined } as const;

/** The partner's audience by country, age or gender under the artists' day-cell k-anonymity rule. */
export function partnerAudience(deps: Deps, caller: PartnerCaller, partnerId: string, query: AudienceInput) {
  return cached(deps, caller, partnerId, 'audience', query, async () => {
    const range = await partnerRange(deps, caller, partnerId, query);
    const k = deps.config.audienceMinListeners;
    const sums = await partnerStatsQueries.audience(deps.db, partnerId, query.dimension, range.from, range.to, k);
    return { partner_id: partnerId, ...range, dimension: query.dimension, k, ...layOutAudience(sums, DOMAINS[query.dimension]) };
  });
}

type Figures = { streams: number; previous_streams: number; listeners: number; skips: number; ms_played: number };
const withRate = <T extends Figures>(r: T) => ({ ...r, skip_rate: skipRate(r.streams, r.skips) });
const byStreams =
  <T extends { streams: number }>(key: (r: T) => string) =>
  (a: T, b: T) =>
    b.streams - a.streams || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Per app and device class, and per device class over all apps (listeners distinct within each). */
export function partnerApps(deps: Deps, caller: PartnerCaller, partnerId: string, query: RangeQueryInput) {
  return cached(deps, caller, partnerId, 'apps', query, async () => {
    const range = await partnerRange(deps, caller, partnerId, query);
    const [{ apps, classListeners }, connections] = await Promise.all([
      partnerStatsQueries.apps(deps.db, partnerId, { from: range.from, to: range.to, previousFrom: range.previous_from }),
      connectionStatsQueries.partnerApps(deps.db, partnerId, windowsOf(range)),
    ]);
    const classes = new Map<string, Figures>();
    for (const a of apps) {
      const c = classes.get(a.device_class) ?? { streams: 0, previous_streams: 0, listeners: classListeners.get(a.device_class) ?? 0, skips: 0, ms_played: 0 };
      c.streams += a.streams;
      c.previous_streams += a.previous_streams;
      c.skips += a.skips;
      c.ms_played += a.ms_played;
      classes.set(a.device_class, c);
    }
    return {
      partner_id: partnerId,
      ...range,
      apps: apps
        .map((a) =>
          withRate({
            app_id: a.app_id,
            name: a.name,
            device_class: a.device_class,
            streams: a.streams,
            previous_streams: a.previous_streams,
            listeners: a.listeners,
            skips: a.skips,
            ms_played: a.ms_played,
          }),
        )
        .sort(byStreams((r) => `${r.app_id} ${r.device_class}`)),
      device_classes: [...classes.entries()].map(([device_class, figures]) => withRate({ device_class, ...figures })).sort(byStreams((r) => r.device_class)),
      connections: connections.sort((a, b) => b.connected_users - a.connected_users || (a.app_id < b.app_id ? -1 : a.app_id > b.app_id ? 1 : 0)),
    };
  });
}
