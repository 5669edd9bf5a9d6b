import { type Kysely, sql } from 'kysely';

/**
 * Listen integrity and the ListenBrainz read API.
 *
 * - listener_hour_usage: how much wall-clock time one listener's stored listens cover in each UTC hour. Nobody
 *   listens to more than real time, so ingestion refuses listens that would push an hour past its budget (a
 *   tolerance for overlapping devices, see listeningQueries.insertBatch); deleting listens gives their time back.
 * - ingest_refusals_daily: what was refused, per UTC day of the refusal, reason and API, for product analysts.
 *   No listener is named in it.
 * - listen_import_marks: the ListenBrainz `latest-import` timestamp a listener's importer keeps per service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE listener_hour_usage (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      hour timestamptz NOT NULL,
      ms bigint NOT NULL,
      PRIMARY KEY (user_id, hour)
    ) WITH (fillfactor = 70);

    CREATE TABLE ingest_refusals_daily (
      day date NOT NULL,
      reason text NOT NULL,
      source text NOT NULL,
      listens bigint NOT NULL DEFAULT 0,
      batches bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (day, reason, source)
    );

    CREATE TABLE listen_import_marks (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      service text NOT NULL,
      latest_import bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, service)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE listen_import_marks, ingest_refusals_daily, listener_hour_usage`.execute(db);
}
