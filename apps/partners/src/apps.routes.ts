import { access, errorResponses, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { allowUser, disallowUser, listAllowed } from './allow-list.service.js';
import {
  AllowedUserParams,
  AllowedUserSchema,
  AllowListSchema,
  AllowUserBody,
  AppParams,
  ClientSecretRotatedSchema,
  CreateAppBody,
  PartnerAppCreatedSchema,
  PartnerAppList,
  PartnerAppSchema,
  UpdateAppBody,
} from './apps.schemas.js';
import { createApp, deleteApp, getApp, listApps, rotateSecret, updateApp } from './apps.service.js';
import { PartnerParams } from './partners.schemas.js';

const tags = ['partners'];
const manage = access.user('partner:manage');
const Gone = Type.Null({ description: 'Done.' });

/** The app (OAuth client) registry: apps, their client secrets and their development-mode allow-lists. */
export const appRoutes: RoutePlugin = async (app) => {
  const { deps } = app;

  app.post(
    '/v1/partners/:id/apps',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Register an app (admins and developers)',
        description:
          'The app gets a client id, starts in development mode (the partner’s team and up to 25 allow-listed people, development limits) and a confidential client gets its secret in this answer only.',
        params: PartnerParams,
        body: CreateAppBody,
        response: { 201: PartnerAppCreatedSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await createApp(deps.db, requirePrincipal(request), request.params.id, request.body);
      return reply.code(201).header('location', `/v1/partners/${created.partner_id}/apps/${created.id}`).send(created);
    },
  );

  app.get(
    '/v1/partners/:id/apps',
    {
      config: manage,
      schema: {
        tags,
        summary: "The partner's apps (its whole team)",
        params: PartnerParams,
        response: { 200: PartnerAppList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listApps(deps.db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/v1/partners/:id/apps/:app_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'An app, with its review state and who decided it',
        params: AppParams,
        response: { 200: PartnerAppSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getApp(deps.db, requirePrincipal(request), request.params.id, request.params.app_id),
  );

  app.patch(
    '/v1/partners/:id/apps/:app_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit an app (admins and developers)',
        params: AppParams,
        body: UpdateAppBody,
        response: { 200: PartnerAppSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request) => updateApp(deps, requirePrincipal(request), request.params.id, request.params.app_id, request.body),
  );

  app.delete(
    '/v1/partners/:id/apps/:app_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an app (admins)',
        description: 'Its client id stops working at once; access tokens already issued are refused within 30 seconds.',
        params: AppParams,
        response: { 204: Gone, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteApp(deps, requirePrincipal(request), request.params.id, request.params.app_id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/partners/:id/apps/:app_id/secret',
    {
      config: manage,
      schema: {
        tags,
        summary: "Rotate a confidential client's secret (admins and developers)",
        description:
          'The new secret is in this answer only. The previous one keeps working until previous_valid_until (CHORUS_CLIENT_SECRET_OVERLAP_SECONDS, a day by default); rotating again drops it at once, which is how to revoke a leaked secret.',
        params: AppParams,
        response: { 200: ClientSecretRotatedSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => rotateSecret(deps, requirePrincipal(request), request.params.id, request.params.app_id),
  );

  app.get(
    '/v1/partners/:id/apps/:app_id/allow-list',
    {
      config: manage,
      schema: {
        tags,
        summary: "The people a development-mode app may serve besides the partner's team",
        params: AppParams,
        response: { 200: AllowListSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listAllowed(deps.db, requirePrincipal(request), request.params.id, request.params.app_id),
  );

  app.post(
    '/v1/partners/:id/apps/:app_id/allow-list',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Allow a person, by handle, to use a development-mode app (admins and developers; at most 25)',
        params: AppParams,
        body: AllowUserBody,
        response: { 201: AllowedUserSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await allowUser(deps, requirePrincipal(request), request.params.id, request.params.app_id, request.body.handle)),
  );

  app.delete(
    '/v1/partners/:id/apps/:app_id/allow-list/:user_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Take a person off the allow-list (admins and developers)',
        params: AllowedUserParams,
        response: { 204: Gone, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await disallowUser(deps, requirePrincipal(request), request.params.id, request.params.app_id, request.params.user_id);
      return reply.code(204).send(null);
    },
  );
};
