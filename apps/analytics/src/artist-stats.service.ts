import { analyticsQueries, audienceQueries, type Condition, type Db, partnerStatsQueries, type StatsSubject, type StatsWindows } from '@chorus/db';
import { addDays } from '@chorus/insights';
import { teamVisibleWithin } from '@chorus/catalog';
import { decodeCursor, encodeCursor, type Principal, problems, type ServiceDeps } from '@chorus/service-kit';
import { requireArtistStats, requireTrackStats } from './access.service.js';
import type { AudienceInput, PlaylistsInput, RangeQueryInput, TimeseriesInput, TracksInput } from './analytics.schemas.js';
import { AGE_BRACKETS, GENDERS, layOutAudience } from './audience.rules.js';
import { coverageOf, metric, namedPartnerShares, partnerKindShares, rateMetric, skipRate, sourceShares } from './metrics.rules.js';
import { bucketsOf, MONTH_DAYS, type ResolvedRange, resolveRange, todayUtc, zeroFill } from './ranges.rules.js';
import type { StatsCache } from './stats.cache.js';

type Deps = Pick<ServiceDeps, 'db' | 'config'> & { cache?: StatsCache };

/** The cache key of an answer: what was asked, about whom, and today's date (ranges end today). One answer serves JSON and CSV. */
function keyOf(endpoint: string, id: string, query: object): string {
  const params = Object.entries(query)
    .filter(([k, v]) => v !== undefined && k !== 'format')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${endpoint}:${id}:${todayUtc()}:${JSON.stringify(params)}`;
}

/**
 * The shared answer from the cache or from the rollups: a stored one only to a caller who passed the access
 * check, a new one checked by its own read (see StatsCache.answerChecked).
 */
async function cachedArtistAnswer<T>(deps: Deps, caller: Principal, artistId: string, endpoint: string, query: object, compute: () => Promise<T>): Promise<T> {
  if (!deps.cache) return compute();
  const access = { callerId: caller.userId, subjectId: artistId, check: () => requireArtistStats(deps.db, caller, artistId) };
  return deps.cache.answerChecked(access, artistId, keyOf(endpoint, artistId, query), compute);
}

/** The windows one stats query reads: the range, the period before, and the 28 days ending at each. */
export function windowsOf(range: ResolvedRange): StatsWindows {
  return {
    from: range.from,
    to: range.to,
    previousFrom: range.previous_from,
    previousTo: range.previous_to,
    monthFrom: addDays(range.to, -(MONTH_DAYS - 1)),
    previousMonthFrom: addDays(range.previous_to, -(MONTH_DAYS - 1)),
  };
}

/** Resolves an artist's range; range=all needs the artist's first day, the only case that costs a query. */
async function artistRange(db: Db, artistId: string, query: RangeQueryInput): Promise<ResolvedRange> {
  const today = todayUtc();
  if (query.range !== 'all') return resolveRange(query, today);
  const first = await analyticsQueries.artistFirstDay(db, artistId);
  return resolveRange(query, today, first?.first_day ?? first?.created_day);
}

/** Checks access to an artist's or a track's statistics and resolves the range against the subject. */
async function subjectOf(db: Db, caller: Principal, kind: StatsSubject['kind'], id: string, query: RangeQueryInput) {
  if (kind === 'artist') {
    await requireArtistStats(db, caller, id);
    return { subject: { kind, id } as StatsSubject, artistId: id, range: await artistRange(db, id, query) };
  }
  const track = await requireTrackStats(db, caller, id);
  const range = resolveRange(query, todayUtc(), track.first_day ?? track.created_day);
  return { subject: { kind, id } as StatsSubject, artistId: track.artist_id, range };
}

/**
 * Headline numbers of an artist or a track over a range, each with the previous period. A change is made only
 * against a previous window the subject's data wholly covers (see coverageOf); monthly listeners against theirs.
 */
async function statsOf(db: Db, subject: StatsSubject, range: ResolvedRange, onlyIf?: Condition) {
  const w = windowsOf(range);
  const s = await analyticsQueries.stats(db, subject, w, onlyIf);
  if (!s) return undefined;
  const { current: c, previous: p } = s;
  const first = s.first_day ?? undefined;
  const covered = coverageOf(range.previous_from, range.previous_to, first);
  return {
    streams: metric(c.streams, p.streams, covered),
    listeners: metric(s.listeners, s.previous_listeners, covered),
    monthly_listeners: metric(s.monthly_listeners, s.previous_monthly_listeners, coverageOf(w.previousMonthFrom, w.previousTo, first)),
    skips: metric(c.skips, p.skips, covered),
    skip_rate: rateMetric(skipRate(c.streams, c.skips), skipRate(p.streams, p.skips), covered),
    saves: metric(c.saves, p.saves, covered),
    playlist_adds: metric(c.playlist_adds, p.playlist_adds, covered),
    ms_played: metric(c.ms_played, p.ms_played, covered),
  };
}

export async function artistStats(deps: Deps, caller: Principal, artistId: string, query: RangeQueryInput) {
  return cachedArtistAnswer(deps, caller, artistId, 'stats', query, () => artistStatsFresh(deps, caller, artistId, query));
}

async function artistStatsFresh(deps: Deps, caller: Principal, artistId: string, query: RangeQueryInput) {
  const subject: StatsSubject = { kind: 'artist', id: artistId };
  return { artist_id: artistId, ...(await readArtist(deps.db, caller, artistId, query, (range, onlyIf) => statsOf(deps.db, subject, range, onlyIf))) };
}

/**
 * Resolves an artist's range and reads its team-only data with the caller's access checked inside the read's
 * own statement, so that a caller who may read pays one round trip, not two. A read that found no access has
 * read nothing: the full check then answers (its 404), or, when the caller joined the team in between, the read
 * runs again without the condition. range=all starts at the artist's first day, itself a read, so it checks
 * access first, as before.
 */
async function readArtist<T extends object>(
  db: Db,
  caller: Principal,
  artistId: string,
  query: RangeQueryInput,
  read: (range: ResolvedRange, onlyIf?: Condition) => Promise<T | undefined>,
): Promise<ResolvedRange & T> {
  let range: ResolvedRange;
  if (query.range !== 'all') {
    range = resolveRange(query, todayUtc());
    const answer = await read(range, teamVisibleWithin(caller, artistId));
    if (answer !== undefined) return { ...range, ...answer };
    await requireArtistStats(db, caller, artistId);
  } else {
    await requireArtistStats(db, caller, artistId);
    range = await artistRange(db, artistId, query);
  }
  const answer = await read(range);
  return { ...range, ...unguarded(answer) };
}

/** The answer of a read without a condition: only a condition that does not hold makes a read answer nothing. */
function unguarded<T>(answer: T | undefined): T {
  if (answer === undefined) throw new Error('a read without a condition always answers');
  return answer;
}

export async function trackStats(deps: Deps, caller: Principal, trackId: string, query: RangeQueryInput) {
  const { subject, artistId, range } = await subjectOf(deps.db, caller, 'track', trackId, query);
  return { track_id: trackId, artist_id: artistId, ...range, ...unguarded(await statsOf(deps.db, subject, range)) };
}

/** One metric of an artist or a track per day, ISO week or calendar month, zero-filled. */
async function seriesOf(db: Db, subject: StatsSubject, range: ResolvedRange, query: TimeseriesInput, onlyIf?: Condition) {
  const metricName = query.metric ?? 'streams';
  const granularity = query.granularity ?? 'day';
  const rows = await analyticsQueries.series(db, subject, metricName, granularity, range.from, range.to, onlyIf);
  if (!rows) return undefined;
  return { metric: metricName, granularity, points: zeroFill(bucketsOf(range.from, range.to, granularity), rows) };
}

export async function artistSeries(deps: Deps, caller: Principal, artistId: string, query: TimeseriesInput) {
  return cachedArtistAnswer(deps, caller, artistId, 'series', query, () => artistSeriesFresh(deps, caller, artistId, query));
}

async function artistSeriesFresh(deps: Deps, caller: Principal, artistId: string, query: TimeseriesInput) {
  const subject: StatsSubject = { kind: 'artist', id: artistId };
  return { artist_id: artistId, ...(await readArtist(deps.db, caller, artistId, query, (range, onlyIf) => seriesOf(deps.db, subject, range, query, onlyIf))) };
}

export async function trackSeries(deps: Deps, caller: Principal, trackId: string, query: TimeseriesInput) {
  const { subject, artistId, range } = await subjectOf(deps.db, caller, 'track', trackId, query);
  return { track_id: trackId, artist_id: artistId, ...range, ...unguarded(await seriesOf(deps.db, subject, range, query)) };
}

function pageOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const decoded = decodeCursor(cursor, 1);
  const offset = decoded?.[0];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > 1_000_000) {
    throw problems.badRequest('invalid_cursor', 'The cursor is not one this list gave out.', [
      { pointer: '/cursor', detail: 'is not valid', in: 'querystring' },
    ]);
  }
  return offset;
}

/** Every track of the artist with its numbers for the range, sorted; tracks without data count zero. */
export async function artistTracks(deps: Deps, caller: Principal, artistId: string, query: TracksInput) {
  return cachedArtistAnswer(deps, caller, artistId, 'tracks', query, () => artistTracksFresh(deps, caller, artistId, query));
}

async function artistTracksFresh(deps: Deps, caller: Principal, artistId: string, query: TracksInput) {
  const sort = query.sort ?? 'streams';
  const order = query.order ?? 'desc';
  const limit = query.limit ?? 20;
  const offset = pageOffset(query.cursor);
  const { tracks, ...range } = await readArtist(deps.db, caller, artistId, query, async (range, onlyIf) => {
    const tracks = await analyticsQueries.artistTracks(deps.db, artistId, range.from, range.to, onlyIf);
    return tracks && { tracks };
  });
  const rows = tracks.map((r) => ({
    track_id: r.track_id,
    title: r.title,
    streams: Number(r.streams),
    listeners: Number(r.listeners),
    skips: Number(r.skips),
    skip_rate: skipRate(Number(r.streams), Number(r.skips)),
    saves: Number(r.saves),
    playlist_adds: Number(r.playlist_adds),
    ms_played: Number(r.ms_played),
  }));
  const direction = order === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    const x = a[sort];
    const y = b[sort];
    if (x !== y) {
      if (x === null) return 1; // no plays, no rate: last either way
      if (y === null) return -1;
      return (x - y) * direction;
    }
    return a.title < b.title ? -1 : a.title > b.title ? 1 : a.track_id < b.track_id ? -1 : a.track_id > b.track_id ? 1 : 0;
  });
  const items = rows.slice(offset, offset + limit);
  return {
    artist_id: artistId,
    ...range,
    sort,
    order,
    items,
    next_cursor: offset + limit < rows.length ? encodeCursor([offset + limit]) : null,
  };
}

const DOMAINS = { age: AGE_BRACKETS, gender: GENDERS, country: undefined } as const;

/** The audience by country, age or gender under the day-cell k-anonymity rule (see audienceQueries, layOutAudience). */
export async function artistAudience(deps: Deps, caller: Principal, artistId: string, query: AudienceInput) {
  return cachedArtistAnswer(deps, caller, artistId, 'audience', query, () => artistAudienceFresh(deps, caller, artistId, query));
}

async function artistAudienceFresh(deps: Deps, caller: Principal, artistId: string, query: AudienceInput) {
  const k = deps.config.audienceMinListeners;
  const { sums, ...range } = await readArtist(deps.db, caller, artistId, query, async (range, onlyIf) => {
    const sums = onlyIf
      ? await audienceQueries.cellsIf(deps.db, artistId, query.dimension, range.from, range.to, k, onlyIf)
      : await audienceQueries.cells(deps.db, artistId, query.dimension, range.from, range.to, k);
    return sums && { sums };
  });
  return { artist_id: artistId, ...range, dimension: query.dimension, k, ...layOutAudience(sums, DOMAINS[query.dimension]) };
}

/**
 * Streams by source (context) with shares, and the same grouped into families, for the range and the previous
 * period; by partner kind (verified, unverified, none) for both; and by named partner for the range, under the
 * day-cell k-anonymity rule.
 */
export async function artistSources(deps: Deps, caller: Principal, artistId: string, query: RangeQueryInput) {
  return cachedArtistAnswer(deps, caller, artistId, 'sources', query, () => artistSourcesFresh(deps, caller, artistId, query));
}

async function artistSourcesFresh(deps: Deps, caller: Principal, artistId: string, query: RangeQueryInput) {
  const k = deps.config.audienceMinListeners;
  const { rows, kinds, named, ...range } = await readArtist(deps.db, caller, artistId, query, async (range, onlyIf) => {
    const windows = { from: range.from, to: range.to, previousFrom: range.previous_from };
    // Three statements at once, each with the access rule: an answer only when all three found access.
    const [rows, kinds, named] = await Promise.all([
      analyticsQueries.artistBreakdown(deps.db, artistId, 'source', windows, onlyIf),
      partnerStatsQueries.artistPartnerKinds(deps.db, artistId, windows, onlyIf),
      partnerStatsQueries.artistNamedPartners(deps.db, artistId, range.from, range.to, k, onlyIf),
    ]);
    return rows && kinds && named && { rows, kinds, named };
  });
  const partnerKinds = partnerKindShares(kinds);
  const total = kinds.find((r) => r.kind === 'total')?.current ?? 0;
  return {
    artist_id: artistId,
    ...range,
    ...sourceShares(rows.map((r) => ({ value: r.value, current: Number(r.current), previous: Number(r.previous) }))),
    partner_kinds: partnerKinds,
    partners: namedPartnerShares(named, total),
    partners_k: k,
  };
}

/** Playlists that drove the artist's streams: public ones named, private ones and unknown ids in one row. */
export async function artistPlaylists(deps: Deps, caller: Principal, artistId: string, query: PlaylistsInput) {
  return cachedArtistAnswer(deps, caller, artistId, 'playlists', query, () => artistPlaylistsFresh(deps, caller, artistId, query));
}

async function artistPlaylistsFresh(deps: Deps, caller: Principal, artistId: string, query: PlaylistsInput) {
  const limit = query.limit ?? 20;
  const offset = pageOffset(query.cursor);
  const { rows, ...range } = await readArtist(deps.db, caller, artistId, query, async (range, onlyIf) => {
    const rows = await analyticsQueries.artistPlaylists(deps.db, artistId, range.from, range.to, { limit, offset }, onlyIf);
    return rows && { rows };
  });
  const publicCount = rows[0]?.public_count ?? 0;
  const hidden = rows.find((r) => r.kind === 'private_or_unknown');
  const items: Array<
    { playlist_id: string; name: string; collaborative: boolean; curators: number; streams: number } | { private_or_unknown: true; streams: number }
  > = rows
    .filter((r) => r.kind === 'public')
    .map((r) => ({ playlist_id: r.playlist_id!, name: r.name!, collaborative: r.collaborative!, curators: r.curators!, streams: Number(r.streams) }));
  if (offset === 0 && hidden && Number(hidden.streams) > 0) items.push({ private_or_unknown: true, streams: Number(hidden.streams) });
  return {
    artist_id: artistId,
    ...range,
    total_streams: Number(rows.find((r) => r.kind === 'total')?.streams ?? 0),
    items,
    next_cursor: offset + limit < publicCount ? encodeCursor([offset + limit]) : null,
  };
}
