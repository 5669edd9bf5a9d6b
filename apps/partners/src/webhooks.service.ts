import { randomBytes } from 'node:crypto';
import { requireTeamVisible } from '@chorus/catalog';
import {
  appForClient,
  type Db,
  type DeliveryLogRow,
  isUuid,
  uuidv7,
  WEBHOOK_EVENT_OWNERS,
  type WebhookEndpointRow,
  type WebhookEventType,
  type WebhookOwner,
  webhooksQueries,
} from '@chorus/db';
import { queueWebhookDeliveries } from '@chorus/jobs';
import { decodeCursor, encodeCursor, problems, sealWebhookSecret, type ServiceDeps, webhookUrlProblem } from '@chorus/service-kit';
import { BUILDERS, type Caller, isAppItself, requirePartnerVisible } from './access.service.js';
import { findApp } from './apps.service.js';
import { WEBHOOK_EVENTS } from './webhooks.events.js';
import {
  type CreateWebhookInput,
  type DeliveriesQueryInput,
  type DeliveryPageBody,
  type EndpointPageBody,
  type EndpointsQueryInput,
  MAX_ENDPOINTS_PER_OWNER,
  type UpdateWebhookInput,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  type WebhookEventTypeBody,
  type WebhookSecret,
} from './webhooks.schemas.js';

type WebhookDeps = Pick<ServiceDeps, 'db' | 'jobs' | 'config'>;

/** How long a rotated-out secret keeps signing, so receivers can switch without losing an event. */
const OLD_SECRET_GRACE_MS = 24 * 3600_000;

/** Resolves the owner named by a route's path parameters and checks the caller may manage its webhooks (else 404 or 403). */
export type OwnerResolver = (db: Db, caller: Caller, path: { id: string; app_id?: string | undefined }) => Promise<WebhookOwner>;

/** An artist team's webhooks are its admins' (and platform admins'): other members are told 403, anyone else 404. */
export const artistWebhookOwner: OwnerResolver = async (db, caller, { id: artistId }) => {
  const access = await requireTeamVisible(db, caller, artistId);
  if (!access.platformAdmin && access.role !== 'admin')
    throw problems.forbidden("Only an admin of the artist's team may manage its webhooks.", 'insufficient_role');
  return { kind: 'artist', id: artistId };
};

/**
 * A partner app's webhooks are its partner's admins' and developers' (analysts and platform admins are told 403,
 * anyone else 404), and the app's own, acting for itself (client credentials) on itself only.
 */
export const appWebhookOwner: OwnerResolver = async (db, caller, { id: partnerId, app_id: appId }) => {
  if (appId === undefined) throw problems.notFound('app', 'app_not_found');
  if (isAppItself(caller)) {
    const self = await appForClient(db, caller.clientId!);
    if (!self || self.appId !== appId || self.partnerId !== partnerId) throw problems.notFound('app', 'app_not_found');
  } else {
    const standing = await requirePartnerVisible(db, caller, partnerId);
    await findApp(db, partnerId, appId);
    if (standing.role === null || !BUILDERS.includes(standing.role))
      throw problems.forbidden("Only the partner's admins and developers may manage an app's webhooks.", 'insufficient_role');
  }
  return { kind: 'app', id: appId };
};

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}

/** Artist teams' events and partner apps' events do not mix: 422 naming each type the owner cannot receive. */
function checkEventTypes(owner: WebhookOwner, types: readonly string[] | undefined): void {
  if (types === undefined) return;
  const errors = types.flatMap((type, i) =>
    (WEBHOOK_EVENT_OWNERS[type as WebhookEventType] ?? []).includes(owner.kind)
      ? []
      : [{ pointer: `/event_types/${i}`, detail: `is not sent to ${owner.kind === 'app' ? "partner apps'" : "artist teams'"} endpoints`, in: 'body' as const }],
  );
  if (errors.length > 0)
    throw problems.unprocessable(
      'event_type_not_for_owner',
      `Some event types are not sent to this owner (GET /v1/webhook-event-types says whose each is).`,
      errors,
    );
}

