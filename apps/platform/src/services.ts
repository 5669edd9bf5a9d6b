import { analyticsService } from '@chorus/analytics';
import { catalogService } from '@chorus/catalog';
import { identityService } from '@chorus/identity';
import { listeningService } from '@chorus/listening';
import { partnersService } from '@chorus/partners';
import { playlistsService } from '@chorus/playlists';
import type { ServiceModule } from '@chorus/service-kit';

/** Every HTTP service of the platform, in the order their tags appear in the API document. */
export const services: ServiceModule[] = [identityService, catalogService, listeningService, playlistsService, analyticsService, partnersService];
