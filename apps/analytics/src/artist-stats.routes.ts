import { bearerSecurity, errorResponses, guard, IdParams, LISTENING_CHANGED, type ListeningChanged, requirePrincipal } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
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
  RangeQuery,
  TimeseriesQuery,
  TrackSeriesSchema,
  TrackStatsSchema,
  TracksQuery,
  type TypeBoxProvider,
} from './analytics.schemas.js';
import { artistAudience, artistPlaylists, artistSeries, artistSources, artistStats, artistTracks, trackSeries, trackStats } from './artist-stats.service.js';
import { sendCsv, wantsCsv } from './csv.format.js';
import { sendJson } from './json.format.js';
import { StatsCache } from './stats.cache.js';
import { audienceCsv, csvName, seriesCsv, tracksCsv } from './stats.csv.js';

const tags = ['analytics'];

/** Said once, in every artist and track statistics route. */
const ACCESS = "Readable by the artist's team members (any role) and platform admins; anyone else is told 404.";
const RANGES =
  'Rollups are daily, so ranges are whole UTC days ending today: range=24h is today (UTC) so far, 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day with data (or the creation day). Or from/to: UTC days, both inclusive, to ≥ from, at most 3 years, not after today. Default 28d. Every answer gives the resolved from, to and days, and the previous period: the same number of days right before.';
const STREAMS = 'A stream is a play of at least 30 seconds; a shorter play is a skip.';
const STATS_METRICS = [
  'streams: plays of at least 30 seconds.',
  'listeners: distinct listeners with at least one stream in the range (exact).',
  'monthly_listeners: distinct listeners with at least one stream in the rolling 28 days ending at `to` (previous: ending at previous_to).',
  'skips: plays shorter than 30 seconds. skip_rate: skips / (streams + skips), null without plays.',
  'saves: tracks saved (loved) by listeners, counted on the day of the save. playlist_adds: times a track was added to a playlist.',
  'ms_played: milliseconds played by streams and skips together.',
  'Each as {value, previous, change}: change = (value - previous) / previous, null when previous is 0.',
].join(' ');
const CSV = 'Send `Accept: text/csv` for a CSV download (header row, RFC 4180 quoting, Content-Disposition attachment).';

/** A JSON answer that is also offered as CSV with Accept: text/csv. */
function jsonOrCsv(schema: TSchema) {
  return {
    description: 'The answer; as CSV with Accept: text/csv.',
    content: {
      'application/json': { schema },
      'text/csv': { schema: Type.String({ description: 'CSV with a header row (RFC 4180).' }) },
    },
  };
}

