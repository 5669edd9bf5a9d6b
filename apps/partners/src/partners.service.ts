import { type Db, type PartnerRole, type PartnerRow, partnersQueries, uuidv7 } from '@chorus/db';
import { problems, publishAppChange, type ServiceDeps } from '@chorus/service-kit';
import { ADMINS, type Caller, requirePartnerRole, requirePartnerVisible, requirePerson } from './access.service.js';
import { httpsUrlProblem } from './apps.rules.js';
import { afterCursor, nextCursor } from './pages.js';
import type { CreatePartnerInput, Partner, UpdatePartnerInput } from './partners.schemas.js';

/** One person may be on at most this many partner teams (creating or joining one beyond is refused). */
export const MAX_PARTNERS_PER_PERSON = 20;

export function toPartner(row: PartnerRow, role: PartnerRole | null): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    website_url: row.website_url,
    verified: row.verified_at !== null,
    verified_at: row.verified_at?.toISOString() ?? null,
    role,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function checkWebsite(url: string | undefined): void {
  const problem = url === undefined ? undefined : httpsUrlProblem(url);
  if (problem) throw problems.validation([{ pointer: '/website_url', detail: problem, in: 'body' }]);
}

/** Refuses a person who is already on as many teams as one may be. */
export async function checkTeamsOfPerson(db: Db, userId: string): Promise<void> {
  const teams = await partnersQueries.partnersOfUser(db, userId, undefined, MAX_PARTNERS_PER_PERSON);
  if (teams.length >= MAX_PARTNERS_PER_PERSON) {
    throw problems.conflict('too_many_partners', `One person may be on at most ${MAX_PARTNERS_PER_PERSON} partner teams.`);
  }
}

/** Registers a partner organisation; its creator becomes its first admin. */
export async function createPartner(db: Db, caller: Caller, input: CreatePartnerInput): Promise<Partner> {
  const userId = requirePerson(caller);
  checkWebsite(input.website_url);
  await checkTeamsOfPerson(db, userId);
  return db.transaction().execute(async (trx) => {
    const row = await partnersQueries.insertPartner(trx, {
      id: uuidv7(),
      name: input.name.trim(),
      kind: input.kind,
      website_url: input.website_url,
      created_by: userId,
    });
    await partnersQueries.insertMember(trx, { partner_id: row.id, user_id: userId, role: 'admin' });
    return toPartner(row, 'admin');
  });
}

/** The partners whose team the caller is on. */
export async function listMyPartners(db: Db, caller: Caller, page: { limit?: number; cursor?: string }) {
  const limit = page.limit ?? 20;
  const rows = await partnersQueries.partnersOfUser(db, requirePerson(caller), afterCursor(page.cursor), limit + 1);
  const items = rows.slice(0, limit).map((row) => toPartner(row, row.role));
  return { items, next_cursor: nextCursor(rows.length > limit, items) };
}

export async function getPartner(db: Db, caller: Caller, partnerId: string): Promise<Partner> {
  const { partner, role } = await requirePartnerVisible(db, caller, partnerId);
  return toPartner(partner, role);
}

/** Edits the organisation (admins). A verified partner that changes who it says it is loses the verification. */
export async function updatePartner(deps: Pick<ServiceDeps, 'db' | 'bus'>, caller: Caller, partnerId: string, input: UpdatePartnerInput): Promise<Partner> {
  const { partner } = await requirePartnerRole(deps.db, caller, partnerId, ADMINS, 'change the organisation');
  checkWebsite(input.website_url);
  const patch = { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) };
  const changesIdentity =
    (patch.name !== undefined && patch.name !== partner.name) ||
    (patch.kind !== undefined && patch.kind !== partner.kind) ||
    (patch.website_url !== undefined && patch.website_url !== partner.website_url);
  const row = await partnersQueries.updatePartner(deps.db, partnerId, patch, changesIdentity && partner.verified_at !== null);
  if (!row) throw problems.notFound('partner', 'partner_not_found');
  if (changesIdentity) await publishAppChange(deps, { partnerId });
  return toPartner(row, 'admin');
}

/** Marks a partner verified, or withdraws the verification (platform admins). */
export async function setVerification(deps: Pick<ServiceDeps, 'db' | 'bus'>, caller: Caller, partnerId: string, verified: boolean): Promise<Partner> {
  const adminId = requirePerson(caller);
  const row = await partnersQueries.setPartnerVerified(deps.db, partnerId, verified ? adminId : null);
  if (!row) throw problems.notFound('partner', 'partner_not_found');
  await publishAppChange(deps, { partnerId });
  const standing = await partnersQueries.partnerWithRole(deps.db, partnerId, adminId);
  return toPartner(row, standing?.role ?? null);
}
