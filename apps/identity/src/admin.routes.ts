import type { Db } from '@chorus/db';
import { Uuid, bearerSecurity, errorResponses, guard, requirePrincipal } from '@chorus/service-kit';
import { Type } from 'typebox';
import { grantRole, revokeRole } from './admin.service.js';
import { InternalRoleSchema, UserSchema } from './auth.schemas.js';
import type { TypedApp as IdentityApp } from '@chorus/service-kit';

const RoleParams = Type.Object({ id: Uuid, role: InternalRoleSchema }, { additionalProperties: false });
const adminOnly = guard({ roles: ['platform_admin'] });
const tags = ['identity'];

/** Internal roles, granted and removed by platform admins. */
export function adminRoutes(app: IdentityApp, db: Db): void {
  app.put(
    '/v1/admin/users/:id/roles/:role',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Grant an internal role',
        description: 'Platform admins only. Idempotent; the user’s next access token (at log-in or refresh) carries the role.',
        security: bearerSecurity(),
        params: RoleParams,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => grantRole(db, request.params.id, request.params.role),
  );

  app.delete(
    '/v1/admin/users/:id/roles/:role',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Remove an internal role',
        description: 'Platform admins only. Idempotent. You cannot remove your own platform_admin role.',
        security: bearerSecurity(),
        params: RoleParams,
        response: { 200: UserSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => revokeRole(db, requirePrincipal(request).userId, request.params.id, request.params.role),
  );
}
