import { type Db, identityQueries, uuidv7 } from '@chorus/db';
import { DEFAULT_PERSONAL_TOKEN_SCOPES, hashSecret, problems } from '@chorus/service-kit';
import { PERSONAL_TOKEN_SHOWN, newPersonalToken } from './secrets.js';
import type { CreatedToken, CreateTokenInput, TokenPage } from './tokens.schemas.js';

export const MAX_ACTIVE_TOKENS = 50;

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
      scopes: [...new Set(input.scopes ?? DEFAULT_PERSONAL_TOKEN_SCOPES)].sort(),
    });
  });
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, token, created_at: row.created_at.toISOString() };
}

/** The caller's active tokens, newest first; at most MAX_ACTIVE_TOKENS, so one page. */
export async function listPersonalTokens(db: Db, userId: string): Promise<TokenPage> {
  const rows = await identityQueries.listPersonalTokens(db, userId);
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes,
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
