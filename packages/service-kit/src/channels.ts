import type { ChangedSubjects } from '@chorus/db';
import type { ServiceDeps } from './deps.js';

/** The bus channel on which every change to the listening rollups is announced (live counters, insights). */
export const LISTENING_CHANGED = 'listening:changed';

export interface ListeningChanged extends ChangedSubjects {
  at: string;
}

/** Announces which artists, tracks and days changed; best effort, since rollups are already committed. */
export async function publishChanges(deps: Pick<ServiceDeps, 'bus'>, changed: ChangedSubjects): Promise<void> {
  if (changed.artists.length === 0 && changed.tracks.length === 0) return;
  const message: ListeningChanged = { ...changed, at: new Date().toISOString() };
  await deps.bus.publish(LISTENING_CHANGED, message).catch(() => {});
}

/** The bus channel on which a change to an artist's team is announced (live streams re-check who may watch). */
export const TEAM_CHANGED = 'team:changed';

export interface TeamChanged {
  artistId: string;
  /** The member whose standing changed. */
  userId: string;
}

/** Announces a team change after commit; best effort (a stream also re-checks when its token expires). */
export async function publishTeamChange(deps: Pick<ServiceDeps, 'bus'>, change: TeamChanged): Promise<void> {
  await deps.bus.publish(TEAM_CHANGED, change).catch(() => {});
}
