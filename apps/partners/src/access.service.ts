import { type Db, isUuid, type PartnerRole, type PartnerWithRole, partnersQueries } from '@chorus/db';
import { type Principal, problems } from '@chorus/service-kit';

/** Who is asking: the slice of a principal that access checks read. */
export type Caller = Pick<Principal, 'userId' | 'roles' | 'clientId'>;

/** What the caller may do on a partner's team; platform admins may read everything and change nothing. */
export interface PartnerStanding {
  partner: PartnerWithRole;
  role: PartnerRole | null;
  platformAdmin: boolean;
}

/** A partner app acting for itself (client credentials): its token's subject is its client id. */
export function isAppItself(caller: Caller): boolean {
  return caller.clientId !== undefined && caller.userId === caller.clientId;
}

/** The person behind the token: team routes act for people, never for an app acting for itself. */
export function requirePerson(caller: Caller): string {
  if (isUuid(caller.userId) && !isAppItself(caller)) return caller.userId;
  throw problems.forbidden('This needs an access token acting for a person.', 'person_token_required');
}

/** The caller's standing on a partner: 404 when it does not exist or the caller may not see it (not on its team). */
export async function requirePartnerVisible(db: Db, caller: Caller, partnerId: string): Promise<PartnerStanding> {
  const partner = await partnersQueries.partnerWithRole(db, partnerId, requirePerson(caller));
  const platformAdmin = caller.roles.includes('platform_admin');
  if (!partner || (partner.role === null && !platformAdmin)) throw problems.notFound('partner', 'partner_not_found');
  return { partner, role: partner.role, platformAdmin };
}

/** Visible (else 404) and the caller holds one of `roles` on the team (else 403). */
export async function requirePartnerRole(db: Db, caller: Caller, partnerId: string, roles: readonly PartnerRole[], doing: string): Promise<PartnerStanding> {
  const standing = await requirePartnerVisible(db, caller, partnerId);
  if (standing.role !== null && roles.includes(standing.role)) return standing;
  const who = roles.length === 1 ? `the partner's ${roles[0]}s` : `the partner's ${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}s`;
  throw problems.forbidden(`Only ${who} may ${doing}.`, 'insufficient_role');
}

/** Admins manage the organisation and its team. */
export const ADMINS: readonly PartnerRole[] = ['admin'];
/** Admins and developers build apps. */
export const BUILDERS: readonly PartnerRole[] = ['admin', 'developer'];
