import { catalogQueries, type Db, foldText } from '@chorus/db';
import type { SearchInput, SearchResult } from './catalog.schemas.js';

const KINDS = ['artist', 'release', 'track'] as const;
type Kind = (typeof KINDS)[number];

/** Public search by name, case- and accent-insensitive: exact matches first, then prefixes, then the rest, each by name. */
export async function search(db: Db, input: SearchInput): Promise<SearchResult> {
  const folded = foldText(input.q);
  const limit = input.limit ?? 20;
  const kinds = new Set<Kind>(input.type ? (input.type.split(',') as Kind[]) : KINDS);
  const result: SearchResult = {};
  // A query of nothing but accents folds to nothing: it matches nothing rather than everything.
  if (kinds.has('artist')) result.artists = folded ? await catalogQueries.searchArtists(db, folded, limit) : [];
  if (kinds.has('release')) {
    const rows = folded ? await catalogQueries.searchReleases(db, folded, limit) : [];
    result.releases = rows.map(({ artist_id, artist_name, ...r }) => ({ ...r, artist: { id: artist_id, name: artist_name } }));
  }
  if (kinds.has('track')) {
    const rows = folded ? await catalogQueries.searchTracks(db, folded, limit) : [];
    result.tracks = rows.map(({ artist_id, artist_name, release_id, release_title, ...t }) => ({
      ...t,
      artist: { id: artist_id, name: artist_name },
      release: { id: release_id, title: release_title },
    }));
  }
  return result;
}
