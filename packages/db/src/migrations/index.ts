import type { Migration } from 'kysely/migration';
import * as identity from './2026-11-26T0001-identity.js';
import * as catalog from './2026-11-26T0002-catalog.js';
import * as listening from './2026-11-26T0005-listening.js';
import * as playlists from './2026-11-26T0006-playlists.js';
import * as insights from './2026-11-26T0007-insights.js';
import * as analyticsIndexes from './2026-11-26T0008-analytics-indexes.js';
import * as leanRollups from './2026-11-26T0009-lean-rollups.js';

/** Every migration in order; a static list runs the same from sources and from dist. */
export const migrations: Record<string, Migration> = {
  '2026-11-26T0001-identity': identity,
  '2026-11-26T0002-catalog': catalog,
  '2026-11-26T0005-listening': listening,
  '2026-11-26T0006-playlists': playlists,
  '2026-11-26T0007-insights': insights,
  '2026-11-26T0008-analytics-indexes': analyticsIndexes,
  '2026-11-26T0009-lean-rollups': leanRollups,
};
