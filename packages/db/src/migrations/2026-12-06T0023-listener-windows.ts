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
 * after its end. artist_listener_windows keeps those deltas, summed per artist and day, one column per L; aggregation keeps them
 * (listeningQueries' applyEvents), and a read is one index range (analyticsQueries.stats).
 *
 * Finding a listener's neighbouring days needs artist_day_listeners by (user_id, artist_id, day); the index on
 * user_id alone becomes that one, so no index is added to the rows every stream writes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE artist_listener_windows (
      artist_id uuid NOT NULL,
      day date NOT NULL,
      -- One column per window length: a new listener-day's pieces start on the same day for every length, so a
      -- row per day holds what would be four rows, and aggregation upserts fewer.
      d7 integer NOT NULL DEFAULT 0,
      d28 integer NOT NULL DEFAULT 0,
      d90 integer NOT NULL DEFAULT 0,
      d365 integer NOT NULL DEFAULT 0,
      PRIMARY KEY (artist_id, day)
    ) WITH (fillfactor = 70);
    DROP INDEX artist_day_listeners_user_idx;
    CREATE INDEX artist_day_listeners_user_idx ON artist_day_listeners (user_id, artist_id, day);

    SET LOCAL work_mem = '256MB';
    INSERT INTO artist_listener_windows (artist_id, day, d7, d28, d90, d365)
    SELECT artist_id, day, coalesce(sum(delta) FILTER (WHERE days = 7), 0), coalesce(sum(delta) FILTER (WHERE days = 28), 0),
           coalesce(sum(delta) FILTER (WHERE days = 90), 0), coalesce(sum(delta) FILTER (WHERE days = 365), 0)
    FROM (
      SELECT artist_id, w.days, CASE WHEN prev IS NULL THEN day ELSE greatest(day, prev + w.days) END AS day, 1 AS delta
      FROM (SELECT artist_id, day, lag(day) OVER (PARTITION BY artist_id, user_id ORDER BY day) AS prev FROM artist_day_listeners) x
      CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
      UNION ALL
      SELECT artist_id, w.days, day + w.days, -1
      FROM artist_day_listeners CROSS JOIN (VALUES (7), (28), (90), (365)) w (days)
    ) pieces
    GROUP BY 1, 2;
    DELETE FROM artist_listener_windows WHERE d7 = 0 AND d28 = 0 AND d90 = 0 AND d365 = 0;
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
