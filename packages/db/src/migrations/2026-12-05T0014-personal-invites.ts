import { type Kysely, sql } from 'kysely';

/**
 * Personal invitations: a playlist's owner invites one person (named by handle) to collaborate, and that person
 * accepts or declines it, so nobody is made a collaborator without consenting. They live beside invitation links
 * in playlist_invites: a link has a token (only its hash is kept), a personal invitation names its invitee and
 * has no token. Each invitee reads their pending invitations by the partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE playlist_invites ALTER COLUMN token_hash DROP NOT NULL;
    ALTER TABLE playlist_invites ADD COLUMN invitee_id uuid REFERENCES users (id) ON DELETE CASCADE;
    ALTER TABLE playlist_invites ADD COLUMN declined_at timestamptz;
    ALTER TABLE playlist_invites ADD CONSTRAINT playlist_invites_link_or_person CHECK ((token_hash IS NULL) <> (invitee_id IS NULL));
    CREATE INDEX playlist_invites_invitee_idx ON playlist_invites (invitee_id, id) WHERE invitee_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM playlist_invites WHERE invitee_id IS NOT NULL;
    DROP INDEX playlist_invites_invitee_idx;
    ALTER TABLE playlist_invites DROP CONSTRAINT playlist_invites_link_or_person;
    ALTER TABLE playlist_invites DROP COLUMN declined_at, DROP COLUMN invitee_id;
    ALTER TABLE playlist_invites ALTER COLUMN token_hash SET NOT NULL;
  `.execute(db);
}
