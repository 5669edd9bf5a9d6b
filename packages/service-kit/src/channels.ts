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
