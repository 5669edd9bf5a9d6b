import { type Kysely, sql } from 'kysely';

/**
 * Collaborative playlists. Every change to a playlist locks its row (SELECT ... FOR UPDATE), so `version`
 * (the snapshot), `last_seq` (the activity log) and `item_count` are exact counters kept beside the data.
 * Items are ordered by fractional string keys: an insert or a move writes one row, never renumbers the list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE playlists (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      description text,
      visibility text NOT NULL CHECK (visibility IN ('private', 'public')),
      collaborative boolean NOT NULL DEFAULT false,
      -- Bumped by every change to the content or details; the snapshot id is derived from it.
      version bigint NOT NULL DEFAULT 1,
      -- The seq of the newest activity row (votes and membership changes log activity without a new snapshot).
      last_seq bigint NOT NULL DEFAULT 0,
      item_count integer NOT NULL DEFAULT 0 CHECK (item_count BETWEEN 0 AND 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX playlists_owner_idx ON playlists (owner_id);

    -- The owner has a row too (role 'owner'), so one lookup answers "what may this caller do".
    CREATE TABLE playlist_collaborators (
      playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'editor', 'contributor', 'viewer')),
      added_by uuid REFERENCES users (id) ON DELETE SET NULL,
      invite_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (playlist_id, user_id)
    );
    CREATE INDEX playlist_collaborators_user_idx ON playlist_collaborators (user_id);
    CREATE UNIQUE INDEX playlist_collaborators_one_owner ON playlist_collaborators (playlist_id) WHERE role = 'owner';

    CREATE TABLE playlist_items (
      id uuid PRIMARY KEY,
      playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      -- Base-62 fractional key; byte order ("C") is the order the keys are generated in.
      position_key text COLLATE "C" NOT NULL,
      added_by uuid REFERENCES users (id) ON DELETE SET NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      net_votes integer NOT NULL DEFAULT 0,
      -- Deferred: a rebalance rewrites every key of a playlist in one statement.
      CONSTRAINT playlist_items_order_key UNIQUE (playlist_id, position_key) DEFERRABLE INITIALLY DEFERRED
    );
    -- Removing every occurrence of a track, and keeping suggestions out of the playlist.
    CREATE INDEX playlist_items_playlist_track_idx ON playlist_items (playlist_id, track_id);
    -- Playlist momentum (analytics): when a track was added to playlists.
    CREATE INDEX playlist_items_track_added_idx ON playlist_items (track_id, added_at);

    CREATE TABLE playlist_votes (
      item_id uuid NOT NULL REFERENCES playlist_items (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
      direction smallint NOT NULL CHECK (direction IN (-1, 1)),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (item_id, user_id)
    );
    CREATE INDEX playlist_votes_playlist_idx ON playlist_votes (playlist_id);

    CREATE TABLE playlist_followers (
      playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (playlist_id, user_id)
    );
    CREATE INDEX playlist_followers_user_idx ON playlist_followers (user_id);

    -- Invitation links: only a SHA-256 of the token is kept, so a database leak gives no way in.
    CREATE TABLE playlist_invites (
      id uuid PRIMARY KEY,
      playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('editor', 'contributor', 'viewer')),
      max_uses integer CHECK (max_uses > 0),
      uses integer NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
    CREATE INDEX playlist_invites_playlist_idx ON playlist_invites (playlist_id);

    -- The change log: one row per change, written in the change's own transaction; seq is per playlist.
    CREATE TABLE playlist_activity (
      playlist_id uuid NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      type text NOT NULL,
      payload jsonb NOT NULL,
      snapshot_id text NOT NULL,
      -- How many items the change touched: contribution counts sum it without reading payloads.
      item_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (playlist_id, seq)
    );

    -- Idempotency-Key on creation: the first answer is kept for 24 hours and given back to a retry.
    CREATE TABLE playlist_idempotency_keys (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      key text NOT NULL,
      request_hash text NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE playlist_idempotency_keys, playlist_activity, playlist_invites, playlist_followers, playlist_votes,
    playlist_items, playlist_collaborators, playlists`.execute(db);
}
