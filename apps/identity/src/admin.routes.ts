import { access, errorResponses, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { grantRole, revokeRole, rotateKeys } from './admin.service.js';
import { RoleParams, RotationSchema, UserSchema } from './auth.schemas.js';
import type { AuthContext } from './auth.service.js';

const tags = ['identity'];

/** Internal roles, granted and removed by platform admins, and signing-key rotation. */
export const adminRoutes: RoutePlugin<AuthContext> = async (app, ctx) => {
  const { db } = ctx;
  app.put(
    '/v1/admin/users/:id/roles/:role',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      schema: {
        tags,
        summary: 'Grant an internal role',
        description:
          'Platform admins only. Idempotent. Routes that need the role read it fresh, so it counts at once; the user’s next access token (at log-in or refresh) carries it too.',
        params: RoleParams,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => grantRole(db, request.params.id, request.params.role),
  );

  app.delete(
    '/v1/admin/users/:id/roles/:role',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      schema: {
        tags,
        summary: 'Remove an internal role',
        description:
          'Platform admins only. Idempotent; takes effect at once on routes that need the role, even for access tokens that still claim it. You cannot remove your own platform_admin role.',
        params: RoleParams,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => revokeRole(db, requirePrincipal(request).userId, request.params.id, request.params.role),
  );

  app.post(
    '/v1/admin/signing-keys/rotate',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      schema: {
        tags,
        summary: 'Rotate the access-token signing key',
        description:
          'Platform admins only. A new key becomes the signer; the previous one is retired but stays published in the JWKS, and keeps verifying the tokens it signed, for one access-token lifetime. Other identity instances switch to the new key within a minute (they re-read the active key). Answers 409 `signing_key_configured` when the key comes from CHORUS_JWT_PRIVATE_KEY.',
        response: { 200: RotationSchema, ...errorResponses(401, 403, 409) },
      },
    },
    async () => rotateKeys(ctx),
  );
};
