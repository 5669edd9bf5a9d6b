import { api, unwrap } from '../../api.js';
import type { WebhookAdapter } from '../../components/webhooks/adapter.js';
import { partnerBase } from './PartnerLayout.js';

/** A partner app's webhook endpoints, through the SDK's /v1/partners/{id}/apps/{app_id}/webhooks calls. */
export function appWebhooks(partnerId: string, appId: string): WebhookAdapter {
  const app = { id: partnerId, app_id: appId };
  const one = (webhookId: string) => ({ ...app, webhook_id: webhookId });
  return {
    owner: 'app',
    // Under the app's own key: invalidating the app (or every app of the partner) reaches its webhooks too.
    cacheKey: `partner/${partnerId}/app/${appId}/webhooks`,
    href: (webhookId) => `${partnerBase(partnerId)}/apps/${appId}/webhooks/${webhookId}`,
    list: async () => unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}/webhooks', { params: { path: app, query: { limit: 100 } } })),
    create: async (body) => unwrap(await api.POST('/v1/partners/{id}/apps/{app_id}/webhooks', { params: { path: app }, body })),
    get: async (webhookId) => unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}', { params: { path: one(webhookId) } })),
    update: async (webhookId, body) =>
      unwrap(await api.PATCH('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}', { params: { path: one(webhookId) }, body })),
    remove: async (webhookId) => {
      unwrap(await api.DELETE('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}', { params: { path: one(webhookId) } }));
    },
    rotateSecret: async (webhookId) =>
      unwrap(await api.POST('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/secret', { params: { path: one(webhookId) } })),
    test: async (webhookId) => unwrap(await api.POST('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/test', { params: { path: one(webhookId) } })),
    deliveries: async (webhookId, query) =>
      unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/deliveries', { params: { path: one(webhookId), query } })),
    redeliver: async (webhookId, deliveryId) =>
      unwrap(
        await api.POST('/v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver', {
          params: { path: { ...one(webhookId), delivery_id: deliveryId } },
        }),
      ),
  };
}
