import { catalogQueries, type Db } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import type { Attribution } from './attribution.rules.js';
import { resolveTracks, type TrackReference } from './matching.js';
import { type NowPlaying, type NowPlayingStore, nowPlayingTtl } from './now-playing.store.js';

export interface NowPlayingInput extends TrackReference {
  position_ms?: number | undefined;
  duration_ms?: number | null | undefined;
  platform: string;
  client?: string | null | undefined;
}

/**
 * Records what a listener is playing; it expires when the track would end (ten minutes at most without a length).
 * With an attribution, the entry names the partner app whose token set it.
 */
export async function setNowPlaying(
  db: Db,
  store: NowPlayingStore,
  userId: string,
  input: NowPlayingInput,
  now = new Date(),
  attribution: Attribution | null = null,
): Promise<NowPlaying> {
  if (!input.track_id && !input.isrc && !(input.artist_name?.trim() && input.track_name?.trim())) {
    throw problems.validation([{ pointer: '', detail: 'name the track by track_id, isrc, or artist_name and track_name', in: 'body' }]);
  }
  const { matches, unknownIds } = await resolveTracks(db, [input]);
  if (unknownIds.length) throw problems.validation([{ pointer: '/track_id', detail: 'no such track', in: 'body' }]);
  const match = matches[0];
  let track: NowPlaying['track'] = null;
  if (match) {
    const row = await catalogQueries.trackWithArtist(db, match.track_id);
    track = { id: row.id, title: row.title, artist: { id: row.artist_id, name: row.artist_name } };
  }
  const position = input.position_ms ?? 0;
  const ttl = nowPlayingTtl(input.duration_ms ?? match?.duration_ms ?? null, position);
  const value: NowPlaying = {
    track,
    artist_name: input.artist_name?.trim() || track?.artist.name || null,
    track_name: input.track_name?.trim() || track?.title || null,
    release_name: input.release_name?.trim() || null,
    started_at: new Date(now.getTime() - position).toISOString(),
    expires_at: new Date(now.getTime() + ttl).toISOString(),
    platform: input.platform,
    client: input.client ?? null,
    app: attribution
      ? {
          id: attribution.app_id,
          name: attribution.app_name,
          partner_id: attribution.partner_id,
          partner_kind: attribution.partner_kind,
          device_class: attribution.device_class,
        }
      : null,
  };
  await store.set(userId, value, ttl);
  return value;
}
