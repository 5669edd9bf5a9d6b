import { type Kysely, sql } from 'kysely';

/**
 * An artist's named partners of a closed day kept as day-cells too (issue 16): the sources breakdown counted
 * distinct listeners per partner from artist_partner_day_listeners, a heap row per listener-day, over up to a year.
 *
 * - artist_cell_sets also holds, per artist, partner kind, closed day and partner, the cell's streams, its
 *   listeners' ordinals and its ranks: the dimension is the partner's kind (automotive, telecom, device, app), since
 *   the k-anonymity rule judges each kind's cells of a day together, and the value the partner's id.
 * - Kept with the audience cells of the same artist-day: aggregation writes a partner's rows in the statement that
 *   changes the artist-day, which deletes the day's cells and marks it pending; the compaction job builds all of
 *   them. The days that already have cells and partner rows are queued again, their cells gone, so the job builds
 *   their partner cells; reads stay exact meanwhile, from the rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE artist_cell_sets DROP CONSTRAINT artist_cell_sets_dimension_check,
      ADD CONSTRAINT artist_cell_sets_dimension_check
      CHECK (dimension IN ('country', 'age', 'gender', 'automotive', 'telecom', 'device', 'app'));
    CREATE TEMPORARY TABLE partner_days ON COMMIT DROP AS
      SELECT DISTINCT p.artist_id, p.day FROM artist_partner_day_listeners p
      WHERE EXISTS (SELECT 1 FROM artist_cell_sets s WHERE s.artist_id = p.artist_id AND s.dimension = 'gender' AND s.day = p.day);
    DELETE FROM artist_cell_sets s USING partner_days d WHERE s.artist_id = d.artist_id AND s.day = d.day;
    INSERT INTO artist_day_sets_pending (artist_id, day) SELECT artist_id, day FROM partner_days ON CONFLICT DO NOTHING;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM artist_cell_sets WHERE dimension NOT IN ('country', 'age', 'gender');
    ALTER TABLE artist_cell_sets DROP CONSTRAINT artist_cell_sets_dimension_check,
      ADD CONSTRAINT artist_cell_sets_dimension_check CHECK (dimension IN ('country', 'age', 'gender'));
  `.execute(db);
}
