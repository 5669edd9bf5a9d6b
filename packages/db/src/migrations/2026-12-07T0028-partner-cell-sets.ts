import { type Kysely, sql } from 'kysely';

/**
 * A partner's audience cells of a closed day as arrays (issue 16): the partner audience counted distinct listeners
 * per value from partner_day_listeners, a heap row per partner, day, app and listener, grouped and ranked on every
 * request over up to a year. A partner is as big as the platform's biggest artists together, so on the 10M set it
 * was the slowest route by far.
 *
 * - partner_cell_sets holds, per partner, dimension (country, age, gender), closed day and value, the day-cell's
 *   streams, the ordinals (users.ordinal) of its listeners and its ranks (least_listeners, listeners_before: see
 *   audienceQueries' ranked), exactly what that day's partner_day_listeners rows say. A listener of two of the
 *   partner's apps on a day is one listener of the day, valued by the least of their rows' values (as the reads
 *   always took it).
 * - Kept like artist_cell_sets (2026-12-07T0025): aggregation deletes the cells of every partner-day whose listener
 *   rows it changes, in the statement that changes them, and queues the day in partner_day_sets_pending; the
 *   compaction job builds the cells of pending closed days and takes them off the list in one statement. Every
 *   partner-day with listener rows has its cells or is pending (every one is pending to begin with), never both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE partner_cell_sets (
      partner_id uuid NOT NULL,
      dimension text NOT NULL CHECK (dimension IN ('country', 'age', 'gender')),
      day date NOT NULL,
      value text COLLATE "C" NOT NULL,
      streams bigint NOT NULL,
      users integer[] NOT NULL,
      least_listeners integer NOT NULL,
      listeners_before integer NOT NULL,
      PRIMARY KEY (partner_id, dimension, day, value)
    );
    CREATE TABLE partner_day_sets_pending (
      day date NOT NULL,
      partner_id uuid NOT NULL,
      PRIMARY KEY (day, partner_id)
    );
    CREATE INDEX partner_day_sets_pending_partner_idx ON partner_day_sets_pending (partner_id, day);
    INSERT INTO partner_day_sets_pending (partner_id, day) SELECT DISTINCT partner_id, day FROM partner_day_listeners;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS partner_cell_sets, partner_day_sets_pending;`.execute(db);
}
