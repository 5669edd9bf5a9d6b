import type { ServiceModule } from '@chorus/service-kit';
import { pages, webPlugin } from './server/web.plugin.js';

export { ensureWebBuilt, WEB_DIST, webBuildStale } from './server/build.js';
export { PAGE_CSP, webPlugin } from './server/web.plugin.js';

/** The web app (apps/dashboard/src/web), built to static files and served at `/`; it has no API of its own. */
export const webService: ServiceModule = {
  name: 'web',
  description: 'The Chorus web app: dashboards for artists, the partner console, product insight and collaborative playlists.',
  plugin: webPlugin,
  pages,
};
