import { type Db, identityQueries, uuidv7 } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import { PERSONAL_TOKEN_PREFIX, PERSONAL_TOKEN_SHOWN, hashSecret, newPersonalToken } from './secrets.js';
import type { CreatedToken, CreateTokenInput, TokenPage } from './tokens.schemas.js';

export const MAX_ACTIVE_TOKENS = 50;
const LAST_USED_PRECISION_MS = 60_000;

/** Creates a personal token; the secret is returned here only and stored as its hash. */
export async function createPersonalToken(db: Db, userId: string, input: CreateTokenInput): Promise<CreatedToken> {
  const token = newPersonalToken();
  const row = await db.transaction().execute(async (trx) => {
    // The user's row lock makes the count and the insert one step, so concurrent creations cannot pass the cap.
    if (!(await identityQueries.lockUser(trx, userId))) throw problems.notFound('user');
    if ((await identityQueries.countActivePersonalTokens(trx, userId)) >= MAX_ACTIVE_TOKENS) {
      throw problems.conflict('too_many_tokens', `You can have at most ${MAX_ACTIVE_TOKENS} active tokens; delete one first.`);
    }
    return identityQueries.insertPersonalToken(trx, {
      id: uuidv7(),
      user_id: userId,
      name: input.name.trim(),
      token_hash: hashSecret(token),
      prefix: token.slice(0, PERSONAL_TOKEN_SHOWN),
    });
  });
  return { id: row.id, name: row.name, prefix: row.prefix, token, created_at: row.created_at.toISOString() };
}

/** The caller's active tokens, newest first; at most MAX_ACTIVE_TOKENS, so one page. */
export async function listPersonalTokens(db: Db, userId: string): Promise<TokenPage> {
  const rows = await identityQueries.listPersonalTokens(db, userId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      created_at: row.created_at.toISOString(),
      last_used_at: row.last_used_at?.toISOString() ?? null,
    })),
    next_cursor: null,
  };
}

/** Revokes one of the caller's tokens; another user's token answers 404, as if it did not exist. */
export async function deletePersonalToken(db: Db, userId: string, tokenId: string): Promise<void> {
  if (!(await identityQueries.revokePersonalToken(db, userId, tokenId))) throw problems.notFound('token');
}

export interface PersonalTokenCaller {
  userId: string;
  tokenId: string;
  displayName: string;
}

const TOKEN_SHAPE = new RegExp(`^${PERSONAL_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * The caller of a ListenBrainz-compatible route, from `Authorization: Token <token>`; null when the header is
 * missing or the token is unknown or revoked.
 */
export async function authenticatePersonalToken(db: Db, authorizationHeader: string | undefined): Promise<PersonalTokenCaller | null> {
  const match = /^token\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
  const token = match?.[1];
  // Anything not shaped like our tokens is refused without a database round trip.
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const row = await identityQueries.activePersonalToken(db, hashSecret(token));
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() >= LAST_USED_PRECISION_MS) {
    await identityQueries.touchPersonalToken(db, row.id);
  }
  return { userId: row.user_id, tokenId: row.id, displayName: row.display_name };
}
