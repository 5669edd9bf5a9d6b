import {
  access,
  errorResponses,
  IdParams,
  LISTENING_CHANGED,
  type ListeningChanged,
  requirePrincipal,
  TEAM_CHANGED,
  type TeamChanged,
  type RoutePlugin,
} from '@chorus/service-kit';
import { type TSchema, Type } from 'typebox';
import {
  ArtistPlaylistsSchema,
  ArtistSeriesSchema,
  ArtistSourcesSchema,
  ArtistStatsSchema,
  ArtistTracksSchema,
  AudienceQuery,
  AudienceSchema,
  PlaylistsQuery,
  StatsRangeQuery,
  TimeseriesQuery,
  TrackSeriesSchema,
  TrackStatsSchema,
  TracksQuery,
} from './analytics.schemas.js';
import { artistAudience, artistPlaylists, artistSeries, artistSources, artistStats, artistTracks, trackSeries, trackStats } from './artist-stats.service.js';
import { respond } from './answer.format.js';
import { StatsCache } from './stats.cache.js';
import { audienceCsv, csvView, playlistsCsv, seriesCsv, sourcesCsv, statsCsv, tracksCsv } from './stats.csv.js';

const tags = ['analytics'];

/** Said once, in every artist and track statistics route. */
const ACCESS = "Readable by the artist's team members (any role) and platform admins; anyone else is told 404.";
const RANGES =
  "Rollups are daily, so ranges are whole UTC days: range=24h is the last whole day (yesterday, UTC) against the day before, so that it compares like with like (today so far is the live counter's, or from=to=today); 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day), at most 1096 days (3 years) before today. Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before.";
const STREAMS = 'A stream is a play of at least 30 seconds; a shorter play is a skip.';
const STATS_METRICS = [
  'streams: plays of at least 30 seconds.',
  'listeners: distinct listeners with at least one stream in the range (exact).',
  'monthly_listeners: distinct listeners with at least one stream in the rolling 28 days ending at `to` (previous: ending at previous_to).',
  'skips: plays shorter than 30 seconds. skip_rate: skips / (streams + skips), null without plays.',
  'saves: tracks saved (loved) by listeners, counted on the day of the save. playlist_adds: times a track was added to a playlist.',
  'ms_played: milliseconds played by streams and skips together.',
  'Each as {value, previous, change, change_reason}: change = (value - previous) / previous, or null with change_reason when the two cannot be compared: the previous period lies (wholly or in part) before the first day with data, or previous is 0.',
].join(' ');
const CSV =
  'JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, text that a spreadsheet would run as a formula prefixed with a single quote, Content-Disposition attachment); an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 Not Modified to an If-None-Match naming it.';

const seriesName = (answer: { metric: string; granularity: string }) => `timeseries-${answer.metric}-${answer.granularity}`;

const NotModified = Type.Null({ description: 'Not Modified: the If-None-Match named the current ETag; no body.' });

/** A JSON answer that is also offered as CSV with Accept: text/csv. */
function jsonOrCsv(schema: TSchema) {
  return {
    description: 'The answer; as CSV with Accept: text/csv or format=csv.',
    content: {
      'application/json': { schema },
      'text/csv': { schema: Type.String({ description: 'CSV with a header row (RFC 4180).' }) },
    },
  };
}

