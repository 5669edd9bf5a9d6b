import { access, errorResponses, IdParams, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { ArtistInsightParams, ForecastSchema, InsightPage, InsightsQuery, RelatedQuery, RelatedSchema } from './insights.schemas.js';
import { getForecast, getRelated, listInsights, markInsightRead } from './insights.service.js';

const tags = ['insights'];

/** The insights feed with per-user read state, the streams forecast, and related artists. */
export const insightsRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.get(
    '/v1/artists/:id/insights',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: "The artist's insights, newest first, with whether you have read each (the team and platform admins)",
        params: IdParams,
        querystring: InsightsQuery,
        response: { 200: InsightPage, ...errorResponses(401, 404) },
      },
    },
    async (request) => listInsights(db, requirePrincipal(request), request.params.id, request.query),
  );

  app.post(
    '/v1/artists/:id/insights/:insight_id/read',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: 'Mark an insight read for yourself; marking it again changes nothing',
        params: ArtistInsightParams,
        response: { 204: Type.Null({ description: 'Marked read.' }), ...errorResponses(401, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      await markInsightRead(db, requirePrincipal(request), request.params.id, request.params.insight_id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/artists/:id/stats/forecast',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags,
        summary: 'Expected streams for each of the next 28 days, with prediction intervals (the team and platform admins)',
        params: IdParams,
        response: { 200: ForecastSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => getForecast(db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/v1/artists/:id/related',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Fans also like: artists whose audiences overlap most with this one',
        params: IdParams,
        querystring: RelatedQuery,
        response: { 200: RelatedSchema, ...errorResponses(404) },
      },
    },
    async (request) => getRelated(db, request.params.id, request.query.limit),
  );
};
