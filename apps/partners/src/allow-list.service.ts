import { ALLOW_LIST_LIMIT, type Db, partnersQueries } from '@chorus/db';
import { problems, publishAppChange, type ServiceDeps } from '@chorus/service-kit';
import { BUILDERS, type Caller, requirePartnerRole, requirePartnerVisible, requirePerson } from './access.service.js';
import type { AllowedUser, AllowList } from './apps.schemas.js';
import { findApp } from './apps.service.js';
import { normalizeHandle } from './members.service.js';

type Deps = Pick<ServiceDeps, 'db' | 'bus'>;

/** The people a development-mode app may serve besides the partner's members (the whole team may read it). */
export async function listAllowed(db: Db, caller: Caller, partnerId: string, appId: string): Promise<AllowList> {
  await requirePartnerVisible(db, caller, partnerId);
  await findApp(db, partnerId, appId);
  const rows = await partnersQueries.allowList(db, appId);
  return {
    items: rows.map((r) => ({ user_id: r.user_id, handle: r.handle, display_name: r.display_name, added_at: r.created_at.toISOString() })),
    next_cursor: null,
    limit: ALLOW_LIST_LIMIT,
  };
}

/** Allows a person, named by handle, to use the app in development mode (admins and developers); at most 25. */
export async function allowUser(deps: Deps, caller: Caller, partnerId: string, appId: string, handle: string): Promise<AllowedUser> {
  const { db } = deps;
  await requirePartnerRole(db, caller, partnerId, BUILDERS, 'change allow-lists');
  const user = await partnersQueries.userByHandle(db, normalizeHandle(handle));
  if (!user) throw problems.notFound('person with this handle', 'user_not_found');
  const added = await db.transaction().execute(async (trx) => {
    // The app's row lock serialises adds, so two at once cannot both take the 25th place.
    if (!(await partnersQueries.lockApp(trx, partnerId, appId))) throw problems.notFound('app', 'app_not_found');
    if ((await partnersQueries.countAllowed(trx, appId)) >= ALLOW_LIST_LIMIT) {
      throw problems.conflict(
        'allow_list_full',
        `A development-mode app may serve at most ${ALLOW_LIST_LIMIT} people besides the partner's team; remove someone first.`,
      );
    }
    const row = await partnersQueries.insertAllowed(trx, { app_id: appId, user_id: user.id, added_by: requirePerson(caller) });
    if (!row) throw problems.conflict('already_allowed', 'This person is already on the allow-list.');
    return row;
  });
  await publishAppChange(deps, { appId });
  return { user_id: user.id, handle: user.handle, display_name: user.display_name, added_at: added.created_at.toISOString() };
}

/** Takes a person off the allow-list (admins and developers); their tokens for the app stop working within 30 seconds. */
export async function disallowUser(deps: Deps, caller: Caller, partnerId: string, appId: string, userId: string): Promise<void> {
  await requirePartnerRole(deps.db, caller, partnerId, BUILDERS, 'change allow-lists');
  await findApp(deps.db, partnerId, appId);
  if (!(await partnersQueries.deleteAllowed(deps.db, appId, userId))) throw problems.notFound('person on the allow-list', 'not_allowed');
  await publishAppChange(deps, { appId });
}
