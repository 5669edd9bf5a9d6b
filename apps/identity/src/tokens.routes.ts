import { access, errorResponses, IdParams, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { createPersonalToken, deletePersonalToken, listPersonalTokens } from './tokens.service.js';
import { CreatedTokenSchema, CreateTokenBody, TokenPageSchema } from './tokens.schemas.js';

const tags = ['identity'];

/** Personal API tokens, for scrobblers and scripts on the ListenBrainz-compatible routes. */
export const tokensRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;
  app.post(
    '/v1/me/tokens',
    {
      config: access.user('account:manage'),
      schema: {
        tags,
        summary: 'Create a personal API token',
        description: 'The token is in this answer only; Chorus keeps just its hash. At most 50 active tokens per account.',
        body: CreateTokenBody,
        response: { 201: CreatedTokenSchema, ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await createPersonalToken(db, requirePrincipal(request).userId, request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/v1/me/tokens',
    {
      config: access.user('account:manage'),
      schema: {
        tags,
        summary: 'List your personal API tokens',
        description: 'Active tokens, newest first, without their secrets.',
        response: { 200: TokenPageSchema, ...errorResponses(401) },
      },
    },
    async (request) => listPersonalTokens(db, requirePrincipal(request).userId),
  );

  app.delete(
    '/v1/me/tokens/:id',
    {
      config: access.user('account:manage'),
      schema: {
        tags,
        summary: 'Revoke a personal API token',
        params: IdParams,
        response: { 204: Type.Null({ description: 'Revoked.' }), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await deletePersonalToken(db, requirePrincipal(request).userId, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
