import type { RoutePlugin } from '@chorus/service-kit';
import { AccessTokens } from './access-tokens.js';
import { adminRoutes } from './admin.routes.js';
import { authRoutes } from './auth.routes.js';
import { sessionRoutes } from './session.routes.js';
import type { AuthContext } from './auth.service.js';
import { jwksRoutes } from './jwks.routes.js';
import { connectionsRoutes } from './oauth/connections.routes.js';
import { OAuthServer } from './oauth/oauth.provider.js';
import { oauthRoutes } from './oauth/oauth.routes.js';
import { tokensRoutes } from './tokens.routes.js';
import { usersRoutes } from './users.routes.js';

/** Identity's routes over the shared deps; the signing key is loaded on first use and re-read every `keyCacheTtlMs`. */
export const identityPlugin: RoutePlugin = async (app) => {
  const { db, config } = app.deps;
  // One context for the route files, so they share the access-token signer and its key cache.
  const ctx: AuthContext = { db, auth: config.auth, tokens: new AccessTokens(db, config.auth) };
  await app.register(authRoutes, ctx);
  await app.register(sessionRoutes, ctx);
  await app.register(tokensRoutes);
  await app.register(usersRoutes);
  await app.register(adminRoutes, ctx);
  await app.register(jwksRoutes, ctx);
  // The OAuth 2 authorization server for partner apps, signing with the same key as first-party sign-in.
  const server = new OAuthServer({ db, auth: config.auth, tokens: ctx.tokens, trustProxy: config.trustProxy !== false, log: app.log });
  await app.register(oauthRoutes, { server });
  await app.register(connectionsRoutes);
};
