import type { Route } from '../../routes.js';
import { Analytics } from './Analytics.js';
import { AppPage } from './App.js';
import { Apps } from './Apps.js';
import { Partners } from './Partners.js';
import { Settings } from './Settings.js';
import { Team } from './Team.js';
import { WebhookPage } from './Webhook.js';
import { Webhooks } from './Webhooks.js';

export const partnerRoutes: Route[] = [
  { path: '/partners', page: Partners },
  { path: '/partners/:id', page: Apps },
  { path: '/partners/:id/apps/:appId', page: AppPage },
  { path: '/partners/:id/apps/:appId/webhooks/:webhookId', page: WebhookPage },
  { path: '/partners/:id/team', page: Team },
  { path: '/partners/:id/analytics', page: Analytics },
  { path: '/partners/:id/webhooks', page: Webhooks },
  { path: '/partners/:id/settings', page: Settings },
];
