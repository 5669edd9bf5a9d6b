import { audienceQueries, type Db, type InsightRow, insightsQueries, insightView, type InsightView, type NewInsight, type Watermark } from '@chorus/db';
import {
  addDays,
  detectAnomaly,
  detectAudienceShift,
  detectMilestones,
  detectPlaylistMomentum,
  detectTrends,
  type DailyPoint,
  forecast,
  forecastInsight,
  type InsightCandidate,
  relatedArtists,
  type Subject,
} from '@chorus/insights';
import {
  computeForecastsJob,
  computeRelatedArtistsJob,
  evaluateArtistInsightsJob,
  queueWebhookDeliveries,
  scanInsightsJob,
  type WorkerHandlers,
} from '@chorus/jobs';
import type { ServiceDeps } from '@chorus/service-kit';

/** The bus channel on which an artist's new insights are announced as they are stored (live notifications). */
export function insightsChannel(artistId: string): string {
  return `insights:${artistId}`;
}

/** What a subscriber of `insightsChannel` receives: one stored insight, as the insights feed shows it. */
export type InsightMessage = InsightView;

/** Days of daily history the detectors see: the anomaly baseline (28) and two trend weeks fit with room to spare. */
const HISTORY_DAYS = 60;
const FORECAST_HORIZON = 28;
const FORECAST_LEVEL = 0.8;
const SCAN_BATCH = 500;
const MAX_PASSES = 3;

type InsightDeps = Pick<ServiceDeps, 'db' | 'bus' | 'config' | 'jobs'>;

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function toNewInsight(c: InsightCandidate): NewInsight {
  return {
    subject_kind: c.subject.kind,
    subject_id: c.subject.id,
    type: c.type,
    severity: c.severity,
    title: c.title,
    body: c.body,
    evidence: c.evidence,
    dedupe_key: c.dedupe_key,
  };
}

/** Stores candidates (each fact once) with the new watermarks and their webhook events, then announces what was actually new. */
async function store(
  deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>,
  artistId: string,
  candidates: InsightCandidate[],
  watermarks: Watermark[] = [],
  observedAt?: Date,
) {
  const { inserted, deliveries } = await insightsQueries.storeInsights(deps.db, artistId, candidates.map(toNewInsight), watermarks, observedAt);
  await queueWebhookDeliveries(deps.jobs, deliveries);
  // Best effort: the rows are committed and the feed shows them whether or not anyone was listening.
  for (const row of inserted) await deps.bus.publish(insightsChannel(artistId), insightView(row)).catch(() => {});
  return inserted;
}

/**
 * Runs every detector on one artist as of `now` and stores what is new, dated `now`. Idempotent: each fact has a
 * dedupe key stored under a unique constraint, so a threshold crossed again (after a deletion lowered a total) is
 * not reported twice. Every read stops at `now`'s day, so replaying past days in order (a history loaded at
 * once, like the demo's) finds each fact on the day it happened.
 */
