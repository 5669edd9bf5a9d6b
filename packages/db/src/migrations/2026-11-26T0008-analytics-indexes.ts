import { type Kysely, sql } from 'kysely';

/**
 * Indexes for platform-wide analytics reads, which filter the breakdown rollups by dimension and day across all
 * artists (their primary keys lead with the artist or track). Without them product insight scans every row
 * ever aggregated (EXPLAIN on 10M listens: a parallel seq scan of 10.5M rows, 570 ms for 28 days of sources and
 * platforms, 740 ms for a market's track trends); with them the cost follows the days asked.
 * No rollup counter is indexed, so the increments aggregation makes stay HOT updates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Sources and platforms over a day range; artist trends in a market (value is checked inside the index).
    CREATE INDEX artist_daily_breakdown_dimension_day_idx ON artist_daily_breakdown (dimension, day, value);
    -- Track trends in one market over 14 days.
    CREATE INDEX track_daily_breakdown_market_idx ON track_daily_breakdown (dimension, value, day);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX track_daily_breakdown_market_idx, artist_daily_breakdown_dimension_day_idx`.execute(db);
}
