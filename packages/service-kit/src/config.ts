import { resolve } from 'node:path';
import { parseKeyEncryptionKey } from './secrets.js';

export interface RateLimitRule {
  /** Requests allowed in the window. */
  max: number;
  windowMs: number;
}

export interface ChorusConfig {
  port: number;
  host: string;
  /** HOST is a loopback address: nothing beyond this machine reaches the server (the demo's published logins are safe). */
  loopbackOnly: boolean;
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
    /** Sign-up, per address. */
    signup: RateLimitRule;
    /** Log-in, per account (email): one account's guesses, from anywhere. */
    loginAccount: RateLimitRule;
    /** Log-in, per address: looser, so one person's mistakes do not lock out everyone behind the same address. */
    loginAddress: RateLimitRule;
    ingest: RateLimitRule;
    /** Partner apps: per app by its mode (a quota is a longer window, e.g. a day; null is none), and per person using an app. */
    apps: {
      development: RateLimitRule;
      developmentQuota: RateLimitRule | null;
      production: RateLimitRule;
      productionQuota: RateLimitRule | null;
      perUser: RateLimitRule;
    };
  };
  partners: {
    /** How long a rotated client secret keeps verifying beside the new one. */
    clientSecretOverlapSeconds: number;
  };
  auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    /** PEM of an Ed25519 private key; absent means one is generated and kept in the database. */
    signingKeyPem: string | undefined;
    issuer: string;
    /**
     * The OAuth 2 authorization server's issuer identifier (RFC 8414): an https URL in production. Defaults to
     * `issuer` when that is a URL, else to this server's loopback URL. Access tokens still carry `issuer` as `iss`.
     */
    oauthIssuer: string;
    /** The `aud` of access tokens, required when they are verified. */
    audience: string;
    /**
     * 32 bytes that encrypt signing keys at rest (AES-256-GCM). Required in the production topology; in the
     * embedded default `withLocalSecrets` fills it from the data folder.
     */
    keyEncryptionKey: Buffer | undefined;
    /** How long a process trusts what it read about signing keys (the signer, a key's retirement) before re-reading. */
    keyCacheTtlMs: number;
  };
  /** Seed the demo, whose logins are published: by default only for the embedded default on a loopback HOST. */
  demo: boolean;
  simulate: boolean;
  /** Minimum distinct listeners in an audience cell before it is shown (k-anonymity). */
  audienceMinListeners: number;
  /** How long a statistics answer may be served from memory (it is dropped at once when the artist's rollups change); 0 turns the cache off. */
  statsCacheTtlMs: number;
  /**
   * Which proxies to believe about the client address (X-Forwarded-For): false, a number of hops in front of
   * Chorus (the address that many entries from the right is the client), or the proxies' addresses and CIDRs.
   * Never "everything": the leftmost entry is whatever the client wrote.
   */
  trustProxy: false | number | string;
  /** OpenTelemetry traces: off unless an OTLP/HTTP endpoint is given. */
  telemetry: { endpoint: string | undefined };
  /** The operations listener (metrics, queue board): off unless a port is given; internal networks only. */
  ops: { port: number | undefined; host: string };
  /**
   * Seconds of play one listener's listens may cover in one UTC hour: 3,600 × 1.25 for devices that overlap, plus
   * 600 of slack (about one long track). Listens beyond it are refused at ingestion.
   */
  listenBudgetPerHourSeconds: number;
  /** Live streams (Server-Sent Events) one caller, and one instance in all, may hold open. */
  streams: { perCaller: number; perInstance: number };
  webhooks: {
    /** Deliver to loopback, private, link-local and other internal addresses, and over plain http (tests, local development). */
    allowPrivate: boolean;
    /** Multiplies the retry schedule, Retry-After and the five days before a failing endpoint is disabled (tests compress time with it). */
    retryScale: number;
    /** One attempt's deadline: connecting, sending, and reading the status and the first kilobyte of the answer. */
    timeoutMs: number;
    /** Delivery attempts at once per worker process, over every endpoint. */
    concurrency: number;
    /** Attempts in flight at once to one endpoint, over every worker process (one while it is failing); beyond, a delivery waits its turn. */
    perEndpoint: number;
  };
  workers: {
    /**
     * Aggregation jobs run at once per worker process. One is the default: under a backlog its transaction takes up
     * to 100 pending batches, and appliers running in parallel would wait for the same rollup rows (an artist's
     * day) and each coalesce less, so they spend more per event for little more throughput.
     */
    ingestConcurrency: number;
    /**
     * How old a batch must be before its aggregation job applies it (ms): batches that arrive meanwhile are applied
     * in the same transaction, which writes the rollup rows they share once. Without a backlog each transaction
     * would otherwise take one or two batches and cost about twice as much per listen (test/bench: CPU by part).
     */
    aggregationLingerMs: number;
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

function fraction(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new ConfigError(`${name} must be a number above 0 and at most 1, got "${raw}"`);
  return n;
}

function rule(env: Env, name: string, fallback: RateLimitRule): RateLimitRule {
  // "<max>/<seconds>s", e.g. "600/60s"
  const raw = env[name];
  if (!raw) return fallback;
  const m = /^(\d+)\/(\d+)s$/.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must look like "600/60s", got "${raw}"`);
  return { max: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

/** A rule with a window of at least a second (fixed windows are counted by their index). */
function windowRule(env: Env, name: string, fallback: RateLimitRule): RateLimitRule {
  const parsed = rule(env, name, fallback);
  if (parsed.windowMs < 1000) throw new ConfigError(`${name} needs a window of at least 1s, got "${env[name]}"`);
  return parsed;
}

/** A rule, or null when unset without a default or set to off. */
function optionalRule(env: Env, name: string, fallback: RateLimitRule | null): RateLimitRule | null {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === 'off') return null;
  if (!raw) return fallback;
  return windowRule(env, name, { max: 0, windowMs: 1000 });
}

/** A hop count, or a comma-separated list of addresses and CIDRs; off when unset, 0, off or false. */
function trustProxy(env: Env, name: string): false | number | string {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'off' || raw === 'false' || raw === 'no') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'on' || raw === 'yes') {
    throw new ConfigError(
      `${name} must be the number of proxy hops in front of Chorus (e.g. 1) or the proxies' addresses, not "${env[name]}": trusting every hop lets any client choose its own address`,
    );
  }
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length > 32 || parts.some((p) => !/^[0-9a-f:.]{2,39}(\/\d{1,3})?$/.test(p))) {
    throw new ConfigError(`${name} must be a hop count or a comma-separated list of IP addresses or CIDRs, got "${env[name]}"`);
  }
  return parts.join(',');
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

