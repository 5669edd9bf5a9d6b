import { access, errorResponses, type RoutePlugin } from '@chorus/service-kit';
import { type TSchema, Type } from 'typebox';
import { respond } from './answer.format.js';
import {
  DiversitySchema,
  EngagementSchema,
  PartnerKindsQuery,
  PlatformsSchema,
  ProductPartnerConnectionsSchema,
  ProductPartnerKindsSchema,
  ProductSourcesSchema,
  RetentionQuery,
  RetentionSchema,
  TrendsQuery,
  StatsRangeQuery,
  TrendsSchema,
} from './analytics.schemas.js';
import { diversity, engagement, partnerConnections, partnerKinds, productPlatforms, productSources, retention, trends } from './product.service.js';
import { diversityCsv, engagementCsv, partnerConnectionsCsv, partnerKindsCsv, platformsCsv, retentionCsv, sourcesCsv, trendsCsv } from './stats.csv.js';

const tags = ['product-insight'];
const ACCESS = 'For product analysts and platform admins only (internal roles); anyone else is told 403.';
const RANGES =
  'Platform-wide. Ranges are whole UTC days (rollups are daily): range=24h is the last whole day (yesterday, UTC) against the day before; 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened, at most 1096 days back. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days. A change is null, with change_reason, when the previous window lies (wholly or in part) before the first day with data, or its value is 0.';
const STREAM = 'A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream.';
const CSV =
  'JSON, or a CSV download with `Accept: text/csv` or `format=csv`; an Accept that allows neither is 406. Every answer carries an ETag (a hash of what was sent) and is answered 304 to an If-None-Match naming it.';
const NotModified = Type.Null({ description: 'Not Modified: the If-None-Match named the current ETag; no body.' });

/** The answer as JSON or CSV, and the other answers a product route gives. */
function responses(schema: TSchema) {
  return {
    200: {
      description: 'The answer; as CSV with Accept: text/csv or format=csv.',
      content: { 'application/json': { schema }, 'text/csv': { schema: Type.String({ description: 'CSV with a header row (RFC 4180).' }) } },
    },
    304: NotModified,
    ...errorResponses(401, 403, 406),
  };
}

/** The file a product answer downloads as: product-<what>-<the days it covers>.csv. */
const fileName = (what: string, ...days: string[]) => `${['product', what, ...days].join('-')}.csv`;

