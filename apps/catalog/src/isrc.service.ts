import { type ChangedSubjects, catalogQueries, listeningQueries } from '@chorus/db';
import { moveIsrcListensJob } from '@chorus/jobs';
import { problems, publishChanges, type ServiceDeps } from '@chorus/service-kit';
import type { IsrcClaim } from './catalog.schemas.js';
import { announceTracks, isrcClaimed, withIsrcConflict } from './tracks.service.js';

type Log = { warn(obj: object, msg: string): void };

/**
 * Settles a disputed ISRC (platform admins): the ISRC moves to `trackId`, and the listens the previous holder
 * got through it (its listens carrying this ISRC) move with it, their counts leaving every rollup of the old
 * track and artist and joining the new ones, in the transaction that moves the ISRC (and a delayed job moves any
 * that ingestion wrote meanwhile). A verified artist's ISRC
 * never moves to an unverified artist's track. Asking again once the track holds it changes nothing.
 */
export async function claimIsrc(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>, rawIsrc: string, trackId: string, log: Log): Promise<IsrcClaim> {
  const isrc = rawIsrc.toUpperCase();
  const unchanged: ChangedSubjects = { artists: [], tracks: [], days: [] };
  const { claim, changed } = await withIsrcConflict(deps.db, isrc, () =>
    deps.db.transaction().execute(async (trx) => {
      const locked = await catalogQueries.lockTracksForIsrc(trx, trackId, isrc);
      const target = locked.find((t) => t.id === trackId);
      if (!target) throw problems.notFound('track', 'track_not_found');
      if (target.isrc === isrc) return { claim: { isrc, track_id: trackId, previous_track_id: null, moved_listens: 0 }, changed: unchanged };
      if (target.isrc !== null) throw problems.conflict('track_has_isrc', `The track has another ISRC (${target.isrc}); remove it from the track first.`);
      const holder = locked.find((t) => t.id !== trackId);
      if (!holder) {
        await catalogQueries.setTrackIsrc(trx, trackId, isrc);
        return { claim: { isrc, track_id: trackId, previous_track_id: null, moved_listens: 0 }, changed: unchanged };
      }
      if (holder.verified && !target.verified) throw isrcClaimed();
      await catalogQueries.setTrackIsrc(trx, holder.id, null);
      await catalogQueries.setTrackIsrc(trx, trackId, isrc);
      const moved = await listeningQueries.moveIsrcListens(trx, { isrc, from: holder.id, to: trackId, toArtist: target.artist_id });
      return { claim: { isrc, track_id: trackId, previous_track_id: holder.id, moved_listens: moved.moved }, changed: moved.changed };
    }),
  );
  await publishChanges(deps, changed);
  // Listens kept unmatched under this ISRC now match the track.
  await announceTracks(deps.jobs, [trackId], log);
  if (claim.previous_track_id !== null) {
    // Ingestion that matched the old holder just before the move may write just after it: a later pass moves those too.
    const catchUp = { isrc, from: claim.previous_track_id, to: trackId };
    await deps.jobs.enqueue(moveIsrcListensJob, catchUp).catch((error: unknown) => log.warn({ err: error, ...catchUp }, 'could not queue the ISRC catch-up'));
  }
  return claim;
}
