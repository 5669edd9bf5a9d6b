import { sql } from 'kysely';
import type { Db } from '../connection.js';

/** Listens refused at ingestion, as product analysts read them: no listener is named. */
export const integrityQueries = {
  /** The first UTC day anything was refused (where range=all starts), or undefined when never. */
  firstDay: async (db: Db) => {
    const { rows } = await sql<{ first_day: string | null }>`SELECT min(day)::text AS first_day FROM ingest_refusals_daily`.execute(db);
    return rows[0]?.first_day ?? undefined;
  },

  /** Refused listens and the batches they came in, per UTC day of the refusal, reason and API, for days in [from, to]. */
  refusalsByDay: async (db: Db, from: string, to: string) => {
    const { rows } = await sql<{ day: string; reason: string; source: string; listens: number; batches: number }>`
      SELECT day::text AS day, reason, source, listens, batches FROM ingest_refusals_daily
      WHERE day BETWEEN ${from}::date AND ${to}::date ORDER BY day, reason, source`.execute(db);
    return rows;
  },
};
