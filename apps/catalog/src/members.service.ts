import { type ArtistRole, catalogQueries, type Db } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import { type Caller, requireTeamAdmin, requireTeamVisible } from './access.service.js';
import type { AddMemberInput, Member, MemberList } from './catalog.schemas.js';
import { bodyError } from './input.js';

function toMember(row: { user_id: string; display_name: string; role: ArtistRole; created_at: Date }): Member {
  return { user_id: row.user_id, display_name: row.display_name, role: row.role, created_at: row.created_at.toISOString() };
}

/** The team (members and platform admins only; anyone else is told the artist does not exist). */
export async function listMembers(db: Db, caller: Caller, artistId: string): Promise<MemberList> {
  await requireTeamVisible(db, caller, artistId);
  const rows = await catalogQueries.members(db, artistId);
  // A team is small (a handful of people), so it is one page.
  return { items: rows.map(toMember), next_cursor: null };
}

/** Adds an existing user, named by id or email, to the team (admins). */
export async function addMember(db: Db, caller: Caller, artistId: string, input: AddMemberInput): Promise<Member> {
  await requireTeamAdmin(db, caller, artistId);
  if ((input.user_id === undefined) === (input.email === undefined)) {
    throw problems.validation([bodyError('/user_id', 'Give exactly one of user_id and email.')]);
  }
  const user = input.user_id !== undefined ? await catalogQueries.userById(db, input.user_id) : await catalogQueries.userByEmail(db, input.email!.trim());
  if (!user) throw problems.notFound('user', 'user_not_found');
  const inserted = await catalogQueries.insertMember(db, { artist_id: artistId, user_id: user.id, role: input.role });
  if (!inserted) throw problems.conflict('already_member', 'The user is already on the artist\'s team.');
  return toMember({ ...inserted, display_name: user.display_name });
}

/** Changes a member's role (admins); the team always keeps at least one admin. */
export async function changeMemberRole(db: Db, caller: Caller, artistId: string, userId: string, role: ArtistRole): Promise<Member> {
  await requireTeamAdmin(db, caller, artistId);
  return db.transaction().execute(async (trx) => {
    await catalogQueries.lockArtist(trx, artistId);
    const member = await catalogQueries.member(trx, artistId, userId);
    if (!member) throw problems.notFound('member', 'member_not_found');
    if (member.role === 'admin' && role !== 'admin') await keepAnAdmin(trx, artistId);
    await catalogQueries.updateMemberRole(trx, artistId, userId, role);
    return toMember({ ...member, role });
  });
}

/** Removes a member (admins), or lets a member leave; the team always keeps at least one admin. */
export async function removeMember(db: Db, caller: Caller, artistId: string, userId: string): Promise<void> {
  if (userId === caller.userId) await requireTeamVisible(db, caller, artistId);
  else await requireTeamAdmin(db, caller, artistId);
  await db.transaction().execute(async (trx) => {
    await catalogQueries.lockArtist(trx, artistId);
    const member = await catalogQueries.member(trx, artistId, userId);
    if (!member) throw problems.notFound('member', 'member_not_found');
    if (member.role === 'admin') await keepAnAdmin(trx, artistId);
    await catalogQueries.deleteMember(trx, artistId, userId);
  });
}

// Called under the artist's row lock, so two admins cannot both step down at once.
async function keepAnAdmin(db: Db, artistId: string): Promise<void> {
  if ((await catalogQueries.countAdmins(db, artistId)) <= 1) {
    throw problems.conflict('last_admin', 'The artist\'s team must keep at least one admin; make someone else admin first.');
  }
}
