import type { ServiceModule } from '@chorus/service-kit';
import { appRoutes } from './apps.routes.js';
import { memberRoutes } from './members.routes.js';
import { partnerRoutes } from './partners.routes.js';
import { reviewRoutes } from './review.routes.js';
import { usageRoutes } from './usage.routes.js';
import { webhookRoutes, webhooksDocument } from './webhooks.routes.js';

/** Partner integrations: organisations and their teams, the app (OAuth client) registry and its review, per-app limits and usage, webhooks, partner analytics. */
export const partnersService: ServiceModule = {
  name: 'partners',
  description:
    'Partner integrations: partner organisations and their teams, the app (OAuth client) registry with development and production modes, per-app rate limits and usage, webhook endpoints and their delivery logs, and partner analytics.',
  tags: [{ name: 'webhooks', description: 'Webhook endpoints of artist teams and partner apps, their deliveries, and the event catalog' }],
  ...webhooksDocument,
  plugin: async (app) => {
    await app.register(partnerRoutes);
    await app.register(memberRoutes);
    await app.register(appRoutes);
    await app.register(reviewRoutes);
    await app.register(usageRoutes);
    await app.register(webhookRoutes);
  },
};
