import type { operations, Schema } from '@chorus/sdk';
import { api, unwrap, useApi } from '../../api.js';

export type Webhook = Schema<'WebhookEndpoint'>;
export type WebhookCreated = Schema<'WebhookEndpointCreated'>;
export type WebhookSecret = Schema<'WebhookSecret'>;
export type Delivery = Schema<'WebhookDelivery'>;
export type WebhookOwner = Schema<'WebhookEventType'>['owners'][number];
/** The body that adds an endpoint; artist and app endpoints take the same one. */
export type NewWebhook = operations['postArtistWebhooks']['requestBody']['content']['application/json'];
export type WebhookChanges = operations['patchArtistWebhook']['requestBody']['content']['application/json'];
export type DeliveryQuery = NonNullable<operations['getArtistWebhookDeliveries']['parameters']['query']>;
export type EventName = NewWebhook['event_types'][number];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/**
 * The webhook endpoints of one owner (an artist team, a partner app) as the shared webhook components use them:
 * each area builds it from its own typed SDK calls, so the components never know the API's paths.
 */
export interface WebhookAdapter {
  /** Whose events the endpoints may subscribe to (GET /v1/webhook-event-types names each type's owners). */
  owner: WebhookOwner;
  /** The cache prefix of this owner's endpoints: every read of them is keyed under it. */
  cacheKey: string;
  /** The app's address of an endpoint's page. */
  href: (webhookId: string) => string;
  list: () => Promise<Page<Webhook>>;
  create: (body: NewWebhook) => Promise<WebhookCreated>;
  get: (webhookId: string) => Promise<Webhook>;
  update: (webhookId: string, body: WebhookChanges) => Promise<Webhook>;
  remove: (webhookId: string) => Promise<void>;
  rotateSecret: (webhookId: string) => Promise<WebhookSecret>;
  test: (webhookId: string) => Promise<Delivery>;
  deliveries: (webhookId: string, query: DeliveryQuery) => Promise<Page<Delivery>>;
  redeliver: (webhookId: string, deliveryId: string) => Promise<Delivery>;
}

/**
 * Cache keys of an owner's endpoints. The list, an endpoint and its deliveries are apart, so that invalidating one
 * does not read another again (a deleted endpoint's page would answer 404).
 */
export const webhookKeys = {
  list: (adapter: WebhookAdapter) => `${adapter.cacheKey}/list`,
  endpoint: (adapter: WebhookAdapter, webhookId: string) => `${adapter.cacheKey}/${webhookId}/endpoint`,
  deliveries: (adapter: WebhookAdapter, webhookId: string) => `${adapter.cacheKey}/${webhookId}/deliveries`,
};

/** Every webhook event type (one list for all owners, cached once). */
export function useEventTypes() {
  return useApi('webhook-event-types', async () => unwrap(await api.GET('/v1/webhook-event-types')));
}

/** The event types an owner's endpoints subscribe to (ping is sent on request only). */
export function subscribable(types: Array<Schema<'WebhookEventType'>>, owner: WebhookOwner): Array<Schema<'WebhookEventType'>> {
  return types.filter((t) => t.subscribable && t.owners.includes(owner));
}
