import type { Migration } from 'kysely';
import * as identity from './2026-11-26T0001-identity.js';
import * as catalog from './2026-11-26T0002-catalog.js';
import * as listening from './2026-11-26T0005-listening.js';
import * as playlists from './2026-11-26T0006-playlists.js';
import * as insights from './2026-11-26T0007-insights.js';
import * as analyticsIndexes from './2026-11-26T0008-analytics-indexes.js';
import * as leanRollups from './2026-11-26T0009-lean-rollups.js';
import * as handles from './2026-12-05T0010-handles.js';
import * as teamInvitations from './2026-12-05T0011-team-invitations.js';
import * as listenIntegrity from './2026-12-05T0012-listen-integrity.js';
import * as partners from './2026-12-05T0016-partners.js';
import * as personalInvites from './2026-12-05T0014-personal-invites.js';
import * as webhooks from './2026-12-05T0017-webhooks.js';
import * as oauth from './2026-12-06T0018-oauth.js';
import * as attribution from './2026-12-06T0019-attribution.js';
import * as personalTokenScopes from './2026-12-06T0020-personal-token-scopes.js';
import * as appWebhooks from './2026-12-06T0021-app-webhooks.js';
import * as connectionIndexes from './2026-12-06T0022-connection-indexes.js';
import * as listenerWindows from './2026-12-06T0023-listener-windows.js';
import * as trackDaySets from './2026-12-07T0024-track-day-sets.js';
import * as artistCellSets from './2026-12-07T0025-artist-cell-sets.js';
import * as cellRanks from './2026-12-07T0026-cell-ranks.js';
import * as partnerCells from './2026-12-07T0027-partner-cells.js';
import * as partnerCellSets from './2026-12-07T0028-partner-cell-sets.js';
import * as partnerListenerWindows from './2026-12-07T0029-partner-listener-windows.js';
import * as listenerOrdinals from './2026-12-07T0030-listener-ordinals.js';
import * as partnerAppListenerWindows from './2026-12-07T0031-partner-app-listener-windows.js';
import * as partnerDailyListeners from './2026-12-08T0032-partner-daily-listeners.js';
import * as trackListenerWindows from './2026-12-08T0033-track-listener-windows.js';

/** Every migration in order; a static list runs the same from sources and from dist. */
export const migrations: Record<string, Migration> = {
  '2026-11-26T0001-identity': identity,
  '2026-11-26T0002-catalog': catalog,
  '2026-11-26T0005-listening': listening,
  '2026-11-26T0006-playlists': playlists,
  '2026-11-26T0007-insights': insights,
  '2026-11-26T0008-analytics-indexes': analyticsIndexes,
  '2026-11-26T0009-lean-rollups': leanRollups,
  '2026-12-05T0010-handles': handles,
  '2026-12-05T0011-team-invitations': teamInvitations,
  '2026-12-05T0012-listen-integrity': listenIntegrity,
  '2026-12-05T0016-partners': partners,
  '2026-12-05T0014-personal-invites': personalInvites,
  '2026-12-05T0017-webhooks': webhooks,
  '2026-12-06T0018-oauth': oauth,
  '2026-12-06T0019-attribution': attribution,
  '2026-12-06T0020-personal-token-scopes': personalTokenScopes,
  '2026-12-06T0021-app-webhooks': appWebhooks,
  '2026-12-06T0022-connection-indexes': connectionIndexes,
  '2026-12-06T0023-listener-windows': listenerWindows,
  '2026-12-07T0024-track-day-sets': trackDaySets,
  '2026-12-07T0025-artist-cell-sets': artistCellSets,
  '2026-12-07T0026-cell-ranks': cellRanks,
  '2026-12-07T0027-partner-cells': partnerCells,
  '2026-12-07T0028-partner-cell-sets': partnerCellSets,
  '2026-12-07T0029-partner-listener-windows': partnerListenerWindows,
  '2026-12-07T0030-listener-ordinals': listenerOrdinals,
  '2026-12-07T0031-partner-app-listener-windows': partnerAppListenerWindows,
  '2026-12-08T0032-partner-daily-listeners': partnerDailyListeners,
  '2026-12-08T0033-track-listener-windows': trackListenerWindows,
};
