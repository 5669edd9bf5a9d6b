import type { ColumnType, Generated } from 'kysely';
import type { ClientType, DeviceClass, GrantType, PartnerKind, PartnerRole, ReviewAction, ReviewState } from '../app-registry.js';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PartnersTable {
  id: string;
  name: string;
  kind: PartnerKind;
  website_url: string;
  /** Set by a platform admin once the organisation is known to be who it says. */
  verified_at: NullableStamp;
  verified_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PartnerMembersTable {
  partner_id: string;
  user_id: string;
  role: PartnerRole;
  created_at: Generated<Date>;
}

export interface PartnerInvitationsTable {
  id: string;
  partner_id: string;
  user_id: string;
  role: PartnerRole;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Stamp;
}

export interface PartnerAppsTable {
  id: string;
  partner_id: string;
  /** `chorus_` + 22 URL-safe characters; what tokens carry as `client_id`. */
  client_id: string;
  name: string;
  description: string | null;
  logo_url: string | null;
  client_type: ClientType;
  /** Exact strings; the authorization server compares them exactly (loopback ports aside, RFC 8252 §7.3). */
  redirect_uris: string[];
  grant_types: GrantType[];
  scopes: string[];
  device_class: DeviceClass | null;
  review_state: Generated<ReviewState>;
  review_requested_at: NullableStamp;
  reviewed_at: NullableStamp;
  reviewed_by: string | null;
  review_note: string | null;
  /** SHA-256 of the current client secret (confidential clients only). */
  secret_hash: Buffer | null;
  /** The secret's first characters, shown so people can tell secrets apart. */
  secret_hint: string | null;
  secret_created_at: NullableStamp;
  /** The secret before the last rotation, valid until previous_secret_expires_at. */
  previous_secret_hash: Buffer | null;
  previous_secret_expires_at: NullableStamp;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PartnerAppAllowedUsersTable {
  app_id: string;
  user_id: string;
  added_by: string | null;
  created_at: Generated<Date>;
}

export interface PartnerAppReviewsTable {
  id: string;
  app_id: string;
  action: ReviewAction;
  note: string | null;
  actor_id: string | null;
  /** The approval also verified the partner. */
  verified_partner: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface AppUsageDailyTable {
  app_id: string;
  /** A UTC day, 'YYYY-MM-DD'. */
  day: string;
  /** The first path segment after /v1 (`listens`, `playlists`), `listenbrainz` for /1, else `other`. */
  route_group: string;
  requests: Generated<number>;
  errors: Generated<number>;
  rate_limited: Generated<number>;
}

export interface PartnersTables {
  partners: PartnersTable;
  partner_members: PartnerMembersTable;
  partner_invitations: PartnerInvitationsTable;
  partner_apps: PartnerAppsTable;
  partner_app_allowed_users: PartnerAppAllowedUsersTable;
  partner_app_reviews: PartnerAppReviewsTable;
  app_usage_daily: AppUsageDailyTable;
}
