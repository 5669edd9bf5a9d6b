import { type Db, oauthQueries } from '@chorus/db';
import { type JobSystem, queueWebhookDeliveries } from '@chorus/jobs';
import { decodeCursor, encodeCursor, problems } from '@chorus/service-kit';
import type { ConnectionPage, ConnectionsQueryInput } from './connections.schemas.js';

/** The apps the person connected, by client id. */
export async function listConnections(db: Db, userId: string, query: ConnectionsQueryInput): Promise<ConnectionPage> {
  const limit = query.limit ?? 20;
  let after: string | undefined;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor, 1);
    if (!position || typeof position[0] !== 'string') throw problems.badRequest('invalid_cursor', 'The cursor is not one this API gave.');
    after = position[0];
  }
  const rows = await oauthQueries.connections(db, userId, after, limit + 1);
  const items = rows.slice(0, limit).map((row) => ({
    client_id: row.client_id,
    app_name: row.app_name,
    partner_name: row.partner_name,
    partner_verified: row.partner_verified,
    scopes: row.scopes,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at.toISOString(),
  }));
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last ? encodeCursor([last.client_id]) : null };
}

/**
 * Disconnects the app: its grants, codes and refresh tokens go, its access tokens are refused, and its
 * connection.revoked webhooks are queued after commit; 404 when never connected.
 */
export async function disconnect(deps: { db: Db; jobs: JobSystem }, userId: string, clientId: string): Promise<void> {
  const deliveries = await oauthQueries.disconnect(deps.db, userId, clientId);
  if (!deliveries) throw problems.notFound('connection');
  // A lost enqueue is picked up by the webhooks sweeper.
  if (deliveries.length > 0) await queueWebhookDeliveries(deps.jobs, deliveries).catch(() => undefined);
}
