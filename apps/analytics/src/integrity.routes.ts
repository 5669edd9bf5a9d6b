import { access, errorResponses, type RoutePlugin } from '@chorus/service-kit';
import { RangeQuery } from './analytics.schemas.js';
import { IntegritySchema } from './integrity.schemas.js';
import { integrity } from './integrity.service.js';

/** Listen integrity for the product team: what ingestion refused, and why. */
export const integrityRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;
  app.get(
    '/v1/insights/product/integrity',
    {
      config: access.internal('product-insight:read', ['product_analyst', 'platform_admin']),
      schema: {
        tags: ['product-insight'],
        summary: 'Listens refused at ingestion, by reason and API',
        description:
          'Listens ingestion did not store, counted on the UTC day they were refused (not the day they claim), with the batches they came in. over_real_time: with what the listener already had, the listens would cover more play in a UTC hour than real time allows (CHORUS_LISTEN_BUDGET_PER_HOUR, default 5,100 s: 3,600 × 1.25 for overlapping devices plus slack). Refused listens count in no other figure. No listener is named. Ranges as the other product routes (range, or from/to; default 28d; the previous period is the same number of days right before). For product analysts and platform admins only (internal roles); anyone else is told 403.',
        querystring: RangeQuery,
        response: { 200: IntegritySchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => integrity(db, request.query),
  );
};
