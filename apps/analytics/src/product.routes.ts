import { bearerSecurity, errorResponses, guard } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
import {
  DiversitySchema,
  EngagementSchema,
  PlatformsSchema,
  ProductSourcesSchema,
  RangeQuery,
  RetentionQuery,
  RetentionSchema,
  TrendsQuery,
  TrendsSchema,
  type TypeBoxProvider,
} from './analytics.schemas.js';
import { diversity, engagement, productPlatforms, productSources, retention, trends } from './product.service.js';

const tags = ['product-insight'];
const ACCESS = 'For product analysts and platform admins only (internal roles); anyone else is told 403.';
const RANGES =
  'Platform-wide. Ranges are whole UTC days ending today (rollups are daily): range=24h is today (UTC) so far, 7d the last 7 days including today, likewise 28d, 90d and 365d; all starts at the first day anyone listened. Or from/to: UTC days, both inclusive, at most 3 years, not after today. Default 28d. The previous period is the same number of days right before; every answer gives the resolved days.';
const STREAM = 'A stream is a play of at least 30 seconds; a shorter play is a skip. An active listener has at least one stream.';

/** Product insight: how the platform is used, for the product team. */
export async function productRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxProvider>();
  const { db } = app.deps;
  const onRequest = guard({ roles: ['product_analyst', 'platform_admin'] });

  app.get(
    '/v1/insights/product/engagement',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Active listeners, stickiness, streams per listener and skip rate',
        description: `dau: distinct listeners with at least one stream on \`to\`; wau and mau: over the 7 and 28 days ending at \`to\` (previous: ending at previous_to). stickiness: dau / mau. active_listeners: distinct listeners with at least one stream in the range. average_dau: the mean of the daily active listeners over the range. streams_per_active_listener: the range's streams / active_listeners. skip_rate: skips / (streams + skips) over every play of the range. daily: per day of the range, dau, streams, skips and ms_played, zero-filled. Ratios are null when they would divide by zero. ${STREAM} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        querystring: RangeQuery,
        response: { 200: EngagementSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => engagement(db, request.query),
  );

  app.get(
    '/v1/insights/product/sources',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Share of streams by source across the platform',
        description: `Streams by source (context of the play: library, own_playlist, playlist (other listeners' playlists), collaborative_playlist, album, artist, search, radio, partner, other) summed over every artist, each with its share of the range's streams and the same for the previous period; families as in artist sources (own_library_and_playlists, others_playlists, collaborative, artist_profile_and_catalog, search, radio, partner_devices, other). collaborative_playlists repeats what collaborative playlists contribute. ${STREAM} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        querystring: RangeQuery,
        response: { 200: ProductSourcesSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => productSources(db, request.query),
  );

  app.get(
    '/v1/insights/product/platforms',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Streams by platform and the partner share',
        description: `Streams by platform (ios, android, web, desktop, car, speaker, tv, other) with shares, for the range and the previous period. partner.context: streams played through partner integrations (source partner); partner.devices: streams on partner device platforms (car, speaker, tv); each with its share of all streams. ${STREAM} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        querystring: RangeQuery,
        response: { 200: PlatformsSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => productPlatforms(db, request.query),
  );

  app.get(
    '/v1/insights/product/retention',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Weekly sign-up cohorts and how many keep listening',
        description: `cohorts=N (1 to 52, default 8): the N ISO weeks (Monday to Sunday, UTC) ending with the current one; each cohort is the users who signed up that week (size). retention[i] is the share of the cohort with at least one stream in ISO week i + 1 after the sign-up week (active[i] the count), for weeks 1 to N; null until that week has ended (or when the cohort is empty). ${STREAM} ${ACCESS}`,
        security: bearerSecurity(),
        querystring: RetentionQuery,
        response: { 200: RetentionSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => retention(db, request.query),
  );

  app.get(
    '/v1/insights/product/trends',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Artists and tracks rising in a market',
        description: `Streams by listeners in \`market\` over the 7 days ending at \`to\` (default today, UTC) against the 7 days before. Listed when the last 7 days have at least min_streams (default 100) streams, rise above the week before, and the rise is significant: a one-sided conditional binomial test (given n = current + previous streams, current ~ Binomial(n, 1/2) if both weeks share one rate; exact up to large n, then normal with continuity correction) with p < alpha = 0.01. change = (current - previous) / previous, null for a rise from none. Streams count only on days when the artist's audience in the market is shown under the audience endpoint's k-anonymity rule (at least k listeners that day, with complementary hiding; see /v1/artists/{id}/stats/audience), so no figure here includes a listen that rule hides. Ordered: rises from none first, then by change, then by current streams; at most limit (default 20) of each. ${STREAM} ${ACCESS}`,
        security: bearerSecurity(),
        querystring: TrendsQuery,
        response: { 200: TrendsSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => trends(db, request.query, app.deps.config.audienceMinListeners),
  );

  app.get(
    '/v1/insights/product/diversity',
    {
      onRequest,
      schema: {
        tags,
        summary: 'How much listening goes beyond the most streamed artists',
        description: `share_outside_top: the share of the range's streams that went to artists outside the top 1% of artists by streams in the range (top 1% = the ceil(artists / 100) most streamed artists, at least one, ties broken by artist id; artists = artists with at least one stream), with the previous period. weekly: the same per ISO week of the range (clipped to it), each week ranking its own top 1%. ${STREAM} ${RANGES} ${ACCESS}`,
        security: bearerSecurity(),
        querystring: RangeQuery,
        response: { 200: DiversitySchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => diversity(db, request.query),
  );
}
