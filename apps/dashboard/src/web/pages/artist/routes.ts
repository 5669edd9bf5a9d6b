import type { Route } from '../../routes.js';
import { Artists } from './Artists.js';
import { lazyPage } from './lazy.js';
import { Overview } from './Overview.js';

export const artistRoutes: Route[] = [
  { path: '/artists', page: Artists },
  { path: '/artists/:id', page: Overview },
  { path: '/artists/:id/tracks', page: lazyPage(async () => (await import('./Tracks.js')).Tracks) },
  { path: '/artists/:id/audience', page: lazyPage(async () => (await import('./Audience.js')).Audience) },
  { path: '/artists/:id/sources', page: lazyPage(async () => (await import('./Sources.js')).Sources) },
  { path: '/artists/:id/insights', page: lazyPage(async () => (await import('./Insights.js')).Insights) },
  { path: '/artists/:id/team', page: lazyPage(async () => (await import('./Team.js')).Team) },
  { path: '/artists/:id/webhooks', page: lazyPage(async () => (await import('./Webhooks.js')).Webhooks) },
  { path: '/artists/:id/webhooks/:webhookId', page: lazyPage(async () => (await import('./Webhook.js')).Webhook) },
];
