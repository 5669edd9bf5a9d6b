import { type Db, isAllowed, isPartnerClientId, partnersQueries, type RegisteredApp, type ReviewState, type UsageDelta, appForClient } from '@chorus/db';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { SCOPES } from './access.js';
import type { ChorusConfig, RateLimitRule } from './config.js';
import type { ServiceDeps } from './deps.js';
import { ProblemError, problems } from './errors.js';

/**
 * Per-app rate limits, quotas and usage of partner apps. A request whose token was issued to a partner app
 * (`client_id` `chorus_…`) is counted against its app (per minute, and per day in development mode) and against
 * the pair of app and person, and answered 429 beyond; every such request is also counted in the app's daily
 * usage, in memory, flushed to the database every few seconds.
 */

/** The bus channel on which a change to the app registry is announced (cached registry entries are dropped). */
export const APP_CHANGED = 'partner-app:changed';

/** Announces a registry change after commit; best effort (cache entries expire on their own within 30 s). */
export async function publishAppChange(deps: Pick<ServiceDeps, 'bus'>, change: { appId?: string; partnerId?: string }): Promise<void> {
  await deps.bus.publish(APP_CHANGED, change).catch(() => {});
}

export type AppTier = 'development' | 'production';

/** Only production apps get production limits; apps in review or rejected stay in development mode. */
export function appTier(state: ReviewState): AppTier {
  return state === 'production' ? 'production' : 'development';
}

export type PolicyName = 'app' | 'app-quota' | 'app-user';

export interface AppPolicy {
  name: PolicyName;
  rule: RateLimitRule;
}

/** The policies that apply to an app's requests in a tier; `app-user` only to requests acting for a person. */
export function appPolicies(limits: ChorusConfig['rateLimits']['apps'], tier: AppTier, forPerson: boolean): AppPolicy[] {
  const quota = tier === 'production' ? limits.productionQuota : limits.developmentQuota;
  return [
    { name: 'app', rule: tier === 'production' ? limits.production : limits.development },
    ...(quota ? [{ name: 'app-quota' as const, rule: quota }] : []),
    ...(forPerson ? [{ name: 'app-user' as const, rule: limits.perUser }] : []),
  ];
}

/** The partner app's client id the request's verified token carries, if it names one (first-party `chorus` does not). */
export function partnerClientId(request: FastifyRequest): string | undefined {
  if (!request.principal) return undefined;
  const claimed = request.principal.clientId ?? (request.user as { client_id?: unknown } | undefined)?.client_id;
  return isPartnerClientId(claimed) ? claimed : undefined;
}

/**
 * The scopes a partner app may hold through a grant: acting for itself (client credentials) only scopes whose
 * grant is `app`; acting for a person, any of its registered scopes but never an internal one.
 */
export function scopesForGrant(scopes: Iterable<string>, grant: string): string[] {
  return [...scopes].filter((scope) => {
    const known = SCOPES[scope as keyof typeof SCOPES] as { grant: string } | undefined;
    if (!known || known.grant === 'internal') return false;
    return grant !== 'client_credentials' || known.grant === 'app';
  });
}

/** What usage counts a request under: the first path segment after /v1 (`listens`), `listenbrainz` for /1, else `other`. */
export function routeGroup(routeUrl: string | undefined): string {
  if (!routeUrl) return 'other';
  if (routeUrl.startsWith('/v1/')) {
    const end = routeUrl.indexOf('/', 4);
    const segment = routeUrl.slice(4, end === -1 ? undefined : end);
    return segment && !segment.startsWith(':') ? segment.slice(0, 40) : 'other';
  }
  return routeUrl.startsWith('/1/') ? 'listenbrainz' : 'other';
}

export interface CounterCheck {
  key: string;
  max: number;
  windowMs: number;
}

export interface CounterOutcome {
  /** Each counter's value: after this request when it was let through, as found when it was refused. */
  counts: number[];
  /** True when some counter was already at its maximum; then nothing was counted. */
  blocked: boolean;
}

