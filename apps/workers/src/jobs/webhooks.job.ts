import { type NewWebhookEvent, webhooksQueries } from '@chorus/db';
import { addDays } from '@chorus/insights';
import { dailyStatsWebhooksJob, deferJob, deliverWebhookJob, queueWebhookDeliveries, sweepWebhooksJob, type WorkerHandlers } from '@chorus/jobs';
import { openWebhookSecret, type OutboundAnswer, postJson, type ServiceDeps } from '@chorus/service-kit';
import { Webhook } from 'standardwebhooks';

/**
 * The waits after each failed attempt: the first attempt is immediate, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and
 * 10 h (Svix's schedule): eight attempts over about 27.6 hours, so a receiver down for a whole day still gets it.
 */
export const RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
/** ±10 %: spreads retries of a burst, and keeps the last attempt past 24 hours. */
const JITTER = 0.1;
/** An endpoint failing without a single success for this long is disabled. */
const DISABLE_AFTER_MS = 5 * 24 * 3600_000;
/** A Retry-After beyond this is read as this. */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;
/** How long past the attempt's deadline an endpoint slot stays leased if its worker dies mid-attempt. */
const LEASE_MARGIN_MS = 30_000;
/** The least time an attempt is assumed to take when booking turns at a busy endpoint. */
const MIN_TURN_MS = 10;
const SWEEP_LIMIT = 1000;
const PURGE_LIMIT = 1000;
const STATS_BATCH = 500;
const USER_AGENT = 'Chorus-Webhooks/1.0 (+https://github.com/standard-webhooks/standard-webhooks)';

type WebhookDeps = Pick<ServiceDeps, 'db' | 'config' | 'metrics'>;

/** The wait after failed attempt number `attempt` (1-based), scaled; at least what a Retry-After asked; null when none is left. */
export function retryDelayMs(attempt: number, scale: number, retryAfterMs?: number, random: () => number = Math.random): number | null {
  const base = RETRY_SCHEDULE_MS[attempt - 1];
  if (base === undefined) return null;
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  const asked = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return Math.round(Math.max(jittered, asked) * scale);
}

/** The webhook-signature header: one `v1,<signature>` per secret in force, space-separated (two during a rotation). */
export function signatureHeader(secrets: string[], webhookId: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(webhookId, at, body)).join(' ');
}

/** The metrics label of a failed attempt. */
function failureReason(answer: OutboundAnswer): string {
  if (answer.error) return answer.error;
  const status = answer.status ?? 0;
  return status === 429 ? '429' : `${Math.floor(status / 100)}xx`;
}

/** What the delivery job does next: nothing (finished, or gone), or run again at `at`. */
export type DeliveryStep = { done: true } | { done: false; at: number };
const DONE: DeliveryStep = { done: true };

/**
 * One attempt of one delivery, when it is due and its endpoint has a free slot; otherwise when to look again.
 * Idempotent: a finished delivery is left alone, and a run ahead of the schedule only says when it is due.
 */
