import { type Selectable, sql } from 'kysely';
import type { Db } from '../connection.js';
import type { InviteRole, PlaylistRole, PlaylistsTable, PlaylistVisibility } from '../tables/playlists.tables.js';

export type PlaylistRow = Selectable<PlaylistsTable>;

/** A playlist locked for a change, with the caller's role and the key of its last item (appends need it). */
export interface LockedPlaylist extends PlaylistRow {
  role: PlaylistRole | null;
  last_key: string | null;
}

/** A playlist as read, with the caller's standing and its counts. */
export interface PlaylistView extends PlaylistRow {
  role: PlaylistRole | null;
  following: boolean;
  follower_count: number;
  collaborator_count: number;
}

/** An item with what a client shows of its track: title, artists, duration and release. */
export interface PlaylistItemRow {
  id: string;
  track_id: string;
  position_key: string;
  added_by: string | null;
  added_at: Date;
  net_votes: number;
  title: string;
  artist_id: string;
  artist_name: string;
  duration_ms: number;
  release_id: string;
  release_title: string;
  /** Artists credited as featured (beside the main artist), by name. */
  featured: Array<{ id: string; name: string }>;
}

export interface NewPlaylistItems {
  playlistId: string;
  ids: string[];
  trackIds: string[];
  keys: string[];
  addedBy: string;
  /** The UTC day the adds count on in the listening rollups. */
  day: string;
}

export interface ActivityInput {
  playlistId: string;
  seq: number;
  version: number;
  itemCount: number;
  actorId: string | null;
  type: string;
  payload: unknown;
  snapshotId: string;
  touched: number;
}

export type PlaylistRelation = 'owned' | 'collaborating' | 'followed';

// An id no user has: lets anonymous callers share the queries that join on the caller.
const NOBODY = '00000000-0000-0000-0000-000000000000';

// An invitation that can still be used (aliased v): neither revoked, declined nor expired, and not used up.
const ACTIVE_INVITE = sql`v.revoked_at IS NULL AND v.declined_at IS NULL AND v.expires_at > now() AND (v.max_uses IS NULL OR v.uses < v.max_uses)`;

// An item and what a client shows of its track, in the same statement as the page: the artist and release are
// joined on their primary keys and the featured credits read from the credits' primary key, so a page of items
// costs one query however long it is.
const itemColumns = sql`i.id, i.track_id, i.position_key, i.added_by, i.added_at, i.net_votes, t.title, t.artist_id, a.name AS artist_name,
  t.duration_ms, t.release_id, r.title AS release_title,
  coalesce((SELECT json_agg(json_build_object('id', fa.id, 'name', fa.name) ORDER BY fa.name_folded, fa.id)
            FROM track_credits c JOIN artists fa ON fa.id = c.artist_id
            WHERE c.track_id = t.id AND c.role = 'featured' AND c.artist_id <> t.artist_id), '[]'::json) AS featured`;
const itemJoins = sql`JOIN tracks t ON t.id = i.track_id JOIN artists a ON a.id = t.artist_id JOIN releases r ON r.id = t.release_id`;