/** Product insight: how the platform is used, for the product team. */
export const productRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.get(
    '/v1/insights/product/engagement',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'Active listeners, stickiness, streams per listener and skip rate',
        description: `dau: distinct listeners with at least one stream on \`to\`; wau and mau: over the 7 and 28 days ending at \`to\` (previous: ending at previous_to). stickiness: dau / mau. active_listeners: distinct listeners with at least one stream in the range. average_dau: the mean of the daily active listeners over the range. streams_per_active_listener: the range's streams / active_listeners. skip_rate: skips / (streams + skips) over every play of the range. daily: per day of the range, dau, streams, skips and ms_played, zero-filled. Ratios are null when they would divide by zero. ${STREAM} ${RANGES} ${CSV} ${ACCESS}`,
        querystring: StatsRangeQuery,
        response: responses(EngagementSchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => engagement(db, request.query), { name: (a) => fileName('engagement', a.from, a.to), text: engagementCsv }),
  );

  app.get(
    '/v1/insights/product/sources',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'Share of streams by source across the platform',
        description: `Streams by source (context of the play: library, own_playlist, playlist (other listeners' playlists), collaborative_playlist, album, artist, search, radio, partner, other) summed over every artist, each with its share of the range's streams and the same for the previous period; families as in artist sources (own_library_and_playlists, others_playlists, collaborative, artist_profile_and_catalog, search, radio, partner_devices, other). collaborative_playlists repeats what collaborative playlists contribute. ${STREAM} ${RANGES} ${CSV} ${ACCESS}`,
        querystring: StatsRangeQuery,
        response: responses(ProductSourcesSchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => productSources(db, request.query), { name: (a) => fileName('sources', a.from, a.to), text: sourcesCsv }),
  );

  app.get(
    '/v1/insights/product/partner-kinds',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'The share of listening through each partner kind, over time',
        description: `Streams by partner kind: automotive, telecom, device and app (verified: submitted with the access token of a partner app of that kind), unverified (the client claims a partner context or a car, speaker or tv platform without a partner app's token) and none, each with its share of all streams, for the range and the previous period, and per day, ISO week or month of the range (granularity, default day; every bucket listed, clipped to the range). ${STREAM} ${RANGES} ${CSV} In CSV: one row per kind for the range (period range), then per bucket and kind (period bucket). ${ACCESS}`,
        querystring: PartnerKindsQuery,
        response: responses(ProductPartnerKindsSchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => partnerKinds(db, request.query), { name: (a) => fileName('partner-kinds', a.from, a.to), text: partnerKindsCsv }),
  );

  app.get(
    '/v1/insights/product/partner-connections',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'Connections to partner apps by partner kind, and how connected listeners stay',
        description: `Per partner kind (automotive, telecom, device, app): new_connections (a listener approved an app of a partner of the kind, or approved it again after revoking it; approving an app one is connected to is not new), revoked_connections (a listener disconnected one), both for the range and the previous period, and connected_users: distinct listeners with a live connection (approved, not since revoked) to at least one app of the kind at the end of \`to\` (previous: of previous_to). Then per day, ISO week or month of the range (granularity, default day; every bucket listed, clipped to the range): the same counts (connected_users at the end of the bucket's last day), the bucket's cohort (distinct listeners with a new connection to an app of the kind in it) and its retention after 7 and 28 days: the share of the cohort still connected to an app of the kind at the end of day c0 + N AND with at least one stream through an app of the kind on days c0 + 1 to c0 + N (c0: the member's first new connection of the kind in the bucket); null until those days are over for every member. Aggregates only: no listener is identified. ${RANGES} ${CSV} In CSV: one row per kind for the range (period range), then per bucket and kind (period bucket). ${ACCESS}`,
        querystring: PartnerKindsQuery,
        response: responses(ProductPartnerConnectionsSchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => partnerConnections(db, request.query), {
        name: (a) => fileName('partner-connections', a.from, a.to),
        text: partnerConnectionsCsv,
      }),
  );

  app.get(
    '/v1/insights/product/platforms',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'Streams by platform and the partner share',
        description: `Streams by platform (ios, android, web, desktop, car, speaker, tv, other) with shares, for the range and the previous period. partner.context: streams played through partner integrations (source partner); partner.devices: streams on partner device platforms (car, speaker, tv); each with its share of all streams. ${STREAM} ${RANGES} ${CSV} ${ACCESS}`,
        querystring: StatsRangeQuery,
        response: responses(PlatformsSchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => productPlatforms(db, request.query), { name: (a) => fileName('platforms', a.from, a.to), text: platformsCsv }),
  );

  app.get(
    '/v1/insights/product/retention',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'Weekly sign-up cohorts and how many keep listening',
        description: `cohorts=N (1 to 52, default 8): the N ISO weeks (Monday to Sunday, UTC) ending with the current one; each cohort is the users who signed up that week (size). retention[i] is the share of the cohort with at least one stream in ISO week i + 1 after the sign-up week (active[i] the count), for weeks 1 to N; null until that week has ended (or when the cohort is empty). ${STREAM} ${CSV} ${ACCESS}`,
        querystring: RetentionQuery,
        response: responses(RetentionSchema),
      },
    },
    async (request, reply) => respond(request, reply, () => retention(db, request.query), { name: (a) => fileName('retention', a.today), text: retentionCsv }),
  );

  app.get(
    '/v1/insights/product/trends',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'Artists and tracks rising in a market',
        description: `Streams by listeners in \`market\` over the 7 days ending at \`to\` (default today, UTC) against the 7 days before. Listed when the last 7 days have at least min_streams (default 100) streams, rise above the week before, and the rise is significant: a one-sided conditional binomial test (given n = current + previous streams, current ~ Binomial(n, 1/2) if both weeks share one rate; exact up to large n, then normal with continuity correction) with p < alpha = 0.01. change = (current - previous) / previous, null for a rise from none. Streams count only on days when the artist's audience in the market is shown under the audience endpoint's k-anonymity rule (at least k listeners that day, with complementary hiding; see /v1/artists/{id}/stats/audience), so no figure here includes a listen that rule hides. Ordered: rises from none first, then by change, then by current streams; at most limit (default 20) of each. ${STREAM} ${CSV} ${ACCESS}`,
        querystring: TrendsQuery,
        response: responses(TrendsSchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => trends(db, request.query, app.deps.config.audienceMinListeners), {
        name: (a) => fileName('trends', a.market, a.current_from, a.current_to),
        text: trendsCsv,
      }),
  );

  app.get(
    '/v1/insights/product/diversity',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags,
        summary: 'How much listening goes beyond the most streamed artists',
        description: `share_outside_top: the share of the range's streams that went to artists outside the top 1% of artists by streams in the range (top 1% = the ceil(artists / 100) most streamed artists, at least one, ties broken by artist id; artists = artists with at least one stream), with the previous period. weekly: the same per ISO week of the range (clipped to it), each week ranking its own top 1%. ${STREAM} ${RANGES} ${CSV} ${ACCESS}`,
        querystring: StatsRangeQuery,
        response: responses(DiversitySchema),
      },
    },
    async (request, reply) =>
      respond(request, reply, () => diversity(db, request.query), { name: (a) => fileName('diversity', a.from, a.to), text: diversityCsv }),
  );
};
