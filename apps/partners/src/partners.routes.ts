import { access, errorResponses, PageQuery, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { CreatePartnerBody, PartnerPage, PartnerParams, PartnerSchema, UpdatePartnerBody } from './partners.schemas.js';
import { createPartner, getPartner, listMyPartners, setVerification, updatePartner } from './partners.service.js';

const tags = ['partners'];
const manage = access.user('partner:manage');
const platformAdmin = access.internal('admin:manage', ['platform_admin']);

/** Partner organisations, and their verification by platform admins. */
export const partnerRoutes: RoutePlugin = async (app) => {
  const { deps } = app;

  app.post(
    '/v1/partners',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Register a partner organisation; you become the admin of its team',
        body: CreatePartnerBody,
        response: { 201: PartnerSchema, ...errorResponses(401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const partner = await createPartner(deps.db, requirePrincipal(request), request.body);
      return reply.code(201).header('location', `/v1/partners/${partner.id}`).send(partner);
    },
  );

  app.get(
    '/v1/partners',
    {
      config: manage,
      schema: { tags, summary: 'The partners whose team you are on', querystring: PageQuery, response: { 200: PartnerPage, ...errorResponses(401, 403) } },
    },
    async (request) => listMyPartners(deps.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/v1/partners/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A partner (its team and platform admins only)',
        params: PartnerParams,
        response: { 200: PartnerSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getPartner(deps.db, requirePrincipal(request), request.params.id),
  );

  app.patch(
    '/v1/partners/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a partner (its admins)',
        description: 'Changing the name, kind or website of a verified partner withdraws the verification.',
        params: PartnerParams,
        body: UpdatePartnerBody,
        response: { 200: PartnerSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request) => updatePartner(deps, requirePrincipal(request), request.params.id, request.body),
  );

  app.post(
    '/v1/admin/partners/:id/verification',
    {
      config: platformAdmin,
      schema: {
        tags,
        summary: 'Verify a partner (platform admins)',
        description: 'Marks the organisation as checked to be who it says; its team sees `verified`. Idempotent.',
        params: PartnerParams,
        response: { 200: PartnerSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => setVerification(deps, requirePrincipal(request), request.params.id, true),
  );

  app.delete(
    '/v1/admin/partners/:id/verification',
    {
      config: platformAdmin,
      schema: {
        tags,
        summary: 'Withdraw a partner’s verification (platform admins)',
        params: PartnerParams,
        response: { 200: PartnerSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => setVerification(deps, requirePrincipal(request), request.params.id, false),
  );
};
