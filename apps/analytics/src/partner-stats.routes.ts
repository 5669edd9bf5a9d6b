import { partnerStatsQueries } from '@chorus/db';
import {
  access,
  errorResponses,
  IdParams,
  LISTENING_CHANGED,
  type ListeningChanged,
  requirePrincipal,
  type RoutePlugin,
  streamCaller,
  tokenExpiry,
} from '@chorus/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { AudienceQuery, StatsRangeQuery } from './analytics.schemas.js';
import { respond } from './answer.format.js';
import { LIVE_DEFAULTS, LiveHub, type LiveOptions, type LiveSource } from './live.hub.js';
import {
  PartnerAppsSchema,
  PartnerAudienceSchema,
  type PartnerLiveEvent,
  PartnerSeriesSchema,
  PartnerStatsSchema,
  PartnerTimeseriesQuery,
  PartnerTopArtistsSchema,
  PartnerTopQuery,
  PartnerTopTracksSchema,
} from './partner-stats.schemas.js';
import {
  type PartnerCaller,
  partnerApps,
  partnerAudience,
  partnerSeries,
  partnerStats,
  partnerTopArtists,
  partnerTopTracks,
  requirePartnerStats,
} from './partner-stats.service.js';
import { StatsCache } from './stats.cache.js';
import { audienceCsv, csvView, partnerAppsCsv, partnerStatsCsv, seriesCsv, topArtistsCsv, topTracksCsv } from './stats.csv.js';

const tags = ['partner-analytics'];

const ACCESS =
  "Readable by the partner's admins and analysts (not its developers), and by the partner's own apps acting for themselves (client credentials) with partner-analytics:read; anyone else is told 404, as if the partner did not exist.";
const COUNTS =
  "Counted from listens submitted with the access tokens of the partner's apps (verified attribution: the app is looked up from the token's client id, never taken from what a client claims), whose track is in the catalog. A stream is a play of at least 30 seconds; a shorter play is a skip.";
const RANGES =
  'Ranges as for artist statistics: whole UTC days; range=24h is the last whole day against the day before; 7d, 28d, 90d and 365d end today; all starts at the first day with data (or the partner’s creation), at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. Every answer gives the resolved days and the previous period: the same number of days right before.';
const CSV =
  'JSON, or a CSV download with `Accept: text/csv` or `format=csv` (header row, RFC 4180 quoting, formula-like text neutralised); an Accept that allows neither is 406. Every answer carries an ETag and is answered 304 to an If-None-Match naming it.';

const NotModified = Type.Null({ description: 'Not Modified: the If-None-Match named the current ETag; no body.' });

function responses(schema: TSchema) {
  return {
    200: {
      description: 'The answer; as CSV with Accept: text/csv or format=csv.',
      content: { 'application/json': { schema }, 'text/csv': { schema: Type.String({ description: 'CSV with a header row (RFC 4180).' }) } },
    },
    304: NotModified,
    ...errorResponses(401, 403, 404, 406),
  };
}

/** The caller of a partner route: the principal and the partner app of its token (from the cached app registry). */
function callerOf(request: FastifyRequest): PartnerCaller {
  return { principal: requirePrincipal(request), app: request.server.appLimits.appFor(request) };
}

/** Partners: today's streams and skips, in all and per app. */
const PARTNER_LIVE: LiveSource<PartnerLiveEvent> = {
  idsOf: (message) => message.partners ?? [],
  today: async (db, partnerId, day) => {
    const counts = await partnerStatsQueries.liveToday(db, partnerId, day);
    return { partner_id: partnerId, day, streams: counts.streams, skips: counts.skips, apps: counts.apps, at: new Date().toISOString() };
  },
  // Partner teams announce no changes: a stream is re-checked when it reconnects, at the latest when its token expires.
  teamChanges: false,
};

