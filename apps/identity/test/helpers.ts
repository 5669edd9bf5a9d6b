import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { ServiceDeps } from '@chorus/service-kit';
import { type Asserter, type Teardown, type TestUser, createTestApp, createUser } from '@chorus/service-kit/testing';
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { USER_SCOPE } from '../src/access-tokens.js';
import { identityService } from '../src/index.js';
import { hashPassword } from '../src/passwords.js';

export const PASSWORD = 'correct horse battery staple';

/** The identity service alone over its own schema and Redis namespace; rate limits off unless env turns them on. */
export function identityApp(t: Teardown, env: Record<string, string> = {}) {
  return createTestApp(t, [identityService], { env: { CHORUS_RATE_LIMITS: 'off', ...env } });
}

/** A user inserted directly (no sign-up round trip) whose password is PASSWORD. */
export async function userWithPassword(deps: ServiceDeps, fields: Parameters<typeof createUser>[1] = {}): Promise<TestUser> {
  const user = await createUser(deps, fields);
  await deps.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(PASSWORD) })
    .where('id', '=', user.id)
    .execute();
  return user;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD) {
  return app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
}

export function refresh(app: FastifyInstance, refreshToken: string) {
  return app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refresh_token: refreshToken } });
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** The payload of a JWT, unverified: for asserting on claims. */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** Counts of every table identity writes, to prove refused requests wrote nothing. */
export async function counts(deps: ServiceDeps) {
  const count = (table: 'users' | 'refresh_tokens' | 'personal_tokens') =>
    deps.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const roles = await deps.db.selectFrom('users').select(['id', 'roles']).orderBy('id').execute();
  return { users: await count('users'), refresh: await count('refresh_tokens'), personal: await count('personal_tokens'), roles };
}

/** tap's Test as service-kit's Asserter, whose `test` callback returns Promise<void> | void where tap's returns any. */
export function asserter(t: Test): Asserter {
  return t as unknown as Asserter;
}

export const ADMIN_ROUTE = (userId: string, role = 'product_analyst') => `/v1/admin/users/${userId}/roles/${role}`;

/** Signs up through the API (rate limits permitting) with sensible defaults. */
export function signupVia(app: FastifyInstance, fields: Record<string, unknown> = {}) {
  const payload = { email: `s-${randomUUID()}@example.test`, password: PASSWORD, display_name: 'Someone', country: 'NO', ...fields };
  return app.inject({ method: 'POST', url: '/v1/auth/signup', payload });
}

/** The protected header of a JWT, unverified. */
export function headerOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8'));
}

export interface RawSigner {
  kid: string;
  /** Signs exactly the header and claims given (kid and alg are added), so tests can leave claims out. */
  sign(header: Record<string, unknown>, claims: Record<string, unknown>): string;
}

/**
 * A key of the test's own, published in signing_keys (older than the real one, so it is never chosen to sign),
 * to sign tokens with claims and headers identity would never issue.
 */
export async function rawSigner(app: FastifyInstance, deps: ServiceDeps): Promise<RawSigner> {
  // The real key exists first, so it stays the newest (the signer).
  await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = `test-${randomUUID().slice(0, 8)}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' };
  await deps.db
    .insertInto('signing_keys')
    .values({ kid, alg: 'EdDSA', public_jwk: JSON.stringify(jwk), private_pem: 'held by the test', created_at: new Date('2000-01-01T00:00:00Z') })
    .execute();
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    kid,
    sign(header, claims) {
      const input = `${b64({ alg: 'EdDSA', kid, ...header })}.${b64(claims)}`;
      return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    },
  };
}

/** Claims of a well-formed first-party access token for the user, valid for a minute. */
export function goodClaims(userId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'chorus',
    aud: 'chorus',
    sub: userId,
    client_id: 'chorus',
    scope: USER_SCOPE,
    roles: [],
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
    ...overrides,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
