import { type ListenRow, STREAM_THRESHOLD_MS, uuidv7 } from '@chorus/db';

/**
 * A matched listen as ingestion stores it, for listeningQueries.insertBatch: who, which track and when are given;
 * the rest defaults to a 200 s stream from a library on the web, by a listener in SE of unknown age and gender.
 */
export function listenRow(listen: Pick<ListenRow, 'user_id' | 'listened_at'> & { track_id: string; artist_id: string } & Partial<ListenRow>): ListenRow {
  const msPlayed = listen.ms_played ?? 200_000;
  return {
    id: uuidv7(),
    track_key: listen.track_id,
    ms_played: msPlayed,
    is_stream: msPlayed >= STREAM_THRESHOLD_MS,
    context_type: 'library',
    context_id: null,
    platform: 'web',
    client: null,
    country: 'SE',
    age_bracket: 'unknown',
    gender: 'unknown',
    artist_name: null,
    track_name: null,
    release_name: null,
    isrc: null,
    duration_ms: null,
    match_key: null,
    ...listen,
  };
}
