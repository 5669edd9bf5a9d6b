import { type Kysely, sql } from 'kysely';

/**
 * The audience cells keep what decides whether each is shown (issue 16). The k-anonymity rule judges a day's cells
 * together, smallest first; reading a year of cells ranked every day of them again on each request (a sort and two
 * window passes over every cell). A closed day's cells never change without being rebuilt, so the ranks are kept
 * with them, and they do not depend on k:
 *
 * - least_listeners: the fewest listeners of a cell of the same artist, dimension and day;
 * - listeners_before: the listeners of the cells of that day before this one, smallest first (by listeners, then
 *   streams, then value in byte order).
 *
 * A cell is shown under k when least_listeners >= k, or when it has k listeners and listeners_before >= k
 * (audienceQueries' isShown). The cells already kept are ranked here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE artist_cell_sets ADD COLUMN least_listeners integer NOT NULL DEFAULT 0, ADD COLUMN listeners_before integer NOT NULL DEFAULT 0;
    UPDATE artist_cell_sets s SET least_listeners = r.least_listeners, listeners_before = r.listeners_before
    FROM (
      SELECT artist_id, dimension, day, value,
             min(cardinality(users)) OVER (PARTITION BY artist_id, dimension, day) AS least_listeners,
             coalesce(sum(cardinality(users)) OVER (
               PARTITION BY artist_id, dimension, day ORDER BY cardinality(users), streams, value ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS listeners_before
      FROM artist_cell_sets
    ) r
    WHERE s.artist_id = r.artist_id AND s.dimension = r.dimension AND s.day = r.day AND s.value = r.value;
    ALTER TABLE artist_cell_sets ALTER COLUMN least_listeners DROP DEFAULT, ALTER COLUMN listeners_before DROP DEFAULT;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE artist_cell_sets DROP COLUMN least_listeners, DROP COLUMN listeners_before;`.execute(db);
}
