import { type Db, type InviteRole, type PlaylistRole, playlistsQueries } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import { applyChange, type Caller, type ChangeContext, type PlaylistDeps, requireCan } from './changes.js';
import { invitePerson } from './invites.service.js';
import { type Collaborator, type Invite, MAX_COLLABORATORS } from './playlist.schemas.js';
import { readAccess } from './playlist.service.js';
import { collaboratorView } from './views.js';

const collaboratorNotFound = () => problems.notFound('collaborator', 'collaborator_not_found');

/** The members (owner included) with their contribution counts; anyone who can see the playlist may read it. */
export async function listCollaborators(db: Db, caller: Caller | null, playlistId: string): Promise<{ items: Collaborator[]; next_cursor: null }> {
  await readAccess(db, caller, playlistId);
  const rows = await playlistsQueries.collaborators(db, playlistId);
  return { items: rows.map(collaboratorView), next_cursor: null };
}

async function collaboratorOf(db: Db, playlistId: string, userId: string): Promise<Collaborator> {
  const rows = await playlistsQueries.collaborators(db, playlistId);
  const row = rows.find((r) => r.user_id === userId);
  if (!row) throw collaboratorNotFound();
  return collaboratorView(row);
}

/** Adds a member under the playlist lock: at most 100 members, owner included. */
export async function admitMember(
  context: ChangeContext,
  userId: string,
  role: InviteRole,
  via: { inviteId: string | null; addedBy: string | null },
): Promise<void> {
  const { trx, playlist } = context;
  const count = await playlistsQueries.collaboratorCount(trx, playlist.id);
  if (count >= MAX_COLLABORATORS) {
    throw problems.conflict('too_many_collaborators', `A playlist has at most ${MAX_COLLABORATORS} collaborators, owner included.`);
  }
  await playlistsQueries.insertCollaborator(trx, { playlist_id: playlist.id, user_id: userId, role, added_by: via.addedBy, invite_id: via.inviteId });
}

/**
 * POST on a playlist's collaborators: with user_id the user is added at once (as before); with handle the person
 * is invited and joins when they accept (see invitePerson). Exactly one of the two.
 */
export async function addOrInvite(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  body: { user_id?: string | undefined; handle?: string | undefined; role: InviteRole; expires_in_seconds?: number | undefined },
): Promise<{ added: { collaborator: Collaborator; snapshot_id: string } } | { invited: Invite }> {
  if ((body.user_id === undefined) === (body.handle === undefined)) {
    throw problems.validation([{ pointer: body.user_id === undefined ? '/user_id' : '/handle', detail: 'send exactly one of user_id and handle', in: 'body' }]);
  }
  if (body.handle !== undefined)
    return { invited: await invitePerson(deps, caller, playlistId, { handle: body.handle, role: body.role, expires_in_seconds: body.expires_in_seconds }) };
  if (body.expires_in_seconds !== undefined) {
    throw problems.validation([{ pointer: '/expires_in_seconds', detail: 'goes with handle (an invitation), not with user_id', in: 'body' }]);
  }
  return { added: await addCollaborator(deps, caller, playlistId, { user_id: body.user_id!, role: body.role }) };
}

/** The owner adds a user as editor, contributor or viewer. */
export async function addCollaborator(deps: PlaylistDeps, caller: Caller, playlistId: string, body: { user_id: string; role: InviteRole }) {
  const applied = await applyChange(deps, caller, playlistId, 'manage_collaborators', async (context) => {
    const { trx } = context;
    if (!(await playlistsQueries.userExists(trx, body.user_id))) {
      throw problems.validation([{ pointer: '/user_id', detail: 'is not a user', in: 'body' }], 'There is no such user.');
    }
    if (await playlistsQueries.collaborator(trx, playlistId, body.user_id)) {
      throw problems.conflict('already_collaborator', 'This user is already a collaborator; change their role instead.');
    }
    await admitMember(context, body.user_id, body.role, { inviteId: null, addedBy: caller.userId });
    return { result: null, activity: { type: 'collaborator_added', payload: { user_id: body.user_id, role: body.role } } };
  });
  return { collaborator: await collaboratorOf(deps.db, playlistId, body.user_id), snapshot_id: applied.snapshot_id };
}

/**
 * Changes a member's role (the owner only). Making someone owner transfers ownership: the previous owner
 * becomes an editor. The owner's own role changes only by a transfer.
 */
export async function changeCollaborator(deps: PlaylistDeps, caller: Caller, playlistId: string, userId: string, role: PlaylistRole) {
  const applied = await applyChange(deps, caller, playlistId, 'manage_collaborators', async ({ trx, playlist, standing }) => {
    const target = await playlistsQueries.collaborator(trx, playlistId, userId);
    if (!target) throw collaboratorNotFound();
    if (target.role === role) return { result: null };
    if (target.role === 'owner') {
      throw problems.conflict('owner_role', "The owner's role changes only by transferring ownership to another collaborator.");
    }
    if (role === 'owner') {
      requireCan(standing, 'transfer_ownership');
      await playlistsQueries.setRole(trx, playlistId, playlist.owner_id, 'editor');
      await playlistsQueries.setRole(trx, playlistId, userId, 'owner');
      await playlistsQueries.updateDetails(trx, playlistId, { owner_id: userId });
      return {
        result: null,
        activity: { type: 'ownership_transferred', payload: { from: playlist.owner_id, to: userId, previous_owner_role: 'editor' } },
        newSnapshot: true,
      };
    }
    await playlistsQueries.setRole(trx, playlistId, userId, role);
    return { result: null, activity: { type: 'collaborator_role_changed', payload: { user_id: userId, from: target.role, to: role } } };
  });
  return { collaborator: await collaboratorOf(deps.db, playlistId, userId), snapshot_id: applied.snapshot_id };
}

/**
 * Removes a member (the owner), or the caller leaves (any member but the owner, who transfers ownership or
 * deletes the playlist instead).
 */
export async function removeCollaborator(deps: PlaylistDeps, caller: Caller, playlistId: string, userId: string) {
  const leaving = userId === caller.userId;
  return applyChange(deps, caller, playlistId, leaving ? 'read' : 'manage_collaborators', async ({ trx, standing }) => {
    if (leaving) {
      if (standing === 'owner') {
        throw problems.conflict('owner_cannot_leave', 'The owner cannot leave: transfer ownership first, or delete the playlist.');
      }
      if (standing === 'visitor') throw collaboratorNotFound();
      requireCan(standing, 'leave');
      await playlistsQueries.removeCollaborator(trx, playlistId, userId);
      return { result: null, activity: { type: 'collaborator_left', payload: { user_id: userId } } };
    }
    const target = await playlistsQueries.collaborator(trx, playlistId, userId);
    if (!target) throw collaboratorNotFound();
    await playlistsQueries.removeCollaborator(trx, playlistId, userId);
    return { result: null, activity: { type: 'collaborator_removed', payload: { user_id: userId, role: target.role } } };
  });
}
