import { createPublicKey, type JsonWebKey } from 'node:crypto';
import fastifyJwt, { type TokenOrHeader } from '@fastify/jwt';
import { type Db, type InternalRole, identityQueries, isPartnerClientId, isUuid, keysQueries, oauthQueries } from '@chorus/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { problems } from './errors.js';
import { authenticatePersonalToken, PERSONAL_TOKEN_CLIENT_ID } from './personal-tokens.js';

/** The web app's session cookie: an access token, httpOnly and SameSite=Strict (identity's session routes set it). */
export const SESSION_COOKIE = 'chorus_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const COOKIE_VALUE = /^[A-Za-z0-9._~-]{1,4096}$/;

/** Reading the browser-session cookies, and the same-origin rule that guards them. */
export const sessionCookies = {
  /** A cookie's value, or undefined; values that cannot be a token are ignored. Linear scan, bounded header. */
  read(request: FastifyRequest, name: string): string | undefined {
    const header = request.headers.cookie;
    if (typeof header !== 'string' || header.length > 16_384) return undefined;
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
      const value = part.slice(eq + 1).trim();
      return COOKIE_VALUE.test(value) ? value : undefined;
    }
    return undefined;
  },
  /**
   * Whether a request comes from a page of this origin: the browser's `Sec-Fetch-Site`, else its `Origin` against
   * the Host. SameSite=Strict already keeps other sites' requests from carrying the cookie; this is the second lock.
   */
  sameOrigin(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') return site === 'same-origin' || site === 'none';
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return false;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  },
};

export const SIGNING_ALG = 'EdDSA';
/** The JWT `typ` of access tokens (RFC 9068); verification refuses any other. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Who is calling, from a verified access token. */
export interface Principal {
  userId: string;
  /** The OAuth client the token was issued to (`chorus` for first-party sign-in). */
  clientId: string;
  scopes: ReadonlySet<string>;
  /** From the token, except on routes guarded by roles, where they are read fresh from the database. */
  roles: readonly InternalRole[];
}

/** What an access token carries beyond the registered claims. */
export interface AccessClaims {
  sub: string;
  client_id: string;
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
  interface FastifyInstance {
    /** Which partner-app access tokens a listener revoked (disconnecting the app); see ConnectionRevocations. */
    connectionRevocations: ConnectionRevocations;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** Why a presented token was refused, answered only on routes that need one. */
    authFailure: string | null;
  }
}

export interface KeyStoreOptions {
  /** A retired key verifies for this long after its retirement: the access-token lifetime. */
  accessTokenTtlSeconds: number;
  /** How long an entry is trusted before it is read again, so a retirement reaches every instance. */
  keyCacheTtlMs: number;
}

interface CachedKey {
  pem: string;
  /** When the key stops verifying (its retirement plus the overlap); null while it is active. */
  refusedFrom: number | null;
  readAt: number;
}

// Kids not in the cache cost a database read each: at most this many a second, whoever sends them.
const LOOKUPS_PER_SECOND = 5;

/**
 * Public keys by kid, read from the shared table and cached for `keyCacheTtlMs`. A key retired at T verifies
 * until T + the access-token TTL, then never again. Kids not yet cached are looked up at most a few times a second.
 */
export class KeyStore {
  private readonly cache = new Map<string, CachedKey>();
  private readonly reading = new Map<string, Promise<CachedKey>>();
  private lookupWindow = 0;
  private lookups = 0;

  constructor(
    private readonly db: Db,
    private readonly options: KeyStoreOptions,
  ) {}

  async publicPem(kid: string | undefined): Promise<string> {
    if (!kid) throw new Error('token has no kid');
    const now = Date.now();
    let entry = this.cache.get(kid);
    if (!entry || now - entry.readAt >= this.options.keyCacheTtlMs) entry = await this.refresh(kid, entry, now);
    if (entry.refusedFrom !== null && now >= entry.refusedFrom) throw new Error('the key that signed this token is retired');
    return entry.pem;
  }

  /** One read per kid at a time, however many requests are waiting for it. */
  private refresh(kid: string, stale: CachedKey | undefined, now: number): Promise<CachedKey> {
    let pending = this.reading.get(kid);
    if (!pending) {
      pending = this.read(kid, stale, now).finally(() => this.reading.delete(kid));
      this.reading.set(kid, pending);
    }
    return pending;
  }

