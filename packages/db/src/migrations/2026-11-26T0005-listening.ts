import { type Kysely, sql } from 'kysely';

/**
 * Listening: raw events partitioned by month, the ingest outbox, and the rollups analytics reads.
 * Rollups are only ever changed by adding the contribution of whole batches (or subtracting it on deletion),
 * inside the same transaction that flips the batch's state, so every count is exact.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ingest_batches (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      source text NOT NULL CHECK (source IN ('native', 'listenbrainz', 'rematch')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
      event_count integer NOT NULL,
      -- Bounds of the batch's listened_at, so reading its events prunes to the partitions it touches.
      min_listened_at timestamptz NOT NULL,
      max_listened_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      applied_at timestamptz,
      attempts integer NOT NULL DEFAULT 0
    );
    -- The sweeper scans only pending batches.
    CREATE INDEX ingest_batches_pending_idx ON ingest_batches (created_at) WHERE status = 'pending';
    CREATE INDEX ingest_batches_user_idx ON ingest_batches (user_id);

    CREATE TABLE listens (
      id uuid NOT NULL,
      user_id uuid NOT NULL,
      listened_at timestamptz NOT NULL,
      -- Identity of the track as the client named it: the catalog id when matched at ingest, else a folded key.
      -- Part of the dedup key, so the same play posted twice is stored once.
      track_key text NOT NULL,
      track_id uuid,
      artist_id uuid,
      batch_id uuid NOT NULL,
      ms_played integer NOT NULL,
      is_stream boolean NOT NULL,
      context_type text NOT NULL,
      context_id text,
      platform text NOT NULL,
      client text,
      -- The listener's profile at the time of the listen: audience breakdowns never join users.
      country char(2) NOT NULL,
      age_bracket text NOT NULL,
      gender text NOT NULL,
      artist_name text,
      track_name text,
      release_name text,
      isrc text,
      duration_ms integer,
      match_key text,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, listened_at, track_key)
    ) PARTITION BY RANGE (listened_at);
    CREATE INDEX listens_batch_idx ON listens (batch_id);
    CREATE INDEX listens_unmatched_idx ON listens (match_key) WHERE track_id IS NULL;

    -- Old imported listens (ListenBrainz accepts them back to 2002-10-01) and anything outside the monthly
    -- partitions land in safe catch-all partitions; the maintenance job moves rows out of the default one.
    CREATE TABLE listens_historic PARTITION OF listens FOR VALUES FROM (MINVALUE) TO ('2025-01-01');
    CREATE TABLE listens_default PARTITION OF listens DEFAULT;

    CREATE TABLE listen_feedback (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      score smallint NOT NULL CHECK (score IN (-1, 1)),
      -- The UTC day a save counts on, kept so clearing it later subtracts from the right day.
      day date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, track_id)
    );

    CREATE TABLE artist_daily (
      artist_id uuid NOT NULL,
      day date NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      skips bigint NOT NULL DEFAULT 0,
      ms_played bigint NOT NULL DEFAULT 0,
      saves bigint NOT NULL DEFAULT 0,
      playlist_adds bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (artist_id, day)
    );

    CREATE TABLE track_daily (
      track_id uuid NOT NULL,
      day date NOT NULL,
      artist_id uuid NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      skips bigint NOT NULL DEFAULT 0,
      ms_played bigint NOT NULL DEFAULT 0,
      saves bigint NOT NULL DEFAULT 0,
      playlist_adds bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (track_id, day)
    );
    CREATE INDEX track_daily_artist_idx ON track_daily (artist_id, day);

    -- Streams by one dimension (country, age, gender, source, platform) per artist per day.
    CREATE TABLE artist_daily_breakdown (
      artist_id uuid NOT NULL,
      day date NOT NULL,
      dimension text NOT NULL,
      value text NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (artist_id, dimension, day, value)
    );

    CREATE TABLE track_daily_breakdown (
      track_id uuid NOT NULL,
      day date NOT NULL,
      dimension text NOT NULL,
      value text NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (track_id, dimension, day, value)
    );

    -- Streams per playlist context (context id) per artist and track per day.
    CREATE TABLE playlist_context_daily (
      artist_id uuid NOT NULL,
      track_id uuid NOT NULL,
      day date NOT NULL,
      context_type text NOT NULL,
      context_id text NOT NULL,
      streams bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (artist_id, day, context_id, track_id)
    );

    -- Exact unique-listener sets: one row per listener with at least one stream that day, with how many,
    -- so a deletion can subtract and drop the row at zero without recounting anything.
    CREATE TABLE artist_day_listeners (
      artist_id uuid NOT NULL,
      day date NOT NULL,
      user_id uuid NOT NULL,
      streams integer NOT NULL,
      country char(2) NOT NULL,
      age_bracket text NOT NULL,
      gender text NOT NULL,
      PRIMARY KEY (artist_id, day, user_id)
    );
    CREATE INDEX artist_day_listeners_user_idx ON artist_day_listeners (user_id);

    CREATE TABLE track_day_listeners (
      track_id uuid NOT NULL,
      day date NOT NULL,
      user_id uuid NOT NULL,
      streams integer NOT NULL,
      PRIMARY KEY (track_id, day, user_id)
    );
    CREATE INDEX track_day_listeners_user_idx ON track_day_listeners (user_id, day);

    -- Per-listener activity per day: product insight (active listeners, retention) reads this.
    CREATE TABLE listener_daily (
      user_id uuid NOT NULL,
      day date NOT NULL,
      streams integer NOT NULL DEFAULT 0,
      skips integer NOT NULL DEFAULT 0,
      ms_played bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (day, user_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE listener_daily, track_day_listeners, artist_day_listeners, playlist_context_daily,
    track_daily_breakdown, artist_daily_breakdown, track_daily, artist_daily, listen_feedback, listens, ingest_batches`.execute(db);
}
