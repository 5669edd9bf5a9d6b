import { type Kysely, sql } from 'kysely';

/**
 * A partner's listeners of each day, kept as one-day window deltas beside its longer ones (issue 16): its
 * timeseries of listeners by day counted distinct listeners over every listener row of the range on each request
 * (a row per app and listener-day), the cost growing with the partner's listeners. A one-day window's delta is +1
 * on a listener-day and -1 the day after, so the running sum of d1 up to a day is that day's listeners; the deltas
 * are kept, checked and repaired with the partner's others (listenerWindowQueries).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE partner_listener_windows ADD COLUMN d1 integer NOT NULL DEFAULT 0;
    SET LOCAL work_mem = '256MB';
    INSERT INTO partner_listener_windows AS r (partner_id, day, d1)
    SELECT partner_id, day, sum(delta)
    FROM (
      SELECT partner_id, day, count(*) AS delta FROM (SELECT DISTINCT partner_id, day, user_id FROM partner_day_listeners) d GROUP BY 1, 2
      UNION ALL
      SELECT partner_id, day + 1, -count(*) FROM (SELECT DISTINCT partner_id, day, user_id FROM partner_day_listeners) d GROUP BY 1, 2
    ) deltas
    GROUP BY 1, 2 HAVING sum(delta) <> 0
    ON CONFLICT (partner_id, day) DO UPDATE SET d1 = excluded.d1;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE partner_listener_windows DROP COLUMN IF EXISTS d1;
    DELETE FROM partner_listener_windows WHERE d7 = 0 AND d28 = 0 AND d90 = 0 AND d365 = 0;
  `.execute(db);
}
