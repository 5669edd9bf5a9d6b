import { sql } from 'kysely';
import type { Db } from '../connection.js';
import type { ArtistRole, CreditRole, ReleaseType } from '../tables/catalog.tables.js';

/** Escapes LIKE metacharacters so user text matches literally (backslash is PostgreSQL's default LIKE escape). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Exact match first, then prefix, then contains; callers order by this, then by the name. */
function matchRank(column: string, folded: string) {
  return sql<number>`CASE WHEN ${sql.ref(column)} = ${folded} THEN 0 WHEN ${sql.ref(column)} LIKE ${`${escapeLike(folded)}%`} THEN 1 ELSE 2 END`;
}

export interface NewArtist {
  id: string;
  name: string;
  name_folded: string;
  bio: string | null;
  country: string | null;
  genres: string[];
}

export interface NewTrack {
  id: string;
  release_id: string;
  artist_id: string;
  title: string;
  title_folded: string;
  isrc: string | null;
  duration_ms: number;
  release_date: string | null;
  track_number: number;
}

/** Artists, their teams, releases, tracks and credits. */
export const catalogQueries = {
  insertArtist: (db: Db, row: NewArtist) => db.insertInto('artists').values(row).returningAll().executeTakeFirstOrThrow(),

  artistById: (db: Db, id: string) => db.selectFrom('artists').selectAll().where('id', '=', id).executeTakeFirst(),

  updateArtist: (db: Db, id: string, patch: Partial<Omit<NewArtist, 'id'>>) =>
    db
      .updateTable('artists')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  /** Serialises team changes of one artist, so two concurrent demotions cannot both pass the last-admin check. */
  lockArtist: (db: Db, id: string) => db.selectFrom('artists').select('id').where('id', '=', id).forUpdate().executeTakeFirst(),

  /** Ids among `ids` that name an existing artist. */
  existingArtistIds: async (db: Db, ids: string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows = await db.selectFrom('artists').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },

  /** The artist (undefined when absent) and the user's role on its team (null when not a member). */
  artistWithRole: (db: Db, artistId: string, userId: string) =>
    db
      .selectFrom('artists as a')
      .leftJoin('artist_members as m', (join) => join.onRef('m.artist_id', '=', 'a.id').on('m.user_id', '=', userId))
      .select(['a.id', 'm.role'])
      .where('a.id', '=', artistId)
      .executeTakeFirst(),

  insertMember: (db: Db, row: { artist_id: string; user_id: string; role: ArtistRole }) =>
    db
      .insertInto('artist_members')
      .values(row)
      .onConflict((oc) => oc.columns(['artist_id', 'user_id']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  members: (db: Db, artistId: string) =>
    db
      .selectFrom('artist_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.display_name', 'm.role', 'm.created_at'])
      .where('m.artist_id', '=', artistId)
      .orderBy('m.created_at')
      .orderBy('m.user_id')
      .execute(),

  member: (db: Db, artistId: string, userId: string) =>
    db
      .selectFrom('artist_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.display_name', 'm.role', 'm.created_at'])
      .where('m.artist_id', '=', artistId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst(),

  countAdmins: async (db: Db, artistId: string) => {
    const row = await db
      .selectFrom('artist_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('artist_id', '=', artistId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  updateMemberRole: (db: Db, artistId: string, userId: string, role: ArtistRole) =>
    db.updateTable('artist_members').set({ role }).where('artist_id', '=', artistId).where('user_id', '=', userId).executeTakeFirst(),

  deleteMember: (db: Db, artistId: string, userId: string) =>
    db.deleteFrom('artist_members').where('artist_id', '=', artistId).where('user_id', '=', userId).executeTakeFirst(),

  userById: (db: Db, id: string) => db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).executeTakeFirst(),

  /** Emails compare case-insensitively, matching the users_email_key index on lower(email). */
  userByEmail: (db: Db, email: string) =>
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst(),

  insertRelease: (db: Db, row: { id: string; artist_id: string; title: string; title_folded: string; type: ReleaseType; release_date: string | null }) =>
    db.insertInto('releases').values(row).returningAll().executeTakeFirstOrThrow(),

  releaseById: (db: Db, id: string) =>
    db
      .selectFrom('releases as r')
      .innerJoin('artists as a', 'a.id', 'r.artist_id')
      .select(['r.id', 'r.artist_id', 'a.name as artist_name', 'r.title', 'r.type', 'r.release_date', 'r.created_at'])
      .where('r.id', '=', id)
      .executeTakeFirst(),

  /** Serialises track creation on one release, so default track numbers do not collide. */
  lockRelease: (db: Db, id: string) =>
    db.selectFrom('releases').select(['id', 'artist_id', 'release_date']).where('id', '=', id).forUpdate().executeTakeFirst(),

  releasesOfArtist: (db: Db, artistId: string) =>
    db
      .selectFrom('releases')
      .select(['id', 'title', 'type', 'release_date'])
      .where('artist_id', '=', artistId)
      .orderBy(sql`release_date DESC NULLS LAST`)
      .orderBy('id', 'desc')
      .execute(),

  tracksOfRelease: (db: Db, releaseId: string) =>
    db
      .selectFrom('tracks')
      .select(['id', 'title', 'isrc', 'duration_ms', 'release_date', 'track_number'])
      .where('release_id', '=', releaseId)
      .orderBy('track_number')
      .orderBy('id')
      .execute(),

  nextTrackNumber: async (db: Db, releaseId: string) => {
    const row = await db
      .selectFrom('tracks')
      .select(sql<number>`coalesce(max(track_number), 0) + 1`.as('n'))
      .where('release_id', '=', releaseId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  trackNumberTaken: async (db: Db, releaseId: string, trackNumber: number) =>
    (await db.selectFrom('tracks').select('id').where('release_id', '=', releaseId).where('track_number', '=', trackNumber).executeTakeFirst()) !==
    undefined,

  insertTrack: (db: Db, row: NewTrack) => db.insertInto('tracks').values(row).execute(),

  updateTrack: (db: Db, id: string, patch: Partial<Pick<NewTrack, 'title' | 'title_folded' | 'isrc' | 'duration_ms' | 'release_date'>>) =>
    db
      .updateTable('tracks')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .executeTakeFirst(),

  trackById: (db: Db, id: string) =>
    db
      .selectFrom('tracks as t')
      .innerJoin('artists as a', 'a.id', 't.artist_id')
      .innerJoin('releases as r', 'r.id', 't.release_id')
      .select([
        't.id',
        't.title',
        't.isrc',
        't.duration_ms',
        't.release_date',
        't.track_number',
        't.artist_id',
        'a.name as artist_name',
        't.release_id',
        'r.title as release_title',
        't.created_at',
        't.updated_at',
      ])
      .where('t.id', '=', id)
      .executeTakeFirst(),

  creditsOfTrack: (db: Db, trackId: string) =>
    db
      .selectFrom('track_credits as c')
      .innerJoin('artists as a', 'a.id', 'c.artist_id')
      .select(['c.artist_id', 'a.name', 'c.role'])
      .where('c.track_id', '=', trackId)
      .orderBy('c.role')
      .orderBy('a.name_folded')
      .orderBy('c.artist_id')
      .execute(),

  /** Replaces a track's credits with the given list. */
  replaceCredits: async (db: Db, trackId: string, credits: Array<{ artist_id: string; role: CreditRole }>) => {
    await db.deleteFrom('track_credits').where('track_id', '=', trackId).execute();
    if (credits.length > 0) {
      await db
        .insertInto('track_credits')
        .values(credits.map((c) => ({ track_id: trackId, artist_id: c.artist_id, role: c.role })))
        .execute();
    }
  },

  // Contains-matches cannot use the text_pattern_ops indexes (only prefixes can); fine at catalog scale, pg_trgm when it is not.
  searchArtists: (db: Db, folded: string, limit: number) =>
    db
      .selectFrom('artists')
      .select(['id', 'name', 'country', 'genres'])
      .where('name_folded', 'like', `%${escapeLike(folded)}%`)
      .orderBy(matchRank('name_folded', folded))
      .orderBy('name_folded')
      .orderBy('id')
      .limit(limit)
      .execute(),

  searchReleases: (db: Db, folded: string, limit: number) =>
    db
      .selectFrom('releases as r')
      .innerJoin('artists as a', 'a.id', 'r.artist_id')
      .select(['r.id', 'r.title', 'r.type', 'r.release_date', 'r.artist_id', 'a.name as artist_name'])
      .where('r.title_folded', 'like', `%${escapeLike(folded)}%`)
      .orderBy(matchRank('r.title_folded', folded))
      .orderBy('r.title_folded')
      .orderBy('r.id')
      .limit(limit)
      .execute(),

  searchTracks: (db: Db, folded: string, limit: number) =>
    db
      .selectFrom('tracks as t')
      .innerJoin('artists as a', 'a.id', 't.artist_id')
      .innerJoin('releases as r', 'r.id', 't.release_id')
      .select(['t.id', 't.title', 't.isrc', 't.duration_ms', 't.artist_id', 'a.name as artist_name', 't.release_id', 'r.title as release_title'])
      .where('t.title_folded', 'like', `%${escapeLike(folded)}%`)
      .orderBy(matchRank('t.title_folded', folded))
      .orderBy('t.title_folded')
      .orderBy('t.id')
      .limit(limit)
      .execute(),
};
