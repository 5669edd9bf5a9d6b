/** Where outage lines go: one warning line (the error is described in it). */
export type OutageWarn = (message: string) => void;

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describe(error.errors[0]);
  const text = error instanceof Error ? error.message || ((error as NodeJS.ErrnoException).code ?? error.name) : String(error);
  return text.slice(0, 200);
}

/**
 * Logs a backend's outage once when it starts and once when it ends (database, Redis, the queue), however many
 * failing requests, retries and pool errors come in between.
 */
export class OutageLog {
  private readonly since = new Map<string, number>();

  constructor(private readonly warn: OutageWarn) {}

  /** Reports that `what` failed; only the first failure of an outage is logged. */
  failed(what: string, error?: unknown): void {
    if (this.since.has(what)) return;
    this.since.set(what, Date.now());
    this.warn(`${what} is unreachable${error === undefined ? '' : ` (${describe(error)})`}: requests that need it fail until it is back`);
  }

  /** Reports that `what` answered; logs the recovery when it was down. */
  recovered(what: string): void {
    const since = this.since.get(what);
    if (since === undefined) return;
    this.since.delete(what);
    this.warn(`${what} is reachable again after ${((Date.now() - since) / 1000).toFixed(1)} s`);
  }

  isDown(what: string): boolean {
    return this.since.has(what);
  }
}

/** The default sink when a process has no logger yet: one plain line on stderr. */
export const stderrWarn: OutageWarn = (message) => {
  process.stderr.write(`${new Date().toISOString()} WARN ${message}\n`);
};
