import { type Db, type PartnerRole, partnersQueries, uuidv7 } from '@chorus/db';
import { problems, publishAppChange, type ServiceDeps } from '@chorus/service-kit';
import { ADMINS, type Caller, requirePartnerRole, requirePartnerVisible, requirePerson } from './access.service.js';
import { checkTeamsOfPerson, toPartner } from './partners.service.js';
import type { InviteInput, MyPartnerInvitation, Partner, PartnerInvitation, PartnerMember, PartnerMemberListing } from './partners.schemas.js';

/** A team (members and open invitations together) holds at most this many people. */
export const MAX_TEAM_SIZE = 50;
/** An invitation not answered within this long lapses (and may be sent again). */
export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

type Deps = Pick<ServiceDeps, 'db' | 'bus'>;

function toMember(row: { user_id: string; handle: string; display_name: string; role: PartnerRole; created_at: Date }): PartnerMember {
  return { user_id: row.user_id, handle: row.handle, display_name: row.display_name, role: row.role, created_at: row.created_at.toISOString() };
}

/** A handle as typed (`@Ada`) to the stored form (`ada`). */
export function normalizeHandle(handle: string): string {
  return (handle.startsWith('@') ? handle.slice(1) : handle).toLowerCase();
}

/** The team (its members and platform admins; anyone else is told the partner does not exist). */
export async function listMembers(db: Db, caller: Caller, partnerId: string): Promise<PartnerMemberListing> {
  await requirePartnerVisible(db, caller, partnerId);
  return { items: (await partnersQueries.members(db, partnerId)).map(toMember), next_cursor: null };
}

/** Changes a member's role (admins); the team always keeps at least one admin. */
export async function changeMemberRole(deps: Deps, caller: Caller, partnerId: string, userId: string, role: PartnerRole): Promise<PartnerMember> {
  await requirePartnerRole(deps.db, caller, partnerId, ADMINS, 'change roles on the team');
  return deps.db.transaction().execute(async (trx) => {
    await partnersQueries.lockPartner(trx, partnerId);
    const member = await partnersQueries.member(trx, partnerId, userId);
    if (!member) throw problems.notFound('member', 'member_not_found');
    if (member.role === 'admin' && role !== 'admin') await keepAnAdmin(trx, partnerId);
    await partnersQueries.updateMemberRole(trx, partnerId, userId, role);
    return toMember({ ...member, role });
  });
}

/** Removes a member (admins), or lets a member leave; the team always keeps at least one admin. */
export async function removeMember(deps: Deps, caller: Caller, partnerId: string, userId: string): Promise<void> {
  if (userId === caller.userId) await requirePartnerVisible(deps.db, caller, partnerId);
  else await requirePartnerRole(deps.db, caller, partnerId, ADMINS, 'remove people from the team');
  await deps.db.transaction().execute(async (trx) => {
    await partnersQueries.lockPartner(trx, partnerId);
    const member = await partnersQueries.member(trx, partnerId, userId);
    if (!member) throw problems.notFound('member', 'member_not_found');
    if (member.role === 'admin') await keepAnAdmin(trx, partnerId);
    await partnersQueries.deleteMember(trx, partnerId, userId);
  });
  // Members may use the partner's development-mode apps; a former member may not.
  await publishAppChange(deps, { partnerId });
}

// Called under the partner's row lock, so two admins cannot both step down at once.
async function keepAnAdmin(db: Db, partnerId: string): Promise<void> {
  if ((await partnersQueries.countAdmins(db, partnerId)) <= 1) {
    throw problems.conflict('last_admin', "The partner's team must keep at least one admin; make someone else admin first.");
  }
}

