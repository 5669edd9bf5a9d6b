import { type Db, partnersQueries, type ReviewState, uuidv7 } from '@chorus/db';
import { problems, publishAppChange, type ServiceDeps } from '@chorus/service-kit';
import { afterCursor, nextCursor } from './pages.js';
import { BUILDERS, type Caller, requirePartnerRole, requirePartnerVisible, requirePerson } from './access.service.js';
import type { AppReview, PartnerApp, ReviewDecisionInput } from './apps.schemas.js';
import { findApp, toPartnerApp } from './apps.service.js';

type Deps = Pick<ServiceDeps, 'db' | 'bus'>;

/** Asks for production (admins and developers): from development, or again after a rejection. */
export async function requestReview(db: Db, caller: Caller, partnerId: string, appId: string, note: string): Promise<AppReview> {
  await requirePartnerRole(db, caller, partnerId, BUILDERS, 'request reviews');
  const actor = requirePerson(caller);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const app = await partnersQueries.lockApp(trx, partnerId, appId);
    if (!app) throw problems.notFound('app', 'app_not_found');
    if (app.review_state === 'in_review') throw problems.conflict('already_in_review', 'The app is already waiting for review.');
    if (app.review_state === 'production') throw problems.conflict('already_in_production', 'The app is already in production mode.');
    await partnersQueries.setReviewState(trx, appId, { review_state: 'in_review', review_requested_at: new Date() });
    await partnersQueries.insertReview(trx, { id, app_id: appId, action: 'requested', note: note.trim(), actor_id: actor });
  });
  const history = await partnersQueries.reviewsOfApp(db, appId);
  return toReview(history.find((r) => r.id === id)!);
}

function toReview(row: Awaited<ReturnType<typeof partnersQueries.reviewsOfApp>>[number]): AppReview {
  return {
    id: row.id,
    action: row.action,
    note: row.note,
    by: row.actor_id ? { user_id: row.actor_id, display_name: row.actor_name ?? '' } : null,
    verified_partner: row.verified_partner,
    created_at: row.created_at.toISOString(),
  };
}

/** The app's review history, oldest first (the whole team may read it). */
export async function reviewHistory(db: Db, caller: Caller, partnerId: string, appId: string) {
  await requirePartnerVisible(db, caller, partnerId);
  await findApp(db, partnerId, appId);
  return { items: (await partnersQueries.reviewsOfApp(db, appId)).map(toReview), next_cursor: null };
}

/** A platform admin's decision on an app in review; approving may verify its partner at the same time. */
export async function decideReview(deps: Deps, caller: Caller, appId: string, input: ReviewDecisionInput): Promise<PartnerApp> {
  const actor = requirePerson(caller);
  const note = input.note?.trim() ?? null;
  if (input.decision === 'reject' && !note)
    throw problems.validation([{ pointer: '/note', detail: 'a rejection needs a note telling the partner why', in: 'body' }]);
  if (input.decision === 'reject' && input.verify_partner) {
    throw problems.validation([{ pointer: '/verify_partner', detail: 'verify the partner with an approval, or on its own', in: 'body' }]);
  }
  const partnerId = await deps.db.transaction().execute(async (trx) => {
    const app = await partnersQueries.lockApp(trx, null, appId);
    if (!app) throw problems.notFound('app', 'app_not_found');
    if (app.review_state !== 'in_review') throw problems.conflict('not_in_review', `The app is in ${app.review_state} mode, not waiting for review.`);
    const approved = input.decision === 'approve';
    await partnersQueries.setReviewState(trx, appId, {
      review_state: approved ? 'production' : 'rejected',
      reviewed_at: new Date(),
      reviewed_by: actor,
      review_note: note,
    });
    await partnersQueries.insertReview(trx, {
      id: uuidv7(),
      app_id: appId,
      action: approved ? 'approved' : 'rejected',
      note,
      actor_id: actor,
      verified_partner: input.verify_partner === true,
    });
    if (approved && input.verify_partner) await partnersQueries.setPartnerVerified(trx, app.partner_id, actor);
    return app.partner_id;
  });
  await publishAppChange(deps, { appId, partnerId });
  const row = await partnersQueries.appById(deps.db, appId);
  if (!row) throw problems.notFound('app', 'app_not_found');
  return toPartnerApp(row);
}

/** Apps in a review state for platform admins, the review queue by default. */
export async function appsForAdmins(db: Db, query: { review_state?: ReviewState; limit?: number; cursor?: string }) {
  const limit = query.limit ?? 20;
  const rows = await partnersQueries.appsInState(db, query.review_state ?? 'in_review', afterCursor(query.cursor), limit + 1);
  const items = rows.slice(0, limit).map((row) => ({
    ...toPartnerApp(row),
    partner: { id: row.partner_id, name: row.partner_name, kind: row.partner_kind, verified: row.partner_verified_at !== null },
  }));
  return { items, next_cursor: nextCursor(rows.length > limit, items) };
}