/** Fixed-window counters: checked together, and counted together only when all have room. */
export interface CounterStore {
  hit(checks: CounterCheck[], now: number): Promise<CounterOutcome>;
}

const windowEnd = (now: number, windowMs: number) => (Math.floor(now / windowMs) + 1) * windowMs;

/** Counters in this process's memory (the embedded default: one process). */
export class MemoryCounters implements CounterStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private sweepAt = 0;

  async hit(checks: CounterCheck[], now: number): Promise<CounterOutcome> {
    if (now >= this.sweepAt) this.sweep(now);
    const entries = checks.map((check) => {
      const entry = this.counters.get(check.key);
      return entry && entry.expiresAt > now ? entry : undefined;
    });
    const counts = entries.map((entry) => entry?.count ?? 0);
    if (checks.some((check, i) => counts[i]! >= check.max)) return { counts, blocked: true };
    return {
      blocked: false,
      counts: checks.map((check, i) => {
        const entry = entries[i] ?? { count: 0, expiresAt: windowEnd(now, check.windowMs) };
        entry.count += 1;
        this.counters.set(check.key, entry);
        return entry.count;
      }),
    };
  }

  // Keys carry their window's index, so expired ones are never read again: dropping them once a minute bounds the map.
  private sweep(now: number) {
    for (const [key, entry] of this.counters) if (entry.expiresAt <= now) this.counters.delete(key);
    this.sweepAt = now + 60_000;
  }
}

// KEYS: counters; ARGV: max and ttl (ms) of each. Reads all first, so a refused request consumes nothing.
const HIT_SCRIPT = `
local counts = {}
local blocked = 0
for i = 1, #KEYS do
  counts[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
  if counts[i] >= tonumber(ARGV[2 * i - 1]) then blocked = 1 end
end
if blocked == 0 then
  for i = 1, #KEYS do
    counts[i] = redis.call('INCR', KEYS[i])
    if counts[i] == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
  end
end
table.insert(counts, 1, blocked)
return counts
`;

type RedisWithHit = Redis & { chorusAppLimitHit(keyCount: number, ...args: Array<string | number>): Promise<number[]> };

/** Counters in Redis, shared by every instance; one script call per request. */
export class RedisCounters implements CounterStore {
  private readonly redis: RedisWithHit;
  constructor(redis: Redis) {
    if (!('chorusAppLimitHit' in redis)) redis.defineCommand('chorusAppLimitHit', { lua: HIT_SCRIPT });
    this.redis = redis as RedisWithHit;
  }

  async hit(checks: CounterCheck[], now: number): Promise<CounterOutcome> {
    const args = checks.flatMap((check) => [check.max, windowEnd(now, check.windowMs) - now + 1000]);
    const [blocked, ...counts] = await this.redis.chorusAppLimitHit(checks.length, ...checks.map((c) => c.key), ...args);
    return { blocked: blocked === 1, counts: counts.map(Number) };
  }
}

/** At most this many distinct (app, day, route group) rows wait in memory; more flush at once. */
const USAGE_PENDING_MAX = 5_000;

/** Daily usage counters per app and route group, added up in memory and written in one statement per flush. */
export class UsageRecorder {
  private pending = new Map<string, UsageDelta>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  record(appId: string, group: string, status: number, now: Date): void {
    const day = now.toISOString().slice(0, 10);
    const key = `${appId} ${day} ${group}`;
    let row = this.pending.get(key);
    if (!row) {
      row = { app_id: appId, day, route_group: group, requests: 0, errors: 0, rate_limited: 0 };
      this.pending.set(key, row);
    }
    row.requests += 1;
    if (status >= 400) row.errors += 1;
    if (status === 429) row.rate_limited += 1;
    if (this.pending.size >= USAGE_PENDING_MAX) void this.flush();
  }

