import type { ColumnType, Generated } from 'kysely';

type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** One artefact of the authorization server (oidc-provider's models: Grant, RefreshToken, DeviceCode, Session, ...). */
export interface OauthModelsTable {
  model: string;
  id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  account_id: string | null;
  client_id: string | null;
  consumed_at: NullableStamp;
  last_polled_at: NullableStamp;
  expires_at: NullableStamp;
  created_at: Generated<Date>;
}

/** An app a listener connected (approved), what it may do, and whether they disconnected it. */
export interface OauthConnectionsTable {
  user_id: string;
  client_id: string;
  scopes: string[];
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  revoked_at: NullableStamp;
  tokens_not_before: NullableStamp;
}

/** One period of a connection, from approval to disconnection (open while revoked_at is null). */
export interface OauthConnectionPeriodsTable {
  user_id: string;
  client_id: string;
  partner_id: string;
  app_id: string;
  connected_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableStamp;
}

export interface OauthTables {
  oauth_models: OauthModelsTable;
  oauth_connections: OauthConnectionsTable;
  oauth_connection_periods: OauthConnectionPeriodsTable;
}
