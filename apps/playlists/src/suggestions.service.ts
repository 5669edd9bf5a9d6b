import { type Db, playlistsQueries } from '@chorus/db';
import type { Caller } from './changes.js';
import type { Suggestion } from './playlist.schemas.js';
import { readAccess } from './playlist.service.js';

const CO_LISTENING_DAYS = 90;

/**
 * Tracks that fit the playlist: co-listened with its tracks in the listening rollups (last 90 days) by at least
 * `minListeners` distinct listeners (k, as for audience breakdowns: fewer would single people out), topped up
 * with other tracks by its artists. Never a track it already holds.
 */
export async function suggestTracks(db: Db, caller: Caller | null, playlistId: string, minListeners: number, limit = 20): Promise<{ items: Suggestion[] }> {
  await readAccess(db, caller, playlistId);
  const since = new Date(Date.now() - CO_LISTENING_DAYS * 86_400_000).toISOString().slice(0, 10);
  const items: Suggestion[] = (await playlistsQueries.coListenedTracks(db, playlistId, since, limit, minListeners)).map((row) => ({
    ...row,
    reason: 'co_listened',
  }));
  if (items.length < limit) {
    const more = await playlistsQueries.sameArtistTracks(
      db,
      playlistId,
      items.map((item) => item.track_id),
      limit - items.length,
    );
    items.push(...more.map((row) => ({ ...row, reason: 'same_artist' as const })));
  }
  return { items };
}