  /** Writes what is pending; flushes run one after another, so none is lost to a race. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const rows = [...this.pending.values()];
      this.pending = new Map();
      try {
        await partnersQueries.addUsage(this.db, rows);
      } catch (error) {
        // Kept for the next flush unless that would grow without bound (a long database outage): usage is best effort.
        if (this.pending.size + rows.length <= USAGE_PENDING_MAX) for (const row of rows) this.merge(row);
        this.log.warn({ err: error, rows: rows.length }, 'app usage flush failed');
      }
    });
    return this.flushing;
  }

  private merge(row: UsageDelta) {
    const key = `${row.app_id} ${row.day} ${row.route_group}`;
    const existing = this.pending.get(key);
    if (!existing) this.pending.set(key, row);
    else {
      existing.requests += row.requests;
      existing.errors += row.errors;
      existing.rate_limited += row.rate_limited;
    }
  }
}

const REGISTRY_TTL_MS = 30_000;
const REGISTRY_MAX = 10_000;

/** Registry entries and allow-list answers, cached briefly so a request costs no database round trip. */
class RegistryCache {
  private readonly apps = new Map<string, { app: RegisteredApp | undefined; until: number }>();
  private readonly allowed = new Map<string, { ok: boolean; until: number }>();
  constructor(private readonly db: Db) {}

  async app(clientId: string, now: number): Promise<RegisteredApp | undefined> {
    const hit = this.apps.get(clientId);
    if (hit && hit.until > now) return hit.app;
    const app = await appForClient(this.db, clientId);
    if (this.apps.size >= REGISTRY_MAX) this.apps.clear();
    this.apps.set(clientId, { app, until: now + REGISTRY_TTL_MS });
    return app;
  }

  async isAllowed(appId: string, userId: string, now: number): Promise<boolean> {
    const key = `${appId} ${userId}`;
    const hit = this.allowed.get(key);
    if (hit && hit.until > now) return hit.ok;
    const ok = await isAllowed(this.db, appId, userId);
    if (this.allowed.size >= REGISTRY_MAX) this.allowed.clear();
    this.allowed.set(key, { ok, until: now + REGISTRY_TTL_MS });
    return ok;
  }

  /** Registry changes are rare (people editing apps): any of them drops everything. */
  clear() {
    this.apps.clear();
    this.allowed.clear();
  }
}

const FLUSH_EVERY_MS = 5_000;

/** The per-app limits and usage of one process; `app.appLimits` in every Chorus app. */
export class AppLimits {
  readonly usage: UsageRecorder;
  private readonly registry: RegistryCache;
  private readonly counters: CounterStore;
  private readonly apps = new WeakMap<FastifyRequest, RegisteredApp>();
  private lastStoreError = 0;

  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'redis' | 'config' | 'namespace'>,
    private readonly log: FastifyBaseLogger,
  ) {
    this.usage = new UsageRecorder(deps.db, log);
    this.registry = new RegistryCache(deps.db);
    this.counters = deps.redis ? new RedisCounters(deps.redis) : new MemoryCounters();
  }

  /** Drops cached registry entries (a registry change was announced). */
  forget(): void {
    this.registry.clear();
  }

  /** The registered partner app whose token made the request (partner, kind, device class, mode), for attributing what it sends. */
  appFor(request: FastifyRequest): RegisteredApp | undefined {
    return this.apps.get(request);
  }

  /** Writes this process's pending usage counters now (the usage route does, so what it answers is current). */
  flush(): Promise<void> {
    return this.usage.flush();
  }

