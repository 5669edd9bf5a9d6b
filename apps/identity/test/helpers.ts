import type { ServiceDeps } from '@chorus/service-kit';
import { type Asserter, type Teardown, type TestUser, createTestApp, createUser } from '@chorus/service-kit/testing';
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
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
  await deps.db.updateTable('users').set({ password_hash: await hashPassword(PASSWORD) }).where('id', '=', user.id).execute();
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
    deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
  const roles = await deps.db.selectFrom('users').select(['id', 'roles']).orderBy('id').execute();
  return { users: await count('users'), refresh: await count('refresh_tokens'), personal: await count('personal_tokens'), roles };
}

/** tap's Test as service-kit's Asserter, whose `test` callback returns Promise<void> | void where tap's returns any. */
export function asserter(t: Test): Asserter {
  return t as unknown as Asserter;
}
