import { type RouteAccess, access, errorResponses, requirePrincipal, type RoutePlugin, Uuid } from '@chorus/service-kit';
import { Type } from 'typebox';
import {
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryPage,
  EndpointPage,
  EndpointsQuery,
  EventTypeList,
  type OwnerParamsSchema,
  type OwnerPath,
  UpdateWebhookBody,
  WebhookDeliverySchema,
  WebhookEndpointCreatedSchema,
  WebhookEndpointSchema,
  WebhookEventTypeSchema,
  WebhookSecretSchema,
  webhookPathParams,
} from './webhooks.schemas.js';
import { WEBHOOK_EVENTS, webhooksOpenApi } from './webhooks.events.js';
import {
  appWebhookOwner,
  artistWebhookOwner,
  createEndpoint,
  deleteEndpoint,
  eventTypes,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  type OwnerResolver,
  redeliver,
  rotateSecret,
  sendTest,
  updateEndpoint,
} from './webhooks.service.js';

const tags = ['webhooks'];

/** What webhooks add to the API document: the named schemas the routes reference, and the `webhooks` section of events. */
export const webhooksDocument = {
  schemas: [
    WebhookEndpointSchema,
    WebhookEndpointCreatedSchema,
    WebhookSecretSchema,
    WebhookDeliverySchema,
    WebhookEventTypeSchema,
    ...WEBHOOK_EVENTS.map((e) => e.schema),
  ],
  webhooks: webhooksOpenApi,
};
const ref = (id: string) => Type.Ref(id);

export interface OwnerRoutesOptions {
  /** The collection's path, its owner named by path parameters: `/v1/artists/:id/webhooks`. */
  path: string;
  /** The schemas of those parameters: `{ id: Uuid }`. */
  ownerParams: OwnerParamsSchema;
  /** Whose endpoints, in the summaries: "artist's". */
  whose: string;
  access: { access: RouteAccess };
  owner: OwnerResolver;
}

/** The endpoint routes of one kind of owner; each resolves (and checks) the owner, then calls one service function. */
export const ownerWebhookRoutes: RoutePlugin<OwnerRoutesOptions> = async (app, options) => {
  const { path, whose, owner } = options;
  const config = options.access;
  const deps = app.deps;
  const params = webhookPathParams(options.ownerParams);
  // The params schemas above have validated every parameter (UUIDs) before a handler runs.
  const pathOf = (request: { params: unknown }) => request.params as OwnerPath;
  const resolve = (request: { params: unknown } & Parameters<typeof requirePrincipal>[0]) => owner(deps.db, requirePrincipal(request), pathOf(request));

  app.post(
    path,
    {
      config,
      schema: {
        tags,
        summary: `Add a webhook endpoint for the ${whose} events; the answer shows its signing secret, this once`,
        params: params.collection,
        body: CreateWebhookBody,
        response: { 201: ref('WebhookEndpointCreated'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createEndpoint(deps, await resolve(request), requirePrincipal(request), request.body)),
  );

  app.get(
    path,
    {
      config,
      schema: {
        tags,
        summary: `The ${whose} webhook endpoints, oldest first`,
        params: params.collection,
        querystring: EndpointsQuery,
        response: { 200: EndpointPage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listEndpoints(deps, await resolve(request), request.query),
  );

  app.get(
    `${path}/:webhook_id`,
    {
      config,
      schema: {
        tags,
        summary: 'A webhook endpoint, with its health and any notice for its owner',
        params: params.endpoint,
        response: { 200: ref('WebhookEndpoint'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getEndpoint(deps, await resolve(request), pathOf(request).webhook_id),
  );

  app.patch(
    `${path}/:webhook_id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a webhook endpoint: URL, event types, description, or enabled (re-enabling one disabled for failing)',
        params: params.endpoint,
        body: UpdateWebhookBody,
        response: { 200: ref('WebhookEndpoint'), ...errorResponses(401, 403, 404, 413, 415, 422) },
      },
    },
    async (request) => updateEndpoint(deps, await resolve(request), pathOf(request).webhook_id, request.body),
  );

  app.delete(
    `${path}/:webhook_id`,
    {
      config,
      schema: {
        tags,
        summary: 'Delete a webhook endpoint and its delivery log',
        params: params.endpoint,
        response: { 204: Type.Null({ description: 'Deleted.' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(deps, await resolve(request), pathOf(request).webhook_id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${path}/:webhook_id/secret`,
    {
      config,
      schema: {
        tags,
        summary: 'Rotate the signing secret; the old one keeps signing (a second signature on each event) for 24 hours',
        params: params.endpoint,
        response: { 200: ref('WebhookSecret'), ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request) => rotateSecret(deps, await resolve(request), pathOf(request).webhook_id),
  );

  app.get(
    `${path}/:webhook_id/deliveries`,
    {
      config,
      schema: {
        tags,
        summary: 'The delivery log, newest first: each event sent and its attempts (time, status or error, latency, the start of the answer)',
        params: params.endpoint,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryPage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listDeliveries(deps, await resolve(request), pathOf(request).webhook_id, request.query),
  );

  app.post(
    `${path}/:webhook_id/deliveries/:delivery_id/redeliver`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a finished delivery again (a new delivery, the same webhook-id)',
        params: params.delivery,
        response: { 202: ref('WebhookDelivery'), ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => reply.code(202).send(await redeliver(deps, await resolve(request), pathOf(request).webhook_id, pathOf(request).delivery_id)),
  );

  app.post(
    `${path}/:webhook_id/test`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a ping event to this endpoint; its outcome shows in the delivery log',
        params: params.endpoint,
        response: { 202: ref('WebhookDelivery'), ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => reply.code(202).send(await sendTest(deps, await resolve(request), pathOf(request).webhook_id)),
  );
};

/** The event catalog and the webhook endpoints of artist teams and of partner apps: one set of routes per kind of owner. */
export const webhookRoutes: RoutePlugin = async (app) => {
  app.get(
    '/v1/webhook-event-types',
    {
      config: access.public(),
      schema: { tags, summary: 'Every webhook event type with the JSON Schema of its body', response: { 200: EventTypeList, ...errorResponses() } },
    },
    async () => eventTypes(),
  );
  await app.register(ownerWebhookRoutes, {
    path: '/v1/artists/:id/webhooks',
    ownerParams: { id: Uuid },
    whose: "artist's",
    access: access.user('artists:manage'),
    owner: artistWebhookOwner,
  });
  // The partner's admins and developers, or the app itself with a client-credentials token.
  await app.register(ownerWebhookRoutes, {
    path: '/v1/partners/:id/apps/:app_id/webhooks',
    ownerParams: { id: Uuid, app_id: Uuid },
    whose: "app's",
    access: access.caller('partner:manage'),
    owner: appWebhookOwner,
  });
};
