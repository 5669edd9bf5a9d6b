import { appForClient, type Db, partnersQueries } from '@chorus/db';
import { appPolicies, appTier, type ChorusConfig, problems, type RateLimitRule } from '@chorus/service-kit';
import { type Caller, isAppItself, requirePartnerVisible } from './access.service.js';
import type { AppUsage } from './apps.schemas.js';
import { findApp } from './apps.service.js';

/** The longest range one usage answer covers. */
export const MAX_USAGE_DAYS = 92;

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

export interface UsageDeps {
  db: Db;
  config: Pick<ChorusConfig, 'rateLimits'>;
  /** Writes this process's pending counters first, so the answer includes the latest requests. */
  flushUsage: () => Promise<void>;
}

/**
 * An app's usage per UTC day and route group, with the limits of its mode. The partner's team (and platform
 * admins) may read it, and the app itself with a client credentials token; anyone else is told it does not exist.
 */
export async function appUsage(deps: UsageDeps, caller: Caller, partnerId: string, appId: string, query: { from?: string; to?: string }): Promise<AppUsage> {
  const { db } = deps;
  if (isAppItself(caller)) {
    const self = await appForClient(db, caller.clientId!);
    if (!self || self.appId !== appId || self.partnerId !== partnerId) throw problems.notFound('app', 'app_not_found');
  } else {
    await requirePartnerVisible(db, caller, partnerId);
  }
  const app = await findApp(db, partnerId, appId);
  const to = query.to ?? dayOf(Date.now());
  const from = query.from ?? dayOf(msOf(to) - 29 * DAY_MS);
  const span = (msOf(to) - msOf(from)) / DAY_MS + 1;
  if (!(span >= 1 && span <= MAX_USAGE_DAYS)) {
    throw problems.validation([{ pointer: '/from', detail: `must be on or before to, and at most ${MAX_USAGE_DAYS} days before it`, in: 'querystring' }]);
  }
  await deps.flushUsage();
  const rows = await partnersQueries.usage(db, appId, from, to);

  const days: AppUsage['days'] = [];
  const totals = { requests: 0, errors: 0, rate_limited: 0 };
  for (const row of rows) {
    let day = days.at(-1);
    if (day?.day !== row.day) {
      day = { day: row.day, requests: 0, errors: 0, rate_limited: 0, route_groups: [] };
      days.push(day);
    }
    const counts = { requests: row.requests, errors: row.errors, rate_limited: row.rate_limited };
    day.route_groups.push({ route_group: row.route_group, ...counts });
    for (const target of [day, totals]) {
      target.requests += counts.requests;
      target.errors += counts.errors;
      target.rate_limited += counts.rate_limited;
    }
  }

  const tier = appTier(app.review_state);
  const policies = appPolicies(deps.config.rateLimits.apps, tier, true);
  const limit = (rule: RateLimitRule | undefined) => (rule ? { limit: rule.max, window_seconds: rule.windowMs / 1000 } : null);
  const rule = (name: string) => policies.find((p) => p.name === name)?.rule;
  return {
    app_id: appId,
    from,
    to,
    mode: tier,
    limits: {
      enforced: deps.config.rateLimits.enabled,
      app: limit(rule('app'))!,
      quota: limit(rule('app-quota')),
      per_user: limit(rule('app-user'))!,
    },
    totals,
    days,
  };
}
