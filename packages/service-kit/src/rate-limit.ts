import { createRequire } from 'node:module';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { ChorusConfig, RateLimitRule } from './config.js';
import { ProblemError } from './errors.js';

/** Per-caller key: the verified user when there is one, else the client address. */
export function callerKey(request: FastifyRequest): string {
  return request.principal ? `u:${request.principal.userId}` : `ip:${request.ip}`;
}

/** Route config that applies a named rule, e.g. `config: rateLimitRule(config.rateLimits.auth)`. */
export function rateLimitConfig(rule: RateLimitRule, group: string) {
  return { rateLimit: { max: rule.max, timeWindow: rule.windowMs, groupId: group } };
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
      this.inner = redis ? new RedisStore(options.continueExceeding, options.exponentialBackoff, redis, namespace) : new LocalStore(options.continueExceeding, options.exponentialBackoff);
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
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    errorResponseBuilder: (_request, context) =>
      new ProblemError(429, 'rate_limited', `Too many requests: at most ${context.max} per ${context.after}. Try again later.`),
  });
}