export async function attemptDelivery(deps: WebhookDeps, deliveryId: string): Promise<DeliveryStep> {
  const { db, metrics } = deps;
  const settings = deps.config.webhooks;
  const delivery = await webhooksQueries.deliveryToSend(db, deliveryId);
  if (delivery?.status !== 'pending') return DONE;
  if (delivery.disabled) {
    if (await webhooksQueries.abandonDelivery(db, deliveryId, 'endpoint disabled')) metrics.webhookDeliveries.inc({ outcome: 'failed' });
    return DONE;
  }
  const due = delivery.next_attempt_at!.getTime();
  if (due > Date.now() + 50) return { done: false, at: due };
  // Over the endpoint's cap the job waits for its booked turn instead of holding a worker. An endpoint that is
  // failing gets one attempt at a time: many dead endpoints together must not fill the workers either.
  const cap = delivery.failing ? 1 : settings.perEndpoint;
  const typical = Math.min(Math.max(delivery.last_latency_ms ?? MIN_TURN_MS, MIN_TURN_MS), settings.timeoutMs);
  const slot = await webhooksQueries.claimSlot(db, delivery.endpoint_id, deliveryId, {
    cap,
    leaseMs: settings.timeoutMs + LEASE_MARGIN_MS,
    turnMs: typical / cap,
  });
  if (!slot.claimed) return { done: false, at: slot.retryAt.getTime() };

  const attemptedAt = new Date();
  metrics.webhookLag.observe({ attempt: delivery.attempt_count === 0 ? 'first' : 'retry' }, Math.max(0, attemptedAt.getTime() - due) / 1000);
  const headers = {
    // The event id: the same for every attempt and redelivery, so receivers can drop what they already have.
    'webhook-id': delivery.event_id,
    'webhook-timestamp': String(Math.floor(attemptedAt.getTime() / 1000)),
    'webhook-signature': signatureHeader(
      delivery.secrets.map((secret) => openWebhookSecret(secret, deps.config.auth.keyEncryptionKey, delivery.endpoint_id)),
      delivery.event_id,
      attemptedAt,
      delivery.body,
    ),
    'user-agent': USER_AGENT,
  };
  const answer = await postJson(delivery.url, delivery.body, headers, { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
  const succeeded = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
  const honoured = answer.status === 429 || (answer.status ?? 0) >= 500 ? answer.retryAfterMs : undefined;
  const wait = succeeded ? null : retryDelayMs(delivery.attempt_count + 1, settings.retryScale, honoured);
  const next = succeeded
    ? ({ status: 'succeeded' } as const)
    : wait === null
      ? ({ status: 'failed' } as const)
      : ({ status: 'pending', at: new Date(Date.now() + wait) } as const);
  const { justDisabled } = await webhooksQueries.finishAttempt(db, {
    deliveryId,
    endpointId: delivery.endpoint_id,
    attemptedAt,
    latencyMs: answer.latencyMs,
    statusCode: answer.status ?? null,
    error: answer.error ? `${answer.error}: ${answer.detail ?? ''}`.slice(0, 300) : null,
    responseBody: answer.body,
    succeeded,
    next,
    disableAfterMs: DISABLE_AFTER_MS * settings.retryScale,
  });

  metrics.webhookAttemptDuration.observe({ outcome: succeeded ? 'success' : 'failure' }, answer.latencyMs / 1000);
  if (!succeeded) metrics.webhookAttemptFailures.inc({ reason: failureReason(answer) });
  if (justDisabled) metrics.webhookEndpointsDisabled.inc();
  if (next.status === 'pending') {
    metrics.webhookRetries.inc();
    return { done: false, at: next.at.getTime() };
  }
  metrics.webhookDeliveries.inc({ outcome: next.status });
  return DONE;
}

/** Queues the job of every delivery due more than `olderThanMs` ago that has none (a flushed or lost queue), and purges old logs. */
export async function sweepWebhooks(deps: Pick<ServiceDeps, 'db' | 'jobs'>, olderThanMs: number) {
  const overdue = await webhooksQueries.overdueDeliveries(deps.db, olderThanMs, SWEEP_LIMIT);
  let requeued = 0;
  for (const deliveryId of overdue) if ((await deps.jobs.ensureQueued(deliverWebhookJob, { deliveryId })) !== 'present') requeued++;
  const purged = await webhooksQueries.purgeOldEvents(deps.db, PURGE_LIMIT);
  return { overdue: overdue.length, requeued, purged };
}

/** Writes stats.daily for yesterday (UTC) for every artist with listens that day and an endpoint listening for it, and queues the deliveries. */
export async function emitDailyStats(deps: Pick<ServiceDeps, 'db' | 'jobs'>, now = new Date()) {
  const day = addDays(now.toISOString().slice(0, 10), -1);
  let after: string | null = null;
  let artists = 0;
  let deliveries = 0;
  for (;;) {
    const rows = await webhooksQueries.dailySummaries(deps.db, day, after, STATS_BATCH);
    if (rows.length === 0) break;
    // The day is the dedupe key: a second run (a retry, another process's catch-up) records nothing again.
    const events: NewWebhookEvent[] = rows.map(({ artist_id, name, ...totals }) => ({
      owner: { kind: 'artist', id: artist_id },
      type: 'stats.daily',
      dedupeKey: day,
      at: now,
      data: { artist: { id: artist_id, name }, day, ...totals },
    }));
    const ids = await deps.db.transaction().execute((trx) => webhooksQueries.recordEvents(trx, events));
    await queueWebhookDeliveries(deps.jobs, ids);
    artists += rows.length;
    deliveries += ids.length;
    after = rows[rows.length - 1]!.artist_id;
  }
  return { day, artists, deliveries };
}

/** The webhook jobs' handlers: delivery, the sweeper of lost deliveries, and the daily summaries. */
export function webhooksHandlers(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'config' | 'metrics'>) {
  return {
    // Idempotent: a finished delivery is not sent again; between attempts the job waits, delayed, under its own id.
    [deliverWebhookJob.name]: async ({ deliveryId }, context) => {
      const step = await attemptDelivery(deps, deliveryId);
      if (!step.done) await deferJob(context, step.at);
      return { finished: true };
    },

    // Idempotent: ensureQueued adds a delivery's job only when it is missing (or retries it when it failed for good).
    [sweepWebhooksJob.name]: async ({ olderThanMs }) => sweepWebhooks(deps, olderThanMs),

    // Idempotent: one stats.daily event per artist and day (the dedupe key).
    [dailyStatsWebhooksJob.name]: async () => emitDailyStats(deps),
  } satisfies Partial<WorkerHandlers>;
}
