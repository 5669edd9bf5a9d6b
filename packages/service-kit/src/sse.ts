import type { FastifyRequest } from 'fastify';
import { ProblemError } from './errors.js';

export interface StreamLimits {
  /** Open streams one caller (a user, else a client address) may hold on this instance. */
  perCaller: number;
  /** Open streams this instance holds in all. */
  perInstance: number;
}

export const STREAM_LIMIT_DEFAULTS: StreamLimits = { perCaller: 10, perInstance: 2000 };

/** Who a stream counts against: the verified user when there is one, else the client address. */
export function streamCaller(request: FastifyRequest): string {
  return request.principal ? `u:${request.principal.userId}` : `ip:${request.ip}`;
}

/**
 * Caps the Server-Sent Event streams an instance holds, per caller and in all, so no caller (anonymous ones on
 * public playlists included) can hold sockets without bound. One limiter per process, shared by every stream route.
 */
export class StreamLimiter {
  private readonly byCaller = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: StreamLimits = STREAM_LIMIT_DEFAULTS) {}

  /** Takes a slot for `caller`, or throws a 429 problem; the returned function gives it back (once). */
  acquire(caller: string): () => void {
    const mine = this.byCaller.get(caller) ?? 0;
    if (this.total >= this.limits.perInstance) {
      throw new ProblemError(429, 'too_many_streams', 'This server holds as many live streams as it can; try again shortly.', {
        headers: { 'retry-after': '10' },
      });
    }
    if (mine >= this.limits.perCaller) {
      throw new ProblemError(429, 'too_many_streams', `At most ${this.limits.perCaller} live streams may be open at once per caller; close one first.`, {
        headers: { 'retry-after': '10' },
      });
    }
    this.byCaller.set(caller, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byCaller.get(caller) ?? 1) - 1;
      if (left <= 0) this.byCaller.delete(caller);
      else this.byCaller.set(caller, left);
    };
  }

  /** Streams open now (for metrics). */
  get open(): number {
    return this.total;
  }
}

/**
 * When the access token a request was verified with expires (ms since the epoch), or null for an anonymous
 * caller. A stream outlives its request, so it must end by itself when this passes: the token no longer vouches.
 */
export function tokenExpiry(request: FastifyRequest): number | null {
  if (!request.principal) return null;
  const exp = (request.user as { exp?: unknown } | undefined)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days): longer waits are taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `fn` once at `at` (ms since the epoch), however far ahead, never synchronously; the returned function cancels it. */
export function callAt(at: number, fn: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const wait = at - Date.now();
    timer = setTimeout(wait > MAX_TIMER_MS ? arm : fn, Math.min(Math.max(wait, 0), MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
