import { type Kysely, sql } from 'kysely';

/**
 * A track's distinct listeners over windows of 28, 90 and 365 days, kept as deltas by the compaction job (issue
 * 16): the tracks list counted each track's listeners over every day set of the range on each request, 65 ms for the
 * 10M set's top artist over 365 days. Seven days stay counted over the sets: as fast for the head, faster for the
 * rest (0.35 against 0.66 ms for an artist of rank 101), and a fifth fewer delta rows. Kept by aggregation, as an artist's are, they cost about 40% more per batch
 * (a batch makes about as many new track-listener-days as listens); kept where the day sets are built, they cost
 * aggregation nothing.
 *
 * - track_listener_windows: the deltas (as artist_listener_windows; listenerWindowQueries says what they sum) of
 *   the track's folded listener-days: those of its day sets up to track_windows_folded.through. No day up to it was
 *   pending when it was folded; a day up to it that is pending again (a late listen, a deletion, a repair) is read
 *   from rows and the windows are not used for ranges that hold it, until the job builds its set again and folds
 *   the track again from the start.
 * - track_listener_last: each listener's last folded day with the track, which the job folds the next days after,
 *   and which a read looks up for the listeners of the days after `through` (today's): a listener is new to the
 *   range when their last folded day is before it.
 * - A track without a row in track_windows_folded is counted by scanning, as before.
 *
 * The fill folds every track's day sets up to the day before its first pending day (all of them when none is).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE track_listener_windows (
      track_id uuid NOT NULL,
      day date NOT NULL,
      d28 integer NOT NULL DEFAULT 0,
      d90 integer NOT NULL DEFAULT 0,
      d365 integer NOT NULL DEFAULT 0,
      PRIMARY KEY (track_id, day)
    );
    CREATE TABLE track_listener_last (
      track_id uuid NOT NULL,
      user_ordinal integer NOT NULL,
      day date NOT NULL,
      PRIMARY KEY (track_id, user_ordinal)
    );
    CREATE TABLE track_windows_folded (
      track_id uuid PRIMARY KEY,
      through date NOT NULL
    );
    SET LOCAL work_mem = '256MB';
    INSERT INTO track_windows_folded (track_id, through)
    SELECT s.track_id, max(s.day) FROM track_day_sets s
    WHERE NOT EXISTS (SELECT 1 FROM track_day_sets_pending p WHERE p.track_id = s.track_id AND p.day <= s.day)
    GROUP BY 1 ORDER BY 1;
    CREATE TEMPORARY TABLE folded_pieces ON COMMIT DROP AS
    SELECT s.track_id, s.day, u, lag(s.day) OVER (PARTITION BY s.track_id, u ORDER BY s.day) AS prev
    FROM track_windows_folded f JOIN track_day_sets s ON s.track_id = f.track_id AND s.day <= f.through
    CROSS JOIN LATERAL unnest(s.users) u;
    INSERT INTO track_listener_windows (track_id, day, d28, d90, d365)
    SELECT track_id, day,
           coalesce(sum(delta) FILTER (WHERE days = 28), 0), coalesce(sum(delta) FILTER (WHERE days = 90), 0),
           coalesce(sum(delta) FILTER (WHERE days = 365), 0)
    FROM (
      SELECT p.track_id, w.days, CASE WHEN p.prev IS NULL THEN p.day ELSE greatest(p.day, p.prev + w.days) END AS day, 1 AS delta
      FROM folded_pieces p CROSS JOIN (VALUES (28), (90), (365)) w (days)
      UNION ALL
      SELECT p.track_id, w.days, p.day + w.days, -1 FROM folded_pieces p CROSS JOIN (VALUES (28), (90), (365)) w (days)
    ) d
    GROUP BY 1, 2
    HAVING coalesce(sum(delta) FILTER (WHERE days = 28), 0) <> 0 OR coalesce(sum(delta) FILTER (WHERE days = 90), 0) <> 0
        OR coalesce(sum(delta) FILTER (WHERE days = 365), 0) <> 0
    ORDER BY 1, 2;
    INSERT INTO track_listener_last (track_id, user_ordinal, day)
    SELECT track_id, u, max(day) FROM folded_pieces GROUP BY 1, 2 ORDER BY 1, 2;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS track_listener_windows, track_listener_last, track_windows_folded`.execute(db);
}
