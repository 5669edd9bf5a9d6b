import type { Generated } from 'kysely';

export type ArtistRole = 'admin' | 'editor' | 'reader';
export type ReleaseType = 'album' | 'single' | 'ep' | 'compilation';
export type CreditRole = 'featured' | 'producer' | 'writer' | 'composer' | 'remixer' | 'performer';

export interface ArtistsTable {
  id: string;
  name: string;
  name_folded: string;
  bio: string | null;
  country: string | null;
  genres: string[];
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ArtistMembersTable {
  artist_id: string;
  user_id: string;
  role: ArtistRole;
  created_at: Generated<Date>;
}

export interface ReleasesTable {
  id: string;
  artist_id: string;
  title: string;
  title_folded: string;
  type: ReleaseType;
  release_date: string | null;
  created_at: Generated<Date>;
}

export interface TracksTable {
  id: string;
  release_id: string;
  artist_id: string;
  title: string;
  title_folded: string;
  isrc: string | null;
  duration_ms: number;
  release_date: string | null;
  track_number: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrackCreditsTable {
  track_id: string;
  artist_id: string;
  role: CreditRole;
}

export interface CatalogTables {
  artists: ArtistsTable;
  artist_members: ArtistMembersTable;
  releases: ReleasesTable;
  tracks: TracksTable;
  track_credits: TrackCreditsTable;
}
