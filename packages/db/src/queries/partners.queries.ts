import { type Insertable, type Selectable, sql } from 'kysely';
import type { ClientType, DeviceClass, GrantType, PartnerKind, PartnerRole, ReviewAction, ReviewState } from '../app-registry.js';
import { columnLiteral } from '../arrays.js';
import type { Db } from '../connection.js';
import { isUuid } from '../ids.js';
import type { PartnerAppsTable, PartnersTable } from '../tables/partners.tables.js';

export type PartnerRow = Selectable<PartnersTable>;
export type PartnerAppRow = Selectable<PartnerAppsTable>;

/** A partner with the asking user's role on its team (null when they are not on it). */
export interface PartnerWithRole extends PartnerRow {
  role: PartnerRole | null;
}

/** An app as its team sees it: the registry row without secret digests, with the reviewer's name and the allow-list size. */
export type PartnerAppView = Omit<PartnerAppRow, 'secret_hash' | 'previous_secret_hash'> & {
  reviewer_name: string | null;
  allowed_users: number;
};

/** What the authorization server and the per-app rate limiter need to know about a client id. */
export interface RegisteredApp {
  appId: string;
  clientId: string;
  name: string;
  logoUrl: string | null;
  partnerId: string;
  partnerName: string;
  partnerKind: PartnerKind;
  /** A platform admin verified the partner organisation. */
  partnerVerified: boolean;
  clientType: ClientType;
  deviceClass: DeviceClass | null;
  /** Anything but `production` runs in development mode: allow-listed people only, development limits. */
  reviewState: ReviewState;
  grantTypes: GrantType[];
  scopes: string[];
  /** Exact strings (RFC 9700 exact matching; loopback ports may vary, RFC 8252 §7.3). */
  redirectUris: string[];
}

/** One row of counters to add to an app's daily usage. */
export interface UsageDelta {
  app_id: string;
  day: string;
  route_group: string;
  requests: number;
  errors: number;
  rate_limited: number;
}

/** A new app: the registry row without its review state, rotation fields and timestamps (they start empty). */
export type NewPartnerApp = Omit<
  Insertable<PartnerAppsTable>,
  | 'review_state'
  | 'review_requested_at'
  | 'reviewed_at'
  | 'reviewed_by'
  | 'review_note'
  | 'previous_secret_hash'
  | 'previous_secret_expires_at'
  | 'created_at'
  | 'updated_at'
>;

export type PartnerAppPatch = Partial<Pick<NewPartnerApp, 'name' | 'description' | 'logo_url' | 'redirect_uris' | 'grant_types' | 'scopes' | 'device_class'>>;

const APP_VIEW_COLUMNS = [
  'a.id',
  'a.partner_id',
  'a.client_id',
  'a.name',
  'a.description',
  'a.logo_url',
  'a.client_type',
  'a.redirect_uris',
  'a.grant_types',
  'a.scopes',
  'a.device_class',
  'a.review_state',
  'a.review_requested_at',
  'a.reviewed_at',
  'a.reviewed_by',
  'a.review_note',
  'a.secret_hint',
  'a.secret_created_at',
  'a.previous_secret_expires_at',
  'a.created_by',
  'a.created_at',
  'a.updated_at',
] as const;

function appView(db: Db) {
  return db
    .selectFrom('partner_apps as a')
    .leftJoin('users as r', 'r.id', 'a.reviewed_by')
    .select(APP_VIEW_COLUMNS)
    .select('r.display_name as reviewer_name')
    .select((eb) =>
      eb.selectFrom('partner_app_allowed_users as l').select(sql<number>`count(*)::int`.as('n')).whereRef('l.app_id', '=', 'a.id').as('allowed_users'),
    );
}

function asView<T extends { allowed_users: number | null }>(row: T): T & { allowed_users: number } {
  return { ...row, allowed_users: row.allowed_users ?? 0 };
}

