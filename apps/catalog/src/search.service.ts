import { catalogQueries, type Db, foldText } from '@chorus/db';
import { artistRef } from './artists.service.js';
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
  if (kinds.has('artist')) {
    const rows = folded ? await catalogQueries.searchArtists(db, folded, limit) : [];
    result.artists = rows.map(({ verified_at, ...a }) => ({ ...a, verified: verified_at !== null }));
  }
  if (kinds.has('release')) {
    const rows = folded ? await catalogQueries.searchReleases(db, folded, limit) : [];
    result.releases = rows.map(({ artist_id, artist_name, artist_verified_at, ...r }) => ({
      ...r,
      artist: artistRef(artist_id, artist_name, artist_verified_at),
    }));
  }
  if (kinds.has('track')) {
    const rows = folded ? await catalogQueries.searchTracks(db, folded, limit) : [];
    result.tracks = rows.map(({ artist_id, artist_name, artist_verified_at, release_id, release_title, ...t }) => ({
      ...t,
      artist: artistRef(artist_id, artist_name, artist_verified_at),
      release: { id: release_id, title: release_title },
    }));
  }
  return result;
}
