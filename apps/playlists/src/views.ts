import type { Activity, Collaborator, Invite, Item, MyPlaylist, Playlist } from './playlist.schemas.js';
import type { ActivityRow, CollaboratorRow, InviteRow, ItemRow, PlaylistViewRow } from './rows.js';
import { snapshotId } from './snapshot.js';

// Rows to API objects: snake_case as stored, timestamps as RFC 3339 UTC.

const iso = (value: Date | string) => new Date(value).toISOString();

export function playlistView(row: PlaylistViewRow): Playlist {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    collaborative: row.collaborative,
    owner_id: row.owner_id,
    snapshot_id: snapshotId(row.id, row.version),
    item_count: row.item_count,
    collaborator_count: row.collaborator_count,
    follower_count: row.follower_count,
    your_role: row.role ?? null,
    following: Boolean(row.following),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function myPlaylistView(row: PlaylistViewRow): MyPlaylist {
  const relation = row.role === 'owner' ? 'owned' : row.role ? 'collaborating' : 'followed';
  return { ...playlistView(row), relation };
}

export function itemView(row: ItemRow, position: number): Item {
  return {
    item_id: row.id,
    track_id: row.track_id,
    position,
    added_by: row.added_by,
    added_at: iso(row.added_at),
    net_votes: row.net_votes,
    track: {
      title: row.title,
      artist_id: row.artist_id,
      artists: [{ id: row.artist_id, name: row.artist_name }, ...row.featured],
      duration_ms: row.duration_ms,
      release: { id: row.release_id, title: row.release_title },
    },
  };
}

export function activityView(row: ActivityRow): Activity {
  return {
    seq: row.seq,
    type: row.type,
    actor_id: row.actor_id,
    snapshot_id: row.snapshot_id,
    payload: row.payload,
    created_at: iso(row.created_at),
  };
}

/** An invitation as its playlist's owner sees it; `invitee` names who a personal invitation is for. */
export function inviteView(
  row: InviteRow,
  now = new Date(),
  invitee: { handle: string | null; display_name: string | null } = { handle: null, display_name: null },
): Invite {
  const expiresAt = new Date(row.expires_at);
  const personal = row.invitee_id !== null;
  const usedUp = row.max_uses !== null && row.uses >= row.max_uses;
  // An accepted personal invitation stays accepted after its expiry; a link that expired is expired, used or not.
  const status = row.revoked_at
    ? 'revoked'
    : row.declined_at
      ? 'declined'
      : personal && usedUp
        ? 'accepted'
        : expiresAt <= now
          ? 'expired'
          : usedUp
            ? 'used_up'
            : 'active';
  return {
    id: row.id,
    kind: personal ? 'personal' : 'link',
    invitee: row.invitee_id && invitee.handle !== null ? { user_id: row.invitee_id, handle: invitee.handle, display_name: invitee.display_name ?? '' } : null,
    role: row.role,
    max_uses: row.max_uses,
    uses: row.uses,
    expires_at: iso(expiresAt),
    revoked_at: row.revoked_at ? iso(row.revoked_at) : null,
    created_at: iso(row.created_at),
    status,
  };
}

export function collaboratorView(row: CollaboratorRow): Collaborator {
  return {
    user_id: row.user_id,
    display_name: row.display_name,
    role: row.role,
    added_at: iso(row.created_at),
    contributions: { items_added: row.items_added, items_removed: row.items_removed, moves: row.moves, votes: row.votes },
  };
}
