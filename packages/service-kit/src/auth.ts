import { createPublicKey, type JsonWebKey } from 'node:crypto';
import fastifyJwt, { type TokenOrHeader } from '@fastify/jwt';
import { type Db, type InternalRole, keysQueries } from '@chorus/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { problems } from './errors.js';

export const SIGNING_ALG = 'EdDSA';

/** Who is calling, from a verified access token. */
export interface Principal {
  userId: string;
  scopes: ReadonlySet<string>;
  roles: readonly InternalRole[];
}

/** What an access token carries beyond the registered claims. */
export interface AccessClaims {
  sub: string;
  scope: string;
  roles: InternalRole[];
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** Why a presented token was refused, answered only on routes that need one. */
    authFailure: string | null;
  }
}

/** Public keys by kid, read from the shared table and cached; unknown kids are looked up at most once a second. */
export class KeyStore {
  private readonly cache = new Map<string, string>();
  private lastMiss = 0;
  constructor(private readonly db: Db) {}

  async publicPem(kid: string | undefined): Promise<string> {
    if (!kid) throw new Error('token has no kid');
    const hit = this.cache.get(kid);
    if (hit) return hit;
    const now = Date.now();
    if (now - this.lastMiss < 1000) throw new Error('unknown kid');
    const row = await keysQueries.publicKey(this.db, kid);
    if (!row) {
      this.lastMiss = now;
      throw new Error('unknown kid');
    }
    const pem = createPublicKey({ key: row.public_jwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    this.cache.set(kid, pem);
    return pem;
  }
}

export interface AuthOptions {
  keys: KeyStore;
  issuer: string;
}

/**
 * Verifies a Bearer token, when one is sent, before anything else runs (rate limits key on the verified caller).
 * Routes then decide with guards whether a principal is required.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { keys, issuer }) => {
    await app.register(fastifyJwt, {
      secret: {
        public: async (_request: FastifyRequest, tokenOrHeader: TokenOrHeader) => {
          const header = 'header' in tokenOrHeader ? tokenOrHeader.header : tokenOrHeader;
          return keys.publicPem(header.kid);
        },
      },
      // The key fetcher needs the header (kid): decode completely.
      decode: { complete: true },
      // Only the asymmetric algorithm is accepted: no "none", no HMAC confusion with the public key.
      // Verified tokens are remembered (up to their expiry): a signature check per request is most of a small read's cost.
      verify: { algorithms: [SIGNING_ALG], allowedIss: issuer, cache: 10_000 },
    });
    app.decorateRequest('principal', null);
    app.decorateRequest('authFailure', null);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (!header || !/^bearer\s/i.test(header)) return;
      try {
        const claims = await request.jwtVerify<AccessClaims>();
        if (typeof claims.sub !== 'string') throw new Error('no subject');
        request.principal = {
          userId: claims.sub,
          scopes: new Set(typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : []),
          roles: Array.isArray(claims.roles) ? claims.roles : [],
        };
      } catch (error) {
        const code = (error as { code?: string }).code;
        request.authFailure = code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED' ? 'The access token has expired.' : 'The access token is not valid.';
      }
    });
  },
  { name: 'chorus-auth' },
);

/** The caller, or a 401 problem. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal) return request.principal;
  throw problems.unauthorized(request.authFailure ?? 'A valid access token is required.', request.authFailure ? 'invalid_token' : 'unauthorized');
}

export interface GuardOptions {
  /** Every one of these scopes is needed. */
  scopes?: string[];
  /** Any one of these internal roles is enough. */
  roles?: InternalRole[];
}

/**
 * A hook that answers 401 without a valid token and 403 without the scopes or roles. Use it as `onRequest`,
 * so an anonymous caller is refused before the body is even parsed or validated.
 */
export function guard(options: GuardOptions = {}): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const principal = requirePrincipal(request);
    for (const scope of options.scopes ?? []) {
      if (!principal.scopes.has(scope)) throw problems.forbidden(`This needs the "${scope}" scope.`, 'insufficient_scope');
    }
    if (options.roles && !options.roles.some((role) => principal.roles.includes(role))) {
      throw problems.forbidden(`This needs one of the roles: ${options.roles.join(', ')}.`, 'insufficient_role');
    }
  };
}

/** True when the caller holds an internal role. */
export function hasRole(principal: Principal | null, role: InternalRole): boolean {
  return principal?.roles.includes(role) ?? false;
}

export function bearerSecurity() {
  return [{ bearerAuth: [] }];
}

export type { FastifyInstance };
