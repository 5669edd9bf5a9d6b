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
  /** Set by a platform admin once the artist is known to be who they say; name matching prefers verified artists. */
  verified_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ArtistMembersTable {
  artist_id: string;
  user_id: string;
  role: ArtistRole;
  created_at: Generated<Date>;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/** An invitation to an artist's team: for an account (by handle) or for an email address, exactly one. */
export interface ArtistInvitationsTable {
  id: string;
  artist_id: string;
  role: ArtistRole;
  invitee_user_id: string | null;
  /** Lower-cased; matched to the account with this email when it lists or accepts. */
  invitee_email: string | null;
  invited_by: string | null;
  status: Generated<InvitationStatus>;
  created_at: Generated<Date>;
  expires_at: Date;
  answered_at: Date | null;
  answered_by: string | null;
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
  artist_invitations: ArtistInvitationsTable;
  releases: ReleasesTable;
  tracks: TracksTable;
  track_credits: TrackCreditsTable;
}