/** Playlists, collaborators, invites, items (fractional order keys), votes, followers and the activity log. */
export const playlistsQueries = {
  insertPlaylist: (
    db: Db,
    row: { id: string; owner_id: string; name: string; description: string | null; visibility: PlaylistVisibility; collaborative: boolean },
  ) =>
    db
      .insertInto('playlists')
      .values({ ...row, version: 1, last_seq: 0 })
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** The playlist with the caller's role and counts; undefined when it does not exist. */
  playlistView: (db: Db, id: string, userId: string | null) =>
    db
      .selectFrom('playlists as p')
      .leftJoin('playlist_collaborators as c', (join) => join.onRef('c.playlist_id', '=', 'p.id').on('c.user_id', '=', userId ?? NOBODY))
      .selectAll('p')
      .select((eb) => [
        'c.role',
        eb
          .exists(
            eb
              .selectFrom('playlist_followers as f')
              .whereRef('f.playlist_id', '=', 'p.id')
              .where('f.user_id', '=', userId ?? NOBODY),
          )
          .as('following'),
        eb.selectFrom('playlist_followers as f').whereRef('f.playlist_id', '=', 'p.id').select(sql<number>`count(*)::int`.as('n')).as('follower_count'),
        eb
          .selectFrom('playlist_collaborators as cc')
          .whereRef('cc.playlist_id', '=', 'p.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('collaborator_count'),
      ])
      .where('p.id', '=', id)
      .executeTakeFirst() as Promise<PlaylistView | undefined>,

  /** The playlist and the caller's role, without counts (access checks on reads). */
  playlistWithRole: (db: Db, id: string, userId: string | null) =>
    db
      .selectFrom('playlists as p')
      .leftJoin('playlist_collaborators as c', (join) => join.onRef('c.playlist_id', '=', 'p.id').on('c.user_id', '=', userId ?? NOBODY))
      .selectAll('p')
      .select('c.role')
      .where('p.id', '=', id)
      .executeTakeFirst(),

  /**
   * Locks the playlist row for a change: every change of one playlist runs one after the other, so versions,
   * activity seqs, item counts and order keys are computed from a state nobody else is changing.
   * Two statements on purpose: a statement that waited for the lock still reads with the snapshot it started
   * with, so the caller's role and the last key are read by a second one, which sees what the previous change
   * committed.
   */
  lockPlaylist: async (db: Db, id: string, userId: string): Promise<LockedPlaylist | undefined> => {
    const playlist = await db.selectFrom('playlists').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!playlist) return undefined;
    const standing = await sql<{ role: PlaylistRole | null; last_key: string | null }>`
      SELECT
        (SELECT role FROM playlist_collaborators WHERE playlist_id = ${id} AND user_id = ${userId}) AS role,
        (SELECT position_key FROM playlist_items WHERE playlist_id = ${id} ORDER BY position_key DESC LIMIT 1) AS last_key
    `.execute(db);
    return { ...playlist, ...standing.rows[0]! };
  },

  /** Moves the playlist's counters and appends the activity row, in one round trip. */
  recordChange: (db: Db, change: ActivityInput) =>
    db
      .with('bumped', (qb) =>
        qb
          .updateTable('playlists')
          .set({ version: change.version, last_seq: change.seq, item_count: change.itemCount, updated_at: sql<Date>`now()` })
          .where('id', '=', change.playlistId)
          .returning('id'),
      )
      .insertInto('playlist_activity')
      .values({
        playlist_id: change.playlistId,
        seq: change.seq,
        actor_id: change.actorId,
        type: change.type,
        payload: JSON.stringify(change.payload),
        snapshot_id: change.snapshotId,
        item_count: change.touched,
      })
      .returning(['seq', 'created_at'])
      .executeTakeFirstOrThrow(),

  updateDetails: (
    db: Db,
    id: string,
    patch: { name?: string; description?: string | null; visibility?: PlaylistVisibility; collaborative?: boolean; owner_id?: string },
  ) =>
    db
      .updateTable('playlists')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute(),

  deletePlaylist: (db: Db, id: string) => db.deleteFrom('playlists').where('id', '=', id).execute(),

  /**
   * The caller's playlists (owned, collaborating, followed and still visible), newest first, keyset-paged on id.
   * Candidates come from the caller's own membership and follow rows, so the cost follows the caller, not the table.
   */
  myPlaylists: (db: Db, userId: string, relation: PlaylistRelation | undefined, beforeId: string | undefined, limit: number) => {
    let query = db
      .selectFrom('playlists as p')
      .leftJoin('playlist_collaborators as c', (join) => join.onRef('c.playlist_id', '=', 'p.id').on('c.user_id', '=', userId))
      .leftJoin('playlist_followers as f', (join) => join.onRef('f.playlist_id', '=', 'p.id').on('f.user_id', '=', userId))
      .selectAll('p')
      .select((eb) => [
        'c.role',
        sql<boolean>`f.user_id IS NOT NULL`.as('following'),
        eb.selectFrom('playlist_followers as ff').whereRef('ff.playlist_id', '=', 'p.id').select(sql<number>`count(*)::int`.as('n')).as('follower_count'),
        eb
          .selectFrom('playlist_collaborators as cc')
          .whereRef('cc.playlist_id', '=', 'p.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('collaborator_count'),
      ])
      .where((eb) =>
        eb.or([
          eb('p.id', 'in', eb.selectFrom('playlist_collaborators').select('playlist_id').where('user_id', '=', userId)),
          eb('p.id', 'in', eb.selectFrom('playlist_followers').select('playlist_id').where('user_id', '=', userId)),
        ]),
      )
      // A followed playlist that turned private is no longer the caller's to see.
      .where((eb) => eb.or([eb('c.user_id', 'is not', null), eb('p.visibility', '=', 'public')]));
    if (relation === 'owned') query = query.where('c.role', '=', 'owner');
    if (relation === 'collaborating') query = query.where('c.role', 'in', ['editor', 'contributor', 'viewer']);
    if (relation === 'followed') query = query.where('f.user_id', 'is not', null);
    if (beforeId) query = query.where('p.id', '<', beforeId);
    return query.orderBy('p.id', 'desc').limit(limit).execute() as Promise<PlaylistView[]>;
  },

  follow: (db: Db, playlistId: string, userId: string) =>
    db
      .insertInto('playlist_followers')
      .values({ playlist_id: playlistId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .execute(),

  unfollow: (db: Db, playlistId: string, userId: string) =>
    db.deleteFrom('playlist_followers').where('playlist_id', '=', playlistId).where('user_id', '=', userId).execute(),

  // Idempotency keys ------------------------------------------------------------------------------------------

  /**
   * Claims a key for this request: true when it is new (or its old claim is past 24 hours). A concurrent request
   * with the same key waits on the unique index until the first commits, then sees its answer.
   */
  claimIdempotencyKey: async (db: Db, userId: string, key: string, requestHash: string) => {
    await db
      .deleteFrom('playlist_idempotency_keys')
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('created_at', '<', sql<Date>`now() - interval '24 hours'`)
      .execute();
    const claimed = await db
      .insertInto('playlist_idempotency_keys')
      .values({ user_id: userId, key, request_hash: requestHash })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    return claimed !== undefined;
  },

  idempotentAnswer: (db: Db, userId: string, key: string) =>
    db.selectFrom('playlist_idempotency_keys').select(['request_hash', 'response']).where('user_id', '=', userId).where('key', '=', key).executeTakeFirst(),

  saveIdempotentAnswer: (db: Db, userId: string, key: string, response: unknown) =>
    db
      .updateTable('playlist_idempotency_keys')
      .set({ response: JSON.stringify(response) })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute(),

  // Collaborators ---------------------------------------------------------------------------------------------

  insertCollaborator: (db: Db, row: { playlist_id: string; user_id: string; role: PlaylistRole; added_by: string | null; invite_id?: string | null }) =>
    db.insertInto('playlist_collaborators').values(row).returningAll().executeTakeFirstOrThrow(),

  collaborator: (db: Db, playlistId: string, userId: string) =>
    db
      .selectFrom('playlist_collaborators as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['c.user_id', 'c.role', 'c.added_by', 'c.created_at', 'u.display_name'])
      .where('c.playlist_id', '=', playlistId)
      .where('c.user_id', '=', userId)
      .executeTakeFirst(),

  /** Members with what each has done, counted from the activity log (votes, adds, removes, moves). */
  collaborators: (db: Db, playlistId: string) =>
    sql<{
      user_id: string;
      role: PlaylistRole;
      display_name: string;
      created_at: Date;
      items_added: number;
      items_removed: number;
      moves: number;
      votes: number;
    }>`
      SELECT c.user_id, c.role, u.display_name, c.created_at,
        coalesce(a.items_added, 0)::int AS items_added, coalesce(a.items_removed, 0)::int AS items_removed,
        coalesce(a.moves, 0)::int AS moves, coalesce(a.votes, 0)::int AS votes
      FROM playlist_collaborators c
      JOIN users u ON u.id = c.user_id
      LEFT JOIN (
        SELECT actor_id,
          sum(item_count) FILTER (WHERE type IN ('items_added', 'items_replaced')) AS items_added,
          sum(item_count) FILTER (WHERE type = 'items_removed') AS items_removed,
          count(*) FILTER (WHERE type IN ('item_moved', 'items_reordered')) AS moves,
          count(*) FILTER (WHERE type = 'vote_cast') AS votes
        FROM playlist_activity WHERE playlist_id = ${playlistId} GROUP BY actor_id
      ) a ON a.actor_id = c.user_id
      WHERE c.playlist_id = ${playlistId}
      ORDER BY CASE c.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 WHEN 'contributor' THEN 2 ELSE 3 END, c.created_at, c.user_id
    `
      .execute(db)
      .then((r) => r.rows),

  collaboratorCount: (db: Db, playlistId: string) =>
    db
      .selectFrom('playlist_collaborators')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('playlist_id', '=', playlistId)
      .executeTakeFirstOrThrow()
      .then((r) => r.n),

  setRole: (db: Db, playlistId: string, userId: string, role: PlaylistRole) =>
    db.updateTable('playlist_collaborators').set({ role }).where('playlist_id', '=', playlistId).where('user_id', '=', userId).execute(),

  removeCollaborator: (db: Db, playlistId: string, userId: string) =>
    db.deleteFrom('playlist_collaborators').where('playlist_id', '=', playlistId).where('user_id', '=', userId).execute(),

  /** Handles and display names of the given users (what a public view shows instead of their ids). */
  people: (db: Db, userIds: readonly string[]) =>
    userIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('users')
          .select(['id', 'handle', 'display_name'])
          .where('id', 'in', [...new Set(userIds)])
          .execute(),

  userExists: (db: Db, userId: string) =>
    db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst()
      .then((r) => r !== undefined),

  // Invites ---------------------------------------------------------------------------------------------------

  /** An invitation link (token_hash) or a personal invitation (invitee_id). */
  insertInvite: (
    db: Db,
    row: {
      id: string;
      playlist_id: string;
      token_hash: string | null;
      invitee_id?: string | null;
      role: InviteRole;
      max_uses: number | null;
      expires_at: Date;
      created_by: string;
    },
  ) => db.insertInto('playlist_invites').values(row).returningAll().executeTakeFirstOrThrow(),

  /** A playlist's invitations, newest first, with the invitee's handle and display name for personal ones. */
  invites: (db: Db, playlistId: string) =>
    db
      .selectFrom('playlist_invites as v')
      .leftJoin('users as u', 'u.id', 'v.invitee_id')
      .selectAll('v')
      .select(['u.handle as invitee_handle', 'u.display_name as invitee_display_name'])
      .where('v.playlist_id', '=', playlistId)
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .execute(),

  invite: (db: Db, playlistId: string, inviteId: string) =>
    db.selectFrom('playlist_invites').selectAll().where('playlist_id', '=', playlistId).where('id', '=', inviteId).executeTakeFirst(),

  inviteByTokenHash: (db: Db, tokenHash: string) => db.selectFrom('playlist_invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),

  /**
   * What an invitation link shows before it is accepted: the playlist's name, its owner's handle and display name,
   * the role offered and the expiry; undefined unless the link can still be used (not expired, revoked or used up).
   */
  invitePreview: (db: Db, tokenHash: string) =>
    sql<{
      playlist_id: string;
      name: string;
      description: string | null;
      item_count: number;
      owner_handle: string;
      owner_display_name: string;
      role: InviteRole;
      expires_at: Date;
    }>`
      SELECT p.id AS playlist_id, p.name, p.description, p.item_count, o.handle AS owner_handle, o.display_name AS owner_display_name, v.role, v.expires_at
      FROM playlist_invites v JOIN playlists p ON p.id = v.playlist_id JOIN users o ON o.id = p.owner_id
      WHERE v.token_hash = ${tokenHash} AND ${ACTIVE_INVITE}
    `
      .execute(db)
      .then((r) => r.rows[0]),

  /** A person's pending personal invitations (still usable), newest first, keyset-paged on id. */
  myInvitations: (db: Db, userId: string, beforeId: string | undefined, limit: number) =>
    sql<{
      id: string;
      playlist_id: string;
      name: string;
      owner_handle: string;
      owner_display_name: string;
      role: InviteRole;
      expires_at: Date;
      created_at: Date;
      inviter_handle: string | null;
      inviter_display_name: string | null;
    }>`
      SELECT v.id, p.id AS playlist_id, p.name, o.handle AS owner_handle, o.display_name AS owner_display_name, v.role,
             v.expires_at, v.created_at, b.handle AS inviter_handle, b.display_name AS inviter_display_name
      FROM playlist_invites v
      JOIN playlists p ON p.id = v.playlist_id
      JOIN users o ON o.id = p.owner_id
      LEFT JOIN users b ON b.id = v.created_by
      WHERE v.invitee_id = ${userId} AND ${ACTIVE_INVITE} ${beforeId ? sql`AND v.id < ${beforeId}` : sql``}
      ORDER BY v.id DESC
      LIMIT ${limit}
    `
      .execute(db)
      .then((r) => r.rows),

  /** A personal invitation addressed to this person (in any state); undefined for anyone else's. */
  invitationFor: (db: Db, userId: string, inviteId: string) =>
    db.selectFrom('playlist_invites').selectAll().where('id', '=', inviteId).where('invitee_id', '=', userId).executeTakeFirst(),

  /** How many personal invitations of the playlist are pending, and whether one of them is this person's. */
  pendingPersonalInvites: (db: Db, playlistId: string, inviteeId: string) =>
    sql<{ pending: number; theirs: boolean }>`
      SELECT count(*)::int AS pending, coalesce(bool_or(v.invitee_id = ${inviteeId}), false) AS theirs
      FROM playlist_invites v WHERE v.playlist_id = ${playlistId} AND v.invitee_id IS NOT NULL AND ${ACTIVE_INVITE}
    `
      .execute(db)
      .then((r) => r.rows[0]!),

  /** A person by their handle (handles are stored lower-case). */
  userByHandle: (db: Db, handle: string) =>
    db.selectFrom('users').select(['id', 'handle', 'display_name']).where('handle', '=', handle.toLowerCase()).executeTakeFirst(),

  declineInvite: (db: Db, inviteId: string) => db.updateTable('playlist_invites').set({ declined_at: sql<Date>`now()` }).where('id', '=', inviteId).execute(),

  revokeInvite: (db: Db, inviteId: string) => db.updateTable('playlist_invites').set({ revoked_at: sql<Date>`now()` }).where('id', '=', inviteId).execute(),

  useInvite: (db: Db, inviteId: string) =>
    db
      .updateTable('playlist_invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', inviteId)
      .execute(),

  // Items -----------------------------------------------------------------------------------------------------

  /** The catalog tracks among `ids` (with their artist, which the listening rollups need). */
  tracks: (db: Db, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('tracks')
          .select(['id', 'artist_id'])
          .where('id', 'in', [...new Set(ids)])
          .execute(),

  /** A page of items in playlist order, after a key or from an offset. */
  itemsInOrder: (db: Db, playlistId: string, from: { afterKey?: string; offset?: number }, limit: number) =>
    sql<PlaylistItemRow>`
      SELECT ${itemColumns}
      FROM playlist_items i ${itemJoins}
      WHERE i.playlist_id = ${playlistId} ${from.afterKey !== undefined ? sql`AND i.position_key > ${from.afterKey}` : sql``}
      ORDER BY i.position_key
      LIMIT ${limit} ${from.offset ? sql`OFFSET ${from.offset}` : sql``}
    `
      .execute(db)
      .then((r) => r.rows),

  /** A page of items by net votes (ties in playlist order), each with its playlist position. */
  itemsByVotes: (db: Db, playlistId: string, after: { netVotes: number; key: string } | undefined, offset: number, limit: number) =>
    sql<PlaylistItemRow & { position: number }>`
      SELECT * FROM (
        SELECT ${itemColumns}, (row_number() OVER (ORDER BY i.position_key) - 1)::int AS position
        FROM playlist_items i ${itemJoins}
        WHERE i.playlist_id = ${playlistId}
      ) ranked
      WHERE ${after ? sql`(ranked.net_votes < ${after.netVotes} OR (ranked.net_votes = ${after.netVotes} AND ranked.position_key > ${after.key}))` : sql`true`}
      ORDER BY ranked.net_votes DESC, ranked.position_key
      LIMIT ${limit} OFFSET ${offset}
    `
      .execute(db)
      .then((r) => r.rows),

  /** How many items sort before a key: the position an item with that key has. */
  countBefore: (db: Db, playlistId: string, key: string) =>
    db
      .selectFrom('playlist_items')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('playlist_id', '=', playlistId)
      .where('position_key', '<', key)
      .executeTakeFirstOrThrow()
      .then((r) => r.n),

  /** The keys of the items at index-1 and index (either may be absent at the ends). */
  keysAround: async (db: Db, playlistId: string, index: number) => {
    const rows = await db
      .selectFrom('playlist_items')
      .select('position_key')
      .where('playlist_id', '=', playlistId)
      .orderBy('position_key')
      .offset(Math.max(index - 1, 0))
      .limit(index === 0 ? 1 : 2)
      .execute();
    const keys = rows.map((r) => r.position_key);
    return index === 0 ? { after: null, before: keys[0] ?? null } : { after: keys[0] ?? null, before: keys[1] ?? null };
  },

  /** An item named as an anchor: its key, its position and the key of the item after it. */
  anchor: (db: Db, playlistId: string, itemId: string) =>
    db
      .selectFrom('playlist_items as x')
      .select((eb) => [
        'x.position_key',
        eb
          .selectFrom('playlist_items as b')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('b.playlist_id', '=', playlistId)
          .whereRef('b.position_key', '<', 'x.position_key')
          .as('position'),
        eb
          .selectFrom('playlist_items as n')
          .select('n.position_key')
          .where('n.playlist_id', '=', playlistId)
          .whereRef('n.position_key', '>', 'x.position_key')
          .orderBy('n.position_key')
          .limit(1)
          .as('next_key'),
      ])
      .where('x.playlist_id', '=', playlistId)
      .where('x.id', '=', itemId)
      .executeTakeFirst() as Promise<{ position_key: string; position: number; next_key: string | null } | undefined>,

  /**
   * What a move by id needs, in one round trip: the item's key (null when it is not there), the anchor's key,
   * and the anchor's neighbour on the side the item goes to (the moving item itself left out).
   */
  moveContext: (db: Db, playlistId: string, itemId: string, anchorId: string, side: 'before' | 'after') =>
    sql<{ item_key: string | null; anchor_key: string | null; neighbour_key: string | null }>`
      SELECT
        (SELECT position_key FROM playlist_items WHERE id = ${itemId} AND playlist_id = ${playlistId}) AS item_key,
        a.position_key AS anchor_key,
        ${
          side === 'after'
            ? sql`(SELECT n.position_key FROM playlist_items n WHERE n.playlist_id = ${playlistId} AND n.position_key > a.position_key AND n.id <> ${itemId} ORDER BY n.position_key LIMIT 1)`
            : sql`(SELECT n.position_key FROM playlist_items n WHERE n.playlist_id = ${playlistId} AND n.position_key < a.position_key AND n.id <> ${itemId} ORDER BY n.position_key DESC LIMIT 1)`
        } AS neighbour_key
      FROM (SELECT 1) one
      LEFT JOIN playlist_items a ON a.id = ${anchorId} AND a.playlist_id = ${playlistId}
    `
      .execute(db)
      .then((r) => r.rows[0]!),

  /**
   * Gives one item a new key; answers its new position. The count reads the index alone (keys before the new
   * one, as they were before this statement), less one when the item itself was among them.
   */
  moveItem: (db: Db, playlistId: string, itemId: string, from: string, to: string) =>
    sql<{ position: number }>`
      UPDATE playlist_items SET position_key = ${to} WHERE id = ${itemId} AND playlist_id = ${playlistId}
      RETURNING (SELECT count(*)::int FROM playlist_items b WHERE b.playlist_id = ${playlistId} AND b.position_key < ${to})
        - ${from < to ? 1 : 0} AS position
    `
      .execute(db)
      .then((r) => r.rows[0]?.position),

  /** The items of a range (by index) and the keys around the place it moves to, in one round trip. */
  rangeAndNeighbours: async (db: Db, playlistId: string, range: { start: number; length: number }, around: { after: number | null; before: number | null }) => {
    const first = around.after ?? around.before!;
    const count = around.after !== null && around.before !== null ? 2 : 1;
    const rows = await sql<{ part: 'range' | 'around'; id: string; position_key: string }>`
      (SELECT 'range' AS part, id, position_key FROM playlist_items WHERE playlist_id = ${playlistId}
        ORDER BY position_key OFFSET ${range.start} LIMIT ${range.length})
      UNION ALL
      (SELECT 'around' AS part, id, position_key FROM playlist_items WHERE playlist_id = ${playlistId}
        ORDER BY position_key OFFSET ${first} LIMIT ${count})
    `.execute(db);
    const ranged = rows.rows.filter((r) => r.part === 'range');
    const keys = rows.rows.filter((r) => r.part === 'around').map((r) => r.position_key);
    return {
      ids: ranged.map((r) => r.id),
      afterKey: around.after === null ? null : (keys[0] ?? null),
      beforeKey: around.before === null ? null : (keys[around.after === null ? 0 : 1] ?? null),
    };
  },

  /**
   * Inserts items and counts them as playlist adds in the listening rollups (track_daily and artist_daily for the
   * day), in one statement; answers how many were inserted. Only catalog tracks are inserted, so a count short of
   * the ids given means some track does not exist (the caller rolls back). Rollup rows are upserted in id order,
   * so concurrent adds to other playlists cannot deadlock on them.
   */
  insertItems: (db: Db, items: NewPlaylistItems) =>
    sql<{ inserted: number }>`
      WITH new_items AS (
        INSERT INTO playlist_items (id, playlist_id, track_id, position_key, added_by)
        SELECT n.id, ${items.playlistId}::uuid, n.track_id, n.key, ${items.addedBy}::uuid
        FROM unnest(${items.ids}::uuid[], ${items.trackIds}::uuid[], ${items.keys}::text[]) AS n (id, track_id, key)
        JOIN tracks t ON t.id = n.track_id
        RETURNING track_id
      ), added AS (
        SELECT t.id AS track_id, t.artist_id, count(*)::bigint AS n
        FROM new_items ni JOIN tracks t ON t.id = ni.track_id
        GROUP BY t.id, t.artist_id
      ), track_adds AS (
        INSERT INTO track_daily (track_id, day, artist_id, playlist_adds)
        SELECT track_id, ${items.day}::date, artist_id, n FROM added ORDER BY track_id
        ON CONFLICT (track_id, day) DO UPDATE SET playlist_adds = track_daily.playlist_adds + excluded.playlist_adds
      ), artist_adds AS (
        INSERT INTO artist_daily (artist_id, day, playlist_adds)
        SELECT artist_id, ${items.day}::date, sum(n) FROM added GROUP BY artist_id ORDER BY artist_id
        ON CONFLICT (artist_id, day) DO UPDATE SET playlist_adds = artist_daily.playlist_adds + excluded.playlist_adds
      )
      SELECT count(*)::int AS inserted FROM new_items
    `
      .execute(db)
      .then((r) => r.rows[0]!.inserted),

  /** Rewrites the keys of the given items (moves of ranges, rebalances); the unique key is checked at commit. */
  setKeys: (db: Db, ids: string[], keys: string[]) =>
    ids.length === 0
      ? Promise.resolve()
      : sql`
          UPDATE playlist_items i SET position_key = n.key
          FROM unnest(${ids}::uuid[], ${keys}::text[]) AS n (id, key)
          WHERE i.id = n.id
        `.execute(db),

  orderedItemIds: (db: Db, playlistId: string) =>
    db
      .selectFrom('playlist_items')
      .select('id')
      .where('playlist_id', '=', playlistId)
      .orderBy('position_key')
      .execute()
      .then((rows) => rows.map((r) => r.id)),

  /** Deletes items by id, or every occurrence of tracks; answers what it deleted (who added each, for role checks). */
  deleteItems: (db: Db, playlistId: string, by: { itemIds: string[] } | { trackIds: string[] }) =>
    db
      .deleteFrom('playlist_items')
      .where('playlist_id', '=', playlistId)
      .where((eb) => ('itemIds' in by ? eb('id', 'in', by.itemIds) : eb('track_id', 'in', by.trackIds)))
      .returning(['id', 'track_id', 'added_by', 'position_key'])
      .execute()
      .then((rows) => rows.sort((a, b) => (a.position_key < b.position_key ? -1 : 1))),

  deleteAllItems: (db: Db, playlistId: string) =>
    db
      .deleteFrom('playlist_items')
      .where('playlist_id', '=', playlistId)
      .executeTakeFirst()
      .then((r) => Number(r.numDeletedRows)),

  // Votes -----------------------------------------------------------------------------------------------------

  /** Sets the caller's vote on an item and moves its net count, in one statement; found false when the item is not there. */
  castVote: (db: Db, playlistId: string, itemId: string, userId: string, direction: 1 | -1) =>
    sql<{ found: boolean; previous: number | null; net_votes: number | null }>`
      WITH item AS (
        SELECT id FROM playlist_items WHERE id = ${itemId} AND playlist_id = ${playlistId}
      ), previous AS (
        SELECT v.direction FROM playlist_votes v JOIN item ON item.id = v.item_id WHERE v.user_id = ${userId}
      ), upserted AS (
        INSERT INTO playlist_votes (item_id, user_id, playlist_id, direction)
        SELECT id, ${userId}, ${playlistId}, ${direction} FROM item
        ON CONFLICT (item_id, user_id) DO UPDATE SET direction = excluded.direction, updated_at = now()
        RETURNING item_id
      ), counted AS (
        UPDATE playlist_items i SET net_votes = i.net_votes + ${direction} - coalesce((SELECT direction FROM previous), 0)
        FROM item WHERE i.id = item.id
        RETURNING i.net_votes
      )
      SELECT EXISTS (SELECT 1 FROM item) AS found, (SELECT direction FROM previous) AS previous,
        (SELECT net_votes FROM counted) AS net_votes
    `
      .execute(db)
      .then((r) => r.rows[0]!),

  /** Withdraws the caller's vote; previous is null when there was none. */
  withdrawVote: (db: Db, playlistId: string, itemId: string, userId: string) =>
    sql<{ found: boolean; previous: number | null; net_votes: number | null }>`
      WITH item AS (
        SELECT id, net_votes FROM playlist_items WHERE id = ${itemId} AND playlist_id = ${playlistId}
      ), removed AS (
        DELETE FROM playlist_votes v USING item WHERE v.item_id = item.id AND v.user_id = ${userId}
        RETURNING v.direction
      ), counted AS (
        UPDATE playlist_items i SET net_votes = i.net_votes - (SELECT direction FROM removed)
        FROM item WHERE i.id = item.id AND EXISTS (SELECT 1 FROM removed)
        RETURNING i.net_votes
      )
      SELECT EXISTS (SELECT 1 FROM item) AS found, (SELECT direction FROM removed) AS previous,
        coalesce((SELECT net_votes FROM counted), (SELECT net_votes FROM item)) AS net_votes
    `
      .execute(db)
      .then((r) => r.rows[0]!),

  // Activity --------------------------------------------------------------------------------------------------

  activity: (db: Db, playlistId: string, from: { afterSeq?: number; beforeSeq?: number }, order: 'asc' | 'desc', limit: number) => {
    let query = db.selectFrom('playlist_activity').selectAll().where('playlist_id', '=', playlistId);
    if (from.afterSeq !== undefined) query = query.where('seq', '>', from.afterSeq);
    if (from.beforeSeq !== undefined) query = query.where('seq', '<', from.beforeSeq);
    return query.orderBy('seq', order).limit(limit).execute();
  },

  // Suggestions -----------------------------------------------------------------------------------------------

  /**
   * Tracks co-listened with the playlist's: up to 200 of its most recently added tracks, up to 25 recent listeners
   * of each (5,000 at most), the tracks of each listener's 100 most recent streams, scored by distinct
   * co-listeners. Every step is an index range with a limit (the listener sets' primary key, then the listens'
   * (user_id, listened_at, ...) key), so the work is bounded however large the data grows. A best-effort read:
   * it takes no partition lock, so a partition being attached at that moment can hide a few rows.
   * A track is suggested only when at least `minListeners` distinct listeners co-listened it: suggestions are
   * public on a public playlist, and a track only one or a few people played next to its tracks would tell
   * anyone what those people listen to (k-anonymity, the same k as audience breakdowns).
   */
  coListenedTracks: (db: Db, playlistId: string, since: string, limit: number, minListeners: number) =>
    sql<{ track_id: string; title: string; artist_id: string; score: number }>`
      WITH seeds AS (
        SELECT track_id FROM playlist_items WHERE playlist_id = ${playlistId}
        GROUP BY track_id ORDER BY max(added_at) DESC LIMIT 200
      ), listeners AS (
        SELECT DISTINCT l.user_id
        FROM seeds s
        CROSS JOIN LATERAL (
          SELECT user_id FROM track_day_listeners
          WHERE track_id = s.track_id AND day >= ${since}::date
          ORDER BY day DESC LIMIT 25
        ) l
        LIMIT 5000
      ), scored AS (
        SELECT o.track_id, count(DISTINCT u.user_id)::int AS score
        FROM listeners u
        CROSS JOIN LATERAL (
          SELECT DISTINCT recent.track_id FROM (
            SELECT track_id FROM listens
            WHERE user_id = u.user_id AND listened_at >= (${since}::date)::timestamp AT TIME ZONE 'UTC' AND is_stream AND track_id IS NOT NULL
            ORDER BY listened_at DESC LIMIT 100
          ) recent
        ) o
        WHERE NOT EXISTS (SELECT 1 FROM playlist_items i WHERE i.playlist_id = ${playlistId} AND i.track_id = o.track_id)
        GROUP BY o.track_id
        HAVING count(DISTINCT u.user_id) >= ${minListeners}
      )
      SELECT s.track_id, t.title, t.artist_id, s.score
      FROM scored s JOIN tracks t ON t.id = s.track_id
      ORDER BY s.score DESC, s.track_id
      LIMIT ${limit}
    `
      .execute(db)
      .then((r) => r.rows),

  /** Tracks by the playlist's artists (those with the most items first) that it does not hold yet. */
  sameArtistTracks: (db: Db, playlistId: string, exclude: string[], limit: number) =>
    sql<{ track_id: string; title: string; artist_id: string; score: number }>`
      WITH artists AS (
        SELECT t.artist_id, count(*)::int AS n
        FROM playlist_items i JOIN tracks t ON t.id = i.track_id
        WHERE i.playlist_id = ${playlistId}
        GROUP BY t.artist_id ORDER BY n DESC, t.artist_id LIMIT 50
      )
      SELECT t.id AS track_id, t.title, t.artist_id, a.n AS score
      FROM tracks t JOIN artists a ON a.artist_id = t.artist_id
      WHERE NOT EXISTS (SELECT 1 FROM playlist_items i WHERE i.playlist_id = ${playlistId} AND i.track_id = t.id)
        AND NOT (t.id = ANY (${exclude}::uuid[]))
      ORDER BY a.n DESC, t.release_date DESC NULLS LAST, t.id
      LIMIT ${limit}
    `
      .execute(db)
      .then((r) => r.rows),
};