function checkUrl(deps: WebhookDeps, url: string): void {
  const problem = webhookUrlProblem(url, deps.config.webhooks.allowPrivate);
  if (problem) throw problems.unprocessable('webhook_url_refused', `The URL ${problem}.`, [{ pointer: '/url', detail: problem, in: 'body' }]);
}

function notice(row: WebhookEndpointRow): string | null {
  if (row.disabled_reason !== 'failing' || !row.disabled_at) return null;
  const since = row.failing_since ? ` since ${row.failing_since.toISOString()}` : '';
  return `Disabled at ${row.disabled_at.toISOString()} after failing without a single success${since}. Fix the receiver, then re-enable the endpoint (PATCH with "enabled": true); deliveries that failed meanwhile can be redelivered.`;
}

function endpointView(row: WebhookEndpointRow, now = new Date()): WebhookEndpoint {
  const keepsOld = row.previous_secret_expires_at && row.previous_secret_expires_at > now;
  return {
    id: row.id,
    owner: { kind: row.owner_kind, id: row.owner_id },
    url: row.url,
    description: row.description,
    event_types: row.event_types,
    enabled: row.disabled_at === null,
    disabled_reason: row.disabled_reason,
    disabled_at: iso(row.disabled_at),
    notice: notice(row),
    failing_since: iso(row.failing_since),
    last_success_at: iso(row.last_success_at),
    previous_secret_expires_at: keepsOld ? iso(row.previous_secret_expires_at) : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function deliveryView(row: DeliveryLogRow): WebhookDelivery {
  return {
    id: row.id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    attempt_count: row.attempt_count,
    next_attempt_at: iso(row.next_attempt_at),
    finished_at: iso(row.finished_at),
    redelivery_of: row.redelivery_of,
    created_at: row.created_at.toISOString(),
    attempts: row.attempts,
  };
}

/** The id a cursor carries; 400 when it is not one of ours. */
function cursorId(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const [id] = decodeCursor(cursor, 1) ?? [];
  if (typeof id !== 'string' || !isUuid(id)) throw problems.badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
  return id;
}

async function requireEndpoint(db: Db, owner: WebhookOwner, endpointId: string): Promise<WebhookEndpointRow> {
  const row = await webhooksQueries.endpoint(db, owner, endpointId);
  if (!row) throw problems.notFound('webhook endpoint', 'webhook_not_found');
  return row;
}

function requireEnabled(row: WebhookEndpointRow): void {
  if (row.disabled_at) throw problems.conflict('webhook_disabled', 'The endpoint is disabled: re-enable it first (PATCH with "enabled": true).');
}

/** Creates an endpoint and shows its signing secret, this once. */
export async function createEndpoint(deps: WebhookDeps, owner: WebhookOwner, caller: Caller, input: CreateWebhookInput): Promise<WebhookEndpointCreated> {
  checkUrl(deps, input.url);
  checkEventTypes(owner, input.event_types);
  if ((await webhooksQueries.countEndpoints(deps.db, owner)) >= MAX_ENDPOINTS_PER_OWNER) {
    throw problems.conflict('webhook_limit_reached', `An owner may have at most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints; delete one first.`);
  }
  const secret = newSecret();
  const id = uuidv7();
  const row = await webhooksQueries.insertEndpoint(deps.db, owner, {
    id,
    url: input.url,
    description: input.description ?? '',
    event_types: input.event_types,
    secret: sealWebhookSecret(secret, deps.config.auth.keyEncryptionKey, id),
    enabled: input.enabled ?? true,
    // An app acting for itself is nobody.
    created_by: isUuid(caller.userId) ? caller.userId : null,
  });
  return { ...endpointView(row), secret };
}

export async function listEndpoints(deps: WebhookDeps, owner: WebhookOwner, query: EndpointsQueryInput): Promise<EndpointPageBody> {
  const page = await webhooksQueries.listEndpoints(deps.db, owner, { limit: query.limit ?? 20, after: cursorId(query.cursor) });
  return { items: page.items.map((row) => endpointView(row)), next_cursor: page.next ? encodeCursor([page.next]) : null };
}

export async function getEndpoint(deps: WebhookDeps, owner: WebhookOwner, endpointId: string): Promise<WebhookEndpoint> {
  return endpointView(await requireEndpoint(deps.db, owner, endpointId));
}

/** Changes an endpoint; enabling one disabled for failing gives it a fresh start. */
export async function updateEndpoint(deps: WebhookDeps, owner: WebhookOwner, endpointId: string, input: UpdateWebhookInput): Promise<WebhookEndpoint> {
  if (input.url !== undefined) checkUrl(deps, input.url);
  checkEventTypes(owner, input.event_types);
  const row = await webhooksQueries.updateEndpoint(deps.db, owner, endpointId, input);
  if (!row) throw problems.notFound('webhook endpoint', 'webhook_not_found');
  return endpointView(row);
}

/** Deletes an endpoint with its deliveries; what is still pending for it is dropped. */
export async function deleteEndpoint(deps: WebhookDeps, owner: WebhookOwner, endpointId: string): Promise<void> {
  if (!(await webhooksQueries.deleteEndpoint(deps.db, owner, endpointId))) throw problems.notFound('webhook endpoint', 'webhook_not_found');
}

/** A new signing secret; the old one keeps signing for 24 hours, so every event meanwhile carries both signatures. */
export async function rotateSecret(deps: WebhookDeps, owner: WebhookOwner, endpointId: string): Promise<WebhookSecret> {
  const secret = newSecret();
  const until = new Date(Date.now() + OLD_SECRET_GRACE_MS);
  const row = await webhooksQueries.rotateSecret(deps.db, owner, endpointId, sealWebhookSecret(secret, deps.config.auth.keyEncryptionKey, endpointId), until);
  if (!row) throw problems.notFound('webhook endpoint', 'webhook_not_found');
  return { secret, previous_secret_expires_at: until.toISOString() };
}

export async function listDeliveries(deps: WebhookDeps, owner: WebhookOwner, endpointId: string, query: DeliveriesQueryInput): Promise<DeliveryPageBody> {
  await requireEndpoint(deps.db, owner, endpointId);
  const page = await webhooksQueries.deliveries(deps.db, endpointId, {
    limit: query.limit ?? 20,
    before: cursorId(query.cursor),
    eventType: query.event_type,
    status: query.outcome,
  });
  return { items: page.items.map(deliveryView), next_cursor: page.next ? encodeCursor([page.next]) : null };
}

async function queued(deps: WebhookDeps, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  await queueWebhookDeliveries(deps.jobs, [deliveryId]);
  const row = await webhooksQueries.delivery(deps.db, endpointId, deliveryId);
  if (!row) throw problems.notFound('delivery', 'delivery_not_found');
  return deliveryView(row);
}

/** Sends a finished delivery's event to the endpoint again, as a new delivery with the same webhook-id. */
export async function redeliver(deps: WebhookDeps, owner: WebhookOwner, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  requireEnabled(await requireEndpoint(deps.db, owner, endpointId));
  const original = await webhooksQueries.delivery(deps.db, endpointId, deliveryId);
  if (!original) throw problems.notFound('delivery', 'delivery_not_found');
  if (original.status === 'pending')
    throw problems.conflict('delivery_pending', 'The delivery is still being tried; redeliver it once it has succeeded or failed.');
  const id = await webhooksQueries.redeliver(deps.db, endpointId, deliveryId);
  if (!id) throw problems.notFound('delivery', 'delivery_not_found');
  return queued(deps, endpointId, id);
}

/** Sends a ping event to this endpoint alone. */
export async function sendTest(deps: WebhookDeps, owner: WebhookOwner, endpointId: string): Promise<WebhookDelivery> {
  const endpoint = await requireEndpoint(deps.db, owner, endpointId);
  requireEnabled(endpoint);
  return queued(deps, endpointId, await webhooksQueries.recordPing(deps.db, endpoint));
}

/** The event catalog: every type with the JSON Schema of its body. */
export function eventTypes(): { items: WebhookEventTypeBody[] } {
  return {
    items: WEBHOOK_EVENTS.map((e) => ({
      type: e.type,
      summary: e.summary,
      description: e.description,
      subscribable: e.subscribable,
      owners: e.owners,
      schema: e.schema as unknown as Record<string, unknown>,
    })),
  };
}
