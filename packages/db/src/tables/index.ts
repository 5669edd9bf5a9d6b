import type { AttributionTables } from './attribution.tables.js';
import type { CatalogTables } from './catalog.tables.js';
import type { IdentityTables } from './identity.tables.js';
import type { InsightsTables } from './insights.tables.js';
import type { ListeningTables } from './listening.tables.js';
import type { OauthTables } from './oauth.tables.js';
import type { PartnersTables } from './partners.tables.js';
import type { PlaylistsTables } from './playlists.tables.js';
import type { WebhooksTables } from './webhooks.tables.js';

export type * from './attribution.tables.js';
export type * from './catalog.tables.js';
export type * from './identity.tables.js';
export type * from './insights.tables.js';
export type * from './listening.tables.js';
export type * from './oauth.tables.js';
export type * from './partners.tables.js';
export type * from './playlists.tables.js';
export type * from './webhooks.tables.js';

/** Every table of the shared data layer; each domain declares its own slice. */
export interface Database
  extends IdentityTables,
    CatalogTables,
    ListeningTables,
    PlaylistsTables,
    InsightsTables,
    PartnersTables,
    WebhooksTables,
    AttributionTables,
    OauthTables {}
