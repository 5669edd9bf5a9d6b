import { type Db, type InternalRole, identityQueries } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import type { UserView } from './auth.schemas.js';
import { toUserView } from './auth.service.js';

/** Grants an internal role (idempotent). The user's next access token carries it. */
export async function grantRole(db: Db, userId: string, role: InternalRole): Promise<UserView> {
  const row = await identityQueries.addRole(db, userId, role);
  if (!row) throw problems.notFound('user');
  return toUserView(row);
}

/** Removes an internal role (idempotent). An admin cannot demote themselves, so there is always one left to undo mistakes. */
export async function revokeRole(db: Db, actorId: string, userId: string, role: InternalRole): Promise<UserView> {
  if (role === 'platform_admin' && actorId === userId) {
    throw problems.conflict('cannot_demote_self', 'You cannot remove your own platform_admin role; ask another platform admin.');
  }
  const row = await identityQueries.removeRole(db, userId, role);
  if (!row) throw problems.notFound('user');
  return toUserView(row);
}
