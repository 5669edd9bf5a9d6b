import { type Insertable, sql } from 'kysely';
import type { Db } from '../connection.js';
import type { InternalRole, UsersTable } from '../tables/identity.tables.js';
import type {
  PlaylistActivityTable,
  PlaylistCollaboratorsTable,
  PlaylistFollowersTable,
  PlaylistItemsTable,
  PlaylistsTable,
} from '../tables/playlists.tables.js';

/** A playlist as the demo seeds it: built over time, with everything the playlists service would have written. */
export interface DemoPlaylistRows {
  playlist: Insertable<PlaylistsTable>;
  collaborators: Array<Insertable<PlaylistCollaboratorsTable>>;
  items: Array<Insertable<PlaylistItemsTable> & { added_at: Date }>;
  activity: Array<Insertable<PlaylistActivityTable> & { created_at: Date }>;
  followers: Array<Insertable<PlaylistFollowersTable>>;
}

export interface DemoFeedbackRow {
  user_id: string;
  track_id: string;
  score: 1 | -1;
  /** The UTC day of the love or hate ('YYYY-MM-DD'): saves count on it. */
  day: string;
  created_at: Date;
}

const CHUNK = 2000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Adds one per (track, day) given to a daily counter of the track's and its artist's rollups. */
async function countByDay(db: Db, counter: 'playlist_adds' | 'saves', trackIds: string[], days: string[]): Promise<void> {
  const c = sql.id(counter);
  await sql`
    WITH counted AS (
      SELECT t.id AS track_id, t.artist_id, a.day, count(*)::bigint AS n
      FROM unnest(${trackIds}::uuid[], ${days}::date[]) AS a (track_id, day)
      JOIN tracks t ON t.id = a.track_id
      GROUP BY t.id, t.artist_id, a.day
    ), tracks_counted AS (
      INSERT INTO track_daily AS r (track_id, day, artist_id, ${c})
      SELECT track_id, day, artist_id, n FROM counted
      ON CONFLICT (track_id, day) DO UPDATE SET ${c} = r.${c} + excluded.${c}
    )
    INSERT INTO artist_daily AS r (artist_id, day, ${c})
    SELECT artist_id, day, sum(n) FROM counted GROUP BY artist_id, day
    ON CONFLICT (artist_id, day) DO UPDATE SET ${c} = r.${c} + excluded.${c}`.execute(db);
}

/** What seeding the demo writes beyond listens (which go through the ingestion queries), and its published logins' roles. */
export const demoQueries = {
  /** The accounts with these emails (as written: the demo writes them itself), to find a seeded demo's listeners. */
  usersByEmail: (db: Db, emails: readonly string[]) => db.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute(),

  /** The tracks with these ISRCs and their artists, to find a seeded demo's catalog. */
  tracksByIsrc: (db: Db, isrcs: readonly string[]) => db.selectFrom('tracks').select(['id', 'isrc', 'artist_id']).where('isrc', 'in', isrcs).execute(),

  artistsById: async (db: Db, ids: readonly string[]) =>
    ids.length === 0 ? [] : db.selectFrom('artists').select(['id', 'name']).where('id', 'in', ids).execute(),

  insertUsers: (db: Db, rows: ReadonlyArray<Insertable<UsersTable>>) => db.insertInto('users').values(rows).execute(),

  /** Makes the user an admin of each of these artists' teams. */
  insertTeamAdmin: (db: Db, userId: string, artistIds: readonly string[]) =>
    db
      .insertInto('artist_members')
      .values(artistIds.map((artistId) => ({ artist_id: artistId, user_id: userId, role: 'admin' as const })))
      .execute(),

  /** Gives a role to the accounts with these emails, or takes it away; answers how many accounts changed. */
  async setRole(db: Db, emails: readonly string[], role: InternalRole, granted: boolean): Promise<number> {
    const result = granted
      ? await sql`
          UPDATE users SET roles = array_append(roles, ${role}::text), updated_at = now()
          WHERE lower(email) = ANY(${emails.map((e) => e.toLowerCase())}::text[]) AND NOT (${role}::text = ANY(roles))`.execute(db)
      : await sql`
          UPDATE users SET roles = array_remove(roles, ${role}::text), updated_at = now()
          WHERE lower(email) = ANY(${emails.map((e) => e.toLowerCase())}::text[]) AND ${role}::text = ANY(roles)`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },

  /**
   * Inserts playlists with their collaborators, items, followers and activity log as written over time, and counts each
   * item as a playlist add on the day it was added (track_daily and artist_daily), in one transaction.
   */
  async insertPlaylists(db: Db, playlists: readonly DemoPlaylistRows[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      for (const part of chunks(playlists.map((p) => p.playlist))) await trx.insertInto('playlists').values(part).execute();
      for (const part of chunks(playlists.flatMap((p) => p.collaborators))) await trx.insertInto('playlist_collaborators').values(part).execute();
      const items = playlists.flatMap((p) => p.items);
      for (const part of chunks(items)) await trx.insertInto('playlist_items').values(part).execute();
      for (const part of chunks(playlists.flatMap((p) => p.activity))) await trx.insertInto('playlist_activity').values(part).execute();
      for (const part of chunks(playlists.flatMap((p) => p.followers))) await trx.insertInto('playlist_followers').values(part).execute();
      await countByDay(
        trx,
        'playlist_adds',
        items.map((i) => i.track_id),
        items.map((i) => i.added_at.toISOString().slice(0, 10)),
      );
    });
  },

  /**
   * Refreshes the planner's statistics of the rollups after a bulk load (autovacuum comes later): fresh tables
   * otherwise get plans made for empty ones, and replaying the insights takes seconds per evaluation.
   */
  async analyzeRollups(db: Db): Promise<void> {
    await sql`ANALYZE artist_daily, track_daily, artist_daily_breakdown, artist_day_listeners, track_day_listeners, listener_daily, playlist_items, playlists`.execute(
      db,
    );
  },

  /** Inserts loves and hates given over time, and counts each love as a save on its day, in one transaction. */
  async insertFeedback(db: Db, rows: readonly DemoFeedbackRow[]): Promise<void> {
    if (rows.length === 0) return;
    await db.transaction().execute(async (trx) => {
      for (const part of chunks(rows)) {
        await trx
          .insertInto('listen_feedback')
          .values(part.map((r) => ({ ...r, updated_at: r.created_at })))
          .execute();
      }
      const loves = rows.filter((r) => r.score === 1);
      await countByDay(
        trx,
        'saves',
        loves.map((r) => r.track_id),
        loves.map((r) => r.day),
      );
    });
  },
};
