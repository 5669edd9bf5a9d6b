import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type InternalRole = 'product_analyst' | 'platform_admin';

export interface UsersTable {
  id: string;
  email: string;
  /** Lower-case, URL-safe, unique: `^[a-z0-9][a-z0-9_-]{1,31}$`. */
  handle: Generated<string>;
  /** Whether others may read this person's listening history (the ListenBrainz read API). */
  listens_public: Generated<boolean>;
  password_hash: string;
  display_name: string;
  country: string;
  birth_year: number | null;
  gender: string | null;
  roles: ColumnType<InternalRole[], InternalRole[] | undefined, InternalRole[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** A dense number for the user, used only inside compact listener sets (track_day_sets). */
  ordinal: Generated<number>;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface PersonalTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** The first characters of the token, shown in lists so a user can tell tokens apart. */
  prefix: string;
  /** What the token may do, chosen at creation (user-level scopes only). */
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  private_pem: string;
  created_at: Generated<Date>;
  retired_at: Timestamp | null;
}

export interface IdentityTables {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  personal_tokens: PersonalTokensTable;
  signing_keys: SigningKeysTable;
}
