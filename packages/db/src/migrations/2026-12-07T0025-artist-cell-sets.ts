import { type Kysely, sql } from 'kysely';

/**
 * An artist's audience cells of a closed day as arrays (issue 16): the audience breakdown counts distinct listeners
 * per value over up to a year of day-cells, and reading one heap row per listener-day was most of its time (the
 * 10M set's top artist: 78 ms over 28 days and 905 ms over 365 in the prototype; 37 and 315 ms over arrays).
 *
 * - artist_cell_sets holds, per artist, dimension (country, age, gender), closed day and value, the day-cell's
 *   streams and the ordinals (users.ordinal) of its listeners: exactly what that day's artist_day_listeners rows
 *   with the value say. The cells of one dimension partition the day's listeners, so they also give the day's
 *   distinct listeners.
 * - Kept like track_day_sets (2026-12-07T0024): aggregation deletes the cells of every artist-day it changes, in
 *   the statement that changes it, and queues the day in artist_day_sets_pending; the compaction job builds the
 *   cells of pending closed days and takes them off the list in one statement. Every artist-day with listener
 *   rows has its cells or is pending (every one is pending to begin with), never both: a read takes the cells of
 *   the days that are not pending and the rows of the days that are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE artist_cell_sets (
      artist_id uuid NOT NULL,
      dimension text NOT NULL CHECK (dimension IN ('country', 'age', 'gender')),
      day date NOT NULL,
      value text COLLATE "C" NOT NULL,
      streams bigint NOT NULL,
      users integer[] NOT NULL,
      PRIMARY KEY (artist_id, dimension, day, value)
    );
    CREATE TABLE artist_day_sets_pending (
      day date NOT NULL,
      artist_id uuid NOT NULL,
      PRIMARY KEY (day, artist_id)
    );
    CREATE INDEX artist_day_sets_pending_artist_idx ON artist_day_sets_pending (artist_id, day);
    INSERT INTO artist_day_sets_pending (artist_id, day) SELECT artist_id, day FROM artist_daily;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS artist_cell_sets, artist_day_sets_pending;`.execute(db);
}
