import { access, errorResponses, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { ConnectionPageSchema, ConnectionParams, ConnectionsQuery } from './connections.schemas.js';
import { disconnect, listConnections } from './connections.service.js';

const tags = ['identity'];

/** The partner apps a listener connected, and disconnecting one. */
export const connectionsRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.get(
    '/v1/me/connections',
    {
      config: access.user('profile:read'),
      schema: {
        tags,
        summary: 'Apps you connected',
        description: 'The partner apps you allowed to use your account, what they may do, when you connected them and when they last refreshed their access.',
        querystring: ConnectionsQuery,
        response: { 200: ConnectionPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => listConnections(db, requirePrincipal(request).userId, request.query),
  );

  app.delete(
    '/v1/me/connections/:client_id',
    {
      config: access.user('profile:write'),
      schema: {
        tags,
        summary: 'Disconnect an app',
        description:
          'Revokes every grant and token of the app for you at once: its refresh tokens stop working, and its access tokens are refused by every service within seconds. An app you never connected answers 404.',
        params: ConnectionParams,
        response: { 204: Type.Null({ description: 'Disconnected.' }), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const userId = requirePrincipal(request).userId;
      await disconnect(app.deps, userId, request.params.client_id);
      // This process refuses the app's tokens from now on; other processes within their cache's few seconds.
      app.connectionRevocations.forget(userId, request.params.client_id);
      return reply.code(204).send(null);
    },
  );
};
