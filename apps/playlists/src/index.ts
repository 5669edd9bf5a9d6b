import type { ServiceModule } from '@chorus/service-kit';
import { activityRoutes } from './activity.routes.js';
import { collaboratorRoutes } from './collaborators.routes.js';
import { itemRoutes } from './items.routes.js';
import { playlistRoutes } from './playlist.routes.js';

export interface PlaylistsServiceOptions {
  /** How often an idle live stream sends a comment, so proxies keep it open (default 15 s). */
  eventHeartbeatMs?: number;
}

/** Builds the playlists service; tests shorten the heartbeat. */
export function createPlaylistsService(options: PlaylistsServiceOptions = {}): ServiceModule {
  return {
    name: 'playlists',
    description:
      'Collaborative playlists: collaborators with roles and invitation links, items in a stable order under concurrent edits, snapshots (ETag/If-Match), activity, votes, live updates (SSE) and suggestions.',
    plugin: async (app) => {
      await app.register(playlistRoutes);
      await app.register(collaboratorRoutes);
      await app.register(itemRoutes);
      await app.register(activityRoutes, { heartbeatMs: options.eventHeartbeatMs ?? 15_000 });
    },
  };
}

export const playlistsService: ServiceModule = createPlaylistsService();

// For other services: the channel that announces playlist adds, and the shape of live playlist events.
export { type PlaylistEvent, playlistChannel } from './changes.js';
export { PLAYLIST_ADDS_CHANNEL } from './items.service.js';
// For seeding playlists written over time (the demo): snapshot ids and order keys as the service makes them.
export { evenKeys } from './ordering.js';
export { snapshotId } from './snapshot.js';
