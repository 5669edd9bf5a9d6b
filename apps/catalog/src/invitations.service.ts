import { catalogQueries, type Db, isUuid, uuidv7 } from '@chorus/db';
import { decodeCursor, encodeCursor, ProblemError, problems, publishTeamChange } from '@chorus/service-kit';
import { type Caller, requireTeamAdmin } from './access.service.js';
import type { Invitation, InviteInput, MyArtist, MyInvitation, PageInput } from './catalog.schemas.js';
import { bodyError } from './input.js';
import { invalidCursor, type TeamDeps } from './members.service.js';

const INVITATION_TTL_MS = 14 * 86_400_000;
/** Pending invitations one team may have at once: enough for any real team, a bound against flooding inboxes. */
export const MAX_PENDING_INVITATIONS = 100;

const invitationNotFound = () => problems.notFound('invitation', 'invitation_not_found');
const gone = (code: string, detail: string) => new ProblemError(410, code, detail);

type Person = { handle: string | null; display_name: string | null };
const personOf = (p: Person) => (p.handle !== null && p.display_name !== null ? { handle: p.handle, display_name: p.display_name } : null);

/**
 * Invites someone to the team with a role (admins): by handle (public, so an unknown one is 404) or by email.
 * An email is never looked up here: the answer is the same whether or not it has an account, so inviting
 * cannot be used to probe which addresses are registered. Inviting the same person again refreshes the
 * pending invitation (role, inviter, expiry).
 */
export async function invite(db: Db, caller: Caller, artistId: string, input: InviteInput): Promise<Invitation> {
  await requireTeamAdmin(db, caller, artistId);
  if ((input.handle === undefined) === (input.email === undefined)) {
    throw problems.validation([bodyError('/handle', 'Give exactly one of handle and email.')]);
  }
  let inviteeId: string | null = null;
  if (input.handle !== undefined) {
    const user = await catalogQueries.userByHandle(db, input.handle);
    if (!user) throw problems.notFound('user with this handle', 'user_not_found');
    if (await catalogQueries.member(db, artistId, user.id)) throw problems.conflict('already_member', "This person is already on the artist's team.");
    inviteeId = user.id;
  }
  const id = await db.transaction().execute(async (trx) => {
    // Under the artist's lock, so concurrent invitations cannot pass the cap together.
    await catalogQueries.lockArtist(trx, artistId);
    if ((await catalogQueries.countLiveInvitations(trx, artistId)) >= MAX_PENDING_INVITATIONS) {
      throw problems.conflict('too_many_invitations', `The team has ${MAX_PENDING_INVITATIONS} pending invitations; revoke some or wait for answers first.`);
    }
    const row = await catalogQueries.upsertInvitation(trx, {
      id: uuidv7(),
      artist_id: artistId,
      role: input.role,
      invitee_user_id: inviteeId,
      invitee_email: input.email === undefined ? null : input.email.trim().toLowerCase(),
      invited_by: caller.userId,
      expires_at: new Date(Date.now() + INVITATION_TTL_MS),
    });
    return row.id;
  });
  const [view] = await catalogQueries.artistInvitations(db, artistId, { id, limit: 1 });
  if (!view) throw invitationNotFound();
  return invitationView(view);
}

/** The team's pending invitations, newest first (admins: they show whom the team invited). */
export async function listInvitations(db: Db, caller: Caller, artistId: string, query: PageInput) {
  await requireTeamAdmin(db, caller, artistId);
  const limit = query.limit ?? 20;
  const rows = await catalogQueries.artistInvitations(db, artistId, { beforeId: idCursor(query.cursor), limit: limit + 1 });
  return pageOf(rows, limit, invitationView);
}

/** Revokes a pending invitation (admins); one already answered or revoked is not found. */
export async function revokeInvitation(db: Db, caller: Caller, artistId: string, invitationId: string): Promise<void> {
  await requireTeamAdmin(db, caller, artistId);
  if (!(await catalogQueries.revokeInvitation(db, artistId, invitationId, caller.userId))) throw invitationNotFound();
}

