import rateLimit from '@fastify/rate-limit';
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
    ...(redis ? { redis, nameSpace: namespace } : {}),
    // A Redis outage must not take the API down with it.
    skipOnError: true,
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    errorResponseBuilder: (_request, context) =>
      new ProblemError(429, 'rate_limited', `Too many requests: at most ${context.max} per ${context.after}. Try again later.`),
  });
}
