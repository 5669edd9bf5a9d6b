import { createHash } from 'node:crypto';
import { type Db, identityQueries } from '@chorus/db';

/** Personal API tokens start with this, then 43 URL-safe characters (256 random bits). */
export const PERSONAL_TOKEN_PREFIX = 'chorus_pat_';
/** The client id of requests made with a personal token (tokens of partner apps carry theirs, sign-in `chorus`). */
export const PERSONAL_TOKEN_CLIENT_ID = 'personal-token';

const TOKEN_SHAPE = new RegExp(`^${PERSONAL_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);
const LAST_USED_PRECISION_MS = 60_000;

/** The only form in which tokens are stored: SHA-256, hex (the secret is 256 random bits, so no salt or slow hash). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface PersonalTokenCaller {
  userId: string;
  tokenId: string;
  displayName: string;
  scopes: ReadonlySet<string>;
}

/** The token of an `Authorization: Token <token>` header, when it has the shape of one (no database read otherwise). */
export function personalTokenOf(authorizationHeader: string | undefined): string | undefined {
  if (!authorizationHeader || authorizationHeader.length > 200) return undefined;
  const match = /^token\s+(\S+)\s*$/i.exec(authorizationHeader);
  const token = match?.[1];
  return token && TOKEN_SHAPE.test(token) ? token : undefined;
}

/**
 * The caller behind `Authorization: Token <token>`; null when the header is missing or the token is unknown or
 * revoked. Its last use is stamped at most once a minute.
 */
export async function authenticatePersonalToken(db: Db, authorizationHeader: string | undefined): Promise<PersonalTokenCaller | null> {
  const token = personalTokenOf(authorizationHeader);
  if (!token) return null;
  const row = await identityQueries.activePersonalToken(db, hashSecret(token));
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() >= LAST_USED_PRECISION_MS) {
    await identityQueries.touchPersonalToken(db, row.id);
  }
  return { userId: row.user_id, tokenId: row.id, displayName: row.display_name, scopes: new Set(row.scopes) };
}