/** Artist and track statistics, read from the daily rollups. */
export const artistStatsRoutes: RoutePlugin = async (app) => {
  const lookups = app.deps.metrics.cacheLookups;
  const cache = new StatsCache(app.deps.config.statsCacheTtlMs, { counted: (outcome) => lookups.inc({ cache: 'stats', outcome }) });
  const deps = { ...app.deps, cache };
  if (cache.enabled) {
    // Every instance hears the workers' announcements (Redis pub/sub), so no instance serves a stale answer.
    const unsubscribe = await app.deps.bus.subscribe(LISTENING_CHANGED, (message) => cache.invalidate((message as ListeningChanged).artists ?? []));
    // A member removed from the team must not keep passing a remembered access check.
    const unsubscribeTeam = await app.deps.bus.subscribe(TEAM_CHANGED, (message) => {
      const change = message as TeamChanged;
      if (typeof change?.userId === 'string' && typeof change.artistId === 'string') cache.forgetAccess(change.userId, change.artistId);
    });
    app.addHook('onClose', async () => {
      await Promise.allSettled([unsubscribe(), unsubscribeTeam()]);
    });
  }

  app.get(
    '/v1/artists/:id/stats',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "An artist's streams, listeners, monthly listeners, skips, saves and playlist adds over a range",
        description: `${STATS_METRICS} ${RANGES} ${CSV} In CSV: one row per metric (metric, value, previous, change, change_reason). ${ACCESS}`,
        params: IdParams,
        querystring: StatsRangeQuery,
        response: { 200: jsonOrCsv(ArtistStatsSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => artistStats(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('artist', request.params.id, 'stats', statsCsv),
      ),
  );

  app.get(
    '/v1/artists/:id/stats/timeseries',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "One of an artist's metrics per day, ISO week or month",
        description: `metric: streams, listeners, skips, saves, playlist_adds or ms_played (default streams); for listeners each bucket counts the distinct listeners within that bucket. granularity: day, week (ISO weeks, Monday to Sunday) or month (calendar months), UTC; every bucket of the range is answered, zero-filled, with start and end clipped to the range. ${STREAMS} ${RANGES} ${CSV} ${ACCESS}`,
        params: IdParams,
        querystring: TimeseriesQuery,
        response: { 200: jsonOrCsv(ArtistSeriesSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => artistSeries(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('artist', request.params.id, seriesName, seriesCsv),
      ),
  );

  app.get(
    '/v1/artists/:id/stats/tracks',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: 'Every track of an artist with its numbers over a range',
        description: `Every track of the artist, zeros for tracks without data: streams, listeners (distinct listeners of the track in the range), skips, skip_rate (skips / (streams + skips), null without plays), saves, playlist_adds, ms_played. sort: streams, listeners, skips, saves or skip_rate; order desc (default) or asc; ties by title then id; tracks without a skip rate come last. limit 1 to 100 (default 20) and next_cursor page through. ${STREAMS} ${RANGES} ${CSV} ${ACCESS}`,
        params: IdParams,
        querystring: TracksQuery,
        response: { 200: jsonOrCsv(ArtistTracksSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => artistTracks(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('artist', request.params.id, 'tracks', tracksCsv),
      ),
  );

  app.get(
    '/v1/artists/:id/stats/audience',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "An artist's audience by country, age or gender, with small cells suppressed",
        description: [
          "Per value (country, age bracket or gender of the listener's profile on the day of the stream): listeners (distinct), listener_share, streams and stream_share, with shares of the exact totals of the range (total_listeners and total_streams, as /stats gives them).",
          'Age brackets: <18, 18-22, 23-27, 28-34, 35-44, 45-59, 60+, unknown; genders: female, male, non_binary, other, prefer_not_to_say, unknown. Age and gender always list every value; country lists only the countries shown.',
          "k-anonymity (k = the configured minimum, 10 by default, answered as `k`) is applied to each day, never to the range asked for, so that no comparison of answers for different ranges can isolate a small group: on every UTC day, a value with fewer than k distinct listeners is hidden for that day, and when any value is hidden, further values of that day are hidden, smallest first, until the hidden ones are at least two with listeners and hold at least k listeners together (a day that cannot meet this hides every value). A value's numbers over a range count only the days it is shown on; so a value with any listeners has at least k, and hidden listens change no value's numbers, whatever ranges are asked for. They count in the totals and in unattributed_listeners (listeners shown under no value in the range) and unattributed_streams. A listener shown under two values in the range (who moved, or had a birthday) counts in each, so shares can add up to more than 1.",
          'An age or gender value with nothing shown is answered as {value, suppressed: true}, whether it had no listener or only hidden ones; a country with nothing shown is not listed. withheld is true when the range has listeners but no value can be shown.',
          RANGES,
          CSV,
          'In CSV a suppressed cell has empty numbers and suppressed=true.',
          ACCESS,
        ].join(' '),
        params: IdParams,
        querystring: AudienceQuery,
        response: { 200: jsonOrCsv(AudienceSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => artistAudience(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('artist', request.params.id, (answer) => `audience-${answer.dimension}`, audienceCsv),
      ),
  );

  app.get(
    '/v1/artists/:id/stats/sources',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "Where an artist's streams come from",
        description: `Streams by source (the context of the play): library, own_playlist (the listener's own playlists), playlist (other listeners' playlists), collaborative_playlist, album and artist (the artist's profile and catalog), search, radio, partner (partner devices and integrations), other; each with its share of the range's streams and the same for the previous period. families group them: own_library_and_playlists (library, own_playlist), others_playlists (playlist), collaborative (collaborative_playlist), artist_profile_and_catalog (album, artist), search, radio, partner_devices (partner), other. Shares are null when there are no streams. ${STREAMS} ${RANGES} ${CSV} In CSV: one row per source, then one per family (level, name, streams, share, previous_streams, previous_share). ${ACCESS}`,
        params: IdParams,
        querystring: StatsRangeQuery,
        response: { 200: jsonOrCsv(ArtistSourcesSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => artistSources(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('artist', request.params.id, 'sources', sourcesCsv),
      ),
  );

  app.get(
    '/v1/artists/:id/stats/playlists',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "Playlists that drove an artist's streams",
        description: `Streams played from playlists (own, other listeners' and collaborative) in the range, per playlist. Public playlists are listed by name with their collaborative flag and curators (collaborators who can add tracks: owner, editors and contributors), most streams first; private playlists and context ids that name no known playlist are merged into one row {private_or_unknown: true, streams}, last on the first page. total_streams is every playlist stream of the range. limit 1 to 100 (default 20) and next_cursor page through the public playlists. ${STREAMS} ${RANGES} ${CSV} In CSV: the rows of this page (playlist_id, name, collaborative, curators, streams, private_or_unknown). ${ACCESS}`,
        params: IdParams,
        querystring: PlaylistsQuery,
        response: { 200: jsonOrCsv(ArtistPlaylistsSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => artistPlaylists(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('artist', request.params.id, 'playlists', playlistsCsv),
      ),
  );

  app.get(
    '/v1/tracks/:id/stats',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "A track's streams, listeners, monthly listeners, skips, saves and playlist adds over a range",
        description: `The same numbers as an artist's statistics, for one track: ${STATS_METRICS} ${RANGES} ${CSV} In CSV: one row per metric. Readable by the team of the track's artist (any role) and platform admins; anyone else is told 404.`,
        params: IdParams,
        querystring: StatsRangeQuery,
        response: { 200: jsonOrCsv(TrackStatsSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => trackStats(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('track', request.params.id, 'stats', statsCsv),
      ),
  );

  app.get(
    '/v1/tracks/:id/stats/timeseries',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "One of a track's metrics per day, ISO week or month",
        description: `As the artist timeseries, for one track: metric streams, listeners (distinct within each bucket), skips, saves, playlist_adds or ms_played; granularity day, week (ISO, Monday to Sunday) or month, UTC, zero-filled. ${RANGES} ${CSV} Readable by the team of the track's artist (any role) and platform admins; anyone else is told 404.`,
        params: IdParams,
        querystring: TimeseriesQuery,
        response: { 200: jsonOrCsv(TrackSeriesSchema), 304: NotModified, ...errorResponses(401, 404, 406) },
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => trackSeries(deps, requirePrincipal(request), request.params.id, request.query),
        csvView('track', request.params.id, seriesName, seriesCsv),
      ),
  );
};
