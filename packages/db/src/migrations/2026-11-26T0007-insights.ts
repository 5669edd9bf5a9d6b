import { type Kysely, sql } from 'kysely';

/**
 * Insights: the facts the insight jobs found (each reported once), who has read them, the watermarks the
 * milestone detector compares against, and the derived data analytics serves (related artists, forecasts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE insights (
      id uuid PRIMARY KEY,
      -- The artist whose feed shows it; a track insight carries its artist's id too.
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      subject_kind text NOT NULL CHECK (subject_kind IN ('artist', 'track')),
      subject_id uuid NOT NULL,
      type text NOT NULL CHECK (type IN ('trend', 'milestone', 'anomaly', 'audience_shift', 'playlist_momentum', 'forecast')),
      severity text NOT NULL CHECK (severity IN ('info', 'notable', 'major')),
      title text NOT NULL,
      body text NOT NULL,
      evidence jsonb NOT NULL,
      dedupe_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- The same fact about the same subject is stored once, however often (or concurrently) a job finds it.
      CONSTRAINT insights_dedupe_key UNIQUE (subject_kind, subject_id, dedupe_key)
    );
    -- The feed: newest first per artist, keyset on (created_at, id), optionally of one type.
    CREATE INDEX insights_feed_idx ON insights (artist_id, created_at DESC, id DESC);
    CREATE INDEX insights_feed_type_idx ON insights (artist_id, type, created_at DESC, id DESC);

    CREATE TABLE insight_reads (
      insight_id uuid NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (insight_id, user_id)
    );
    -- A user's deletion cascades through this.
    CREATE INDEX insight_reads_user_idx ON insight_reads (user_id);

    -- Last totals the milestone detector saw, per subject and metric: a threshold is reported when crossed
    -- between the stored value and the current one.
    CREATE TABLE insight_state (
      subject_kind text NOT NULL CHECK (subject_kind IN ('artist', 'track')),
      subject_id uuid NOT NULL,
      metric text NOT NULL,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      value bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subject_kind, subject_id, metric)
    );
    CREATE INDEX insight_state_artist_idx ON insight_state (artist_id);

    -- "Fans also like": rebuilt daily from co-listening, replaced wholesale in one transaction.
    CREATE TABLE artist_related (
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      related_artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      score double precision NOT NULL,
      overlap integer NOT NULL,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (artist_id, related_artist_id)
    );
    CREATE INDEX artist_related_rank_idx ON artist_related (artist_id, score DESC, related_artist_id);
    CREATE INDEX artist_related_related_idx ON artist_related (related_artist_id);

    CREATE TABLE artist_forecasts (
      artist_id uuid PRIMARY KEY REFERENCES artists (id) ON DELETE CASCADE,
      computed_at timestamptz NOT NULL,
      -- The last day of history the forecast saw; its points start the day after.
      as_of date NOT NULL,
      method text NOT NULL,
      level double precision NOT NULL,
      points jsonb NOT NULL,
      total jsonb NOT NULL
    );

    -- The hourly insight scan and the daily forecast job look up artists with recent data by day.
    CREATE INDEX artist_daily_day_idx ON artist_daily (day);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX artist_daily_day_idx`.execute(db);
  await sql`DROP TABLE artist_forecasts, artist_related, insight_state, insight_reads, insights`.execute(db);
}