export async function evaluateArtistInsights(deps: InsightDeps, artistId: string, now = new Date()): Promise<InsightRow[]> {
  const { db } = deps;
  const k = deps.config.audienceMinListeners;
  const artist = await insightsQueries.artistName(db, artistId);
  if (!artist) return []; // deleted since the job was queued
  const subject: Subject = { kind: 'artist', id: artist.id, name: artist.name };
  const today = utcDay(now);
  const yesterday = addDays(today, -1);
  const weekStart = addDays(today, -6);
  const previousWeekStart = addDays(today, -13);
  const candidates: InsightCandidate[] = [];

  // Anomaly: yesterday is the last complete day; today is still filling up, so only a spike can already be real.
  const series = await insightsQueries.artistStreamSeries(db, artistId, addDays(today, -(HISTORY_DAYS - 1)), today);
  candidates.push(...detectAnomaly({ subject, series, day: yesterday }));
  candidates.push(...detectAnomaly({ subject, series, day: today }).filter((c) => c.evidence.direction === 'spike'));

  // Audiences and markets are read under the audience endpoint's day-cell rule (audienceQueries): a value's
  // numbers come only from days it had at least k listeners on (with complementary hiding), so every count an
  // insight states is 0 or at least k, and none can be set against /stats/audience to expose a hidden day.

  // Audience shift by country and age: distinct listeners per value, this week against the week before.
  for (const dimension of ['country', 'age'] as const) {
    const cells = await audienceQueries.windows(db, artistId, dimension, previousWeekStart, weekStart, today, k);
    candidates.push(
      ...detectAudienceShift({
        subject,
        dimension,
        asOf: today,
        current: Object.fromEntries(cells.map((c) => [c.value, c.current])),
        previous: Object.fromEntries(cells.map((c) => [c.value, c.previous])),
      }),
    );
  }

  // Trend by market, the current week ending today: today's partial count can only hide a rise, never invent one.
  // A market shown on no day this week (fewer than k listeners each day) has no current streams and no trend.
  const byMarket: Record<string, DailyPoint[]> = {};
  for (const r of await audienceQueries.marketStreams(db, artistId, previousWeekStart, today, k)) {
    const points = byMarket[r.market] ?? [];
    points.push({ day: r.day, value: r.streams });
    byMarket[r.market] = points;
  }
  candidates.push(...detectTrends({ subject, asOf: today, byMarket }));

  // Milestones: all-time totals against the last totals seen (the watermarks), for the artist and each track.
  const marks = new Map((await insightsQueries.watermarks(db, artistId)).map((w) => [`${w.subject_kind}:${w.subject_id}:${w.metric}`, w.value]));
  const watermarks: Watermark[] = [];
  const milestone = (s: Subject, metric: 'streams' | 'listeners', currentTotal: number) => {
    const previousTotal = marks.get(`${s.kind}:${s.id}:${metric}`) ?? 0;
    if (previousTotal === currentTotal) return;
    candidates.push(...detectMilestones({ subject: s, metric, previousTotal, currentTotal, at: today }));
    watermarks.push({ subject_kind: s.kind, subject_id: s.id, metric, value: currentTotal });
  };
  const totals = await insightsQueries.artistTotals(db, artistId, today);
  milestone(subject, 'streams', totals.streams);
  milestone(subject, 'listeners', totals.listeners);
  for (const t of await insightsQueries.trackTotals(db, artistId, today)) milestone({ kind: 'track', id: t.track_id, name: t.title }, 'streams', t.streams);

  // Playlist momentum per track: distinct playlists it was added to this week against the week before.
  const adds = await insightsQueries.playlistAdds(db, artistId, dayStart(previousWeekStart), dayStart(weekStart), dayStart(addDays(today, 1)));
  for (const a of adds) {
    candidates.push(
      ...detectPlaylistMomentum({
        subject: { kind: 'track', id: a.track_id, name: a.title },
        asOf: today,
        addsLast7: { total: a.current_total, collaborative: a.current_collaborative },
        addsPrev7: { total: a.previous_total, collaborative: a.previous_collaborative },
      }),
    );
  }

  return store(deps, artistId, candidates, watermarks, now);
}

/** The end of a UTC day, or `cap` when that comes first (today, still under way). */
function endOf(day: string, cap: Date): Date {
  const end = new Date(dayStart(addDays(day, 1)).getTime() - 1);
  return end < cap ? end : cap;
}

/**
 * The milestones of a history written at once, each dated and worded for the day its total crossed the
 * threshold, up to `until`; leaves the watermarks where day-by-day evaluation would have. Three reads per artist
 * instead of an evaluation a day.
 */
