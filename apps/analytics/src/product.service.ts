import { analyticsQueries, connectionStatsQueries, type Db, PARTNER_KINDS, partnerStatsQueries } from '@chorus/db';
import { addDays, detectTrends, isoWeek } from '@chorus/insights';
import { problems } from '@chorus/service-kit';
import type { RangeQueryInput, RetentionInput, TrendsInput } from './analytics.schemas.js';
import { levelsAt } from './connections.rules.js';
import { coverageOf, metric, partnerKindShares, ratio, rateMetric, skipRate, sourceShares } from './metrics.rules.js';
import { bucketsOf, type Granularity, isCalendarDay, MONTH_DAYS, type ResolvedRange, resolveRange, todayUtc } from './ranges.rules.js';

async function platformRange(db: Db, query: RangeQueryInput): Promise<ResolvedRange> {
  const today = todayUtc();
  if (query.range !== 'all') return resolveRange(query, today);
  return resolveRange(query, today, await analyticsQueries.platformFirstDay(db));
}

/** The range and the platform's first day with data (where range=all starts, and what previous periods are held against). */
async function platformRangeAndFirstDay(db: Db, query: RangeQueryInput) {
  const first = await analyticsQueries.platformFirstDay(db);
  return { range: resolveRange(query, todayUtc(), first), first };
}

const WEEK_DAYS = 7;

/** Active listeners (daily, weekly, monthly), stickiness, streams per active listener and skip rate, with a daily series. */
export async function engagement(db: Db, query: RangeQueryInput) {
  // Changes are made only against previous windows the platform's data wholly covers (see coverageOf).
  const { range, first } = await platformRangeAndFirstDay(db, query);
  const pt = range.previous_to;
  const covered = coverageOf(range.previous_from, pt, first);
  const dayCovered = coverageOf(pt, pt, first);
  const weekCovered = coverageOf(addDays(pt, -(WEEK_DAYS - 1)), pt, first);
  const monthCovered = coverageOf(addDays(pt, -(MONTH_DAYS - 1)), pt, first);
  const windows = (from: string, to: string) => ({ from, to, weekFrom: addDays(to, -(WEEK_DAYS - 1)), monthFrom: addDays(to, -(MONTH_DAYS - 1)) });
  const [cur, prev, days] = await Promise.all([
    analyticsQueries.engagement(db, windows(range.from, range.to)),
    analyticsQueries.engagement(db, windows(range.previous_from, range.previous_to)),
    analyticsQueries.engagementDaily(db, range.previous_from, range.to),
  ]);
  const byDay = new Map(days.map((d) => [d.day, d]));
  const series = (from: string, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const day = addDays(from, i);
      const d = byDay.get(day);
      return { day, dau: d?.dau ?? 0, streams: d?.streams ?? 0, skips: d?.skips ?? 0, ms_played: d?.ms_played ?? 0 };
    });
  const daily = series(range.from, range.days);
  const previousDaily = series(range.previous_from, range.days);
  const meanDau = (list: typeof daily) =>
    ratio(
      list.reduce((n, d) => n + d.dau, 0),
      list.length,
    );
  return {
    ...range,
    dau: metric(cur.dau, prev.dau, dayCovered),
    wau: metric(cur.wau, prev.wau, weekCovered),
    mau: metric(cur.mau, prev.mau, monthCovered),
    stickiness: rateMetric(ratio(cur.dau, cur.mau), ratio(prev.dau, prev.mau), monthCovered),
    active_listeners: metric(cur.active, prev.active, covered),
    average_dau: rateMetric(meanDau(daily), meanDau(previousDaily), covered),
    streams_per_active_listener: rateMetric(ratio(cur.streams, cur.active), ratio(prev.streams, prev.active), covered),
    skip_rate: rateMetric(skipRate(cur.streams, cur.skips), skipRate(prev.streams, prev.skips), covered),
    daily,
  };
}

const numbers = (rows: Array<{ dimension: string; value: string; current: number; previous: number }>, dimension: string) =>
  rows.filter((r) => r.dimension === dimension).map((r) => ({ value: r.value, current: Number(r.current), previous: Number(r.previous) }));

