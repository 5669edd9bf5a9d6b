import { sql } from 'kysely';
import type { Db } from '../connection.js';
import { connectionPeriods } from './connection-stats.queries.js';
import { webhooksQueries } from './webhooks.queries.js';

/** A row of the authorization server's storage, as the adapter writes it. */
export interface OauthModelWrite {
  model: string;
  id: string;
  payload: Record<string, unknown>;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  accountId: string | null;
  clientId: string | null;
  expiresAt: Date | null;
}

/** A connected app as its listener sees it. */
export interface ConnectionView {
  client_id: string;
  app_name: string;
  partner_name: string;
  partner_verified: boolean;
  scopes: string[];
  created_at: Date;
  last_used_at: Date;
}

/** oidc-provider's artefacts (the adapter's queries) and the apps listeners connected. */
export const oauthQueries = {
  upsertModel: (db: Db, row: OauthModelWrite) =>
    db
      .insertInto('oauth_models')
      .values({
        model: row.model,
        id: row.id,
        payload: JSON.stringify(row.payload),
        grant_id: row.grantId,
        user_code: row.userCode,
        uid: row.uid,
        account_id: row.accountId,
        client_id: row.clientId,
        expires_at: row.expiresAt,
      })
      .onConflict((oc) =>
        oc.columns(['model', 'id']).doUpdateSet((eb) => ({
          payload: eb.ref('excluded.payload'),
          grant_id: eb.ref('excluded.grant_id'),
          user_code: eb.ref('excluded.user_code'),
          uid: eb.ref('excluded.uid'),
          account_id: eb.ref('excluded.account_id'),
          client_id: eb.ref('excluded.client_id'),
          expires_at: eb.ref('excluded.expires_at'),
        })),
      )
      .execute(),

  /** Expired rows are answered too: the provider tells an expired artefact apart from an unknown one (expired_token). */
  findModel: (db: Db, model: string, id: string) =>
    db.selectFrom('oauth_models').select(['payload', 'consumed_at']).where('model', '=', model).where('id', '=', id).executeTakeFirst(),

  findModelBy: (db: Db, model: string, column: 'uid' | 'user_code', value: string) =>
    db
      .selectFrom('oauth_models')
      .select(['payload', 'consumed_at'])
      .where('model', '=', model)
      .where(column, '=', value)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  consumeModel: (db: Db, model: string, id: string) =>
    db
      .updateTable('oauth_models')
      .set({ consumed_at: sql<Date>`now()`, payload: sql`payload || jsonb_build_object('consumed', floor(extract(epoch FROM now()))::bigint)` })
      .where('model', '=', model)
      .where('id', '=', id)
      .execute(),

  destroyModel: (db: Db, model: string, id: string) => db.deleteFrom('oauth_models').where('model', '=', model).where('id', '=', id).execute(),

  /** Every artefact of a grant (codes, tokens, the grant itself): what a revocation or a replayed refresh token ends. */
  revokeGrant: (db: Db, grantId: string) => db.deleteFrom('oauth_models').where('grant_id', '=', grantId).execute(),

  /** Records a device's poll and answers when it polled before (null the first time; undefined for an unknown code). */
  pollDeviceCode: async (db: Db, id: string): Promise<Date | null | undefined> => {
    const row = await sql<{ previous: Date | null }>`
      UPDATE oauth_models m SET last_polled_at = now()
        FROM (SELECT last_polled_at AS previous FROM oauth_models WHERE model = 'DeviceCode' AND id = ${id} FOR UPDATE) old
       WHERE m.model = 'DeviceCode' AND m.id = ${id}
      RETURNING old.previous`.execute(db);
    return row.rows[0] ? row.rows[0].previous : undefined;
  },

  /** Deletes rows past their expiry (a maintenance sweep); answers how many, at most `limit` a call. */
  deleteExpired: async (db: Db, limit = 5000): Promise<number> => {
    const result = await sql`
      DELETE FROM oauth_models WHERE ctid IN (SELECT ctid FROM oauth_models WHERE expires_at < now() LIMIT ${limit})`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },

  /**
   * Records that the person approved the app (again): scopes merged, a disconnected app connected anew; with the
   * app's connection.created event in the same transaction (only when the connection starts). Answers the webhook
   * deliveries to queue after commit.
   */
  connect: (db: Db, userId: string, clientId: string, scopes: string[]): Promise<string[]> =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('oauth_connections')
        .values({ user_id: userId, client_id: clientId, scopes })
        .onConflict((oc) =>
          oc.columns(['user_id', 'client_id']).doUpdateSet({
            scopes: sql<string[]>`CASE WHEN oauth_connections.revoked_at IS NULL
              THEN ARRAY(SELECT DISTINCT unnest(oauth_connections.scopes || excluded.scopes) ORDER BY 1) ELSE excluded.scopes END`,
            created_at: sql<Date>`CASE WHEN oauth_connections.revoked_at IS NULL THEN oauth_connections.created_at ELSE now() END`,
            last_used_at: sql<Date>`now()`,
            revoked_at: null,
          }),
        )
        .returning(['scopes', 'created_at'])
        .executeTakeFirstOrThrow();
      // Partner statistics count connection periods; a re-approval keeps created_at and opens none.
      await connectionPeriods.open(trx, userId, clientId);
      // created_at is kept while connected, so approving again records nothing new (the event's dedupe key).
      return webhooksQueries.recordConnectionEvent(trx, 'connection.created', {
        userId,
        clientId,
        scopes: row.scopes,
        at: row.created_at,
        connectedAt: row.created_at,
      });
    }),

  /** Marks the connection used now, unless it was marked in the last minute (one write a minute at most). */
  touchConnection: (db: Db, userId: string, clientId: string) =>
    db
      .updateTable('oauth_connections')
      .set({ last_used_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('client_id', '=', clientId)
      .where('revoked_at', 'is', null)
      .where('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)
      .execute(),

  /** The person's connected apps, by client id after `after`. */
  connections: (db: Db, userId: string, after: string | undefined, limit: number): Promise<ConnectionView[]> => {
    let query = db
      .selectFrom('oauth_connections as c')
      .innerJoin('partner_apps as a', 'a.client_id', 'c.client_id')
      .innerJoin('partners as p', 'p.id', 'a.partner_id')
      .select(['c.client_id', 'a.name as app_name', 'p.name as partner_name', 'c.scopes', 'c.created_at', 'c.last_used_at'])
      .select(sql<boolean>`p.verified_at IS NOT NULL`.as('partner_verified'))
      .where('c.user_id', '=', userId)
      .where('c.revoked_at', 'is', null);
    if (after) query = query.where('c.client_id', '>', after);
    return query.orderBy('c.client_id').limit(limit).execute();
  },

  /**
   * Disconnects the app: the connection is marked revoked (its access tokens issued until now are refused) and
   * every grant, code and token of this person and app is deleted, and the app's connection.revoked event is
   * recorded, in one transaction. Answers the webhook deliveries to queue after commit; undefined when it was not connected.
   */
  disconnect: (db: Db, userId: string, clientId: string): Promise<string[] | undefined> =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('oauth_connections')
        .set({ revoked_at: sql<Date>`now()`, tokens_not_before: sql<Date>`now()` })
        .where('user_id', '=', userId)
        .where('client_id', '=', clientId)
        .where('revoked_at', 'is', null)
        .returning(['scopes', 'created_at', 'revoked_at'])
        .executeTakeFirst();
      if (!row) return undefined;
      await connectionPeriods.close(trx, userId, clientId);
      const grants = trx
        .selectFrom('oauth_models')
        .select('id')
        .where('model', '=', 'Grant')
        .where('account_id', '=', userId)
        .where('client_id', '=', clientId);
      await trx
        .deleteFrom('oauth_models')
        .where((eb) => eb.or([eb('grant_id', 'in', grants), eb.and([eb('account_id', '=', userId), eb('client_id', '=', clientId)])]))
        .execute();
      return webhooksQueries.recordConnectionEvent(trx, 'connection.revoked', {
        userId,
        clientId,
        scopes: row.scopes,
        at: row.revoked_at ?? new Date(),
        connectedAt: row.created_at,
      });
    }),

  /** Since when the person's access tokens for the app are refused (null when never disconnected). */
  tokensNotBefore: async (db: Db, userId: string, clientId: string): Promise<Date | null> => {
    const row = await db
      .selectFrom('oauth_connections')
      .select('tokens_not_before')
      .where('user_id', '=', userId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row?.tokens_not_before ?? null;
  },
};