  private async read(kid: string, stale: CachedKey | undefined, now: number): Promise<CachedKey> {
    if (!stale) {
      if (now - this.lookupWindow >= 1000) {
        this.lookupWindow = now;
        this.lookups = 0;
      }
      // Counted before the read, so a burst of made-up kids cannot all get through at once.
      if (++this.lookups > LOOKUPS_PER_SECOND) throw new Error('unknown kid');
    }
    let row: Awaited<ReturnType<typeof keysQueries.publicKey>>;
    try {
      row = await keysQueries.publicKey(this.db, kid);
    } catch (error) {
      // The database is briefly out of reach: keep what we knew, and try again in a second.
      if (!stale) throw error;
      stale.readAt = now - this.options.keyCacheTtlMs + 1000;
      return stale;
    }
    if (!row) {
      this.cache.delete(kid);
      throw new Error('unknown kid');
    }
    const entry: CachedKey = {
      pem: createPublicKey({ key: row.public_jwk as JsonWebKey, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString(),
      refusedFrom: row.retired_at ? row.retired_at.getTime() + this.options.accessTokenTtlSeconds * 1000 : null,
      readAt: now,
    };
    this.cache.set(kid, entry);
    return entry;
  }
}

/** How long a process trusts what it read about a (person, app) connection's revocation. */
const REVOCATION_CACHE_MS = 5_000;
const REVOCATION_CACHE_ENTRIES = 50_000;

/**
 * When a listener disconnects a partner app, the app's access tokens issued to them before that instant are
 * refused (JWTs cannot be recalled). One primary-key read per person and app every few seconds per process;
 * the process that revokes forgets its entry at once, so there it acts immediately.
 */
export class ConnectionRevocations {
  private readonly cache = new Map<string, { notBefore: number | null; readAt: number }>();

  constructor(private readonly db: Db) {}

  /** True when the token (its `iat`, in seconds) was issued before the person disconnected the app. */
  async revoked(userId: string, clientId: string, issuedAt: number | undefined): Promise<boolean> {
    const key = `${userId} ${clientId}`;
    const now = Date.now();
    let entry = this.cache.get(key);
    if (!entry || now - entry.readAt >= REVOCATION_CACHE_MS) {
      const notBefore = await oauthQueries.tokensNotBefore(this.db, userId, clientId);
      if (this.cache.size >= REVOCATION_CACHE_ENTRIES) this.cache.clear();
      entry = { notBefore: notBefore ? notBefore.getTime() : null, readAt: now };
      this.cache.set(key, entry);
    }
    if (entry.notBefore === null) return false;
    return typeof issuedAt !== 'number' || issuedAt * 1000 < entry.notBefore;
  }

  /** Drops what this process knows of the connection, so its next token is checked against the database. */
  forget(userId: string, clientId: string): void {
    this.cache.delete(`${userId} ${clientId}`);
  }
}

export interface AuthOptions {
  keys: KeyStore;
  issuer: string;
  audience: string;
}

/**
 * Verifies a Bearer token, when one is sent, before anything else runs (rate limits key on the verified caller).
 * Routes then decide with guards whether a principal is required. Following RFC 8725 and RFC 9068, a token must
 * be EdDSA-signed by a published key, typed `at+jwt`, for our audience, from our issuer, and must expire.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { keys, issuer, audience }) => {
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
      // The key is still fetched for every request, so a retired key's tokens stop at once even when remembered.
      verify: {
        algorithms: [SIGNING_ALG],
        allowedIss: issuer,
        allowedAud: audience,
        checkTyp: ACCESS_TOKEN_TYPE,
        requiredClaims: ['exp', 'iss', 'aud', 'sub'],
        cache: 10_000,
      },
    });
    const revocations = new ConnectionRevocations(app.deps.db);
    app.decorate('connectionRevocations', revocations);
    app.decorateRequest('principal', null);
    app.decorateRequest('authFailure', null);
    app.addHook('onRequest', async (request) => {
      let header = request.headers.authorization;
      if (!header) {
        // The web app's session: its cookie stands for a bearer token; a request that changes something must also
        // come from the same origin, or the cookie is not looked at.
        const session = sessionCookies.read(request, SESSION_COOKIE);
        if (!session) return;
        if (!SAFE_METHODS.has(request.method) && !sessionCookies.sameOrigin(request)) {
          request.authFailure = 'A browser session can only be used from the page it belongs to.';
          return;
        }
        header = `Bearer ${session}`;
        request.headers.authorization = header;
      }
      if (/^token\s/i.test(header)) {
        // Routes that authenticate personal tokens themselves (the ListenBrainz-compatible API) read them once, there.
        if (request.routeOptions.config?.access?.auth === 'self') return;
        const caller = await authenticatePersonalToken(app.deps.db, header);
        if (!caller) {
          request.authFailure = 'The personal token is not valid or was revoked.';
          return;
        }
        request.principal = { userId: caller.userId, clientId: PERSONAL_TOKEN_CLIENT_ID, scopes: caller.scopes, roles: [] };
        return;
      }
      if (!/^bearer\s/i.test(header)) return;
      try {
        const claims = await request.jwtVerify<AccessClaims>();
        if (typeof claims.sub !== 'string') throw new Error('no subject');
        // A partner app acting for a person: refused once that person disconnected the app.
        if (isPartnerClientId(claims.client_id) && claims.sub !== claims.client_id && isUuid(claims.sub)) {
          if (await revocations.revoked(claims.sub, claims.client_id, (claims as { iat?: number }).iat)) {
            request.authFailure = 'The access token was revoked: the app was disconnected.';
            return;
          }
        }
        request.principal = {
          userId: claims.sub,
          clientId: typeof claims.client_id === 'string' ? claims.client_id : '',
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

/**
 * The caller's internal roles as the database has them now (one primary-key read), for decisions a revoked role
 * must not outlive; `request.principal` is updated to match. None for an anonymous caller.
 */
export async function freshRoles(request: FastifyRequest): Promise<readonly InternalRole[]> {
  const principal = request.principal;
  if (!principal) return [];
  const roles = await identityQueries.rolesOf(request.server.deps.db, principal.userId);
  request.principal = { ...principal, roles };
  return roles;
}

export type { FastifyInstance };
