/** The slice of a pino logger that background connections report through. */
export interface WarnLog {
  warn(obj: object, msg: string): void;
}

/**
 * Reports a background component's errors without flooding: the first error is logged at once, then at most one
 * line a minute counting the errors since, for as long as they keep coming (a reconnecting client errs on every try).
 */
export function errorReporter(log: WarnLog | undefined, what: string, windowMs = 60_000): (error: unknown) => void {
  let windowStart = 0;
  let suppressed = 0;
  return (error) => {
    if (!log) return;
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      const more = suppressed > 0 ? ` (${suppressed} more since the last report)` : '';
      log.warn({ err: error, component: what }, `${what} failed${more}`);
      windowStart = now;
      suppressed = 0;
    } else suppressed++;
  };
}