/** Platform-wide share of streams by source and source family, with the previous period. */
export async function productSources(db: Db, query: RangeQueryInput) {
  const range = await platformRange(db, query);
  const rows = await analyticsQueries.platformBreakdown(db, ['source'], { from: range.from, to: range.to, previousFrom: range.previous_from });
  const shares = sourceShares(numbers(rows, 'source'));
  const collaborative = shares.sources.find((s) => s.source === 'collaborative_playlist')!;
  return {
    ...range,
    ...shares,
    collaborative_playlists: {
      streams: collaborative.streams,
      share: collaborative.share,
      previous_streams: collaborative.previous_streams,
      previous_share: collaborative.previous_share,
    },
  };
}

export const PLATFORMS = ['ios', 'android', 'web', 'desktop', 'car', 'speaker', 'tv', 'other'] as const;
/** Platforms that are partner devices rather than Chorus's own apps. */
export const PARTNER_DEVICES = ['car', 'speaker', 'tv'] as const;

/** Platform-wide streams by platform, and what partners carry: the partner context and partner device platforms. */
export async function productPlatforms(db: Db, query: RangeQueryInput) {
  const range = await platformRange(db, query);
  const rows = await analyticsQueries.platformBreakdown(db, ['source', 'platform'], { from: range.from, to: range.to, previousFrom: range.previous_from });
  const platforms = numbers(rows, 'platform');
  const sources = numbers(rows, 'source');
  const total = platforms.reduce((n, r) => n + r.current, 0);
  const previousTotal = platforms.reduce((n, r) => n + r.previous, 0);
  const values = [
    ...PLATFORMS,
    ...platforms
      .map((p) => p.value)
      .filter((v) => !(PLATFORMS as readonly string[]).includes(v))
      .sort(),
  ];
  const share = (streams: number, previous: number) => ({
    streams,
    share: ratio(streams, total),
    previous_streams: previous,
    previous_share: ratio(previous, previousTotal),
  });
  const sum = (list: typeof platforms, pick: (v: string) => boolean, key: 'current' | 'previous') =>
    list.filter((r) => pick(r.value)).reduce((n, r) => n + r[key], 0);
  const isDevice = (v: string) => (PARTNER_DEVICES as readonly string[]).includes(v);
  return {
    ...range,
    total_streams: total,
    previous_total_streams: previousTotal,
    platforms: values.map((platform) => {
      const r = platforms.find((p) => p.value === platform);
      return { platform, ...share(r?.current ?? 0, r?.previous ?? 0) };
    }),
    partner: {
      context: share(
        sum(sources, (v) => v === 'partner', 'current'),
        sum(sources, (v) => v === 'partner', 'previous'),
      ),
      devices: share(sum(platforms, isDevice, 'current'), sum(platforms, isDevice, 'previous')),
    },
  };
}

/** Weekly sign-up cohorts and the share of each still streaming in each of the weeks after sign-up. */
export async function retention(db: Db, query: RetentionInput) {
  const weeks = query.cohorts ?? 8;
  const today = todayUtc();
  const currentWeek = bucketsOf(today, today, 'week')[0]!.key;
  const firstWeek = addDays(currentWeek, -WEEK_DAYS * (weeks - 1));
  const { sizes, active } = await analyticsQueries.retention(db, firstWeek, currentWeek, weeks, today);
  const sizeOf = new Map(sizes.map((s) => [s.week, s.size]));
  const activeOf = new Map(active.map((a) => [`${a.week}|${a.k}`, a.active]));
  const cohorts = Array.from({ length: weeks }, (_, i) => {
    const week = addDays(firstWeek, WEEK_DAYS * i);
    const size = sizeOf.get(week) ?? 0;
    const counts = Array.from({ length: weeks }, (_, j) => {
      const k = j + 1;
      const weekEnd = addDays(week, WEEK_DAYS * k + WEEK_DAYS - 1);
      return weekEnd < today ? (activeOf.get(`${week}|${k}`) ?? 0) : null;
    });
    return {
      week: isoWeek(week),
      week_start: week,
      size,
      retention: counts.map((n) => (n === null ? null : ratio(n, size))),
      active: counts,
    };
  });
  return { weeks, today, cohorts };
}

const ALPHA = 0.01;
const DEFAULT_MIN_STREAMS = 100;