/** Invites a person by handle (admins); they join when they accept. */
export async function invite(db: Db, caller: Caller, partnerId: string, input: InviteInput): Promise<PartnerInvitation> {
  await requirePartnerRole(db, caller, partnerId, ADMINS, 'invite people');
  const user = await partnersQueries.userByHandle(db, normalizeHandle(input.handle));
  if (!user) throw problems.notFound('person with this handle', 'user_not_found');
  return db.transaction().execute(async (trx) => {
    await partnersQueries.lockPartner(trx, partnerId);
    if (await partnersQueries.member(trx, partnerId, user.id)) throw problems.conflict('already_member', 'This person is already on the team.');
    if ((await partnersQueries.teamSize(trx, partnerId)) >= MAX_TEAM_SIZE) {
      throw problems.conflict('team_full', `A partner's team holds at most ${MAX_TEAM_SIZE} people, open invitations included.`);
    }
    const row = await partnersQueries.upsertInvitation(trx, {
      id: uuidv7(),
      partner_id: partnerId,
      user_id: user.id,
      role: input.role,
      invited_by: requirePerson(caller),
      expires_at: new Date(Date.now() + INVITATION_TTL_MS),
    });
    if (!row) throw problems.conflict('already_invited', 'This person already has an open invitation; revoke it to send another.');
    return {
      id: row.id,
      user_id: user.id,
      handle: user.handle,
      display_name: user.display_name,
      role: row.role,
      created_at: row.created_at.toISOString(),
      expires_at: row.expires_at.toISOString(),
    };
  });
}

/** The partner's open invitations (admins). */
export async function listInvitations(db: Db, caller: Caller, partnerId: string) {
  await requirePartnerRole(db, caller, partnerId, ADMINS, 'see invitations');
  const rows = await partnersQueries.invitationsOfPartner(db, partnerId);
  return {
    items: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString(), expires_at: r.expires_at.toISOString() })),
    next_cursor: null,
  };
}

/** Withdraws an open invitation (admins). */
export async function revokeInvitation(db: Db, caller: Caller, partnerId: string, invitationId: string): Promise<void> {
  await requirePartnerRole(db, caller, partnerId, ADMINS, 'revoke invitations');
  if (!(await partnersQueries.deleteInvitation(db, invitationId, partnerId))) throw problems.notFound('invitation', 'invitation_not_found');
}

/** The caller's open invitations, newest first (a team holds 50 at most; a person sees their latest 100). */
export async function myInvitations(db: Db, caller: Caller) {
  const rows = await partnersQueries.invitationsForUser(db, requirePerson(caller), 100);
  const items: MyPartnerInvitation[] = rows.map((r) => ({
    id: r.id,
    partner: { id: r.partner_id, name: r.partner_name, kind: r.partner_kind, verified: r.partner_verified_at !== null },
    role: r.role,
    invited_by: r.inviter_name === null ? null : { display_name: r.inviter_name },
    created_at: r.created_at.toISOString(),
    expires_at: r.expires_at.toISOString(),
  }));
  return { items, next_cursor: null };
}

/** Accepts an invitation: the caller joins the team with the role it names. */
export async function acceptInvitation(deps: Deps, caller: Caller, invitationId: string): Promise<Partner> {
  const userId = requirePerson(caller);
  await checkTeamsOfPerson(deps.db, userId);
  const partner = await deps.db.transaction().execute(async (trx) => {
    const invitation = await partnersQueries.openInvitationForUpdate(trx, invitationId, userId);
    if (!invitation) throw problems.notFound('invitation', 'invitation_not_found');
    await partnersQueries.deleteInvitation(trx, invitation.id);
    // Someone already on the team (added another way meanwhile) keeps their role.
    await partnersQueries.insertMember(trx, { partner_id: invitation.partner_id, user_id: userId, role: invitation.role });
    return partnersQueries.partnerWithRole(trx, invitation.partner_id, userId);
  });
  if (!partner) throw problems.notFound('invitation', 'invitation_not_found');
  await publishAppChange(deps, { partnerId: partner.id });
  return toPartner(partner, partner.role);
}

/** Declines an invitation; it is gone, and the partner may invite again. */
export async function declineInvitation(db: Db, caller: Caller, invitationId: string): Promise<void> {
  const userId = requirePerson(caller);
  await db.transaction().execute(async (trx) => {
    const invitation = await partnersQueries.openInvitationForUpdate(trx, invitationId, userId);
    if (!invitation) throw problems.notFound('invitation', 'invitation_not_found');
    await partnersQueries.deleteInvitation(trx, invitation.id);
  });
}
