import { createHash, randomBytes } from 'node:crypto';
import { type Db, type InviteRole, playlistsQueries, uuidv7 } from '@chorus/db';
import { ProblemError, problems } from '@chorus/service-kit';
import { admitMember } from './collaborators.service.js';
import { applyChange, type Caller, type PlaylistDeps, playlistNotFound, requireCan } from './changes.js';
import type { Invite } from './playlist.schemas.js';
import { readAccess } from './playlist.service.js';
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
  return { items: (await playlistsQueries.invites(db, playlistId)).map((row) => inviteView(row, now)), next_cursor: null };
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
  const applied = await applyChange(deps, caller, found.playlist_id, null, async (context) => {
    const { trx, playlist } = context;
    const invite = await playlistsQueries.invite(trx, playlist.id, found.id);
    if (!invite) throw inviteNotFound();
    if (invite.revoked_at) throw gone('invite_revoked', 'This invitation was revoked.');
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
