import { ALLOW_LIST_LIMIT, type Db, newClientId, newClientSecret, type PartnerAppPatch, type PartnerAppView, partnersQueries, uuidv7 } from '@chorus/db';
import { type ChorusConfig, problems, publishAppChange, type ServiceDeps, appTier } from '@chorus/service-kit';
import { ADMINS, BUILDERS, type Caller, requirePartnerRole, requirePartnerVisible, requirePerson } from './access.service.js';
import { type AppConfig, appConfigErrors, httpsUrlProblem } from './apps.rules.js';
import type { ClientSecretRotated, CreateAppInput, PartnerApp, UpdateAppInput } from './apps.schemas.js';

/** A partner may register at most this many apps (client ids). */
export const MAX_APPS_PER_PARTNER = 25;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toPartnerApp(row: PartnerAppView): PartnerApp {
  return {
    id: row.id,
    partner_id: row.partner_id,
    client_id: row.client_id,
    name: row.name,
    description: row.description,
    logo_url: row.logo_url,
    client_type: row.client_type,
    redirect_uris: row.redirect_uris,
    grant_types: row.grant_types,
    scopes: row.scopes,
    device_class: row.device_class,
    mode: appTier(row.review_state),
    review: {
      state: row.review_state,
      requested_at: iso(row.review_requested_at),
      reviewed_at: iso(row.reviewed_at),
      reviewed_by: row.reviewed_by ? { user_id: row.reviewed_by, display_name: row.reviewer_name ?? '' } : null,
      note: row.review_note,
    },
    secret:
      row.client_type === 'confidential' && row.secret_created_at
        ? { hint: row.secret_hint ?? '', created_at: row.secret_created_at.toISOString(), previous_valid_until: validUntil(row.previous_secret_expires_at) }
        : null,
    allow_list: { count: row.allowed_users, limit: ALLOW_LIST_LIMIT },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** When the previous secret stops verifying; null once it has. */
function validUntil(expiresAt: Date | null): string | null {
  return expiresAt && expiresAt.getTime() > Date.now() ? expiresAt.toISOString() : null;
}

function checkConfig(config: AppConfig, logoUrl: string | null | undefined): void {
  const errors = appConfigErrors(config);
  const logoProblem = logoUrl ? httpsUrlProblem(logoUrl) : undefined;
  if (logoProblem) errors.push({ pointer: '/logo_url', detail: logoProblem, in: 'body' });
  if (errors.length > 0) throw problems.validation(errors, 'The app’s registration is not valid.');
}

/** An app of a visible partner, or 404. */
export async function findApp(db: Db, partnerId: string, appId: string): Promise<PartnerAppView> {
  const row = await partnersQueries.app(db, partnerId, appId);
  if (!row) throw problems.notFound('app', 'app_not_found');
  return row;
}

/** Registers an app (admins and developers); a confidential client's secret is in the answer, this once. */
export async function createApp(db: Db, caller: Caller, partnerId: string, input: CreateAppInput): Promise<PartnerApp & { client_secret: string | null }> {
  await requirePartnerRole(db, caller, partnerId, BUILDERS, 'register apps');
  const config: AppConfig = {
    client_type: input.client_type,
    grant_types: input.grant_types,
    scopes: input.scopes,
    redirect_uris: input.redirect_uris ?? [],
    device_class: input.device_class ?? null,
  };
  checkConfig(config, input.logo_url);
  const secret = input.client_type === 'confidential' ? newClientSecret() : null;
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await partnersQueries.lockPartner(trx, partnerId);
    if ((await partnersQueries.countApps(trx, partnerId)) >= MAX_APPS_PER_PARTNER) {
      throw problems.conflict('too_many_apps', `A partner may register at most ${MAX_APPS_PER_PARTNER} apps; delete one first.`);
    }
    await partnersQueries.insertApp(trx, {
      id,
      partner_id: partnerId,
      client_id: newClientId(),
      name: input.name.trim(),
      description: input.description?.trim() ?? null,
      logo_url: input.logo_url ?? null,
      ...config,
      grant_types: [...config.grant_types],
      scopes: [...config.scopes],
      redirect_uris: [...config.redirect_uris],
      secret_hash: secret?.hash ?? null,
      secret_hint: secret?.hint ?? null,
      secret_created_at: secret ? new Date() : null,
      created_by: requirePerson(caller),
    });
  });
  return { ...toPartnerApp(await findApp(db, partnerId, id)), client_secret: secret?.secret ?? null };
}

