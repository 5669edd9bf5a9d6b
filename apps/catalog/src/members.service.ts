import { type ArtistRole, catalogQueries, type Db, isUuid } from '@chorus/db';
import { decodeCursor, encodeCursor, problems, publishTeamChange, type ServiceDeps } from '@chorus/service-kit';
import { type Caller, requireTeamAdmin, requireTeamVisible } from './access.service.js';
import type { Member, MemberList, MyArtist, PageInput } from './catalog.schemas.js';

/** What team changes need: the database, and the bus that announces them (live streams re-check who may watch). */
export type TeamDeps = Pick<ServiceDeps, 'db' | 'bus'>;

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

/** Changes a member's role (admins); the team always keeps at least one admin. Announced after commit. */
export async function changeMemberRole(deps: TeamDeps, caller: Caller, artistId: string, userId: string, role: ArtistRole): Promise<Member> {
  await requireTeamAdmin(deps.db, caller, artistId);
  const member = await deps.db.transaction().execute(async (trx) => {
    await catalogQueries.lockArtist(trx, artistId);
    const found = await catalogQueries.member(trx, artistId, userId);
    if (!found) throw problems.notFound('member', 'member_not_found');
    if (found.role === 'admin' && role !== 'admin') await keepAnAdmin(trx, artistId);
    await catalogQueries.updateMemberRole(trx, artistId, userId, role);
    return toMember({ ...found, role });
  });
  await publishTeamChange(deps, { artistId, userId });
  return member;
}

/** Removes a member (admins), or lets a member leave; the team always keeps at least one admin. Announced after commit. */
export async function removeMember(deps: TeamDeps, caller: Caller, artistId: string, userId: string): Promise<void> {
  if (userId === caller.userId) await requireTeamVisible(deps.db, caller, artistId);
  else await requireTeamAdmin(deps.db, caller, artistId);
  await deps.db.transaction().execute(async (trx) => {
    await catalogQueries.lockArtist(trx, artistId);
    const member = await catalogQueries.member(trx, artistId, userId);
    if (!member) throw problems.notFound('member', 'member_not_found');
    if (member.role === 'admin') await keepAnAdmin(trx, artistId);
    await catalogQueries.deleteMember(trx, artistId, userId);
  });
  await publishTeamChange(deps, { artistId, userId });
}

// Called under the artist's row lock, so two admins cannot both step down at once.
async function keepAnAdmin(db: Db, artistId: string): Promise<void> {
  if ((await catalogQueries.countAdmins(db, artistId)) <= 1) {
    throw problems.conflict('last_admin', "The artist's team must keep at least one admin; make someone else admin first.");
  }
}

/** The artists whose teams the caller is on, with their role, newest membership first. */
export async function myArtists(db: Db, caller: Caller, query: PageInput): Promise<{ items: MyArtist[]; next_cursor: string | null }> {
  const limit = query.limit ?? 20;
  let after: { micros: string; id: string } | undefined;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor, 2);
    const [micros, id] = position ?? [];
    if (typeof micros !== 'string' || !isDigits(micros) || typeof id !== 'string' || !isUuid(id)) throw invalidCursor();
    after = { micros, id };
  }
  const rows = await catalogQueries.myArtists(db, caller.userId, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.id, name: r.name, verified: r.verified_at !== null, role: r.role, joined_at: r.joined_at.toISOString() })),
    next_cursor: rows.length > limit && last ? encodeCursor([last.joined_micros, last.id]) : null,
  };
}

// Microseconds since 1970 fit in 17 digits for millennia; a longer string is no cursor of ours.
const isDigits = (value: string) => value.length > 0 && value.length <= 17 && [...value].every((c) => c >= '0' && c <= '9');

export const invalidCursor = () =>
  problems.validation([{ pointer: '/cursor', detail: 'is not a cursor from a previous answer', in: 'querystring' }], 'The cursor is not valid.');
