import { type Kysely, sql } from 'kysely';

/**
 * Exact distinct listeners of an artist over any window of 7, 28, 90 or 365 days, without reading the window's
 * listener-days (issue 16: the 10M set's top artist has 284,042 of them over 365 days).
 *
 * A listener is counted in the L-day window ending on day e when they have a listener-day in [e-L+1, e]. Give
 * each listener-day x of a listener (with the artist) the piece [max(x, p+L), x+L-1], where p is the listener's
 * previous listener-day with the artist (none: the piece starts at x). The pieces of one listener are disjoint
 * and together cover exactly the days e whose window holds one of their listener-days. So the listeners of the
 * window ending at e are the pieces covering e: the prefix sum up to e of +1 at each piece's start and -1 the day
 * after its end. artist_listener_windows keeps those deltas, summed per (artist, L, day); aggregation keeps them
 * (listeningQueries' applyEvents), and a read is one index range (analyticsQueries.stats).
 *
 * Finding a listener's neighbouring days needs artist_day_listeners by (user_id, artist_id, day); the index on
 * user_id alone becomes that one, so no index is added to the rows every stream writes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE artist_listener_windows (
      artist_id uuid NOT NULL,
      window_days smallint NOT NULL,
      day date NOT NULL,
      delta integer NOT NULL,
      PRIMARY KEY (artist_id, window_days, day)
    ) WITH (fillfactor = 70);
    DROP INDEX artist_day_listeners_user_idx;
    CREATE INDEX artist_day_listeners_user_idx ON artist_day_listeners (user_id, artist_id, day);

    SET LOCAL work_mem = '256MB';
    INSERT INTO artist_listener_windows (artist_id, window_days, day, delta)
    SELECT artist_id, window_days, day, sum(delta)
    FROM (
      SELECT artist_id, w.days AS window_days, CASE WHEN prev IS NULL THEN day ELSE greatest(day, prev + w.days) END AS day, 1 AS delta
      FROM (SELECT artist_id, day, lag(day) OVER (PARTITION BY artist_id, user_id ORDER BY day) AS prev FROM artist_day_listeners) x
      CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
      UNION ALL
      SELECT artist_id, w.days, day + w.days, -1
      FROM artist_day_listeners CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
    ) pieces
    GROUP BY 1, 2, 3 HAVING sum(delta) <> 0;
    ANALYZE artist_listener_windows;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS artist_listener_windows;
    DROP INDEX IF EXISTS artist_day_listeners_user_idx;
    CREATE INDEX artist_day_listeners_user_idx ON artist_day_listeners (user_id);
  `.execute(db);
}
