import type { PlaylistRole, PlaylistVisibility } from '@chorus/db';

/** Where a caller stands: a member role, a visitor of a public playlist, or someone who may not see it. */
export type Standing = PlaylistRole | 'visitor' | 'outsider';

export type Action =
  | 'read'
  | 'follow'
  | 'vote'
  | 'add_items'
  | 'remove_own_items'
  | 'remove_any_items'
  | 'move_items'
  | 'replace_items'
  | 'leave'
  | 'edit_details'
  | 'delete'
  | 'manage_collaborators'
  | 'transfer_ownership'
  | 'manage_invites';

const VIEW: Action[] = ['read', 'follow'];
const MEMBER: Action[] = [...VIEW, 'vote', 'leave'];
const CONTRIBUTE: Action[] = [...MEMBER, 'add_items', 'remove_own_items'];
const EDIT: Action[] = [...CONTRIBUTE, 'remove_any_items', 'move_items', 'replace_items'];

/**
 * The permission table. owner: everything; editor: add, remove, reorder, vote; contributor: add and vote,
 * remove only what they added; viewer: read and vote; a visitor of a public playlist reads and follows.
 * The owner cannot leave: they transfer ownership or delete the playlist.
 */
export const PERMISSIONS: Readonly<Record<Standing, ReadonlySet<Action>>> = {
  owner: new Set<Action>([
    ...EDIT.filter((action) => action !== 'leave'),
    'edit_details',
    'delete',
    'manage_collaborators',
    'transfer_ownership',
    'manage_invites',
  ]),
  editor: new Set(EDIT),
  contributor: new Set(CONTRIBUTE),
  viewer: new Set(MEMBER),
  visitor: new Set(VIEW),
  outsider: new Set(),
};

/** The caller's standing from their membership role and the playlist's visibility. */
export function standingOf(role: PlaylistRole | null, visibility: PlaylistVisibility): Standing {
  if (role) return role;
  return visibility === 'public' ? 'visitor' : 'outsider';
}

export function can(standing: Standing, action: Action): boolean {
  return PERMISSIONS[standing].has(action);
}

/** A playlist is visible (else 404) to its members, and to everyone when public. */
export function canSee(standing: Standing): boolean {
  return can(standing, 'read');
}

/** Collaborators (any role, owner included) see a playlist's full change log; visitors see its public view. */
export function isCollaborator(standing: Standing): boolean {
  return standing !== 'visitor' && standing !== 'outsider';
}
