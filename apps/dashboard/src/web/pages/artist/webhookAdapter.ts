import { api, unwrap } from '../../api.js';
import type { WebhookAdapter } from '../../components/webhooks/adapter.js';

/** An artist team's webhook endpoints, through the SDK's /v1/artists/{id}/webhooks calls. */
export function artistWebhooks(id: string): WebhookAdapter {
  const one = (webhookId: string) => ({ id, webhook_id: webhookId });
  return {
    owner: 'artist',
    cacheKey: `artist/${id}/webhooks`,
    href: (webhookId) => `/artists/${encodeURIComponent(id)}/webhooks/${webhookId}`,
    list: async () => unwrap(await api.GET('/v1/artists/{id}/webhooks', { params: { path: { id }, query: { limit: 100 } } })),
    create: async (body) => unwrap(await api.POST('/v1/artists/{id}/webhooks', { params: { path: { id } }, body })),
    get: async (webhookId) => unwrap(await api.GET('/v1/artists/{id}/webhooks/{webhook_id}', { params: { path: one(webhookId) } })),
    update: async (webhookId, body) => unwrap(await api.PATCH('/v1/artists/{id}/webhooks/{webhook_id}', { params: { path: one(webhookId) }, body })),
    remove: async (webhookId) => {
      unwrap(await api.DELETE('/v1/artists/{id}/webhooks/{webhook_id}', { params: { path: one(webhookId) } }));
    },
    rotateSecret: async (webhookId) => unwrap(await api.POST('/v1/artists/{id}/webhooks/{webhook_id}/secret', { params: { path: one(webhookId) } })),
    test: async (webhookId) => unwrap(await api.POST('/v1/artists/{id}/webhooks/{webhook_id}/test', { params: { path: one(webhookId) } })),
    deliveries: async (webhookId, query) =>
      unwrap(await api.GET('/v1/artists/{id}/webhooks/{webhook_id}/deliveries', { params: { path: one(webhookId), query } })),
    redeliver: async (webhookId, deliveryId) =>
      unwrap(
        await api.POST('/v1/artists/{id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver', {
          params: { path: { ...one(webhookId), delivery_id: deliveryId } },
        }),
      ),
  };
}
