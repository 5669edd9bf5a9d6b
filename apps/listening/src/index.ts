import type { ServiceModule } from '@chorus/service-kit';
import { listenBrainzRoutes } from './listenbrainz.routes.js';
import { listeningRoutes } from './listening.routes.js';
import { MemoryNowPlaying, RedisNowPlaying } from './now-playing.store.js';

export { ingestListens, type IncomingListen } from './ingest.service.js';

export const listeningService: ServiceModule = {
  name: 'listening',
  description: 'Listen ingestion (native and ListenBrainz-compatible), now playing, feedback, and a listener’s own data',
  tags: [{ name: 'listenbrainz', description: 'The ListenBrainz-compatible API: existing scrobblers work by changing only their base URL and token' }],
  plugin: async (app) => {
    const { deps } = app;
    const store = deps.redis ? new RedisNowPlaying(deps.redis, `${deps.namespace}:now-playing:`) : new MemoryNowPlaying();
    await app.register(listeningRoutes, { store });
    await app.register(listenBrainzRoutes, { store });
  },
};
