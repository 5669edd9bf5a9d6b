import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '@chorus/db';
import { TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { type Child, freePort, ready, startNode, stop } from './processes.js';

export interface RunningPlatform {
  baseUrl: string;
  /** A connection to the platform's own database, for what no route shows (closed at teardown). */
  db: Db;
  platform: Child;
}

/**
 * The one-process platform on the shared PostgreSQL (a database of its own) and Redis (a namespace of its own),
 * everything dropped at teardown. `env` adds to or overrides the settings (no demo, no simulator, quiet logs).
 */
export async function startPlatform(t: { teardown(fn: () => unknown): void }, env: Record<string, string> = {}): Promise<RunningPlatform> {
  const name = `chorus_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  const url = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = createDb({ url, maxConnections: 1 });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const platform = startNode('platform', 'apps/platform/src/boot.ts', {
    PORT: String(port),
    CHORUS_DATABASE_URL: url,
    CHORUS_REDIS_URL: TEST_REDIS_URL,
    CHORUS_NAMESPACE: name,
    CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
    CHORUS_OAUTH_ISSUER: baseUrl,
    CHORUS_LOG_LEVEL: 'warn',
    CHORUS_DEMO: '0',
    CHORUS_SIMULATE: '0',
    // Tests that need the web app build it once, before they start a platform (test/e2e/browser).
    CHORUS_WEB_BUILD: '0',
    ...env,
  });
  t.teardown(async () => {
    await stop(platform);
    await db.destroy();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${name}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
    await admin.destroy();
  });
  await ready(port, 120_000).catch((error) => {
    throw new Error(`${(error as Error).message}\n${platform.tail()}`);
  });
  return { baseUrl, db, platform };
}
