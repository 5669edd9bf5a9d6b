import type { FastifyInstance } from 'fastify';
import { AccessTokens } from './access-tokens.js';
import { adminRoutes } from './admin.routes.js';
import { authRoutes } from './auth.routes.js';
import type { AuthContext } from './auth.service.js';
import { jwksRoutes } from './jwks.routes.js';
import { tokensRoutes } from './tokens.routes.js';
import type { TypeBoxTypeProvider } from '@chorus/service-kit';

/** Identity's routes over the shared deps; the signing key is loaded once per instance. */
export async function identityPlugin(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;
  const ctx: AuthContext = { db, auth: config.auth, tokens: new AccessTokens(db, config.auth) };
  authRoutes(app, ctx);
  tokensRoutes(app, db);
  adminRoutes(app, db);
  jwksRoutes(app, ctx);
}