  /** The onRequest hook: identifies the app, narrows the token's scopes to the app's, checks the allow-list and the limits. */
  readonly onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = request.principal;
    const clientId = partnerClientId(request);
    if (!principal || !clientId) return;
    principal.clientId ??= clientId;
    const now = Date.now();
    const app = await this.registry.app(clientId, now);
    if (!app) throw problems.unauthorized('The app this access token was issued to is no longer registered.', 'invalid_token');
    this.apps.set(request, app);
    // RFC 9068 §2.2: a token of an app acting for itself (client credentials) has the client as its subject.
    const forPerson = principal.userId !== clientId;
    // Whatever the token says, an app holds at most the scopes it is registered for, as of now.
    principal.scopes = new Set(scopesForGrant(app.scopes, forPerson ? 'authorization_code' : 'client_credentials').filter((s) => principal.scopes.has(s)));
    const tier = appTier(app.reviewState);
    if (forPerson && tier === 'development' && !(await this.registry.isAllowed(app.appId, principal.userId, now))) {
      throw problems.forbidden(
        `${app.name} is in development mode: only its partner's team and the people on its allow-list may use it.`,
        'app_user_not_allowed',
      );
    }
    if (!this.deps.config.rateLimits.enabled) return;
    const policies = appPolicies(this.deps.config.rateLimits.apps, tier, forPerson);
    const prefix = `${this.deps.namespace}:al:{${app.appId}}`;
    const checks = policies.map(({ name, rule }) => ({
      key: `${prefix}:${name}:${rule.windowMs}:${name === 'app-user' ? `${principal.userId}:` : ''}${Math.floor(now / rule.windowMs)}`,
      max: rule.max,
      windowMs: rule.windowMs,
    }));
    let outcome: CounterOutcome;
    try {
      outcome = await this.counters.hit(checks, now);
    } catch (error) {
      // A Redis outage must not take partner traffic down with it (as for the per-caller limits).
      if (now - this.lastStoreError > 60_000) request.log.warn({ err: error }, 'app rate limit store unavailable; not limiting');
      this.lastStoreError = now;
      return;
    }
    const states = policies.map((policy, i) => ({
      policy,
      remaining: Math.max(0, policy.rule.max - outcome.counts[i]!),
      resetSeconds: Math.ceil((windowEnd(now, policy.rule.windowMs) - now) / 1000),
      exhausted: outcome.counts[i]! >= policy.rule.max,
    }));
    const headers = {
      'ratelimit-policy': policies.map(({ name, rule }) => `"${name}";q=${rule.max};w=${rule.windowMs / 1000}`).join(', '),
      ratelimit: states.map((s) => `"${s.policy.name}";r=${s.remaining};t=${s.resetSeconds}`).join(', '),
    };
    if (!outcome.blocked) {
      reply.headers(headers);
      return;
    }
    // Of the exhausted windows, the one that ends last says when a retry can succeed.
    const limiting = states.filter((s) => s.exhausted).reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
    const { name, rule } = limiting.policy;
    const quota = name === 'app-quota';
    const what = name === 'app-user' ? `${app.name} may make ${rule.max} requests for one person` : `${app.name} may make ${rule.max} requests`;
    throw new ProblemError(
      429,
      quota ? 'quota_exceeded' : 'rate_limited',
      `${what} per ${describeWindow(rule.windowMs)}${quota ? ` in ${tier} mode` : ''}. Try again in ${limiting.resetSeconds} s.`,
      {
        headers: { ...headers, 'retry-after': String(limiting.resetSeconds) },
        policy: name,
        limit: rule.max,
        window_seconds: rule.windowMs / 1000,
        retry_after_seconds: limiting.resetSeconds,
      },
    );
  };

  /** The onResponse hook: counts the request in its app's usage. */
  readonly onResponse = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const app = this.apps.get(request);
    if (app) this.usage.record(app.appId, routeGroup(request.routeOptions.url), reply.statusCode, new Date());
  };
}

function describeWindow(windowMs: number): string {
  const seconds = windowMs / 1000;
  if (seconds === 86_400) return 'day';
  if (seconds === 3600) return 'hour';
  if (seconds === 60) return 'minute';
  return `${seconds} s`;
}

declare module 'fastify' {
  interface FastifyInstance {
    appLimits: AppLimits;
  }
}

/** Installs the per-app limits and usage counting (after auth, so the token is verified), and their flushing. */
export async function installAppLimits(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const limits = new AppLimits(deps, app.log);
  app.decorate('appLimits', limits);
  app.addHook('onRequest', limits.onRequest);
  app.addHook('onResponse', limits.onResponse);
  const unsubscribe = await deps.bus.subscribe(APP_CHANGED, () => limits.forget());
  const timer = setInterval(() => void limits.flush(), FLUSH_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await unsubscribe().catch(() => {});
    await limits.flush();
  });
}
