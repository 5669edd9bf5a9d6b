import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Condition, Db } from '../connection.js';
import type { ArtistRole, ArtistsTable, CreditRole, InvitationStatus, ReleaseType } from '../tables/catalog.tables.js';

/** An artist's id, or the column holding it in the statement that checks a condition about it (a track's artist_id). */
export type ArtistIdOrColumn = string | RawBuilder<string>;

/** An artist as stored. */
export type ArtistRow = Selectable<ArtistsTable>;

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

export interface NewInvitation {
  id: string;
  artist_id: string;
  role: ArtistRole;
  invitee_user_id: string | null;
  invitee_email: string | null;
  invited_by: string;
  expires_at: Date;
}

/** A position in a list ordered newest first by a timestamp, kept to the microsecond (a JS Date keeps milliseconds). */
export interface MicrosPosition {
  micros: string;
  id: string;
}

const epochMicros = (column: string) => sql<string>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint::text`;
const fromMicros = (micros: string) => sql<Date>`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

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

/** Pending invitations that have not expired, with their artist, invitee (by handle) and inviter. */
function liveInvitations(db: Db) {
  return db
    .selectFrom('artist_invitations as i')
    .innerJoin('artists as a', 'a.id', 'i.artist_id')
    .leftJoin('users as invitee', 'invitee.id', 'i.invitee_user_id')
    .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
    .select([
      'i.id',
      'i.artist_id',
      'a.name as artist_name',
      'a.verified_at as artist_verified_at',
      'i.role',
      'i.invitee_email',
      'invitee.handle as invitee_handle',
      'invitee.display_name as invitee_display_name',
      'inviter.handle as inviter_handle',
      'inviter.display_name as inviter_display_name',
      'i.created_at',
      'i.expires_at',
    ])
    .where('i.status', '=', 'pending')
    .where('i.expires_at', '>', sql<Date>`now()`);
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

  /** Marks an artist verified (keeping the first time it was) or not. */
  setVerified: (db: Db, id: string, verified: boolean) =>
    db
      .updateTable('artists')
      .set({ verified_at: verified ? sql<Date>`coalesce(verified_at, now())` : null, updated_at: sql<Date>`now()` })
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

  /**
   * Whether the artist's team is visible to the user, as a condition another statement checks itself (see
   * requireTeamVisible): the user is on the team, or is a platform admin and the artist exists.
   */
  teamVisibleTo: (artistId: ArtistIdOrColumn, userId: string, platformAdmin: boolean): Condition => {
    const artist = typeof artistId === 'string' ? sql`${artistId}::uuid` : artistId;
    return platformAdmin
      ? sql<boolean>`EXISTS (SELECT 1 FROM artists WHERE id = ${artist})`
      : sql<boolean>`EXISTS (SELECT 1 FROM artist_members WHERE artist_id = ${artist} AND user_id = ${userId}::uuid)`;
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

  /** Handles are stored lower-cased. */
  userByHandle: (db: Db, handle: string) =>
    db.selectFrom('users').select(['id', 'handle', 'display_name']).where('handle', '=', handle.toLowerCase()).executeTakeFirst(),

  /** The user's email, lower-cased as invitations keep it. */
  userEmail: async (db: Db, id: string) =>
    (await db.selectFrom('users').select(sql<string>`lower(email)`.as('email')).where('id', '=', id).executeTakeFirst())?.email,

  /** The artists whose teams the user is on, newest membership first, after `after` when given. */
  myArtists: (db: Db, userId: string, after: MicrosPosition | undefined, limit: number) => {
    let q = db
      .selectFrom('artist_members as m')
      .innerJoin('artists as a', 'a.id', 'm.artist_id')
      .select(['a.id', 'a.name', 'a.verified_at', 'm.role', 'm.created_at as joined_at', epochMicros('m.created_at').as('joined_micros')])
      .where('m.user_id', '=', userId);
    if (after) q = q.where((eb) => eb(eb.refTuple('m.created_at', 'm.artist_id'), '<', eb.tuple(fromMicros(after.micros), after.id)));
    return q.orderBy('m.created_at', 'desc').orderBy('m.artist_id', 'desc').limit(limit).execute();
  },

  /** Pending invitations of an artist that have not expired. */
  countLiveInvitations: async (db: Db, artistId: string) => {
    const row = await db
      .selectFrom('artist_invitations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('artist_id', '=', artistId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Creates an invitation, or refreshes the pending one for the same artist and invitee (role, inviter, expiry). */
  upsertInvitation: (db: Db, row: NewInvitation) =>
    db
      .insertInto('artist_invitations')
      .values(row)
      .onConflict((oc) =>
        (row.invitee_user_id !== null ? oc.columns(['artist_id', 'invitee_user_id']) : oc.columns(['artist_id', 'invitee_email']))
          .where('status', '=', 'pending')
          .where(row.invitee_user_id !== null ? 'invitee_user_id' : 'invitee_email', 'is not', null)
          .doUpdateSet({ role: row.role, invited_by: row.invited_by, expires_at: row.expires_at }),
      )
      .returning('id')
      .executeTakeFirstOrThrow(),

  /** An artist's pending, unexpired invitations (or one of them), newest first. */
  artistInvitations: (db: Db, artistId: string, page: { beforeId?: string | undefined; id?: string; limit: number }) => {
    let q = liveInvitations(db).where('i.artist_id', '=', artistId);
    if (page.id !== undefined) q = q.where('i.id', '=', page.id);
    if (page.beforeId !== undefined) q = q.where('i.id', '<', page.beforeId);
    return q.orderBy('i.id', 'desc').limit(page.limit).execute();
  },

  /** Pending, unexpired invitations addressed to the user, by account or by their (lower-cased) email, newest first. */
  invitationsFor: (db: Db, invitee: { userId: string; email: string }, beforeId: string | undefined, limit: number) => {
    let q = liveInvitations(db).where((eb) => eb.or([eb('i.invitee_user_id', '=', invitee.userId), eb('i.invitee_email', '=', invitee.email)]));
    if (beforeId !== undefined) q = q.where('i.id', '<', beforeId);
    return q.orderBy('i.id', 'desc').limit(limit).execute();
  },

  invitation: (db: Db, id: string) => db.selectFrom('artist_invitations').select(['id', 'artist_id']).where('id', '=', id).executeTakeFirst(),

  /** An invitation, locked until the transaction ends so it is answered once. */
  lockInvitation: (db: Db, id: string) => db.selectFrom('artist_invitations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  answerInvitation: (db: Db, id: string, status: Exclude<InvitationStatus, 'pending'>, userId: string) =>
    db.updateTable('artist_invitations').set({ status, answered_at: sql<Date>`now()`, answered_by: userId }).where('id', '=', id).executeTakeFirst(),

  /** Revokes a pending invitation of the artist; false when there is none by that id. */
  revokeInvitation: async (db: Db, artistId: string, id: string, userId: string) => {
    const result = await db
      .updateTable('artist_invitations')
      .set({ status: 'revoked', answered_at: sql<Date>`now()`, answered_by: userId })
      .where('id', '=', id)
      .where('artist_id', '=', artistId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  insertRelease: (db: Db, row: { id: string; artist_id: string; title: string; title_folded: string; type: ReleaseType; release_date: string | null }) =>
    db.insertInto('releases').values(row).returningAll().executeTakeFirstOrThrow(),

  releaseById: (db: Db, id: string) =>
    db
      .selectFrom('releases as r')
      .innerJoin('artists as a', 'a.id', 'r.artist_id')
      .select(['r.id', 'r.artist_id', 'a.name as artist_name', 'a.verified_at as artist_verified_at', 'r.title', 'r.type', 'r.release_date', 'r.created_at'])
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
    (await db.selectFrom('tracks').select('id').where('release_id', '=', releaseId).where('track_number', '=', trackNumber).executeTakeFirst()) !== undefined,

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
        'a.verified_at as artist_verified_at',
        't.release_id',
        'r.title as release_title',
        't.created_at',
        't.updated_at',
      ])
      .where('t.id', '=', id)
      .executeTakeFirst(),

  /** A track's title and its artist's name; throws when the track is gone. */
  trackWithArtist: (db: Db, id: string) =>
    db
      .selectFrom('tracks as t')
      .innerJoin('artists as a', 'a.id', 't.artist_id')
      .select(['t.id', 't.title', 'a.id as artist_id', 'a.name as artist_name'])
      .where('t.id', '=', id)
      .executeTakeFirstOrThrow(),

  /**
   * Locks the track `trackId` and the track holding `isrc` (when another does), in id order so two moves cannot
   * deadlock, with whether each one's artist is verified.
   */
  lockTracksForIsrc: (db: Db, trackId: string, isrc: string) =>
    db
      .selectFrom('tracks as t')
      .innerJoin('artists as a', 'a.id', 't.artist_id')
      .select(['t.id', 't.artist_id', 't.isrc', sql<boolean>`a.verified_at IS NOT NULL`.as('verified')])
      .where((eb) => eb.or([eb('t.id', '=', trackId), eb('t.isrc', '=', isrc)]))
      .orderBy('t.id')
      .forUpdate(['t'])
      .execute(),

  /** Whether the track holding `isrc` belongs to a verified artist; undefined when no track holds it. */
  isrcHolderVerified: async (db: Db, isrc: string) =>
    (
      await db
        .selectFrom('tracks as t')
        .innerJoin('artists as a', 'a.id', 't.artist_id')
        .select(sql<boolean>`a.verified_at IS NOT NULL`.as('verified'))
        .where('t.isrc', '=', isrc)
        .executeTakeFirst()
    )?.verified,

  setTrackIsrc: (db: Db, id: string, isrc: string | null) =>
    db.updateTable('tracks').set({ isrc, updated_at: sql<Date>`now()` }).where('id', '=', id).executeTakeFirst(),

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
      .select(['id', 'name', 'verified_at', 'country', 'genres'])
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
      .select(['r.id', 'r.title', 'r.type', 'r.release_date', 'r.artist_id', 'a.name as artist_name', 'a.verified_at as artist_verified_at'])
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
      .select([
        't.id',
        't.title',
        't.isrc',
        't.duration_ms',
        't.artist_id',
        'a.name as artist_name',
        'a.verified_at as artist_verified_at',
        't.release_id',
        'r.title as release_title',
      ])
      .where('t.title_folded', 'like', `%${escapeLike(folded)}%`)
      .orderBy(matchRank('t.title_folded', folded))
      .orderBy('t.title_folded')
      .orderBy('t.id')
      .limit(limit)
      .execute(),
};