/**
 * Artists and tracks rising in one market: the last 7 days against the 7 before, judged by the insights
 * package's conditional binomial test (the same one insight jobs use), most growth first. Only listens on the
 * artist's shown audience days in the market count (k: the audience rule's minimum).
 */
export async function trends(db: Db, query: TrendsInput, k: number) {
  const today = todayUtc();
  const to = query.to ?? today;
  if (!isCalendarDay(to) || to > today) {
    throw problems.validation([{ pointer: '/to', detail: `must be a calendar day no later than today (${today}, UTC)`, in: 'querystring' }]);
  }
  const minVolume = query.min_streams ?? DEFAULT_MIN_STREAMS;
  const limit = query.limit ?? 20;
  const window = { from: addDays(to, -13), currentFrom: addDays(to, -6), to };
  const [artistRows, trackRows] = await Promise.all([
    analyticsQueries.trendCandidates(db, 'artist', query.market, window, minVolume, k),
    analyticsQueries.trendCandidates(db, 'track', query.market, window, minVolume, k),
  ]);
  const judge = (kind: 'artist' | 'track', rows: typeof artistRows) =>
    rows
      .flatMap((row) => {
        const series = row.days.map((day, i) => ({ day, value: row.streams[i] ?? 0 }));
        const [found] = detectTrends({
          subject: { kind, id: row.id, name: row.name },
          asOf: to,
          byMarket: { [query.market]: series },
          minVolume,
          alpha: ALPHA,
        });
        if (!found) return [];
        const e = found.evidence as { current: number; previous: number; p_value: number };
        return [
          {
            id: row.id,
            name: row.name,
            artist_id: row.artist_id,
            artist_name: row.artist_name,
            current: e.current,
            previous: e.previous,
            change: e.previous === 0 ? null : (e.current - e.previous) / e.previous,
            p_value: e.p_value,
          },
        ];
      })
      .sort((a, b) => {
        // Rises from nothing first, then the largest relative rise, then volume.
        if ((a.change === null) !== (b.change === null)) return a.change === null ? -1 : 1;
        return (b.change ?? 0) - (a.change ?? 0) || b.current - a.current || (a.id < b.id ? -1 : 1);
      })
      .slice(0, limit);
  return {
    market: query.market,
    current_from: window.currentFrom,
    current_to: to,
    previous_from: window.from,
    previous_to: addDays(to, -7),
    min_streams: minVolume,
    alpha: ALPHA,
    artists: judge('artist', artistRows),
    tracks: judge('track', trackRows),
  };
}

/** How much of listening goes beyond the most streamed 1% of artists, for the range, the previous period and each week. */
export async function diversity(db: Db, query: RangeQueryInput) {
  const { range, first } = await platformRangeAndFirstDay(db, query);
  const rows = await analyticsQueries.diversity(db, { from: range.from, to: range.to, previousFrom: range.previous_from, previousTo: range.previous_to });
  const covered = coverageOf(range.previous_from, range.previous_to, first);
  const bucket = new Map(rows.map((r) => [r.bucket, r]));
  const outside = (r: { total: number; top: number } | undefined) => (r ? ratio(r.total - r.top, r.total) : null);
  const current = bucket.get('current');
  return {
    ...range,
    share_outside_top: rateMetric(outside(current), outside(bucket.get('previous')), covered),
    total_streams: current?.total ?? 0,
    artists: current?.artists ?? 0,
    top_artists: current?.top_artists ?? 0,
    weekly: bucketsOf(range.from, range.to, 'week').map((b) => {
      const r = bucket.get(b.key);
      return {
        start: b.start,
        end: b.end,
        share_outside_top: outside(r),
        total_streams: r?.total ?? 0,
        artists: r?.artists ?? 0,
        top_artists: r?.top_artists ?? 0,
      };
    }),
  };
}

/**
 * The share of listening through each partner kind (verified automotive, telecom, device and app, unverified
 * claims, none) over the range and the previous period, and per day, ISO week or month of the range.
 */
