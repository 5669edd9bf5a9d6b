import { access, errorResponses, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { AppParams, AppUsageSchema, UsageQuery } from './apps.schemas.js';
import { appUsage } from './usage.service.js';

/** An app's usage and limits. */
export const usageRoutes: RoutePlugin = async (app) => {
  const usageDeps = { db: app.deps.db, config: app.deps.config, flushUsage: () => app.appLimits.flush() };

  app.get(
    '/v1/partners/:id/apps/:app_id/usage',
    {
      config: access.caller('partner-analytics:read'),
      schema: {
        tags: ['partners'],
        summary: "An app's requests, errors and 429s per UTC day and route group, with its limits",
        description: 'For the partner’s team, and for the app itself with a client credentials token.',
        params: AppParams,
        querystring: UsageQuery,
        response: { 200: AppUsageSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => appUsage(usageDeps, requirePrincipal(request), request.params.id, request.params.app_id, request.query),
  );
};