/**
 * CHORUS_OAUTH_ISSUER, else CHORUS_JWT_ISSUER when it is a URL, else this server as the quick start prints it
 * (`http://127.0.0.1:3000`): an issuer must be a URL, and the browser pages of a flow must stay on the host its
 * cookies were set on. A server listening on every address (0.0.0.0) needs one of the two set to its public URL.
 */
function oauthIssuer(env: Env, host: string, port: number): string {
  const jwtIssuer = env.CHORUS_JWT_ISSUER?.trim() ?? '';
  const given = url(env, 'CHORUS_OAUTH_ISSUER', ['https:', 'http:']) ?? (/^https?:\/\/[^/]/.test(jwtIssuer) ? jwtIssuer : undefined);
  const local = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const chosen = given ?? `http://${local}:${port}`;
  return chosen.endsWith('/') ? chosen.slice(0, -1) : chosen;
}

function keyEncryptionKey(env: Env, embedded: boolean): Buffer | undefined {
  const raw = env.CHORUS_KEY_ENCRYPTION_KEY?.trim();
  if (!raw) {
    if (embedded) return undefined;
    throw new ConfigError(
      'CHORUS_KEY_ENCRYPTION_KEY is required with CHORUS_DATABASE_URL: 32 random bytes in base64 or hex (openssl rand -base64 32); it encrypts the signing keys in the database',
    );
  }
  const key = parseKeyEncryptionKey(raw);
  if (!key) throw new ConfigError('CHORUS_KEY_ENCRYPTION_KEY must be 32 bytes in base64 or hex (openssl rand -base64 32)');
  return key;
}

