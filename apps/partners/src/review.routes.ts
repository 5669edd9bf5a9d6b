import { access, errorResponses, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import {
  AdminAppParams,
  AdminAppsQuery,
  AdminPartnerAppPage,
  AppParams,
  AppReviewDecisionBody,
  AppReviewList,
  AppReviewSchema,
  PartnerAppSchema,
  ReviewRequestBody,
} from './apps.schemas.js';
import { appsForAdmins, decideReview, requestReview, reviewHistory } from './review.service.js';

const tags = ['partners'];
const manage = access.user('partner:manage');
const platformAdmin = access.internal('admin:manage', ['platform_admin']);

/** Development to production: review requests by partners, decisions by platform admins, and the history of both. */
export const reviewRoutes: RoutePlugin = async (app) => {
  const { deps } = app;

  app.post(
    '/v1/partners/:id/apps/:app_id/review-requests',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Ask for production mode (admins and developers)',
        description: 'From development, or again after a rejection; the app stays in development mode while in review.',
        params: AppParams,
        body: ReviewRequestBody,
        response: { 201: AppReviewSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestReview(deps.db, requirePrincipal(request), request.params.id, request.params.app_id, request.body.note)),
  );

  app.get(
    '/v1/partners/:id/apps/:app_id/reviews',
    {
      config: manage,
      schema: {
        tags,
        summary: "The app's review history: requests and decisions",
        params: AppParams,
        response: { 200: AppReviewList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => reviewHistory(deps.db, requirePrincipal(request), request.params.id, request.params.app_id),
  );

  app.get(
    '/v1/admin/apps',
    {
      config: platformAdmin,
      schema: {
        tags,
        summary: 'Apps by review state, the review queue by default (platform admins)',
        querystring: AdminAppsQuery,
        response: { 200: AdminPartnerAppPage, ...errorResponses(401, 403) },
      },
    },
    async (request) => appsForAdmins(deps.db, request.query),
  );

  app.post(
    '/v1/admin/apps/:app_id/review',
    {
      config: platformAdmin,
      schema: {
        tags,
        summary: 'Approve or reject an app in review (platform admins)',
        description: 'Approval puts the app in production mode and may verify its partner at the same time; a rejection needs a note.',
        params: AdminAppParams,
        body: AppReviewDecisionBody,
        response: { 200: PartnerAppSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => decideReview(deps, requirePrincipal(request), request.params.app_id, request.body),
  );
};
