import { problems, publishChanges, type ServiceDeps } from '@chorus/service-kit';
import { adjustSaves } from './my-data.service.js';

export type FeedbackScore = -1 | 0 | 1;

/**
 * Records love (1, a save), hate (-1) or clears feedback (0). Saves are counted on the UTC day of the love;
 * un-loving subtracts from that same day, in the same transaction, so the saves rollup never drifts.
 */
export async function setFeedback(deps: Pick<ServiceDeps, 'db' | 'bus'>, userId: string, trackId: string, score: FeedbackScore, now = new Date()) {
  const result = await deps.db.transaction().execute(async (trx) => {
    const track = await trx.selectFrom('tracks').select(['id', 'artist_id']).where('id', '=', trackId).executeTakeFirst();
    if (!track) throw problems.notFound('track');
    const previous = await trx.selectFrom('listen_feedback').select(['score', 'day']).where('user_id', '=', userId).where('track_id', '=', trackId).forUpdate().executeTakeFirst();
    const today = now.toISOString().slice(0, 10);
    if (previous?.score === 1 && score !== 1) await adjustSaves(trx, trackId, track.artist_id, previous.day, -1);
    if (score === 1 && previous?.score !== 1) await adjustSaves(trx, trackId, track.artist_id, today, 1);
    if (score === 0) {
      await trx.deleteFrom('listen_feedback').where('user_id', '=', userId).where('track_id', '=', trackId).execute();
    } else {
      const day = score === 1 && previous?.score === 1 ? previous.day : today;
      await trx
        .insertInto('listen_feedback')
        .values({ user_id: userId, track_id: trackId, score, day })
        .onConflict((oc) => oc.columns(['user_id', 'track_id']).doUpdateSet({ score, day, updated_at: now }))
        .execute();
    }
    const savesChanged = (previous?.score === 1) !== (score === 1);
    return { artistId: track.artist_id, savesChanged, day: score === 1 ? today : (previous?.day ?? today) };
  });
  if (result.savesChanged) await publishChanges(deps, { artists: [result.artistId], tracks: [trackId], days: [result.day] });
  return { track_id: trackId, score };
}