/** Every app of the partner (its whole team, analysts included). */
export async function listApps(db: Db, caller: Caller, partnerId: string) {
  await requirePartnerVisible(db, caller, partnerId);
  const rows = await partnersQueries.appsOfPartner(db, partnerId);
  return { items: rows.map(toPartnerApp), next_cursor: null };
}

export async function getApp(db: Db, caller: Caller, partnerId: string, appId: string): Promise<PartnerApp> {
  await requirePartnerVisible(db, caller, partnerId);
  return toPartnerApp(await findApp(db, partnerId, appId));
}

/** Edits an app (admins and developers); the registration is checked whole, as it would be stored. */
export async function updateApp(
  deps: Pick<ServiceDeps, 'db' | 'bus'>,
  caller: Caller,
  partnerId: string,
  appId: string,
  input: UpdateAppInput,
): Promise<PartnerApp> {
  const { db } = deps;
  await requirePartnerRole(db, caller, partnerId, BUILDERS, 'edit apps');
  await db.transaction().execute(async (trx) => {
    const current = await partnersQueries.lockApp(trx, partnerId, appId);
    if (!current) throw problems.notFound('app', 'app_not_found');
    const config: AppConfig = {
      client_type: current.client_type,
      grant_types: input.grant_types ?? current.grant_types,
      scopes: input.scopes ?? current.scopes,
      redirect_uris: input.redirect_uris ?? current.redirect_uris,
      device_class: input.device_class === undefined ? current.device_class : input.device_class,
    };
    checkConfig(config, input.logo_url);
    const patch: PartnerAppPatch = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description?.trim() ?? null } : {}),
      ...(input.logo_url !== undefined ? { logo_url: input.logo_url } : {}),
      ...(input.redirect_uris !== undefined ? { redirect_uris: input.redirect_uris } : {}),
      ...(input.grant_types !== undefined ? { grant_types: input.grant_types } : {}),
      ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
      ...(input.device_class !== undefined ? { device_class: input.device_class } : {}),
    };
    await partnersQueries.updateApp(trx, appId, patch);
  });
  await publishAppChange(deps, { appId });
  return toPartnerApp(await findApp(db, partnerId, appId));
}

/** Deletes an app (admins): its client id stops working at once, its tokens within 30 seconds. */
export async function deleteApp(deps: Pick<ServiceDeps, 'db' | 'bus'>, caller: Caller, partnerId: string, appId: string): Promise<void> {
  await requirePartnerRole(deps.db, caller, partnerId, ADMINS, 'delete apps');
  const deleted = await partnersQueries.deleteApp(deps.db, partnerId, appId);
  if (!deleted) throw problems.notFound('app', 'app_not_found');
  await publishAppChange(deps, { appId });
}

/**
 * A new client secret (admins and developers), shown this once. The previous one keeps verifying for the configured
 * overlap so deployments can switch over; rotating again within it drops the oldest at once (how a leaked secret
 * is revoked without waiting).
 */
export async function rotateSecret(
  deps: Pick<ServiceDeps, 'db'> & { config: Pick<ChorusConfig, 'partners'> },
  caller: Caller,
  partnerId: string,
  appId: string,
): Promise<ClientSecretRotated> {
  const { db } = deps;
  await requirePartnerRole(db, caller, partnerId, BUILDERS, 'rotate client secrets');
  const app = await findApp(db, partnerId, appId);
  if (app.client_type !== 'confidential') throw problems.conflict('public_client', 'A public client has no secret to rotate.');
  const overlap = deps.config.partners.clientSecretOverlapSeconds;
  const secret = newClientSecret();
  const rotated = await partnersQueries.rotateSecret(db, appId, secret, overlap > 0 ? new Date(Date.now() + overlap * 1000) : null);
  if (!rotated) throw problems.notFound('app', 'app_not_found');
  return {
    client_id: app.client_id,
    client_secret: secret.secret,
    created_at: (rotated.secret_created_at ?? new Date()).toISOString(),
    previous_valid_until: iso(rotated.previous_secret_expires_at),
  };
}
