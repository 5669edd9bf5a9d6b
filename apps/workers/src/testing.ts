import { type Db, opsQueries } from '@chorus/db';
import type { ServiceDeps } from '@chorus/service-kit';
import { createRegistry } from './index.js';

/** Runs the real workers (aggregation, insights, webhook delivery, ...) on a test runtime until teardown. */
export async function startTestWorkers(t: { teardown(fn: () => unknown): void }, deps: ServiceDeps): Promise<void> {
  await createRegistry(deps).start(deps.jobs, { ingest: 2, maintenance: 1, webhooks: deps.config.webhooks.concurrency });
  t.teardown(() => deps.jobs.closeWorkers());
}

/** Waits until no ingest batch is pending. */
export async function drained(db: Db, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const { batches } = await opsQueries.ingestBacklog(db);
    if (batches === 0) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${batches} batches still pending`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
