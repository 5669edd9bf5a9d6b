import type { ServiceModule } from '@chorus/service-kit';
import { artistStatsRoutes } from './artist-stats.routes.js';
import { insightsRoutes } from './insights/index.js';
import { integrityRoutes } from './integrity.routes.js';
import { LIVE_DEFAULTS } from './live.hub.js';
import { liveRoutes } from './live.routes.js';
import { partnerStatsRoutes } from './partner-stats.routes.js';
import { productRoutes } from './product.routes.js';

/** Creator analytics (artist and track stats, audience, sources, playlists, live counters, CSV), partner analytics and product insight. */
export const analyticsService: ServiceModule = {
  name: 'analytics',
  description: 'Creator analytics for artist teams (stats, audience, sources, playlists, live counters, CSV export) and product insight for the product team.',
  tags: [
    { name: 'insights', description: 'The insights feed (trends, milestones, anomalies, audience shifts, playlist momentum, forecasts) and related artists' },
    {
      name: 'partner-analytics',
      description:
        "A partner's listening through its apps (verified attribution): stats, timeseries, top artists and tracks, audience, apps and device classes, live counters",
    },
    { name: 'product-insight', description: 'Platform-wide engagement, sources, platforms, retention, trends and diversity, for product analysts' },
  ],
  plugin: async (app) => {
    await app.register(artistStatsRoutes);
    await app.register(liveRoutes, LIVE_DEFAULTS);
    await app.register(partnerStatsRoutes, { live: LIVE_DEFAULTS });
    await app.register(productRoutes);
    await app.register(integrityRoutes);
    // The insights feed, forecasts and related artists (built beside these routes, in ./insights).
    await app.register(insightsRoutes);
  },
};

export { type ResolvedRange, resolveRange } from './ranges.rules.js';
