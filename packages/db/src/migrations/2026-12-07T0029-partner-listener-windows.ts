import { type Kysely, sql } from 'kysely';

/**
 * A partner's distinct listeners over any window of 7, 28, 90 or 365 days, kept as deltas like an artist's
 * (2026-12-06T0023 explains the pieces; issue 16): partner statistics counted their four listener windows by
 * hashing the partner's listener-days of the whole scanned range on every request, tens of thousands over 28 days
 * on the 10M set, where an artist's statistics read a few hundred delta rows.
 *
 * - partner_listener_windows holds, per partner and day, one delta column per window length. A partner's
 *   listener-day is a (listener, day) with a row of partner_day_listeners for any of its apps: a listener of two
 *   apps on a day is one listener-day.
 * - Aggregation keeps the deltas in the statement that changes partner_day_listeners (listeningQueries'
 *   applyEvents), and `npm run admin -- listener-windows` checks and repairs them with the artists'.
 * - A listener's neighbouring days with a partner are found by (partner_id, user_id, day): the index added here.
 *   Only listens through a partner's app write these rows, so it costs the common stream nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partner_listener_windows (
      partner_id uuid NOT NULL,
      day date NOT NULL,
      d7 integer NOT NULL DEFAULT 0,
      d28 integer NOT NULL DEFAULT 0,
      d90 integer NOT NULL DEFAULT 0,
      d365 integer NOT NULL DEFAULT 0,
      PRIMARY KEY (partner_id, day)
    ) WITH (fillfactor = 70);
    CREATE INDEX partner_day_listeners_partner_user_idx ON partner_day_listeners (partner_id, user_id, day);

    SET LOCAL work_mem = '256MB';
    INSERT INTO partner_listener_windows (partner_id, day, d7, d28, d90, d365)
    SELECT partner_id, day, coalesce(sum(delta) FILTER (WHERE days = 7), 0), coalesce(sum(delta) FILTER (WHERE days = 28), 0),
           coalesce(sum(delta) FILTER (WHERE days = 90), 0), coalesce(sum(delta) FILTER (WHERE days = 365), 0)
    FROM (
      SELECT partner_id, w.days, CASE WHEN prev IS NULL THEN day ELSE greatest(day, prev + w.days) END AS day, 1 AS delta
      FROM (
        SELECT partner_id, day, lag(day) OVER (PARTITION BY partner_id, user_id ORDER BY day) AS prev
        FROM (SELECT DISTINCT partner_id, day, user_id FROM partner_day_listeners) listener_days
      ) x
      CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
      UNION ALL
      SELECT partner_id, w.days, day + w.days, -1
      FROM (SELECT DISTINCT partner_id, day, user_id FROM partner_day_listeners) listener_days CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
    ) pieces
    GROUP BY 1, 2;
    DELETE FROM partner_listener_windows WHERE d7 = 0 AND d28 = 0 AND d90 = 0 AND d365 = 0;
    ANALYZE partner_listener_windows;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS partner_listener_windows;
    DROP INDEX IF EXISTS partner_day_listeners_partner_user_idx;
  `.execute(db);
}
