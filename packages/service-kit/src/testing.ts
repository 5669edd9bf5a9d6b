import { randomBytes } from 'node:crypto';
import { type Db, type InternalRole, createDb, uuidv7 } from '@chorus/db';
import { sql } from 'kysely';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ALL_SCOPES } from './access.js';
import { type ChorusConfig, loadConfig } from './config.js';
import type { ServiceDeps } from './deps.js';
import { openRuntime } from './runtime.js';
import { buildApp, type ServiceModule } from './server.js';
import { AccessTokenSigner, FIRST_PARTY_CLIENT_ID, loadSigningKey } from './signing-keys.js';

/** The slice of tap's Test that the helpers need. */
export interface Teardown {
  teardown(fn: () => unknown): void;
}

// Tests read their own two variables; the code under test still reads configuration only through loadConfig.
export const TEST_DATABASE_URL = process.env.CHORUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.CHORUS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A fixed key-encryption key for tests (the production topology refuses to start without one). */
export const TEST_KEY_ENCRYPTION_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export interface TestRuntimeOptions {
  /** Use Redis for queues, pub/sub and rate limits (the production topology); default true. */
  redis?: boolean;
  env?: Record<string, string>;
}

export interface TestRuntime {
  deps: ServiceDeps;
  schema: string;
  databaseUrl: string;
  config: ChorusConfig;
}

let sweptStale = false;

/** Drops test schemas left by runs that died before their teardown (older than an hour). */
async function dropStaleSchemas(admin: Db): Promise<void> {
  if (sweptStale) return;
  sweptStale = true;
  // The birth time is 8+ base-36 digits: a schema like t_db_<hex> (the db package's own tests) is not ours to drop.
  const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_namespace WHERE nspname ~ '^t_[0-9a-z]{8,}_[0-9a-f]{8}$'`.execute(admin);
  const cutoff = Date.now() - 3600_000;
  for (const { name } of rows) {
    const stamp = name.split('_')[1] ?? '';
    const born = Number.parseInt(stamp, 36);
    // Only a real birth time counts (8+ base-36 digits since 2017): a schema named otherwise is never swept.
    if (stamp.length >= 8 && Number.isFinite(born) && born < cutoff) await sql`DROP SCHEMA IF EXISTS ${sql.id(name)} CASCADE`.execute(admin).catch(() => {});
  }
}

/** A fully isolated runtime: its own PostgreSQL schema (migrated), Redis prefix and queue namespace; removed at teardown. */
export async function createTestRuntime(t: Teardown, options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const useRedis = options.redis ?? true;
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await dropStaleSchemas(admin);
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const config = loadConfig({
    CHORUS_DATABASE_URL: TEST_DATABASE_URL,
    ...(useRedis ? { CHORUS_REDIS_URL: TEST_REDIS_URL } : {}),
    CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
    CHORUS_LOG_LEVEL: 'silent',
    CHORUS_DEMO: '0',
    CHORUS_SIMULATE: '0',
    // Tests wait for aggregation after every post; the linger's own test sets it.
    CHORUS_AGGREGATION_LINGER_MS: '0',
    ...options.env,
  });
  const runtime = await openRuntime({ config, databaseUrl: TEST_DATABASE_URL, schema, namespace: schema, maxConnections: 10 });
  t.teardown(async () => {
    await runtime.deps.jobs.obliterate().catch(() => {});
    if (runtime.deps.redis) {
      const keys = await runtime.deps.redis.keys(`${schema}*`).catch(() => [] as string[]);
      if (keys.length) await runtime.deps.redis.del(...keys).catch(() => {});
    }
    await runtime.close();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin).catch(() => {});
    await admin.destroy();
  });
  return { deps: runtime.deps, schema, databaseUrl: TEST_DATABASE_URL, config };
}

/** Builds an app over a test runtime and closes it at teardown. */
export async function createTestApp(t: Teardown, services: ServiceModule[], options: TestRuntimeOptions = {}) {
  const runtime = await createTestRuntime(t, options);
  const app = await buildApp(runtime.deps, services, { logger: false });
  await app.ready();
  t.teardown(() => app.close());
  return { app, ...runtime };
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  auth: { authorization: string };
}

/** Inserts a user straight into the database and signs an access token for them, without the identity service. */
export async function createUser(
  deps: Pick<ServiceDeps, 'db' | 'config'>,
  fields: { country?: string; birth_year?: number | null; gender?: string | null; roles?: InternalRole[]; display_name?: string } = {},
): Promise<TestUser> {
  const id = uuidv7();
  const email = `user-${id}@example.test`;
  await deps.db
    .insertInto('users')
    .values({
      id,
      email,
      password_hash: 'x',
      display_name: fields.display_name ?? `User ${id.slice(-6)}`,
      country: fields.country ?? 'SE',
      birth_year: fields.birth_year ?? null,
      gender: fields.gender ?? null,
      roles: fields.roles ?? [],
    })
    .execute();
  const token = await signTestToken(deps, id, fields.roles ?? []);
  return { id, email, token, auth: { authorization: `Bearer ${token}` } };
}

/** Signs a first-party access token (as identity would) with the database's signing key. */
export async function signTestToken(
  deps: Pick<ServiceDeps, 'db' | 'config'>,
  userId: string,
  roles: InternalRole[] = [],
  ttlSeconds = 900,
  scope = ALL_SCOPES.join(' '),
) {
  const { auth } = deps.config;
  const key = await loadSigningKey(deps.db as Db, auth.keyEncryptionKey);
  const signer = new AccessTokenSigner(key, { issuer: auth.issuer, audience: auth.audience, ttlSeconds });
  return signer.issue({ sub: userId, client_id: FIRST_PARTY_CLIENT_ID, scope, roles });
}

/**
 * Signs an access token issued to an OAuth client, as the authorization server will: `client_id` names the app;
 * for a person (`sub` their id) or, with client credentials, for the app itself (`sub` the client id, RFC 9068).
 */
export async function signAppToken(
  deps: Pick<ServiceDeps, 'db' | 'config'>,
  clientId: string,
  options: { sub?: string; scope?: string; ttlSeconds?: number } = {},
) {
  const { auth } = deps.config;
  const key = await loadSigningKey(deps.db as Db, auth.keyEncryptionKey);
  const claims = { sub: options.sub ?? clientId, scope: options.scope ?? ALL_SCOPES.join(' '), roles: [] as InternalRole[], client_id: clientId };
  return new AccessTokenSigner(key, { issuer: auth.issuer, audience: auth.audience, ttlSeconds: options.ttlSeconds ?? 900 }).issue(claims);
}

/** Parses a JSON answer and asserts nothing: tests assert on what they need. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

export type { FastifyInstance };
export * from './testing-security.js';
