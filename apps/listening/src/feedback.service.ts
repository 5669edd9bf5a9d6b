import { feedbackQueries } from '@chorus/db';
import { problems, publishChanges, type ServiceDeps } from '@chorus/service-kit';

export type FeedbackScore = -1 | 0 | 1;

/**
 * Records love (1, a save), hate (-1) or clears feedback (0). Saves are counted on the UTC day of the love;
 * un-loving subtracts from that same day, in the same transaction, so the saves rollup never drifts.
 */
export async function setFeedback(deps: Pick<ServiceDeps, 'db' | 'bus'>, userId: string, trackId: string, score: FeedbackScore, now = new Date()) {
  const result = await deps.db.transaction().execute(async (trx) => {
    const track = await feedbackQueries.trackArtist(trx, trackId);
    if (!track) throw problems.notFound('track');
    const previous = await feedbackQueries.feedbackForUpdate(trx, userId, trackId);
    const today = now.toISOString().slice(0, 10);
    if (previous?.score === 1 && score !== 1) await feedbackQueries.adjustSaves(trx, trackId, track.artist_id, previous.day, -1);
    if (score === 1 && previous?.score !== 1) await feedbackQueries.adjustSaves(trx, trackId, track.artist_id, today, 1);
    if (score === 0) {
      await feedbackQueries.clearFeedback(trx, userId, trackId);
    } else {
      const day = score === 1 && previous?.score === 1 ? previous.day : today;
      await feedbackQueries.saveFeedback(trx, { user_id: userId, track_id: trackId, score, day }, now);
    }
    const savesChanged = (previous?.score === 1) !== (score === 1);
    return { artistId: track.artist_id, savesChanged, day: score === 1 ? today : (previous?.day ?? today) };
  });
  if (result.savesChanged) await publishChanges(deps, { artists: [result.artistId], tracks: [trackId], days: [result.day] });
  return { track_id: trackId, score };
}
