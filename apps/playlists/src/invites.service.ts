import { createHash, randomBytes } from 'node:crypto';
import { type Db, type InviteRole, playlistsQueries, uuidv7 } from '@chorus/db';
import { encodeCursor, ProblemError, problems } from '@chorus/service-kit';
import { admitMember } from './collaborators.service.js';
import { applyChange, type Caller, type PlaylistDeps, playlistNotFound, requireCan } from './changes.js';
import { type Invite, MAX_COLLABORATORS, type MyInvitation } from './playlist.schemas.js';
import { idCursor, readAccess } from './playlist.service.js';
import { inviteView } from './views.js';

const DEFAULT_TTL_SECONDS = 7 * 86_400;

/** Only this hash of a token is stored: the token itself exists in the invitation link alone. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const inviteNotFound = () => problems.notFound('invitation', 'invite_not_found');
const gone = (code: string, detail: string) => new ProblemError(410, code, detail);

/** Creates an invitation link (the owner only): a role, an expiry and optionally a number of uses. */
export async function createInvite(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  body: { role: InviteRole; expires_in_seconds?: number | undefined; max_uses?: number | undefined },
) {
  const token = randomBytes(32).toString('base64url');
  const applied = await applyChange(deps, caller, playlistId, 'manage_invites', async ({ trx }) => {
    const row = await playlistsQueries.insertInvite(trx, {
      id: uuidv7(),
      playlist_id: playlistId,
      token_hash: hashToken(token),
      role: body.role,
      max_uses: body.max_uses ?? null,
      expires_at: new Date(Date.now() + (body.expires_in_seconds ?? DEFAULT_TTL_SECONDS) * 1000),
      created_by: caller.userId,
    });
    const invite = inviteView(row);
    return {
      result: invite,
      activity: { type: 'invite_created', payload: { invite_id: row.id, role: row.role, expires_at: invite.expires_at, max_uses: row.max_uses } },
    };
  });
  return { ...applied.result, token, accept_path: `/v1/playlist-invites/${token}/accept` };
}

export async function listInvites(db: Db, caller: Caller, playlistId: string): Promise<{ items: Invite[]; next_cursor: null }> {
  const { standing } = await readAccess(db, caller, playlistId);
  requireCan(standing, 'manage_invites');
  const now = new Date();
  const rows = await playlistsQueries.invites(db, playlistId);
  return { items: rows.map((row) => inviteView(row, now, { handle: row.invitee_handle, display_name: row.invitee_display_name })), next_cursor: null };
}

/**
 * What an invitation link offers, shown before it is accepted and without a token: the playlist, its owner by
 * handle, the role and the expiry. A link that is unknown, expired, revoked or used up is 404 alike.
 */
export async function previewInvite(db: Db, token: string) {
  const row = await playlistsQueries.invitePreview(db, hashToken(token));
  if (!row) throw inviteNotFound();
  return {
    playlist: { id: row.playlist_id, name: row.name, description: row.description, item_count: row.item_count },
    owner: { handle: row.owner_handle, display_name: row.owner_display_name },
    role: row.role,
    expires_at: new Date(row.expires_at).toISOString(),
  };
}

/**
 * Invites a person, named by handle, to collaborate (the owner): a personal invitation that they see under
 * /v1/me/playlist-invitations and accept or decline, so nobody becomes a collaborator without consenting. At most
 * one pending invitation per person, and at most as many pending as a playlist has room for collaborators.
 */
export async function invitePerson(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  body: { handle: string; role: InviteRole; expires_in_seconds?: number | undefined },
): Promise<Invite> {
  const applied = await applyChange(deps, caller, playlistId, 'manage_collaborators', async ({ trx }) => {
    const person = await playlistsQueries.userByHandle(trx, body.handle);
    if (!person) throw problems.validation([{ pointer: '/handle', detail: "is not anyone's handle", in: 'body' }], 'There is no one with this handle.');
    if (await playlistsQueries.collaborator(trx, playlistId, person.id)) {
      throw problems.conflict('already_collaborator', 'This person is already a collaborator; change their role instead.');
    }
    const pending = await playlistsQueries.pendingPersonalInvites(trx, playlistId, person.id);
    if (pending.theirs) throw problems.conflict('already_invited', 'This person already has a pending invitation to this playlist.');
    if (pending.pending >= MAX_COLLABORATORS) {
      throw problems.conflict('too_many_invitations', `A playlist has at most ${MAX_COLLABORATORS} pending personal invitations.`);
    }
    const row = await playlistsQueries.insertInvite(trx, {
      id: uuidv7(),
      playlist_id: playlistId,
      token_hash: null,
      invitee_id: person.id,
      role: body.role,
      max_uses: 1,
      expires_at: new Date(Date.now() + (body.expires_in_seconds ?? DEFAULT_TTL_SECONDS) * 1000),
      created_by: caller.userId,
    });
    const invite = inviteView(row, new Date(), person);
    return {
      result: invite,
      activity: { type: 'invite_created', payload: { invite_id: row.id, invitee_id: person.id, role: row.role, expires_at: invite.expires_at, max_uses: 1 } },
    };
  });
  return applied.result;
}

