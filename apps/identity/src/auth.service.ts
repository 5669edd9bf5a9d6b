import { type Db, type InternalRole, type UserWrite, identityQueries, keysQueries, uuidv7 } from '@chorus/db';
import { type ChorusConfig, type FieldError, hashSecret, problems } from '@chorus/service-kit';
import { type AccessTokens, USER_SCOPE } from './access-tokens.js';
import type { Jwks, LoginInput, RefreshInput, SignupInput, SignupResponse, TokenResponse, UserView } from './auth.schemas.js';
import { isCountryCode } from './countries.js';
import { handleCandidates } from './handles.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { newRefreshToken } from './secrets.js';

/** What the account and session rules use. */
export interface AuthContext {
  db: Db;
  auth: ChorusConfig['auth'];
  tokens: AccessTokens;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof identityQueries.userById>>>;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    handle: row.handle,
    display_name: row.display_name,
    country: row.country,
    birth_year: row.birth_year,
    gender: row.gender as UserView['gender'],
    listens_public: row.listens_public,
    roles: row.roles,
    created_at: row.created_at.toISOString(),
  };
}

/** The checks a schema cannot make, on the fields given: an assigned country code, a birth year not in the future. */
export function profileFieldErrors(input: { country?: string; birth_year?: number | null }, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (input.country !== undefined && !isCountryCode(input.country)) {
    errors.push({ pointer: '/country', detail: 'must be an assigned ISO 3166-1 alpha-2 country code', in: 'body' });
  }
  if (typeof input.birth_year === 'number' && input.birth_year > now.getUTCFullYear()) {
    errors.push({ pointer: '/birth_year', detail: 'must not be in the future', in: 'body' });
  }
  return errors;
}

/** The row a write produced, or the problem its collision answers. */
export function writtenUser(write: UserWrite): UserRow {
  if (write.kind === 'ok') return write.row;
  if (write.kind === 'email_taken') throw problems.conflict('email_taken', 'An account with this email already exists.');
  if (write.kind === 'handle_taken') throw problems.conflict('handle_taken', 'This handle is taken; choose another.');
  throw problems.notFound('user');
}

/**
 * Creates a listener account with no internal role (those are granted by an operator or a platform admin) and
 * signs it in. A chosen handle that is taken answers 409; without one, the display name's stem is tried, then
 * the stem with random suffixes.
 */
export async function signup(ctx: AuthContext, input: SignupInput): Promise<SignupResponse> {
  const errors = profileFieldErrors(input);
  if (errors.length) throw problems.validation(errors, 'The request body is not valid.');
  const account = {
    id: uuidv7(),
    email: input.email,
    password_hash: await hashPassword(input.password),
    display_name: input.display_name.trim(),
    country: input.country,
    birth_year: input.birth_year ?? null,
    gender: input.gender ?? null,
    roles: [],
  };
  let write: UserWrite = { kind: 'handle_taken' };
  for (const handle of input.handle ? [input.handle] : handleCandidates(account.display_name)) {
    write = await identityQueries.insertUser(ctx.db, { ...account, handle });
    if (write.kind !== 'handle_taken') break;
  }
  const user = writtenUser(write);
  const tokens = await issueTokens(ctx, ctx.db, user.id, user.roles, uuidv7());
  return { ...tokens, user: toUserView(user) };
}

/** The account the email and password belong to, or the 401 problem (used by log-in and the OAuth sign-in page). */
export async function checkCredentials(db: Db, input: LoginInput): Promise<{ id: string; roles: InternalRole[] }> {
  const user = await identityQueries.credentialsByEmail(db, input.email);
  // An unknown email costs one scrypt too, so timing does not tell which emails have accounts.
  const ok = user ? await verifyPassword(input.password, user.password_hash) : await verifyAgainstDummy(input.password);
  if (!user || !ok) throw problems.unauthorized('The email or password is not correct.', 'invalid_credentials');
  return { id: user.id, roles: user.roles };
}

