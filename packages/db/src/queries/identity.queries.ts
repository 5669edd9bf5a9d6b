import { type Selectable, sql } from 'kysely';
import type { Db } from '../connection.js';
import type { InternalRole, UsersTable } from '../tables/identity.tables.js';

const USER_COLUMNS = ['id', 'email', 'handle', 'display_name', 'country', 'birth_year', 'gender', 'listens_public', 'roles', 'created_at'] as const;

/** The newest public playlists a profile shows. */
const PROFILE_PLAYLISTS = 100;

/** True when the error is the handle's unique index refusing a duplicate. */
function isHandleTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'users_handle_key';
}

type UserRow = Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>;

/** A write that may collide: the row, or which unique value was taken. */
export type UserWrite = { kind: 'ok'; row: UserRow } | { kind: 'email_taken' } | { kind: 'handle_taken' } | { kind: 'not_found' };

export interface ProfileChanges {
  display_name?: string;
  handle?: string;
  country?: string;
  birth_year?: number | null;
  gender?: string | null;
  listens_public?: boolean;
}

/** Accounts, refresh-token families and personal API tokens. Tokens are looked up by their SHA-256 only. */
export const identityQueries = {
  /** Inserts a user; emails are unique in any letter case (the index is on lower(email)), handles are unique too. */
  insertUser: async (
    db: Db,
    row: {
      id: string;
      email: string;
      handle: string;
      password_hash: string;
      display_name: string;
      country: string;
      birth_year: number | null;
      gender: string | null;
      roles: InternalRole[];
    },
  ): Promise<UserWrite> => {
    try {
      const inserted = await db
        .insertInto('users')
        .values(row)
        .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
        .returning(USER_COLUMNS)
        .executeTakeFirst();
      return inserted ? { kind: 'ok', row: inserted } : { kind: 'email_taken' };
    } catch (error) {
      if (isHandleTaken(error)) return { kind: 'handle_taken' };
      throw error;
    }
  },

  userById: (db: Db, id: string) => db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst(),

  /** Changes the fields given of one's own profile. */
  updateProfile: async (db: Db, id: string, changes: ProfileChanges): Promise<UserWrite> => {
    try {
      const row = await db
        .updateTable('users')
        .set({ ...changes, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .returning(USER_COLUMNS)
        .executeTakeFirst();
      return row ? { kind: 'ok', row } : { kind: 'not_found' };
    } catch (error) {
      if (isHandleTaken(error)) return { kind: 'handle_taken' };
      throw error;
    }
  },

  /** The caller's current internal roles, by primary key; none for a deleted account. */
  rolesOf: (db: Db, id: string) =>
    db
      .selectFrom('users')
      .select('roles')
      .where('id', '=', id)
      .executeTakeFirst()
      .then((row): InternalRole[] => row?.roles ?? []),

  /** An account by email, matched case-insensitively on the index. */
  userByEmail: (db: Db, email: string) =>
    db.selectFrom('users').select(USER_COLUMNS).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst(),

  /** Everyone holding an internal role, by email. */
  usersWithRoles: (db: Db) =>
    db.selectFrom('users').select(['email', 'roles']).where(sql<number>`cardinality(roles)`, '>', 0).orderBy(sql`lower(email)`).execute(),

  /** What anyone may see of a person: their names, whether their listens are public, and their public playlists. */
  publicProfile: async (db: Db, handle: string) => {
    const user = await db.selectFrom('users').select(['id', 'handle', 'display_name', 'listens_public']).where('handle', '=', handle).executeTakeFirst();
    if (!user) return undefined;
    const playlists = await db
      .selectFrom('playlists')
      .select(['id', 'name', 'item_count'])
      .where('owner_id', '=', user.id)
      .where('visibility', '=', 'public')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(PROFILE_PLAYLISTS)
      .execute();
    return { handle: user.handle, display_name: user.display_name, listens_public: user.listens_public, playlists };
  },

  /** The account and its password hash, for log-in; matched case-insensitively, on the index. */
  credentialsByEmail: (db: Db, email: string) =>
    db.selectFrom('users').select(['id', 'password_hash', 'roles']).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst(),

  /** Adds an internal role once, keeping the array sorted so it reads the same however it was granted. */
  addRole: (db: Db, userId: string, role: InternalRole) =>
    db
      .updateTable('users')
      .set({
        roles: sql<InternalRole[]>`ARRAY(SELECT DISTINCT r FROM unnest(roles || ARRAY[${role}::text]) AS r ORDER BY r)`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .returning(USER_COLUMNS)
      .executeTakeFirst(),

  removeRole: (db: Db, userId: string, role: InternalRole) =>
    db
      .updateTable('users')
      .set({ roles: sql<InternalRole[]>`array_remove(roles, ${role}::text)`, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .returning(USER_COLUMNS)
      .executeTakeFirst(),

  insertRefreshToken: (db: Db, row: { id: string; user_id: string; family_id: string; token_hash: string; expires_at: Date }) =>
    db.insertInto('refresh_tokens').values(row).execute(),

  /** Locks the token's row: two refreshes racing with one token are serialised, and the second sees it used. */
  refreshTokenForUpdate: (db: Db, tokenHash: string) =>
    db
      .selectFrom('refresh_tokens')
      .select(['id', 'user_id', 'family_id', 'expires_at', 'used_at', 'revoked_at'])
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst(),

  refreshTokenFamily: (db: Db, tokenHash: string) =>
    db.selectFrom('refresh_tokens').select(['family_id']).where('token_hash', '=', tokenHash).executeTakeFirst(),

  /** True once any token of the family was revoked: a revoked family never issues again. */
  refreshFamilyRevoked: (db: Db, familyId: string) =>
    db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is not', null)
      .limit(1)
      .executeTakeFirst()
      .then((row) => row !== undefined),

  markRefreshTokenUsed: (db: Db, id: string) => db.updateTable('refresh_tokens').set({ used_at: sql<Date>`now()` }).where('id', '=', id).execute(),

  /** Revokes every token of a family, the newest included. */
  revokeRefreshFamily: (db: Db, familyId: string) =>
    db.updateTable('refresh_tokens').set({ revoked_at: sql<Date>`now()` }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute(),

  /** Locks the user's row so concurrent token creations count one after another; undefined when the user is gone. */
  lockUser: (db: Db, userId: string) => db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst(),

  countActivePersonalTokens: (db: Db, userId: string) =>
    db
      .selectFrom('personal_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n)),

  insertPersonalToken: (db: Db, row: { id: string; user_id: string; name: string; token_hash: string; prefix: string; scopes: string[] }) =>
    db.insertInto('personal_tokens').values(row).returning(['id', 'name', 'prefix', 'scopes', 'created_at']).executeTakeFirstOrThrow(),

  listPersonalTokens: (db: Db, userId: string) =>
    db
      .selectFrom('personal_tokens')
      .select(['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Revokes one of the user's own tokens; false when it is not theirs, unknown or already revoked. */
  revokePersonalToken: (db: Db, userId: string, id: string) =>
    db
      .updateTable('personal_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
      .then((row) => row !== undefined),

  activePersonalToken: (db: Db, tokenHash: string) =>
    db
      .selectFrom('personal_tokens')
      .innerJoin('users', 'users.id', 'personal_tokens.user_id')
      .select(['personal_tokens.id', 'personal_tokens.user_id', 'personal_tokens.scopes', 'personal_tokens.last_used_at', 'users.display_name'])
      .where('personal_tokens.token_hash', '=', tokenHash)
      .where('personal_tokens.revoked_at', 'is', null)
      .executeTakeFirst(),

  /** Stamps last use at most once a minute: the condition stops every request of a busy scrobbler from writing. */
  touchPersonalToken: (db: Db, id: string) =>
    db
      .updateTable('personal_tokens')
      .set({ last_used_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
      .execute(),
};
