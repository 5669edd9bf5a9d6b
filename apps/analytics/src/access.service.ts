import { requireTeamVisible, teamVisibleWithin } from '@chorus/catalog';
import { analyticsQueries, type Db } from '@chorus/db';
import { type Principal, ProblemError, problems } from '@chorus/service-kit';

/** Artist statistics are the team's: members of any role and platform admins; anyone else is told 404, as if the artist did not exist. */
export async function requireArtistStats(db: Db, caller: Principal, artistId: string): Promise<void> {
  await requireTeamVisible(db, caller, artistId);
}

/** The same decision as a boolean, for re-checks of open streams: false when the caller would be told 404. */
export async function mayReadArtistStats(db: Db, caller: Principal, artistId: string): Promise<boolean> {
  try {
    await requireArtistStats(db, caller, artistId);
    return true;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return false;
    throw error;
  }
}

/** A track's statistics belong to its artist's team; anyone else is told the track does not exist. */
export async function requireTrackStats(db: Db, caller: Principal, trackId: string) {
  // The track and whether its team is visible to the caller, in one statement: the same rule as requireTeamVisible.
  const track = await analyticsQueries.trackForStats(db, trackId, (artistId) => teamVisibleWithin(caller, artistId));
  if (!track?.visible) throw problems.notFound('track', 'track_not_found');
  return track;
}
