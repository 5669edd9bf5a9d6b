import { sql } from 'kysely';
import { arrayLiteral } from '../arrays.js';
import type { Db } from '../connection.js';

export interface MatchedTrack {
  track_id: string;
  artist_id: string;
  duration_ms: number;
}

/** Catalog look-ups that turn what a client says it played into catalog tracks. Keys are bound as one array each, not one parameter per key. */
export const matchingQueries = {
  byIds: async (db: Db, ids: string[]) =>
    ids.length === 0
      ? []
      : db
          .selectFrom('tracks')
          .select(['id as track_id', 'artist_id', 'duration_ms'])
          .where('id', '=', sql<string>`ANY(${arrayLiteral(ids)}::uuid[])`)
          .execute(),

  byIsrcs: async (db: Db, isrcs: string[]) =>
    isrcs.length === 0
      ? []
      : db
          .selectFrom('tracks')
          .select(['isrc', 'id as track_id', 'artist_id', 'duration_ms'])
          .where('isrc', '=', sql<string>`ANY(${arrayLiteral(isrcs)}::text[])`)
          .execute(),

  /**
   * Looks tracks up by folded artist and title (and release title when given). Where several tracks share
   * artist and title, a track of a verified artist wins first, so a look-alike artist (same folded name) cannot
   * steer listens away from the real one whatever it names its releases; then the one on the named release (a
   * single and its album cut), then the oldest; the id breaks the last tie, so the choice is always the same.
   */
  byNames: async (db: Db, keys: Array<{ artist: string; title: string; release: string }>) => {
    if (keys.length === 0) return [];
    const { rows } = await sql<{ artist: string; title: string; release: string; track_id: string; artist_id: string; duration_ms: number }>`
      SELECT DISTINCT ON (k.artist, k.title, k.release) k.artist, k.title, k.release, t.id AS track_id, t.artist_id, t.duration_ms
      FROM unnest(${keys.map((k) => k.artist)}::text[], ${keys.map((k) => k.title)}::text[], ${keys.map((k) => k.release)}::text[]) AS k (artist, title, release)
      JOIN artists a ON a.name_folded = k.artist
      JOIN tracks t ON t.artist_id = a.id AND t.title_folded = k.title
      JOIN releases r ON r.id = t.release_id
      ORDER BY k.artist, k.title, k.release, (a.verified_at IS NOT NULL) DESC, (r.title_folded = k.release) DESC, t.created_at, t.id
    `.execute(db);
    return rows;
  },

  /** The match keys under which a track can satisfy listens that were kept unmatched. */
  keysForTracks: async (db: Db, trackIds: string[]) => {
    if (trackIds.length === 0) return [];
    const { rows } = await sql<{ track_id: string; artist_id: string; name_key: string; isrc: string | null }>`
      SELECT t.id AS track_id, t.artist_id, 'n:' || a.name_folded || chr(31) || t.title_folded AS name_key, t.isrc
      FROM tracks t JOIN artists a ON a.id = t.artist_id WHERE t.id = ANY(${trackIds}::uuid[])
    `.execute(db);
    return rows;
  },
};