export async function backfillMilestones(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>, artistId: string, until: Date): Promise<number> {
  const totals = new Map<string, { subject: Subject; metric: 'streams' | 'listeners'; value: number }>();
  const byDay = new Map<string, InsightCandidate[]>();
  for (const row of await insightsQueries.milestoneIncrements(deps.db, artistId, utcDay(until))) {
    const key = `${row.kind}:${row.id}:${row.metric}`;
    const total = totals.get(key) ?? { subject: { kind: row.kind, id: row.id, name: row.name }, metric: row.metric, value: 0 };
    const found = detectMilestones({
      subject: total.subject,
      metric: row.metric,
      previousTotal: total.value,
      currentTotal: total.value + row.value,
      at: row.day,
    });
    if (found.length) byDay.set(row.day, [...(byDay.get(row.day) ?? []), ...found]);
    total.value += row.value;
    totals.set(key, total);
  }
  let stored = 0;
  for (const [day, candidates] of byDay) stored += (await store(deps, artistId, candidates, [], endOf(day, until))).length;
  const watermarks = [...totals.values()].map((t) => ({ subject_kind: t.subject.kind, subject_id: t.subject.id, metric: t.metric, value: t.value }));
  await insightsQueries.saveInsights(deps.db, artistId, [], watermarks);
  return stored;
}

/** Days of history the detectors that compare a week with the week before need before their first run. */
const COMPARED_DAYS = 14;

/**
 * Replays the insight jobs over a history written at once (the demo's), as if they had run at the end of each
 * day, so each insight is dated and worded for the day it happened: milestones over the whole history, and for
 * `compareFor` artists every detector, from the first day whose week and week before both lie in the history
 * (earlier, the week before would be empty for want of data, not of listening).
 */
export async function replayArtistInsights(
  deps: InsightDeps,
  artistIds: readonly string[],
  from: string,
  to: Date,
  compareFor: readonly string[] = artistIds,
): Promise<number> {
  const firstCompared = addDays(from, COMPARED_DAYS - 1);
  const stored = await Promise.all(
    artistIds.map(async (artistId) => {
      if (!compareFor.includes(artistId) || firstCompared > utcDay(to)) return backfillMilestones(deps, artistId, to);
      let n = await backfillMilestones(deps, artistId, endOf(addDays(firstCompared, -1), to));
      for (let day = firstCompared; day <= utcDay(to); day = addDays(day, 1)) n += (await evaluateArtistInsights(deps, artistId, endOf(day, to))).length;
      return n;
    }),
  );
  return stored.reduce((a, b) => a + b, 0);
}

/**
 * Queues an evaluation of every artist with rollup data since `sinceDays` days ago, in keyset batches.
 * ensureQueued also retries an evaluation that failed for good, which would otherwise hold its id for days.
 */
export async function scanActiveArtists(deps: Pick<ServiceDeps, 'db' | 'jobs'>, sinceDays: number, now = new Date()) {
  const since = addDays(utcDay(now), -(sinceDays - 1));
  let after: string | null = null;
  let artists = 0;
  let queued = 0;
  for (;;) {
    const ids = await insightsQueries.activeArtists(deps.db, since, after, SCAN_BATCH);
    if (ids.length === 0) break;
    const states = await Promise.all(ids.map((artistId) => deps.jobs.ensureQueued(evaluateArtistInsightsJob, { artistId })));
    queued += states.filter((s) => s !== 'present').length;
    artists += ids.length;
    after = ids[ids.length - 1]!;
  }
  return { artists, queued };
}

/** The artist's daily streams up to yesterday (the last complete day), from its first day with streams. */
async function forecastHistory(db: Db, artistId: string, historyDays: number, now: Date) {
  const asOf = addDays(utcDay(now), -1);
  const full = await insightsQueries.artistStreamSeries(db, artistId, addDays(asOf, -(historyDays - 1)), asOf);
  // Days before an artist's first stream are not a level of zero; they would drag the fit down.
  const first = full.findIndex((p) => p.value > 0);
  return { asOf, series: first < 0 ? full : full.slice(first) };
}

