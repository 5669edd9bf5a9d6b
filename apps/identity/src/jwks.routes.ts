import { errorResponses, type RoutePlugin } from '@chorus/service-kit';
import { JwksSchema } from './auth.schemas.js';
import type { AuthContext } from './auth.service.js';
import { publicJwks } from './auth.service.js';

/** The public signing keys, for anyone verifying Chorus access tokens. */
export const jwksRoutes: RoutePlugin<Pick<AuthContext, 'db' | 'auth' | 'tokens'>> = async (app, ctx) => {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['identity'],
        summary: 'Public keys that verify access tokens (JWKS)',
        description:
          'The active signing key, and keys retired less than one access-token lifetime ago (tokens they signed are still valid). Refetch on an unknown `kid`: after a rotation new tokens name the new key.',
        security: [],
        response: { 200: JwksSchema, ...errorResponses() },
      },
    },
    async (_request, reply) => {
      // Loading the signer first creates the key on a fresh installation, so the set is never empty.
      // (Not at boot: the app is also built offline, e.g. to generate the OpenAPI document.)
      await ctx.tokens.ready();
      const jwks = await publicJwks(ctx.db, ctx.auth);
      return reply.header('cache-control', 'public, max-age=300').send(jwks);
    },
  );
};