/** The caller's pending personal invitations, newest first. */
export async function myInvitations(
  db: Db,
  caller: Caller,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: MyInvitation[]; next_cursor: string | null }> {
  const limit = query.limit ?? 20;
  const rows = await playlistsQueries.myInvitations(db, caller.userId, idCursor(query.cursor), limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      playlist: { id: r.playlist_id, name: r.name },
      owner: { handle: r.owner_handle, display_name: r.owner_display_name },
      invited_by: r.inviter_handle === null ? null : { handle: r.inviter_handle, display_name: r.inviter_display_name ?? '' },
      role: r.role,
      expires_at: new Date(r.expires_at).toISOString(),
      created_at: new Date(r.created_at).toISOString(),
    })),
    next_cursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

/** Accepts a personal invitation addressed to the caller (404 for anyone else's). */
export async function acceptInvitation(deps: PlaylistDeps, caller: Caller, inviteId: string) {
  const found = await playlistsQueries.invitationFor(deps.db, caller.userId, inviteId);
  if (!found) throw inviteNotFound();
  return acceptFound(deps, caller, found);
}

/** Declines a pending personal invitation addressed to the caller; the owner sees it declined. */
export async function declineInvitation(deps: PlaylistDeps, caller: Caller, inviteId: string): Promise<void> {
  const found = await playlistsQueries.invitationFor(deps.db, caller.userId, inviteId);
  if (!found) throw inviteNotFound();
  await applyChange(deps, caller, found.playlist_id, null, async ({ trx, playlist }) => {
    const invite = await playlistsQueries.invite(trx, playlist.id, found.id);
    const usable = invite && !invite.revoked_at && !invite.declined_at && invite.uses === 0 && new Date(invite.expires_at) > new Date();
    if (!usable) throw inviteNotFound();
    await playlistsQueries.declineInvite(trx, invite.id);
    return { result: null, activity: { type: 'invite_declined', payload: { invite_id: invite.id } } };
  }).catch((error) => {
    if (error instanceof ProblemError && error.code === playlistNotFound().code) throw inviteNotFound();
    throw error;
  });
}

/** Revokes an invitation (the owner only); revoking twice is harmless. */
export async function revokeInvite(deps: PlaylistDeps, caller: Caller, playlistId: string, inviteId: string): Promise<void> {
  await applyChange(deps, caller, playlistId, 'manage_invites', async ({ trx }) => {
    const invite = await playlistsQueries.invite(trx, playlistId, inviteId);
    if (!invite) throw inviteNotFound();
    if (invite.revoked_at) return { result: null };
    await playlistsQueries.revokeInvite(trx, inviteId);
    return { result: null, activity: { type: 'invite_revoked', payload: { invite_id: inviteId } } };
  });
}

/**
 * Accepts an invitation: the caller joins with its role (410 when it expired, was revoked or is used up).
 * A member already keeps their role and uses nothing up. Checked under the playlist lock, so the last use
 * cannot be taken twice.
 */
export async function acceptInvite(deps: PlaylistDeps, caller: Caller, token: string) {
  const found = await playlistsQueries.inviteByTokenHash(deps.db, hashToken(token));
  if (!found) throw inviteNotFound();
  return acceptFound(deps, caller, found);
}

/** Accepts an invitation found by its link's token or as addressed to the caller, under the playlist lock. */
async function acceptFound(deps: PlaylistDeps, caller: Caller, found: { id: string; playlist_id: string }) {
  const applied = await applyChange(deps, caller, found.playlist_id, null, async (context) => {
    const { trx, playlist } = context;
    const invite = await playlistsQueries.invite(trx, playlist.id, found.id);
    if (!invite || (invite.invitee_id !== null && invite.invitee_id !== caller.userId)) throw inviteNotFound();
    if (invite.revoked_at) throw gone('invite_revoked', 'This invitation was revoked.');
    if (invite.declined_at) throw gone('invite_declined', 'This invitation was declined.');
    if (new Date(invite.expires_at) <= new Date()) throw gone('invite_expired', 'This invitation has expired.');
    if (playlist.role) return { result: { playlist_id: playlist.id, role: playlist.role, already_member: true } };
    if (invite.max_uses !== null && invite.uses >= invite.max_uses) throw gone('invite_used_up', 'This invitation has been used as many times as it allows.');
    await admitMember(context, caller.userId, invite.role, { inviteId: invite.id, addedBy: invite.created_by });
    await playlistsQueries.useInvite(trx, invite.id);
    return {
      result: { playlist_id: playlist.id, role: invite.role, already_member: false },
      activity: { type: 'collaborator_added', payload: { user_id: caller.userId, role: invite.role, invite_id: invite.id } },
    };
  }).catch((error) => {
    // The playlist went away between the lookup and the lock: so did the invitation.
    if (error instanceof ProblemError && error.code === playlistNotFound().code) throw inviteNotFound();
    throw error;
  });
  return applied.result;
}
