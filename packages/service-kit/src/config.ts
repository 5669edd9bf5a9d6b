import { resolve } from 'node:path';

export interface RateLimitRule {
  /** Requests allowed in the window. */
  max: number;
  windowMs: number;
}

export interface ChorusConfig {
  port: number;
  host: string;
  /** External PostgreSQL; absent means the embedded default starts its own. */
  databaseUrl: string | undefined;
  /** External Redis; absent means BullMQ on PostgreSQL and in-process pub/sub. */
  redisUrl: string | undefined;
  /** A PostgreSQL schema to keep Chorus's tables in (default: public). */
  databaseSchema: string | undefined;
  /** Prefix of every Redis key, channel and queue namespace, so several installations can share one Redis. */
  namespace: string;
  dataDir: string;
  logLevel: string;
  rateLimits: {
    enabled: boolean;
    default: RateLimitRule;
    /** Sign-up and log-in: tight, against credential stuffing. */
    auth: RateLimitRule;
    ingest: RateLimitRule;
  };
  auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /** PEM of an Ed25519 private key; absent means one is generated and kept in the database. */
    signingKeyPem: string | undefined;
    issuer: string;
    adminEmail: string | undefined;
  };
  demo: boolean;
  simulate: boolean;
  /** Minimum distinct listeners in an audience cell before it is shown (k-anonymity). */
  audienceMinListeners: number;
  /** How long a statistics answer may be served from memory (it is dropped at once when the artist's rollups change); 0 turns the cache off. */
  statsCacheTtlMs: number;
  /** Behind the gateway: take the client address from X-Forwarded-For (rate limits key on it). */
  trustProxy: boolean;
  workers: {
    /**
     * Aggregation jobs run at once per worker process. One is the default: under a backlog its transaction takes up
     * to 100 pending batches, and appliers running in parallel would wait for the same rollup rows (an artist's
     * day) and each coalesce less, so they spend more per event for little more throughput.
     */
    ingestConcurrency: number;
    /** A batch still pending after this long is assumed lost from the queue and queued again. */
    sweepAfterMs: number;
    sweepEveryMs: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 1/0, true/false or on/off, got "${env[name]}"`);
}

function rule(env: Env, name: string, fallback: RateLimitRule): RateLimitRule {
  // "<max>/<seconds>s", e.g. "600/60s"
  const raw = env[name];
  if (!raw) return fallback;
  const m = /^(\d+)\/(\d+)s$/.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must look like "600/60s", got "${raw}"`);
  return { max: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

function ident(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new ConfigError(`${name} must be a lower-case identifier, got "${raw}"`);
  return raw;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must use ${protocols.join(' or ')}`);
  return raw;
}

/** Reads and validates the whole configuration once, at boot; nothing else reads process.env. */
export function loadConfig(env: Env = process.env): ChorusConfig {
  const databaseUrl = url(env, 'CHORUS_DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'CHORUS_REDIS_URL', ['redis:', 'rediss:']);
  const embedded = databaseUrl === undefined;
  const rateLimitsRaw = env.CHORUS_RATE_LIMITS?.trim().toLowerCase();
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    redisUrl,
    databaseSchema: ident(env, 'CHORUS_DATABASE_SCHEMA'),
    namespace: ident(env, 'CHORUS_NAMESPACE') ?? 'chorus',
    workers: {
      ingestConcurrency: int(env, 'CHORUS_INGEST_CONCURRENCY', 1, 1),
      sweepAfterMs: int(env, 'CHORUS_SWEEP_AFTER_MS', 15_000, 0),
      sweepEveryMs: int(env, 'CHORUS_SWEEP_EVERY_MS', 10_000, 100),
    },
    dataDir: resolve(env.CHORUS_DATA_DIR ?? '.chorus'),
    // The embedded demo prints its own banner; request logs would bury it. Production logs every request.
    logLevel: env.CHORUS_LOG_LEVEL ?? env.LOG_LEVEL ?? (embedded ? 'warn' : 'info'),
    rateLimits: {
      enabled: rateLimitsRaw !== 'off',
      default: rule(env, 'CHORUS_RATE_LIMIT_DEFAULT', { max: 600, windowMs: 60_000 }),
      auth: rule(env, 'CHORUS_RATE_LIMIT_AUTH', { max: 10, windowMs: 60_000 }),
      ingest: rule(env, 'CHORUS_RATE_LIMIT_INGEST', { max: 1200, windowMs: 60_000 }),
    },
    auth: {
      accessTokenTtlSeconds: int(env, 'CHORUS_ACCESS_TOKEN_TTL', 900, 1),
      refreshTokenTtlSeconds: int(env, 'CHORUS_REFRESH_TOKEN_TTL', 30 * 24 * 3600, 1),
      signingKeyPem: env.CHORUS_JWT_PRIVATE_KEY?.replace(/\\n/g, '\n') || undefined,
      issuer: env.CHORUS_JWT_ISSUER ?? 'chorus',
      adminEmail: env.CHORUS_ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    },
    demo: bool(env, 'CHORUS_DEMO', embedded),
    simulate: bool(env, 'CHORUS_SIMULATE', embedded),
    audienceMinListeners: int(env, 'CHORUS_AUDIENCE_MIN_LISTENERS', 10, 1),
    statsCacheTtlMs: int(env, 'CHORUS_STATS_CACHE_TTL_MS', 10_000, 0),
    trustProxy: bool(env, 'CHORUS_TRUST_PROXY', false),
  };
}
