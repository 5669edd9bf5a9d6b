import { type ArtistIdOrColumn, type ArtistRole, catalogQueries, type Condition, type Db } from '@chorus/db';
import { type Principal, ProblemError, problems } from '@chorus/service-kit';

/** Who is asking: the slice of a principal that access checks read. */
export type Caller = Pick<Principal, 'userId' | 'roles'>;

const RANK: Record<ArtistRole, number> = { reader: 1, editor: 2, admin: 3 };

/** What the caller may do on an artist's team; platform admins may do everything. */
export interface ArtistAccess {
  artistId: string;
  /** The caller's team role, null when they are not on the team. */
  role: ArtistRole | null;
  platformAdmin: boolean;
}

/** True when a team role is at least `needed` (admin > editor > reader). */
export function roleAtLeast(role: ArtistRole | null, needed: ArtistRole): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

/** The caller's standing on an artist; 404 when the artist does not exist. */
export async function artistAccess(db: Db, caller: Caller, artistId: string): Promise<ArtistAccess> {
  const row = await catalogQueries.artistWithRole(db, artistId, caller.userId);
  if (!row) throw problems.notFound('artist', 'artist_not_found');
  return { artistId, role: row.role ?? null, platformAdmin: caller.roles.includes('platform_admin') };
}

/**
 * For changes to the public catalog (profile, releases, tracks): the artist is visible to everyone,
 * so a caller without the role is told 403, never 404.
 */
export async function requireArtistRole(db: Db, caller: Caller, artistId: string, needed: ArtistRole): Promise<ArtistAccess> {
  const access = await artistAccess(db, caller, artistId);
  if (access.platformAdmin || roleAtLeast(access.role, needed)) return access;
  if (access.role === null) throw problems.forbidden("You are not a member of this artist's team.", 'not_a_member');
  throw problems.forbidden(`This needs the ${needed} role on the artist's team.`, 'insufficient_role');
}

/**
 * For the team itself (members, invitations, team-only data): it is visible only to its members and platform
 * admins, so anyone else is told 404, the same answer as for an artist that does not exist.
 */
export async function requireTeamVisible(db: Db, caller: Caller, artistId: string): Promise<ArtistAccess> {
  const access = await artistAccess(db, caller, artistId).catch((error: unknown) => {
    throw error instanceof ProblemError && error.status === 404 ? teamNotFound() : error;
  });
  if (access.platformAdmin || access.role !== null) return access;
  throw teamNotFound();
}

/**
 * requireTeamVisible's rule as a condition inside the statement that reads the team's data, so that a caller who
 * may read pays no round trip for the check: a read gated by it reads nothing when it is false (requireTeamVisible
 * then gives the answer, the same 404), and a lookup can return it as a column. `artistId` is an id, or the column
 * that holds it in that statement.
 */
export function teamVisibleWithin(caller: Caller, artistId: ArtistIdOrColumn): Condition {
  return catalogQueries.teamVisibleTo(artistId, caller.userId, caller.roles.includes('platform_admin'));
}

// The same words whether the artist is missing or only its team is hidden, so the answer tells nothing private.
const teamNotFound = () => new ProblemError(404, 'artist_not_found', 'There is no such artist, or its team is visible only to its members.');

/** Team management: visible to members (else 404), changeable by admins (else 403). */
export async function requireTeamAdmin(db: Db, caller: Caller, artistId: string): Promise<ArtistAccess> {
  const access = await requireTeamVisible(db, caller, artistId);
  if (access.platformAdmin || access.role === 'admin') return access;
  throw problems.forbidden("Only an admin of the artist's team may manage its members and invitations.", 'insufficient_role');
}
