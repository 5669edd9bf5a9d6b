import { sql } from 'kysely';
import type { Db } from '../connection.js';

/** What operators watch: the aggregation backlog, read from the outbox on the pending batches' partial index. */
export const opsQueries = {
  ingestBacklog: async (db: Db) => {
    const { rows } = await sql<{ batches: number; listens: number; oldest_seconds: number | null }>`
      SELECT count(*)::int AS batches, coalesce(sum(event_count), 0)::int AS listens,
             extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds
      FROM ingest_batches WHERE status = 'pending'`.execute(db);
    return rows[0] ?? { batches: 0, listens: 0, oldest_seconds: null };
  },
};