/** Checks the password and opens a new refresh-token family. */
export async function login(ctx: AuthContext, input: LoginInput): Promise<TokenResponse> {
  const user = await checkCredentials(ctx.db, input);
  return issueTokens(ctx, ctx.db, user.id, user.roles, uuidv7());
}

type RefreshOutcome = { kind: 'ok'; tokens: TokenResponse } | { kind: 'reused' } | { kind: 'invalid' };

/**
 * Rotates a refresh token: the presented one is spent and a new one joins its family. A spent token presented
 * again means it leaked (or two clients raced): the whole family is revoked, the legitimate newest token too.
 */
export async function refresh(ctx: AuthContext, input: RefreshInput): Promise<TokenResponse> {
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<RefreshOutcome> => {
    const row = await identityQueries.refreshTokenForUpdate(trx, hashSecret(input.refresh_token));
    if (!row) return { kind: 'invalid' };
    // A spent token is reported as reused even once its family is revoked: a replay is a replay.
    if (row.used_at) {
      await identityQueries.revokeRefreshFamily(trx, row.family_id);
      return { kind: 'reused' };
    }
    if (row.revoked_at || row.expires_at.getTime() <= Date.now()) return { kind: 'invalid' };
    // A revocation racing this family's last rotation can miss the token that rotation inserted; the family check catches it.
    if (await identityQueries.refreshFamilyRevoked(trx, row.family_id)) {
      await identityQueries.revokeRefreshFamily(trx, row.family_id);
      return { kind: 'invalid' };
    }
    const user = await identityQueries.userById(trx, row.user_id);
    if (!user) return { kind: 'invalid' };
    await identityQueries.markRefreshTokenUsed(trx, row.id);
    return { kind: 'ok', tokens: await issueTokens(ctx, trx, user.id, user.roles, row.family_id) };
  });
  // Thrown only after commit, so the family's revocation sticks.
  if (outcome.kind === 'reused') {
    throw problems.unauthorized('This refresh token was already used; every session it belonged to is now signed out.', 'refresh_token_reused');
  }
  if (outcome.kind === 'invalid') throw problems.unauthorized('The refresh token is not valid, has expired or was revoked.', 'invalid_grant');
  return outcome.tokens;
}

/** Revokes the token's family; an unknown token is not an error, so log-out reveals nothing. */
export async function logout(db: Db, input: RefreshInput): Promise<void> {
  const row = await identityQueries.refreshTokenFamily(db, hashSecret(input.refresh_token));
  if (row) await identityQueries.revokeRefreshFamily(db, row.family_id);
}

export async function getUser(db: Db, userId: string): Promise<UserView> {
  const row = await identityQueries.userById(db, userId);
  if (!row) throw problems.notFound('user');
  return toUserView(row);
}

/** The public halves of the keys that may still verify a token: active ones, and retired ones during their overlap. */
export async function publicJwks(db: Db, auth: ChorusConfig['auth']): Promise<Jwks> {
  const rows = await keysQueries.publishedKeys(db, auth.accessTokenTtlSeconds);
  return { keys: rows.map((row) => row.public_jwk as Jwks['keys'][number]) };
}

async function issueTokens(ctx: AuthContext, db: Db, userId: string, roles: readonly InternalRole[], familyId: string): Promise<TokenResponse> {
  const refreshToken = newRefreshToken();
  await identityQueries.insertRefreshToken(db, {
    id: uuidv7(),
    user_id: userId,
    family_id: familyId,
    token_hash: hashSecret(refreshToken),
    expires_at: new Date(Date.now() + ctx.auth.refreshTokenTtlSeconds * 1000),
  });
  return {
    access_token: await ctx.tokens.issue(userId, roles),
    token_type: 'Bearer',
    expires_in: ctx.tokens.ttlSeconds,
    refresh_token: refreshToken,
    scope: USER_SCOPE,
  };
}
