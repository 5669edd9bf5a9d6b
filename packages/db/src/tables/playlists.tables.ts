import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Counter = ColumnType<number, number | undefined, number>;

export type PlaylistVisibility = 'private' | 'public';
export type PlaylistRole = 'owner' | 'editor' | 'contributor' | 'viewer';
export type InviteRole = Exclude<PlaylistRole, 'owner'>;

export interface PlaylistsTable {
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  visibility: PlaylistVisibility;
  collaborative: boolean;
  version: Counter;
  last_seq: Counter;
  item_count: Counter;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlaylistCollaboratorsTable {
  playlist_id: string;
  user_id: string;
  role: PlaylistRole;
  added_by: string | null;
  invite_id: string | null;
  created_at: Generated<Date>;
}

export interface PlaylistItemsTable {
  id: string;
  playlist_id: string;
  track_id: string;
  position_key: string;
  added_by: string | null;
  added_at: Timestamp;
  net_votes: Counter;
}

export interface PlaylistVotesTable {
  item_id: string;
  user_id: string;
  playlist_id: string;
  direction: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlaylistFollowersTable {
  playlist_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

/** An invitation link (token_hash) or a personal invitation (invitee_id): exactly one of the two. */
export interface PlaylistInvitesTable {
  id: string;
  playlist_id: string;
  token_hash: string | null;
  invitee_id: ColumnType<string | null, string | null | undefined, string | null>;
  declined_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  role: InviteRole;
  max_uses: number | null;
  uses: Counter;
  expires_at: Timestamp;
  created_by: string | null;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

export interface PlaylistActivityTable {
  playlist_id: string;
  seq: number;
  actor_id: string | null;
  type: string;
  payload: ColumnType<unknown, string, string>;
  snapshot_id: string;
  item_count: Counter;
  created_at: Generated<Date>;
}

export interface PlaylistIdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  response: ColumnType<unknown, string | null | undefined, string>;
  created_at: Generated<Date>;
}

export interface PlaylistsTables {
  playlists: PlaylistsTable;
  playlist_collaborators: PlaylistCollaboratorsTable;
  playlist_items: PlaylistItemsTable;
  playlist_votes: PlaylistVotesTable;
  playlist_followers: PlaylistFollowersTable;
  playlist_invites: PlaylistInvitesTable;
  playlist_activity: PlaylistActivityTable;
  playlist_idempotency_keys: PlaylistIdempotencyKeysTable;
}