/** True for addresses only this machine can reach: localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}

/** Reads and validates the whole configuration once, at boot; nothing else reads process.env. */
export function loadConfig(env: Env = process.env): ChorusConfig {
  const databaseUrl = url(env, 'CHORUS_DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'CHORUS_REDIS_URL', ['redis:', 'rediss:']);
  const embedded = databaseUrl === undefined;
  const rateLimitsRaw = env.CHORUS_RATE_LIMITS?.trim().toLowerCase();
  const host = env.HOST ?? '127.0.0.1';
  const loopbackOnly = isLoopbackHost(host);
  // Published demo logins on a server others can reach would be an open door: asked for explicitly, or not at all.
  const demoByDefault = embedded && loopbackOnly;
  return {
    port: int(env, 'PORT', 3000),
    host,
    loopbackOnly,
    databaseUrl,
    redisUrl,
    databaseSchema: ident(env, 'CHORUS_DATABASE_SCHEMA'),
    namespace: ident(env, 'CHORUS_NAMESPACE') ?? 'chorus',
    workers: {
      ingestConcurrency: int(env, 'CHORUS_INGEST_CONCURRENCY', 1, 1),
      aggregationLingerMs: int(env, 'CHORUS_AGGREGATION_LINGER_MS', 250, 0),
      sweepAfterMs: int(env, 'CHORUS_SWEEP_AFTER_MS', 15_000, 0),
      sweepEveryMs: int(env, 'CHORUS_SWEEP_EVERY_MS', 10_000, 100),
    },
    webhooks: {
      allowPrivate: bool(env, 'CHORUS_WEBHOOKS_ALLOW_PRIVATE', false),
      retryScale: fraction(env, 'CHORUS_WEBHOOK_RETRY_SCALE', 1),
      timeoutMs: int(env, 'CHORUS_WEBHOOK_TIMEOUT_MS', 10_000, 100),
      concurrency: int(env, 'CHORUS_WEBHOOK_CONCURRENCY', 32, 1),
      perEndpoint: int(env, 'CHORUS_WEBHOOK_ENDPOINT_CONCURRENCY', 4, 1),
    },
    dataDir: resolve(env.CHORUS_DATA_DIR ?? '.chorus'),
    // The embedded demo prints its own banner; request logs would bury it. Production logs every request.
    logLevel: env.CHORUS_LOG_LEVEL ?? env.LOG_LEVEL ?? (embedded ? 'warn' : 'info'),
    rateLimits: {
      enabled: rateLimitsRaw !== 'off',
      default: rule(env, 'CHORUS_RATE_LIMIT_DEFAULT', { max: 600, windowMs: 60_000 }),
      signup: rule(env, 'CHORUS_RATE_LIMIT_SIGNUP', { max: 10, windowMs: 60_000 }),
      loginAccount: rule(env, 'CHORUS_RATE_LIMIT_LOGIN_ACCOUNT', { max: 10, windowMs: 60_000 }),
      loginAddress: rule(env, 'CHORUS_RATE_LIMIT_LOGIN_ADDRESS', { max: 100, windowMs: 60_000 }),
      ingest: rule(env, 'CHORUS_RATE_LIMIT_INGEST', { max: 1200, windowMs: 60_000 }),
      apps: {
        development: windowRule(env, 'CHORUS_APP_RATE_LIMIT_DEV', { max: 60, windowMs: 60_000 }),
        developmentQuota: optionalRule(env, 'CHORUS_APP_QUOTA_DEV', { max: 600, windowMs: 86_400_000 }),
        production: windowRule(env, 'CHORUS_APP_RATE_LIMIT_PROD', { max: 6000, windowMs: 60_000 }),
        productionQuota: optionalRule(env, 'CHORUS_APP_QUOTA_PROD', null),
        perUser: windowRule(env, 'CHORUS_APP_RATE_LIMIT_PER_USER', { max: 600, windowMs: 60_000 }),
      },
    },
    partners: {
      clientSecretOverlapSeconds: int(env, 'CHORUS_CLIENT_SECRET_OVERLAP_SECONDS', 86_400, 0),
    },
    auth: {
      accessTokenTtlSeconds: int(env, 'CHORUS_ACCESS_TOKEN_TTL', 900, 1),
      refreshTokenTtlSeconds: int(env, 'CHORUS_REFRESH_TOKEN_TTL', 30 * 24 * 3600, 1),
      signingKeyPem: env.CHORUS_JWT_PRIVATE_KEY?.replace(/\\n/g, '\n') || undefined,
      issuer: env.CHORUS_JWT_ISSUER ?? 'chorus',
      oauthIssuer: oauthIssuer(env, host, int(env, 'PORT', 3000)),
      audience: env.CHORUS_JWT_AUDIENCE?.trim() || 'chorus',
      keyEncryptionKey: keyEncryptionKey(env, embedded),
      keyCacheTtlMs: int(env, 'CHORUS_KEY_CACHE_TTL_MS', 60_000, 0),
    },
    demo: bool(env, 'CHORUS_DEMO', demoByDefault),
    simulate: bool(env, 'CHORUS_SIMULATE', demoByDefault),
    audienceMinListeners: int(env, 'CHORUS_AUDIENCE_MIN_LISTENERS', 10, 1),
    statsCacheTtlMs: int(env, 'CHORUS_STATS_CACHE_TTL_MS', 10_000, 0),
    trustProxy: trustProxy(env, 'CHORUS_TRUST_PROXY'),
    telemetry: { endpoint: url(env, 'CHORUS_OTEL_ENDPOINT', ['http:', 'https:']) },
    ops: {
      port: env.CHORUS_OPS_PORT ? int(env, 'CHORUS_OPS_PORT', 0, 0) : undefined,
      host: env.CHORUS_OPS_HOST?.trim() || '127.0.0.1',
    },
    listenBudgetPerHourSeconds: int(env, 'CHORUS_LISTEN_BUDGET_PER_HOUR', 3600 * 1.25 + 600, 3600),
    streams: {
      perCaller: int(env, 'CHORUS_STREAMS_PER_CALLER', 10, 1),
      perInstance: int(env, 'CHORUS_STREAMS_PER_INSTANCE', 2000, 1),
    },
  };
}