/** The caller's pending invitations, addressed to their account or to their email, newest first. */
export async function myInvitations(db: Db, caller: Caller, query: PageInput) {
  const limit = query.limit ?? 20;
  const rows = await catalogQueries.invitationsFor(db, await inviteeOf(db, caller), idCursor(query.cursor), limit + 1);
  return pageOf(rows, limit, (r) => ({
    id: r.id,
    artist: { id: r.artist_id, name: r.artist_name, verified: r.artist_verified_at !== null },
    role: r.role,
    invited_by: personOf({ handle: r.inviter_handle, display_name: r.inviter_display_name }),
    created_at: r.created_at.toISOString(),
    expires_at: r.expires_at.toISOString(),
  })) satisfies { items: MyInvitation[] };
}

/**
 * Accepts an invitation addressed to the caller: they join the team with its role. Single use: it is locked,
 * checked and answered in the transaction that adds the member. Announced after commit.
 */
export async function acceptInvitation(deps: TeamDeps, caller: Caller, invitationId: string): Promise<MyArtist> {
  const invitee = await inviteeOf(deps.db, caller);
  const joined = await deps.db.transaction().execute(async (trx) => {
    const found = await catalogQueries.invitation(trx, invitationId);
    if (!found) throw invitationNotFound();
    // The artist first, then the invitation, the order inviting takes them in; the artist lock also orders this
    // with the other team changes (the last-admin rule reads under it).
    await catalogQueries.lockArtist(trx, found.artist_id);
    const invitation = await openInvitation(trx, invitationId, invitee);
    const member = await catalogQueries.insertMember(trx, { artist_id: invitation.artist_id, user_id: caller.userId, role: invitation.role });
    if (!member) throw problems.conflict('already_member', "You are already on this artist's team; decline the invitation to clear it.");
    await catalogQueries.answerInvitation(trx, invitationId, 'accepted', caller.userId);
    const artist = await catalogQueries.artistById(trx, invitation.artist_id);
    if (!artist) throw invitationNotFound();
    return { id: artist.id, name: artist.name, verified: artist.verified_at !== null, role: member.role, joined_at: member.created_at.toISOString() };
  });
  await publishTeamChange(deps, { artistId: joined.id, userId: caller.userId });
  return joined;
}

/** Declines an invitation addressed to the caller. */
export async function declineInvitation(db: Db, caller: Caller, invitationId: string): Promise<void> {
  const invitee = await inviteeOf(db, caller);
  await db.transaction().execute(async (trx) => {
    await openInvitation(trx, invitationId, invitee);
    await catalogQueries.answerInvitation(trx, invitationId, 'declined', caller.userId);
  });
}

/**
 * The invitation, locked, when it is addressed to the caller (by account, or by their email whatever its letter
 * case) and can still be answered. Anyone else's is 404, like one that does not exist.
 */
async function openInvitation(trx: Db, invitationId: string, invitee: { userId: string; email: string }) {
  const invitation = await catalogQueries.lockInvitation(trx, invitationId);
  const addressed = invitation && (invitation.invitee_user_id === invitee.userId || invitation.invitee_email === invitee.email);
  if (!invitation || !addressed) throw invitationNotFound();
  if (invitation.status === 'revoked') throw gone('invitation_revoked', 'The team revoked this invitation.');
  if (invitation.status !== 'pending') throw gone('invitation_answered', 'This invitation was already answered.');
  if (invitation.expires_at <= new Date()) throw gone('invitation_expired', 'This invitation has expired; ask the team for a new one.');
  return invitation;
}

async function inviteeOf(db: Db, caller: Caller) {
  const email = await catalogQueries.userEmail(db, caller.userId);
  // A token can outlive its account; such a caller has no invitations.
  if (email === undefined) throw problems.unauthorized('The account of this token no longer exists.');
  return { userId: caller.userId, email };
}

function invitationView(r: Awaited<ReturnType<typeof catalogQueries.artistInvitations>>[number]): Invitation {
  return {
    id: r.id,
    artist_id: r.artist_id,
    role: r.role,
    handle: r.invitee_handle,
    display_name: r.invitee_display_name,
    email: r.invitee_email,
    invited_by: personOf({ handle: r.inviter_handle, display_name: r.inviter_display_name }),
    created_at: r.created_at.toISOString(),
    expires_at: r.expires_at.toISOString(),
  };
}

// Invitation ids are UUID v7, so newest first is id order and the cursor is the last id.
function idCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const [id] = decodeCursor(cursor, 1) ?? [];
  if (typeof id !== 'string' || !isUuid(id)) throw invalidCursor();
  return id;
}

function pageOf<R extends { id: string }, T>(rows: R[], limit: number, view: (row: R) => T): { items: T[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(view), next_cursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}
