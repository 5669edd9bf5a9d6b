import type { CatalogTables } from './catalog.tables.js';
import type { IdentityTables } from './identity.tables.js';

export type * from './catalog.tables.js';
export type * from './identity.tables.js';

/** Every table of the shared data layer; each domain declares its own slice. */
export interface Database extends IdentityTables, CatalogTables {}
