import type { ServiceModule } from '@chorus/service-kit';
import { adminRoutes } from './admin.routes.js';
import { artistRoutes } from './artists.routes.js';
import { releaseRoutes } from './releases.routes.js';
import { searchRoutes } from './search.routes.js';
import { teamRoutes } from './team.routes.js';

/** The catalog: artists and their teams, releases, tracks (ISRC), credits, search. */
export const catalogService: ServiceModule = {
  name: 'catalog',
  description: 'Artists and their teams (by invitation), releases, tracks (ISRC) and credits, search, artist verification and ISRC disputes.',
  plugin: async (app) => {
    await app.register(artistRoutes);
    await app.register(teamRoutes);
    await app.register(adminRoutes);
    await app.register(releaseRoutes);
    await app.register(searchRoutes);
  },
};

// For other services: catalog lookups and the artist-team access checks (e.g. analytics guards artist stats with them).
export { type ArtistAccess, artistAccess, type Caller, requireArtistRole, requireTeamVisible, roleAtLeast, teamVisibleWithin } from './access.service.js';
export { getArtist } from './artists.service.js';
export type { Artist, ArtistDetail, Member, Release, SearchResult, Track } from './catalog.schemas.js';
export { getRelease } from './releases.service.js';
export { search } from './search.service.js';
export { getTrack } from './tracks.service.js';