/** Forecasts one artist's next 28 days of streams and stores it (replacing the previous forecast). */
export async function computeArtistForecast(db: Db, artistId: string, historyDays = 120, now = new Date()) {
  const { asOf, series } = await forecastHistory(db, artistId, historyDays, now);
  const result = forecast(series, FORECAST_HORIZON, FORECAST_LEVEL);
  const row = await insightsQueries.saveForecast(db, {
    artist_id: artistId,
    as_of: asOf,
    method: result.method,
    level: result.level,
    points: result.points,
    total: result.total,
  });
  return { row, series, asOf };
}

/** Forecasts every artist with streams in the last `activeDays` days, and posts each one's forecast insight once a week. */
export async function computeForecasts(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>, options: { historyDays: number; activeDays: number }, now = new Date()) {
  const since = addDays(utcDay(now), -(options.activeDays - 1));
  let after: string | null = null;
  let artists = 0;
  let insights = 0;
  for (;;) {
    const ids = await insightsQueries.activeArtists(deps.db, since, after, SCAN_BATCH);
    if (ids.length === 0) break;
    for (const artistId of ids) {
      const artist = await insightsQueries.artistName(deps.db, artistId);
      if (!artist) continue;
      const { series, asOf } = await computeArtistForecast(deps.db, artistId, options.historyDays, now);
      // The dedupe key holds the ISO week, so running daily still posts one forecast insight a week.
      const insight = forecastInsight({ kind: 'artist', id: artist.id, name: artist.name }, series, asOf);
      if (insight) insights += (await store(deps, artistId, [insight])).length;
      artists++;
    }
    after = ids[ids.length - 1]!;
  }
  return { artists, insights };
}

/**
 * Rebuilds related artists from co-listening: each artist's distinct listeners of the last `windowDays` days,
 * compared by cosine similarity. The whole table is replaced in one transaction.
 */
export async function computeRelated(db: Db, options: { windowDays: number; minOverlap: number }, now = new Date()) {
  const since = addDays(utcDay(now), -(options.windowDays - 1));
  const listenersByArtist = new Map<string, string[]>();
  for (const { artist_id, user_id } of await insightsQueries.listenerPairs(db, since)) {
    const listeners = listenersByArtist.get(artist_id) ?? [];
    listeners.push(user_id);
    listenersByArtist.set(artist_id, listeners);
  }
  const related = relatedArtists({ listenersByArtist, minOverlap: options.minOverlap });
  const rows = [...related].flatMap(([artistId, list]) =>
    list.map((r) => ({ artist_id: artistId, related_artist_id: r.artist_id, score: r.score, overlap: r.overlap })),
  );
  await insightsQueries.replaceRelated(db, rows, now);
  return { artists: listenersByArtist.size, pairs: rows.length };
}

/** The insight jobs' handlers: per-artist evaluation, the hourly scan, daily forecasts and related artists. */
export function insightsHandlers(deps: Pick<ServiceDeps, 'db' | 'bus' | 'config' | 'jobs'>) {
  return {
    // Idempotent: facts are stored under unique dedupe keys, so a retry or a rerun adds nothing twice.
    [evaluateArtistInsightsJob.name]: async ({ artistId }) => {
      let stored = 0;
      // While this job runs its id is taken, so a batch applied meanwhile cannot queue another run: look again
      // until the artist's streams stood still during a pass (the hourly scan covers the last few milliseconds).
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const before = await insightsQueries.artistStreams(deps.db, artistId);
        stored += (await evaluateArtistInsights(deps, artistId)).length;
        if ((await insightsQueries.artistStreams(deps.db, artistId)) === before) break;
      }
      return { stored };
    },

    // Idempotent: it only queues evaluations, and those collapse on their job id.
    [scanInsightsJob.name]: async ({ sinceDays }) => scanActiveArtists(deps, sinceDays),

    // Idempotent: each artist's forecast row is replaced, and the weekly insight has a dedupe key.
    [computeForecastsJob.name]: async (payload) => computeForecasts(deps, payload),

    // Idempotent: the related-artist table is replaced wholesale from the listener sets.
    [computeRelatedArtistsJob.name]: async (payload) => computeRelated(deps.db, payload),
  } satisfies Partial<WorkerHandlers>;
}
