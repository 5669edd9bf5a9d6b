import { errorResponses } from '@chorus/service-kit';
import { JwksSchema } from './auth.schemas.js';
import type { AuthContext } from './auth.service.js';
import { publicJwks } from './auth.service.js';
import type { TypedApp as IdentityApp } from '@chorus/service-kit';

/** The public signing keys, for anyone verifying Chorus access tokens. */
export function jwksRoutes(app: IdentityApp, ctx: Pick<AuthContext, 'db' | 'tokens'>): void {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['identity'],
        summary: 'Public keys that verify access tokens (JWKS)',
        security: [],
        response: { 200: JwksSchema, ...errorResponses() },
      },
    },
    async (_request, reply) => {
      // Loading the signer first creates the key on a fresh installation, so the set is never empty.
      // (Not at boot: the app is also built offline, e.g. to generate the OpenAPI document.)
      await ctx.tokens.ready();
      const jwks = await publicJwks(ctx.db);
      return reply.header('cache-control', 'public, max-age=300').send(jwks);
    },
  );
}
