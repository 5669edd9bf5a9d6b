import type { ServiceModule } from '@chorus/service-kit';
import { type WebOptions, webServing } from './server/web.plugin.js';

export { ensureWebBuilt, initialScripts, WEB_DIST, webBuildStale } from './server/build.js';
export { PAGE_CSP } from './server/web.plugin.js';

/** The web app (apps/dashboard/src/web), built to static files and served at `/`; it has no API of its own. */
export function webService(options: WebOptions = {}): ServiceModule {
  return {
    name: 'web',
    description: 'The Chorus web app: dashboards for artists, the partner console, product insight and collaborative playlists.',
    ...webServing(options),
  };
}