export async function partnerKinds(db: Db, query: RangeQueryInput & { granularity?: Granularity | undefined }) {
  const range = await platformRange(db, query);
  const granularity = query.granularity ?? 'day';
  const rows = await partnerStatsQueries.platformPartnerKindsDaily(db, range.previous_from, range.to);
  const sums = (keep: (day: string) => boolean) => {
    const byKind = new Map<string, { current: number; previous: number }>();
    for (const r of rows) {
      if (!keep(r.day)) continue;
      const v = byKind.get(r.kind) ?? { current: 0, previous: 0 };
      if (r.day >= range.from) v.current += r.streams;
      else v.previous += r.streams;
      byKind.set(r.kind, v);
    }
    return [...byKind.entries()].map(([kind, v]) => ({ kind, ...v }));
  };
  const kinds = partnerKindShares(sums(() => true));
  const series = bucketsOf(range.from, range.to, granularity).map((b) => {
    const shares = partnerKindShares(sums((day) => day >= b.start && day <= b.end));
    const total = shares.reduce((n, s) => n + s.streams, 0);
    return { start: b.start, end: b.end, total_streams: total, kinds: shares.map((s) => ({ kind: s.kind, streams: s.streams, share: s.share })) };
  });
  return {
    ...range,
    granularity,
    total_streams: kinds.reduce((n, s) => n + s.streams, 0),
    previous_total_streams: kinds.reduce((n, s) => n + s.previous_streams, 0),
    kinds,
    series,
  };
}

/** Days after a connection that its retention is judged over. */
export const RETENTION_HORIZONS = [7, 28] as const;

/**
 * Connections to partner apps by partner kind: new and revoked connections and connected listeners for the range
 * and the previous period, and per day, ISO week or month with the bucket's connection cohort and its retention
 * after 7 and 28 days (defined in ProductPartnerConnectionsSchema). Counts only.
 */
export async function partnerConnections(db: Db, query: RangeQueryInput & { granularity?: Granularity | undefined }) {
  const range = await platformRange(db, query);
  const granularity = query.granularity ?? 'day';
  const today = todayUtc();
  const buckets = bucketsOf(range.from, range.to, granularity);
  const [daily, deltas, cohorts] = await Promise.all([
    connectionStatsQueries.platformDaily(db, range.previous_from, range.to),
    connectionStatsQueries.connectedDeltas(db, 'kinds', range.previous_to, range.to),
    connectionStatsQueries.platformCohorts(db, granularity, range.from, range.to, RETENTION_HORIZONS),
  ]);
  const levels = new Map(
    PARTNER_KINDS.map((kind) => [
      kind,
      levelsAt(
        deltas.filter((d) => d.group === kind),
        [range.previous_to, range.to, ...buckets.map((b) => b.end)],
      ),
    ]),
  );
  const count = (kind: string, what: 'new' | 'revoked', from: string, to: string) =>
    daily.filter((d) => d.kind === kind && d.what === what && d.day >= from && d.day <= to).reduce((n, d) => n + d.count, 0);
  const kinds = PARTNER_KINDS.map((kind) => ({
    kind,
    new_connections: count(kind, 'new', range.from, range.to),
    previous_new_connections: count(kind, 'new', range.previous_from, range.previous_to),
    revoked_connections: count(kind, 'revoked', range.from, range.to),
    previous_revoked_connections: count(kind, 'revoked', range.previous_from, range.previous_to),
    connected_users: levels.get(kind)?.get(range.to) ?? 0,
    previous_connected_users: levels.get(kind)?.get(range.previous_to) ?? 0,
  }));
  const series = buckets.map((b) => ({
    start: b.start,
    end: b.end,
    kinds: PARTNER_KINDS.map((kind) => {
      const c = cohorts.find((r) => r.kind === kind && r.bucket === b.key);
      const size = c?.size ?? 0;
      const retention = Object.fromEntries(
        RETENTION_HORIZONS.flatMap((h) => {
          // Judged only once the last member's days are over (today is not).
          const retained = addDays(b.end, h) < today ? (c?.retained[h] ?? 0) : null;
          return [
            [`retained_${h}d`, retained],
            [`retention_${h}d`, retained === null ? null : ratio(retained, size)],
          ];
        }),
      ) as Record<'retained_7d' | 'retained_28d' | 'retention_7d' | 'retention_28d', number | null>;
      return {
        kind,
        new_connections: count(kind, 'new', b.start, b.end),
        revoked_connections: count(kind, 'revoked', b.start, b.end),
        connected_users: levels.get(kind)?.get(b.end) ?? 0,
        cohort: size,
        ...retention,
      };
    }),
  }));
  return { ...range, granularity, kinds, series };
}
