import { type Caller, requireTeamVisible } from '@chorus/catalog';
import { type Db, type FeedRow, type ForecastRow, insightsQueries, insightView, isUuid } from '@chorus/db';
import { addDays, forecast } from '@chorus/insights';
import { decodeCursor, encodeCursor, problems } from '@chorus/service-kit';
import type { Forecast, Insight, InsightPageBody, InsightsQueryInput, Related } from './insights.schemas.js';

const FORECAST_HISTORY_DAYS = 120;
const FORECAST_HORIZON = 28;
const FORECAST_LEVEL = 0.8;
const FORECAST_MAX_AGE_MS = 24 * 3600_000;

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function toInsight(row: FeedRow): Insight {
  return { ...insightView(row), read: row.read };
}

/** The (created_at, id) keyset position a cursor carries; 400 when it is not one of ours. */
function position(cursor: string | undefined): [string, string] | undefined {
  if (cursor === undefined) return undefined;
  const decoded = decodeCursor(cursor, 2);
  const [at, id] = decoded ?? [];
  if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at))) {
    throw problems.badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
  }
  return [at, id];
}

/** An artist's insights, newest first, with the caller's read state; the team and platform admins only (else 404). */
export async function listInsights(db: Db, caller: Caller, artistId: string, query: InsightsQueryInput): Promise<InsightPageBody> {
  await requireTeamVisible(db, caller, artistId);
  const limit = query.limit ?? 20;
  const rows = await insightsQueries.feed(db, artistId, caller.userId, { limit: limit + 1, type: query.type, before: position(query.cursor) });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toInsight),
    next_cursor: rows.length > limit && last ? encodeCursor([last.position_at, last.id]) : null,
  };
}

/** Marks one of the artist's insights read for the caller; marking it again changes nothing. */
export async function markInsightRead(db: Db, caller: Caller, artistId: string, insightId: string): Promise<void> {
  await requireTeamVisible(db, caller, artistId);
  if (!(await insightsQueries.insightOfArtist(db, artistId, insightId))) throw problems.notFound('insight', 'insight_not_found');
  await insightsQueries.markRead(db, insightId, caller.userId);
}

/** Forecasts from the artist's daily streams up to yesterday (the last complete day), from its first day with streams. */
async function computeForecast(db: Db, artistId: string, now: Date): Promise<ForecastRow> {
  const asOf = addDays(utcDay(now), -1);
  const full = await insightsQueries.artistStreamSeries(db, artistId, addDays(asOf, -(FORECAST_HISTORY_DAYS - 1)), asOf);
  // Days before an artist's first stream are not a level of zero; they would drag the fit down.
  const first = full.findIndex((p) => p.value > 0);
  const result = forecast(first < 0 ? full : full.slice(first), FORECAST_HORIZON, FORECAST_LEVEL);
  return insightsQueries.saveForecast(db, {
    artist_id: artistId,
    as_of: asOf,
    method: result.method,
    level: result.level,
    points: result.points,
    total: result.total,
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The next 28 days of streams with prediction intervals. Served from the daily job's result, recomputed here when
 * missing, older than a day, or behind a completed day (its first point would otherwise lie in the past).
 */
export async function getForecast(db: Db, caller: Caller, artistId: string, now = new Date()): Promise<Forecast> {
  await requireTeamVisible(db, caller, artistId);
  let row = await insightsQueries.forecast(db, artistId);
  const stale = !row || now.getTime() - row.computed_at.getTime() > FORECAST_MAX_AGE_MS || row.as_of < addDays(utcDay(now), -1);
  if (!row || stale) row = await computeForecast(db, artistId, now);
  return {
    artist_id: artistId,
    as_of: row.as_of,
    computed_at: row.computed_at.toISOString(),
    method: row.method,
    level: row.level,
    horizon_days: row.points.length,
    // Rounding is monotonic, so lower <= streams <= upper still holds.
    points: row.points.map((p) => ({ day: p.day, streams: round(p.value), lower: round(p.lower), upper: round(p.upper) })),
    total: { streams: round(row.total.value), lower: round(row.total.lower), upper: round(row.total.upper) },
  };
}

/** "Fans also like": public, like the artist's profile; 404 only when the artist does not exist. */
export async function getRelated(db: Db, artistId: string, limit = 10): Promise<Related> {
  if (!(await insightsQueries.artistName(db, artistId))) throw problems.notFound('artist', 'artist_not_found');
  const rows = await insightsQueries.related(db, artistId, limit);
  return {
    artist_id: artistId,
    computed_at: rows[0]?.computed_at.toISOString() ?? null,
    // The overlap (listeners in common) stays private: a small count would say too much about a few people.
    items: rows.map((r) => ({ id: r.id, name: r.name, score: r.score })),
  };
}
