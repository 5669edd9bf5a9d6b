import { analyticsService } from '@chorus/analytics';
import { catalogService } from '@chorus/catalog';
import { webService } from '@chorus/dashboard';
import { identityService } from '@chorus/identity';
import { listeningService } from '@chorus/listening';
import { partnersService } from '@chorus/partners';
import { playlistsService } from '@chorus/playlists';
import type { ServiceModule } from '@chorus/service-kit';

/** Every HTTP service of the platform, in the order their tags appear in the API document; the web app last. */
export const services: ServiceModule[] = [identityService, catalogService, listeningService, playlistsService, analyticsService, partnersService, webService()];