/** Partner organisations, their teams and invitations, the app registry, allow-lists, reviews and usage. */
export const partnersQueries = {
  insertPartner: (db: Db, row: { id: string; name: string; kind: PartnerKind; website_url: string; created_by: string }) =>
    db.insertInto('partners').values(row).returningAll().executeTakeFirstOrThrow(),

  /** The partner (undefined when absent) and the user's role on its team. */
  partnerWithRole: (db: Db, partnerId: string, userId: string): Promise<PartnerWithRole | undefined> =>
    db
      .selectFrom('partners as p')
      .leftJoin('partner_members as m', (join) => join.onRef('m.partner_id', '=', 'p.id').on('m.user_id', '=', userId))
      .selectAll('p')
      .select('m.role')
      .where('p.id', '=', partnerId)
      .executeTakeFirst() as Promise<PartnerWithRole | undefined>,

  /** The partners a user is on the team of, by id after `after`. */
  partnersOfUser: (db: Db, userId: string, after: string | undefined, limit: number): Promise<PartnerWithRole[]> => {
    let query = db
      .selectFrom('partners as p')
      .innerJoin('partner_members as m', 'm.partner_id', 'p.id')
      .selectAll('p')
      .select('m.role')
      .where('m.user_id', '=', userId);
    if (after) query = query.where('p.id', '>', after);
    return query.orderBy('p.id').limit(limit).execute() as Promise<PartnerWithRole[]>;
  },

  updatePartner: (db: Db, id: string, patch: { name?: string; kind?: PartnerKind; website_url?: string }, clearVerification: boolean) =>
    db
      .updateTable('partners')
      .set({ ...patch, updated_at: sql<Date>`now()`, ...(clearVerification ? { verified_at: null, verified_by: null } : {}) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  /** Marks the partner verified by `by`, or not verified when `by` is null. */
  setPartnerVerified: (db: Db, id: string, by: string | null) =>
    db
      .updateTable('partners')
      .set(by ? { verified_at: sql<Date>`coalesce(verified_at, now())`, verified_by: by } : { verified_at: null, verified_by: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  /** Serialises team changes of one partner, so two concurrent demotions cannot both pass the last-admin check. */
  lockPartner: (db: Db, id: string) => db.selectFrom('partners').select('id').where('id', '=', id).forUpdate().executeTakeFirst(),

  insertMember: (db: Db, row: { partner_id: string; user_id: string; role: PartnerRole }) =>
    db
      .insertInto('partner_members')
      .values(row)
      .onConflict((oc) => oc.columns(['partner_id', 'user_id']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  members: (db: Db, partnerId: string) =>
    db
      .selectFrom('partner_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.handle', 'u.display_name', 'm.role', 'm.created_at'])
      .where('m.partner_id', '=', partnerId)
      .orderBy('m.created_at')
      .orderBy('m.user_id')
      .execute(),

  member: (db: Db, partnerId: string, userId: string) =>
    db
      .selectFrom('partner_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.handle', 'u.display_name', 'm.role', 'm.created_at'])
      .where('m.partner_id', '=', partnerId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst(),

  countAdmins: async (db: Db, partnerId: string) => {
    const row = await db
      .selectFrom('partner_members')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('partner_id', '=', partnerId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return row.n;
  },

  /** Members plus open invitations: the team's size as its cap counts it. */
  teamSize: async (db: Db, partnerId: string) => {
    const row = await db
      .selectNoFrom([
        sql<number>`(SELECT count(*)::int FROM partner_members WHERE partner_id = ${partnerId})`.as('members'),
        sql<number>`(SELECT count(*)::int FROM partner_invitations WHERE partner_id = ${partnerId} AND expires_at > now())`.as('invitations'),
      ])
      .executeTakeFirstOrThrow();
    return row.members + row.invitations;
  },

  updateMemberRole: (db: Db, partnerId: string, userId: string, role: PartnerRole) =>
    db.updateTable('partner_members').set({ role }).where('partner_id', '=', partnerId).where('user_id', '=', userId).executeTakeFirst(),

  deleteMember: (db: Db, partnerId: string, userId: string) =>
    db.deleteFrom('partner_members').where('partner_id', '=', partnerId).where('user_id', '=', userId).executeTakeFirst(),

  /** Handles are stored lower-case; callers pass the handle lower-cased. */
  userByHandle: (db: Db, handle: string) => db.selectFrom('users').select(['id', 'handle', 'display_name']).where('handle', '=', handle).executeTakeFirst(),

  /**
   * Creates the invitation, or renews one that has expired; undefined while an earlier invitation is still open.
   */
  upsertInvitation: (db: Db, row: { id: string; partner_id: string; user_id: string; role: PartnerRole; invited_by: string; expires_at: Date }) =>
    db
      .insertInto('partner_invitations')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['partner_id', 'user_id'])
          .doUpdateSet({ id: row.id, role: row.role, invited_by: row.invited_by, created_at: sql<Date>`now()`, expires_at: row.expires_at })
          .where('partner_invitations.expires_at', '<=', sql<Date>`now()`),
      )
      .returningAll()
      .executeTakeFirst(),

  /** A partner's open invitations, with the invitee's handle and name. */
  invitationsOfPartner: (db: Db, partnerId: string) =>
    db
      .selectFrom('partner_invitations as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['i.id', 'i.user_id', 'u.handle', 'u.display_name', 'i.role', 'i.created_at', 'i.expires_at'])
      .where('i.partner_id', '=', partnerId)
      .where('i.expires_at', '>', sql<Date>`now()`)
      .orderBy('i.created_at')
      .orderBy('i.id')
      .execute(),

  /** A user's open invitations, with the partner and who invited them. */
  invitationsForUser: (db: Db, userId: string, limit: number) =>
    db
      .selectFrom('partner_invitations as i')
      .innerJoin('partners as p', 'p.id', 'i.partner_id')
      .leftJoin('users as by', 'by.id', 'i.invited_by')
      .select([
        'i.id',
        'i.role',
        'i.created_at',
        'i.expires_at',
        'p.id as partner_id',
        'p.name as partner_name',
        'p.kind as partner_kind',
        'p.verified_at as partner_verified_at',
        'by.display_name as inviter_name',
      ])
      .where('i.user_id', '=', userId)
      .where('i.expires_at', '>', sql<Date>`now()`)
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute(),

  /** An open invitation of the user, locked: accepting and declining it at once cannot both happen. */
  openInvitationForUpdate: (db: Db, id: string, userId: string) =>
    db
      .selectFrom('partner_invitations')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('expires_at', '>', sql<Date>`now()`)
      .forUpdate()
      .executeTakeFirst(),

  deleteInvitation: (db: Db, id: string, partnerId?: string) => {
    let query = db.deleteFrom('partner_invitations').where('id', '=', id);
    if (partnerId) query = query.where('partner_id', '=', partnerId);
    return query.executeTakeFirst().then((result) => Number(result.numDeletedRows) > 0);
  },

  insertApp: (db: Db, row: NewPartnerApp) => db.insertInto('partner_apps').values(row).returning('id').executeTakeFirstOrThrow(),

  countApps: async (db: Db, partnerId: string) => {
    const row = await db.selectFrom('partner_apps').select(sql<number>`count(*)::int`.as('n')).where('partner_id', '=', partnerId).executeTakeFirstOrThrow();
    return row.n;
  },

  /** One app of a partner, as its team sees it. */
  app: async (db: Db, partnerId: string, appId: string): Promise<PartnerAppView | undefined> => {
    const row = await appView(db).where('a.partner_id', '=', partnerId).where('a.id', '=', appId).executeTakeFirst();
    return row ? asView(row) : undefined;
  },

  /** Any app by id (platform admins' review), as its team sees it. */
  appById: async (db: Db, appId: string): Promise<PartnerAppView | undefined> => {
    const row = await appView(db).where('a.id', '=', appId).executeTakeFirst();
    return row ? asView(row) : undefined;
  },

  appsOfPartner: async (db: Db, partnerId: string): Promise<PartnerAppView[]> =>
    (await appView(db).where('a.partner_id', '=', partnerId).orderBy('a.created_at').orderBy('a.id').execute()).map(asView),

  /** Apps in a review state, oldest request first (by id after `after`). */
  appsInState: async (db: Db, state: ReviewState, after: string | undefined, limit: number) => {
    let query = appView(db)
      .innerJoin('partners as p', 'p.id', 'a.partner_id')
      .select(['p.name as partner_name', 'p.kind as partner_kind', 'p.verified_at as partner_verified_at'])
      .where('a.review_state', '=', state);
    if (after) query = query.where('a.id', '>', after);
    return (await query.orderBy('a.id').limit(limit).execute()).map(asView);
  },

  /** Locks an app of the partner for a change; undefined when the partner has no such app. */
  lockApp: (db: Db, partnerId: string | null, appId: string) => {
    let query = db.selectFrom('partner_apps').selectAll().where('id', '=', appId);
    if (partnerId) query = query.where('partner_id', '=', partnerId);
    return query.forUpdate().executeTakeFirst();
  },

  updateApp: (db: Db, appId: string, patch: PartnerAppPatch) =>
    db
      .updateTable('partner_apps')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', appId)
      .executeTakeFirst(),

  deleteApp: (db: Db, partnerId: string, appId: string) =>
    db.deleteFrom('partner_apps').where('partner_id', '=', partnerId).where('id', '=', appId).returning('client_id').executeTakeFirst(),

  /**
   * Makes `hash` the current secret. The old one stays valid until `previousExpiresAt` (or not at all when null);
   * a secret older than that is dropped, so at most two ever verify.
   */
  rotateSecret: (db: Db, appId: string, next: { hash: Buffer; hint: string }, previousExpiresAt: Date | null) =>
    db
      .updateTable('partner_apps')
      .set({
        previous_secret_hash: previousExpiresAt ? sql<Buffer>`secret_hash` : null,
        previous_secret_expires_at: previousExpiresAt,
        secret_hash: next.hash,
        secret_hint: next.hint,
        secret_created_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', appId)
      .where('client_type', '=', 'confidential')
      .returning(['secret_created_at', 'previous_secret_expires_at'])
      .executeTakeFirst(),

  /** The digests a presented client secret is checked against. */
  clientSecret: (db: Db, clientId: string) =>
    db
      .selectFrom('partner_apps')
      .select(['secret_hash', 'previous_secret_hash', 'previous_secret_expires_at'])
      .where('client_id', '=', clientId)
      .executeTakeFirst(),

  setReviewState: (
    db: Db,
    appId: string,
    change: { review_state: ReviewState; review_requested_at?: Date; reviewed_at?: Date | null; reviewed_by?: string | null; review_note?: string | null },
  ) =>
    db
      .updateTable('partner_apps')
      .set({ ...change, updated_at: sql<Date>`now()` })
      .where('id', '=', appId)
      .executeTakeFirst(),

  insertReview: (db: Db, row: { id: string; app_id: string; action: ReviewAction; note: string | null; actor_id: string; verified_partner?: boolean }) =>
    db.insertInto('partner_app_reviews').values(row).execute(),

  reviewsOfApp: (db: Db, appId: string) =>
    db
      .selectFrom('partner_app_reviews as r')
      .leftJoin('users as u', 'u.id', 'r.actor_id')
      .select(['r.id', 'r.action', 'r.note', 'r.actor_id', 'u.display_name as actor_name', 'r.verified_partner', 'r.created_at'])
      .where('r.app_id', '=', appId)
      .orderBy('r.id')
      .execute(),

  allowList: (db: Db, appId: string) =>
    db
      .selectFrom('partner_app_allowed_users as l')
      .innerJoin('users as u', 'u.id', 'l.user_id')
      .select(['l.user_id', 'u.handle', 'u.display_name', 'l.created_at'])
      .where('l.app_id', '=', appId)
      .orderBy('l.created_at')
      .orderBy('l.user_id')
      .execute(),

  countAllowed: async (db: Db, appId: string) => {
    const row = await db
      .selectFrom('partner_app_allowed_users')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('app_id', '=', appId)
      .executeTakeFirstOrThrow();
    return row.n;
  },

  insertAllowed: (db: Db, row: { app_id: string; user_id: string; added_by: string }) =>
    db
      .insertInto('partner_app_allowed_users')
      .values(row)
      .onConflict((oc) => oc.columns(['app_id', 'user_id']).doNothing())
      .returning('created_at')
      .executeTakeFirst(),

  deleteAllowed: (db: Db, appId: string, userId: string) =>
    db
      .deleteFrom('partner_app_allowed_users')
      .where('app_id', '=', appId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
      .then((result) => Number(result.numDeletedRows) > 0),

  /**
   * Adds counters to the apps' daily usage in one statement. Rows of apps deleted meanwhile are skipped; rows go in
   * key order, so two processes flushing the same keys lock them in the same order.
   */
  addUsage: async (db: Db, rows: readonly UsageDelta[]) => {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO app_usage_daily (app_id, day, route_group, requests, errors, rate_limited)
      SELECT u.app_id, u.day, u.route_group, u.requests, u.errors, u.rate_limited
        FROM unnest(${columnLiteral(rows, 'app_id')}::uuid[], ${columnLiteral(rows, 'day')}::date[], ${columnLiteral(rows, 'route_group')}::text[],
                    ${columnLiteral(rows, 'requests')}::bigint[], ${columnLiteral(rows, 'errors')}::bigint[], ${columnLiteral(rows, 'rate_limited')}::bigint[])
             AS u(app_id, day, route_group, requests, errors, rate_limited)
        JOIN partner_apps a ON a.id = u.app_id
       ORDER BY u.app_id, u.day, u.route_group
      ON CONFLICT (app_id, day, route_group) DO UPDATE SET
        requests = app_usage_daily.requests + excluded.requests,
        errors = app_usage_daily.errors + excluded.errors,
        rate_limited = app_usage_daily.rate_limited + excluded.rate_limited
    `.execute(db);
  },

  /** An app's usage per day and route group between two UTC days, inclusive. */
  usage: (db: Db, appId: string, from: string, to: string) =>
    db
      .selectFrom('app_usage_daily')
      .select(['day', 'route_group', 'requests', 'errors', 'rate_limited'])
      .where('app_id', '=', appId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day')
      .orderBy('route_group')
      .execute(),

  appForClient,
  isAllowed,
};

/** The registry entry of a partner app's client id, or undefined when no app has it. */
export async function appForClient(db: Db, clientId: string): Promise<RegisteredApp | undefined> {
  const row = await db
    .selectFrom('partner_apps as a')
    .innerJoin('partners as p', 'p.id', 'a.partner_id')
    .select([
      'a.id',
      'a.client_id',
      'a.name',
      'a.logo_url',
      'a.client_type',
      'a.device_class',
      'a.review_state',
      'a.grant_types',
      'a.scopes',
      'a.redirect_uris',
      'p.id as partner_id',
      'p.name as partner_name',
      'p.kind as partner_kind',
      'p.verified_at',
    ])
    .where('a.client_id', '=', clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    appId: row.id,
    clientId: row.client_id,
    name: row.name,
    logoUrl: row.logo_url,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    partnerKind: row.partner_kind,
    partnerVerified: row.verified_at !== null,
    clientType: row.client_type,
    deviceClass: row.device_class,
    reviewState: row.review_state,
    grantTypes: row.grant_types,
    scopes: row.scopes,
    redirectUris: row.redirect_uris,
  };
}

/**
 * True when the person may use the app while it is in development mode: on its allow-list, or a member of the
 * partner that owns it (members are allowed implicitly and do not count toward the allow-list's 25).
 */
export async function isAllowed(db: Db, appId: string, userId: string): Promise<boolean> {
  // A token acting for an app itself has no person to allow.
  if (!isUuid(appId) || !isUuid(userId)) return false;
  const row = await db
    .selectNoFrom(
      sql<boolean>`EXISTS (SELECT 1 FROM partner_app_allowed_users WHERE app_id = ${appId} AND user_id = ${userId})
        OR EXISTS (SELECT 1 FROM partner_apps a JOIN partner_members m ON m.partner_id = a.partner_id WHERE a.id = ${appId} AND m.user_id = ${userId})`.as(
        'allowed',
      ),
    )
    .executeTakeFirstOrThrow();
  return row.allowed;
}
