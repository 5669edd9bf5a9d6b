import type { Db } from '@chorus/db';
import type { ServiceDeps } from '@chorus/service-kit';
import { sql } from 'kysely';
import { createRegistry } from './index.js';

/** Runs the real aggregation workers on a test runtime until teardown. */
export async function startTestWorkers(t: { teardown(fn: () => unknown): void }, deps: ServiceDeps): Promise<void> {
  await createRegistry(deps).start(deps.jobs, { ingest: 2, maintenance: 1 });
  t.teardown(() => deps.jobs.closeWorkers());
}

/** Waits until no ingest batch is pending. */
export async function drained(db: Db, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ingest_batches WHERE status = 'pending'`.execute(db);
    if (rows[0]!.n === 0) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${rows[0]!.n} batches still pending`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
