import { type Db, type InternalRole, identityQueries } from '@chorus/db';
import { type ChorusConfig, problems, type RotationOptions, rotateSigningKey } from '@chorus/service-kit';
import type { RotationView, UserView } from './auth.schemas.js';
import { type AuthContext, toUserView } from './auth.service.js';

/** Grants an internal role (idempotent). The user's next access token carries it. */
export async function grantRole(db: Db, userId: string, role: InternalRole): Promise<UserView> {
  const row = await identityQueries.addRole(db, userId, role);
  if (!row) throw problems.notFound('user');
  return toUserView(row);
}

/** Removes an internal role (idempotent). An admin cannot demote themselves, so there is always one left to undo mistakes. */
export async function revokeRole(db: Db, actorId: string, userId: string, role: InternalRole): Promise<UserView> {
  if (role === 'platform_admin' && actorId === userId) {
    throw problems.conflict('cannot_demote_self', 'You cannot remove your own platform_admin role; ask another platform admin.');
  }
  const row = await identityQueries.removeRole(db, userId, role);
  if (!row) throw problems.notFound('user');
  return toUserView(row);
}

/** Why rotation is refused while the key comes from the configuration; the CLI says the same. */
export const CONFIGURED_KEY_MESSAGE = 'The signing key comes from CHORUS_JWT_PRIVATE_KEY: rotate it by configuring a new key there.';

/**
 * Makes a new key the signer and retires the others, which keep verifying for one access-token lifetime.
 * This instance signs with the new key at once; others within `keyCacheTtlMs`.
 */
export async function rotateKeys(ctx: Pick<AuthContext, 'db' | 'auth' | 'tokens'>): Promise<RotationView> {
  const view = await rotate(ctx.db, ctx.auth);
  ctx.tokens.reset();
  return view;
}

/** The rotation itself, shared by the route and the CLI. */
export async function rotate(db: Db, auth: ChorusConfig['auth'], options: RotationOptions = {}): Promise<RotationView> {
  if (auth.signingKeyPem) throw problems.conflict('signing_key_configured', CONFIGURED_KEY_MESSAGE);
  const rotation = await rotateSigningKey(db, auth.keyEncryptionKey, options);
  const overlapMs = auth.accessTokenTtlSeconds * 1000;
  return {
    kid: rotation.kid,
    retired: rotation.retired.map((r) => ({
      kid: r.kid,
      retired_at: r.retiredAt.toISOString(),
      verifies_until: new Date(r.retiredAt.getTime() + overlapMs).toISOString(),
    })),
  };
}