/** Artist and track statistics, read from the daily rollups. */
export async function artistStatsRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxProvider>();
  const cache = new StatsCache(server.deps.config.statsCacheTtlMs);
  const deps = { ...server.deps, cache };
  if (cache.enabled) {
    // Every instance hears the workers' announcements (Redis pub/sub), so no instance serves a stale answer.
    const unsubscribe = await server.deps.bus.subscribe(LISTENING_CHANGED, (message) => cache.invalidate((message as ListeningChanged).artists ?? []));
    app.addHook('onClose', async () => unsubscribe());
  }

  app.get(
    '/v1/artists/:id/stats',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "An artist's streams, listeners, monthly listeners, skips, saves and playlist adds over a range",
        description: `${STATS_METRICS} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: ArtistStatsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => sendJson(reply, await artistStats(deps, requirePrincipal(request), request.params.id, request.query)),
  );

  app.get(
    '/v1/artists/:id/stats/timeseries',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "One of an artist's metrics per day, ISO week or month",
        description: `metric: streams, listeners, skips, saves, playlist_adds or ms_played (default streams); for listeners each bucket counts the distinct listeners within that bucket. granularity: day, week (ISO weeks, Monday to Sunday) or month (calendar months), UTC; every bucket of the range is answered, zero-filled, with start and end clipped to the range. ${STREAMS} ${RANGES} ${CSV} ${ACCESS}`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: TimeseriesQuery,
        response: { 200: jsonOrCsv(ArtistSeriesSchema), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const answer = await artistSeries(deps, requirePrincipal(request), request.params.id, request.query);
      if (wantsCsv(request)) return sendCsv(reply, csvName('artist', request.params.id, `timeseries-${answer.metric}-${answer.granularity}`, answer), seriesCsv(answer));
      return sendJson(reply, answer);
    },
  );

  app.get(
    '/v1/artists/:id/stats/tracks',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Every track of an artist with its numbers over a range",
        description: `Every track of the artist, zeros for tracks without data: streams, listeners (distinct listeners of the track in the range), skips, skip_rate (skips / (streams + skips), null without plays), saves, playlist_adds, ms_played. sort: streams, listeners, skips, saves or skip_rate; order desc (default) or asc; ties by title then id; tracks without a skip rate come last. limit 1 to 100 (default 20) and next_cursor page through. ${STREAMS} ${RANGES} ${CSV} ${ACCESS}`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: TracksQuery,
        response: { 200: jsonOrCsv(ArtistTracksSchema), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const answer = await artistTracks(deps, requirePrincipal(request), request.params.id, request.query);
      if (wantsCsv(request)) return sendCsv(reply, csvName('artist', request.params.id, 'tracks', answer), tracksCsv(answer));
      return sendJson(reply, answer);
    },
  );

  app.get(
    '/v1/artists/:id/stats/audience',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "An artist's audience by country, age or gender, with small cells suppressed",
        description: [
          'Per value (country, age bracket or gender of the listener\'s profile on the day of the stream): listeners (distinct), listener_share, streams and stream_share, with shares of the exact totals of the range (total_listeners and total_streams, as /stats gives them).',
          'Age brackets: <18, 18-22, 23-27, 28-34, 35-44, 45-59, 60+, unknown; genders: female, male, non_binary, other, prefer_not_to_say, unknown. Age and gender always list every value; country lists only the countries shown.',
          'k-anonymity (k = the configured minimum, 10 by default, answered as `k`) is applied to each day, never to the range asked for, so that no comparison of answers for different ranges can isolate a small group: on every UTC day, a value with fewer than k distinct listeners is hidden for that day, and when any value is hidden, further values of that day are hidden, smallest first, until the hidden ones are at least two with listeners and hold at least k listeners together (a day that cannot meet this hides every value). A value\'s numbers over a range count only the days it is shown on; so a value with any listeners has at least k, and hidden listens change no value\'s numbers, whatever ranges are asked for. They count in the totals and in unattributed_listeners (listeners shown under no value in the range) and unattributed_streams. A listener shown under two values in the range (who moved, or had a birthday) counts in each, so shares can add up to more than 1.',
          'An age or gender value with nothing shown is answered as {value, suppressed: true}, whether it had no listener or only hidden ones; a country with nothing shown is not listed. withheld is true when the range has listeners but no value can be shown.',
          RANGES,
          CSV,
          'In CSV a suppressed cell has empty numbers and suppressed=true.',
          ACCESS,
        ].join(' '),
        security: bearerSecurity(),
        params: IdParams,
        querystring: AudienceQuery,
        response: { 200: jsonOrCsv(AudienceSchema), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const answer = await artistAudience(deps, requirePrincipal(request), request.params.id, request.query);
      if (wantsCsv(request)) return sendCsv(reply, csvName('artist', request.params.id, `audience-${answer.dimension}`, answer), audienceCsv(answer));
      return sendJson(reply, answer);
    },
  );

  app.get(
    '/v1/artists/:id/stats/sources',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Where an artist's streams come from",
        description: `Streams by source (the context of the play): library, own_playlist (the listener's own playlists), playlist (other listeners' playlists), collaborative_playlist, album and artist (the artist's profile and catalog), search, radio, partner (partner devices and integrations), other; each with its share of the range's streams and the same for the previous period. families group them: own_library_and_playlists (library, own_playlist), others_playlists (playlist), collaborative (collaborative_playlist), artist_profile_and_catalog (album, artist), search, radio, partner_devices (partner), other. Shares are null when there are no streams. ${STREAMS} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: ArtistSourcesSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => sendJson(reply, await artistSources(deps, requirePrincipal(request), request.params.id, request.query)),
  );

  app.get(
    '/v1/artists/:id/stats/playlists',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Playlists that drove an artist's streams",
        description: `Streams played from playlists (own, other listeners' and collaborative) in the range, per playlist. Public playlists are listed by name with their collaborative flag and curators (collaborators who can add tracks: owner, editors and contributors), most streams first; private playlists and context ids that name no known playlist are merged into one row {private_or_unknown: true, streams}, last on the first page. total_streams is every playlist stream of the range. limit 1 to 100 (default 20) and next_cursor page through the public playlists. ${STREAMS} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: PlaylistsQuery,
        response: { 200: ArtistPlaylistsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => sendJson(reply, await artistPlaylists(deps, requirePrincipal(request), request.params.id, request.query)),
  );

  app.get(
    '/v1/tracks/:id/stats',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "A track's streams, listeners, monthly listeners, skips, saves and playlist adds over a range",
        description: `The same numbers as an artist's statistics, for one track: ${STATS_METRICS} ${RANGES} Readable by the team of the track's artist (any role) and platform admins; anyone else is told 404.`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: TrackStatsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => sendJson(reply, await trackStats(deps, requirePrincipal(request), request.params.id, request.query)),
  );

  app.get(
    '/v1/tracks/:id/stats/timeseries',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "One of a track's metrics per day, ISO week or month",
        description: `As the artist timeseries, for one track: metric streams, listeners (distinct within each bucket), skips, saves, playlist_adds or ms_played; granularity day, week (ISO, Monday to Sunday) or month, UTC, zero-filled. ${RANGES} ${CSV} Readable by the team of the track's artist (any role) and platform admins; anyone else is told 404.`,
        security: bearerSecurity(),
        params: IdParams,
        querystring: TimeseriesQuery,
        response: { 200: jsonOrCsv(TrackSeriesSchema), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const answer = await trackSeries(deps, requirePrincipal(request), request.params.id, request.query);
      if (wantsCsv(request)) return sendCsv(reply, csvName('track', request.params.id, `timeseries-${answer.metric}-${answer.granularity}`, answer), seriesCsv(answer));
      return sendJson(reply, answer);
    },
  );
}
