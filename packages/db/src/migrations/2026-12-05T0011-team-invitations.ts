import { type Kysely, sql } from 'kysely';

/**
 * People join an artist's team by accepting an invitation, never by being added. An invitation names its invitee
 * by account (invited by handle) or by an email address kept lower-cased and never looked up when inviting, so
 * inviting by email tells the inviter nothing about whether the address has an account; it is matched to the
 * account with that email when that person lists or accepts. One pending invitation per artist and invitee:
 * inviting again refreshes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE artist_invitations (
      id uuid PRIMARY KEY,
      artist_id uuid NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
      invitee_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
      invitee_email text CHECK (invitee_email = lower(invitee_email) AND length(invitee_email) <= 320),
      invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'revoked')),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      answered_at timestamptz,
      answered_by uuid REFERENCES users (id) ON DELETE SET NULL,
      CHECK ((invitee_user_id IS NULL) <> (invitee_email IS NULL))
    );
    CREATE UNIQUE INDEX artist_invitations_pending_user_key ON artist_invitations (artist_id, invitee_user_id)
      WHERE status = 'pending' AND invitee_user_id IS NOT NULL;
    CREATE UNIQUE INDEX artist_invitations_pending_email_key ON artist_invitations (artist_id, invitee_email)
      WHERE status = 'pending' AND invitee_email IS NOT NULL;
    CREATE INDEX artist_invitations_user_idx ON artist_invitations (invitee_user_id) WHERE status = 'pending';
    CREATE INDEX artist_invitations_email_idx ON artist_invitations (invitee_email) WHERE status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE artist_invitations`.execute(db);
}
