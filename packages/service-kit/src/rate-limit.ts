import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { partnerClientId } from './app-limits.js';
import type { ChorusConfig, RateLimitRule } from './config.js';
import { ProblemError } from './errors.js';

/** Per-caller key: the verified user when there is one, else the client address. */
export function callerKey(request: FastifyRequest): string {
  return request.principal ? `u:${request.principal.userId}` : `ip:${request.ip}`;
}

/** Route config that applies a named rule, e.g. `config: rateLimitConfig(config.rateLimits.signup, 'signup')`. */
export function rateLimitConfig(rule: RateLimitRule, group: string) {
  return { rateLimit: { max: rule.max, timeWindow: rule.windowMs, groupId: group } };
}

/** "60 seconds", "second": a window in the words the configuration uses. */
export function windowInWords(windowMs: number): string {
  const seconds = Math.round(windowMs / 1000);
  return seconds === 1 ? 'second' : `${seconds} seconds`;
}

/** The one 429 every rate limit answers, stating its configured limit. */
export function rateLimited(max: number, windowMs: number): ProblemError {
  return new ProblemError(429, 'rate_limited', `Too many requests: at most ${max} per ${windowInWords(windowMs)}. Try again later.`);
}

interface LimitState {
  isAllowed: boolean;
  max?: number;
  remaining?: number;
  ttlInSeconds?: number;
  isExceeded?: boolean;
}

/**
 * A second limit on a route, keyed by what the request says (e.g. the account a log-in is for), checked once the
 * body is validated: use it as `preHandler`. It shares the counters' store with the route limits, answers 429 the
 * same way, and shows its RateLimit headers when it is nearer to its end than the route's own limit.
 */
export function keyedRateLimit(app: FastifyInstance, rule: RateLimitRule, group: string, key: (request: FastifyRequest) => string) {
  if (!app.deps.config.rateLimits.enabled) return async () => {};
  const check = (app as unknown as { createRateLimit(options: object): (request: FastifyRequest) => Promise<LimitState> }).createRateLimit({
    max: rule.max,
    timeWindow: rule.windowMs,
    groupId: group,
    keyGenerator: (request: FastifyRequest) => `${group}:${key(request)}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const state = await check(request);
    if (state.isAllowed || state.max === undefined) return;
    const remaining = state.remaining ?? 0;
    const shown = Number(reply.getHeader('ratelimit-remaining') ?? Number.POSITIVE_INFINITY);
    if (state.isExceeded || remaining < shown) {
      reply
        .header('ratelimit-limit', state.max)
        .header('ratelimit-remaining', remaining)
        .header('ratelimit-reset', state.ttlInSeconds ?? 0);
    }
    if (state.isExceeded) {
      reply.header('retry-after', state.ttlInSeconds ?? 0);
      throw rateLimited(state.max, rule.windowMs);
    }
  };
}

interface Store {
  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void;
  child(routeOptions: { groupId?: string; routeInfo: { method: string; url: string } } & Record<string, unknown>): Store;
}
type StoreClass = new (...args: unknown[]) => Store;

const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreClass;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreClass;

/**
 * The plugin's own stores, except that routes sharing a `groupId` share one counter: the plugin keys a route's
 * counter by its method and URL, so sign-up and log-in would otherwise each get their own budget.
 */
function groupedStore(redis: Redis | undefined, namespace: string): FastifyRateLimitStoreCtor {
  const GroupedStore = class implements Store {
    private readonly inner: Store;
    private readonly groups = new Map<string, Store>();
    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      this.inner = redis
        ? new RedisStore(options.continueExceeding, options.exponentialBackoff, redis, namespace)
        : new LocalStore(options.continueExceeding, options.exponentialBackoff);
    }
    incr(...args: Parameters<Store['incr']>) {
      this.inner.incr(...args);
    }
    child(routeOptions: Parameters<Store['child']>[0]): Store {
      const group = routeOptions.groupId;
      if (!group) return this.inner.child(routeOptions);
      let shared = this.groups.get(group);
      if (!shared) {
        shared = this.inner.child({ ...routeOptions, routeInfo: { method: 'group:', url: group } });
        this.groups.set(group, shared);
      }
      return shared;
    }
  };
  // The plugin's declared route-options type omits the routeInfo it passes at run time.
  return GroupedStore as unknown as FastifyRateLimitStoreCtor;
}

/**
 * Rate limits with the IETF draft headers (RateLimit-Limit, -Remaining, -Reset) and Retry-After on 429.
 * Counters live in Redis when there is one, so every instance shares them; in memory otherwise.
 */
export async function registerRateLimits(app: FastifyInstance, config: ChorusConfig, redis: Redis | undefined, namespace: string) {
  if (!config.rateLimits.enabled) return;
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimits.default.max,
    timeWindow: config.rateLimits.default.windowMs,
    keyGenerator: callerKey,
    enableDraftSpec: true,
    store: groupedStore(redis, namespace),
    // A Redis outage must not take the API down with it.
    skipOnError: true,
    // Partner apps' requests are limited per app and per (app, person) instead (app-limits.ts).
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz' || partnerClientId(request) !== undefined,
    // The plugin tells the builder how long until the reset, not the window: take it from the rule that applied.
    errorResponseBuilder: (request, context) => {
      const route = (request.routeOptions.config as { rateLimit?: { timeWindow?: unknown } } | undefined)?.rateLimit;
      const windowMs = typeof route?.timeWindow === 'number' ? route.timeWindow : config.rateLimits.default.windowMs;
      return rateLimited(context.max, windowMs);
    },
  });
}