/** Opens a partner's live stream: access, a slot from the shared stream limiter, the first count; then the hub writes. */
async function openLive(hub: LiveHub<PartnerLiveEvent>, partnerId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { deps } = request.server;
  const caller = callerOf(request);
  await requirePartnerStats(deps.db, caller, partnerId);
  const release = deps.streams.acquire(streamCaller(request));
  let first: PartnerLiveEvent;
  try {
    first = await hub.snapshot(partnerId);
  } catch (error) {
    release();
    throw error;
  }
  reply.hijack();
  hub.open(
    partnerId,
    reply.raw,
    first,
    { ...reply.getHeaders(), 'x-request-id': request.id },
    {
      principal: caller.principal,
      expiresAt: tokenExpiry(request),
      release,
    },
  );
}

/** Partner analytics: a partner's listening through its apps, read from the attribution rollups. */
export const partnerStatsRoutes: RoutePlugin<{ live?: LiveOptions }> = async (app, options) => {
  const lookups = app.deps.metrics.cacheLookups;
  const cache = new StatsCache(app.deps.config.statsCacheTtlMs, { counted: (outcome) => lookups.inc({ cache: 'partner-stats', outcome }) });
  const deps = { ...app.deps, cache };
  if (cache.enabled) {
    // Answers are keyed by partner id; the workers name the partners whose rollups changed.
    const unsubscribe = await app.deps.bus.subscribe(LISTENING_CHANGED, (message) => cache.invalidate((message as ListeningChanged).partners ?? []));
    app.addHook('onClose', async () => {
      await unsubscribe().catch(() => {});
    });
  }
  const hub = new LiveHub<PartnerLiveEvent>(app.deps.db, app.deps.bus, app.log, options.live ?? LIVE_DEFAULTS, undefined, PARTNER_LIVE);
  app.addHook('onReady', () => hub.start());
  app.addHook('preClose', () => hub.stop());

  const config = access.caller('partner-analytics:read');

  app.get(
    '/v1/partners/:id/stats',
    {
      config,
      schema: {
        tags,
        summary: "A partner's streams, listeners, skips and time played over a range",
        description: `streams, listeners (distinct, exact), monthly_listeners (distinct over the 28 days ending at \`to\`), skips, skip_rate (skips / (streams + skips), null without plays) and ms_played, each as {value, previous, change, change_reason} as for artist statistics. ${COUNTS} ${RANGES} ${CSV} In CSV: one row per metric. ${ACCESS}`,
        params: IdParams,
        querystring: StatsRangeQuery,
        response: responses(PartnerStatsSchema),
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => partnerStats(deps, callerOf(request), request.params.id, request.query),
        csvView('partner', request.params.id, 'stats', partnerStatsCsv),
      ),
  );

  app.get(
    '/v1/partners/:id/stats/timeseries',
    {
      config,
      schema: {
        tags,
        summary: "One of a partner's metrics per day, ISO week or month",
        description: `metric: streams, listeners (distinct within each bucket), skips or ms_played (default streams); granularity day, week (ISO) or month, UTC; every bucket of the range, zero-filled, clipped to the range. ${COUNTS} ${RANGES} ${CSV} ${ACCESS}`,
        params: IdParams,
        querystring: PartnerTimeseriesQuery,
        response: responses(PartnerSeriesSchema),
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => partnerSeries(deps, callerOf(request), request.params.id, request.query),
        csvView('partner', request.params.id, (a) => `timeseries-${a.metric}-${a.granularity}`, seriesCsv),
      ),
  );

  app.get(
    '/v1/partners/:id/stats/top-artists',
    {
      config,
      schema: {
        tags,
        summary: 'The artists most streamed through a partner’s apps',
        description: `The top \`limit\` (1 to 100, default 20) artists by streams through the partner's apps in the range, with their share of the partner's streams; total_artists says how many there were. These are counts of what the partner's own apps submitted, so no audience rule applies. ${COUNTS} ${RANGES} ${CSV} ${ACCESS}`,
        params: IdParams,
        querystring: PartnerTopQuery,
        response: responses(PartnerTopArtistsSchema),
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => partnerTopArtists(deps, callerOf(request), request.params.id, request.query),
        csvView('partner', request.params.id, 'top-artists', topArtistsCsv),
      ),
  );

  app.get(
    '/v1/partners/:id/stats/top-tracks',
    {
      config,
      schema: {
        tags,
        summary: 'The tracks most streamed through a partner’s apps',
        description: `The top \`limit\` (1 to 100, default 20) tracks by streams through the partner's apps in the range, with their artist and share of the partner's streams; total_tracks says how many there were. ${COUNTS} ${RANGES} ${CSV} ${ACCESS}`,
        params: IdParams,
        querystring: PartnerTopQuery,
        response: responses(PartnerTopTracksSchema),
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => partnerTopTracks(deps, callerOf(request), request.params.id, request.query),
        csvView('partner', request.params.id, 'top-tracks', topTracksCsv),
      ),
  );

  app.get(
    '/v1/partners/:id/stats/audience',
    {
      config,
      schema: {
        tags,
        summary: "A partner's audience by country, age or gender, with small cells suppressed",
        description: `As the artist audience, for the listeners of the partner's apps (their Chorus profile on the day of the stream): per value, listeners, listener_share, streams and stream_share. k-anonymity (k = the configured minimum, answered as \`k\`) is applied to each UTC day over all of the partner's apps: a value with fewer than k distinct listeners on a day is hidden for that day, and further values of that day are hidden, smallest first, until the hidden ones are at least two and hold at least k listeners; a value's numbers count only the days it is shown on. Hidden listens count in the totals and in unattributed_listeners and unattributed_streams. Age and gender list every value, {value, suppressed: true} when nothing is shown; countries list the shown ones only. ${COUNTS} ${RANGES} ${CSV} In CSV a suppressed cell has empty numbers and suppressed=true. ${ACCESS}`,
        params: IdParams,
        querystring: AudienceQuery,
        response: responses(PartnerAudienceSchema),
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => partnerAudience(deps, callerOf(request), request.params.id, request.query),
        csvView('partner', request.params.id, (a) => `audience-${a.dimension}`, audienceCsv),
      ),
  );

  app.get(
    '/v1/partners/:id/stats/apps',
    {
      config,
      schema: {
        tags,
        summary: "A partner's listening per app and device class",
        description: `Per app and the device class it had when the listens were submitted (car, speaker, tv, wearable, other, or unspecified): streams, previous_streams, listeners (distinct, exact), skips, skip_rate and ms_played; then per device class over all of the partner's apps (a listener of two apps of one class counts once). An app deleted since is listed with name null. ${COUNTS} ${RANGES} ${CSV} In CSV: level app rows, then level device_class rows. ${ACCESS}`,
        params: IdParams,
        querystring: StatsRangeQuery,
        response: responses(PartnerAppsSchema),
      },
    },
    async (request, reply) =>
      respond(
        request,
        reply,
        () => partnerApps(deps, callerOf(request), request.params.id, request.query),
        csvView('partner', request.params.id, 'apps', partnerAppsCsv),
      ),
  );

  app.get(
    '/v1/partners/:id/stats/live',
    {
      config,
      schema: {
        tags,
        summary: "Today's streams of a partner and each of its apps, live (Server-Sent Events)",
        description: [
          "A text/event-stream. On connect: a `retry:` hint, then one `streams` event with today's (UTC) streams and skips through the partner's apps, in all and per app:",
          '{partner_id, day, streams, skips, apps: [{app_id, name, streams, skips}], at}. Then a new `streams` event within seconds whenever aggregation applies listens of the partner, on any API instance;',
          'at most one count a second per partner, changes in between coalesced. A comment line every 15 seconds keeps the connection open.',
          'The stream ends with a last `closed` event ({reason: token_expired}) when the access token it was opened with expires. A caller may hold a limited number of live streams at once: beyond, 429 with Retry-After.',
          COUNTS,
          ACCESS,
        ].join(' '),
        params: IdParams,
        response: {
          200: {
            description: 'An event stream; each event is `event: streams` with a JSON `data:` line.',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => openLive(hub, request.params.id, request, reply),
  );
};
