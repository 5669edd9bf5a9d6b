import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE artists (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      name_folded text NOT NULL,
      bio text,
      country char(2),
      genres text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX artists_name_folded_idx ON artists (name_folded text_pattern_ops);

    CREATE TABLE artist_members (
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (artist_id, user_id)
    );
    CREATE INDEX artist_members_user_idx ON artist_members (user_id);

    CREATE TABLE releases (
      id uuid PRIMARY KEY,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      title text NOT NULL,
      title_folded text NOT NULL,
      type text NOT NULL CHECK (type IN ('album', 'single', 'ep', 'compilation')),
      release_date date,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX releases_artist_idx ON releases (artist_id);

    CREATE TABLE tracks (
      id uuid PRIMARY KEY,
      release_id uuid NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      title text NOT NULL,
      title_folded text NOT NULL,
      isrc char(12) UNIQUE,
      duration_ms integer NOT NULL CHECK (duration_ms > 0),
      release_date date,
      track_number integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX tracks_release_idx ON tracks (release_id, track_number);
    CREATE INDEX tracks_artist_title_idx ON tracks (artist_id, title_folded);
    CREATE INDEX tracks_title_folded_idx ON tracks (title_folded text_pattern_ops);

    CREATE TABLE track_credits (
      track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      role text NOT NULL,
      PRIMARY KEY (track_id, artist_id, role)
    );
    CREATE INDEX track_credits_artist_idx ON track_credits (artist_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE track_credits, tracks, releases, artist_members, artists`.execute(db);
}
