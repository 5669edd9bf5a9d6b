import { createHash } from 'node:crypto';
import { type Db, isUuid, type PlaylistVisibility, playlistsQueries, uuidv7 } from '@chorus/db';
import { decodeCursor, encodeCursor, problems } from '@chorus/service-kit';
import {
  applyChange,
  type Caller,
  type PlaylistDeps,
  type PlaylistEvent,
  playlistChannel,
  playlistNotFound,
  publish,
  requireCan,
  roleStanding,
} from './changes.js';
import type { MyPlaylist, Playlist } from './playlist.schemas.js';
import { canSee, type Standing } from './roles.js';
import { preconditionOf, requireSnapshot, snapshotId } from './snapshot.js';
import { myPlaylistView, playlistView } from './views.js';

export interface CreatePlaylistInput {
  name: string;
  description?: string | undefined;
  visibility?: PlaylistVisibility | undefined;
  collaborative?: boolean | undefined;
}

export type UpdatePlaylistInput = Partial<CreatePlaylistInput>;
export type PlaylistRelation = 'owned' | 'collaborating' | 'followed';

const cleanDescription = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The playlist and where the caller stands; 404 when they may not see it (or it does not exist). */
export async function readAccess(db: Db, caller: Caller | null, playlistId: string) {
  const playlist = await playlistsQueries.playlistWithRole(db, playlistId, caller?.userId ?? null);
  if (!playlist) throw playlistNotFound();
  const standing: Standing = roleStanding(playlist.role, playlist);
  if (!canSee(standing)) throw playlistNotFound();
  return { playlist, standing };
}

/**
 * Creates a playlist owned by the caller. With an Idempotency-Key, a retry by the same user within 24 hours
 * gets the first answer back instead of a second playlist (and a different body under the same key is refused).
 */
export async function createPlaylist(
  deps: PlaylistDeps,
  caller: Caller,
  input: CreatePlaylistInput,
  idempotencyKey?: string,
): Promise<{ playlist: Playlist; replayed: boolean }> {
  const fields = {
    name: input.name.trim(),
    description: cleanDescription(input.description),
    visibility: input.visibility ?? 'private',
    collaborative: input.collaborative ?? false,
  };
  const requestHash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  return deps.db.transaction().execute(async (trx) => {
    if (idempotencyKey !== undefined) {
      const claimed = await playlistsQueries.claimIdempotencyKey(trx, caller.userId, idempotencyKey, requestHash);
      if (!claimed) {
        const prior = await playlistsQueries.idempotentAnswer(trx, caller.userId, idempotencyKey);
        if (prior?.request_hash !== requestHash) {
          throw problems.unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for a different request in the last 24 hours.');
        }
        if (!prior.response) throw problems.conflict('idempotent_request_in_progress', 'A request with this Idempotency-Key is still running.');
        return { playlist: prior.response as Playlist, replayed: true };
      }
    }
    const id = uuidv7();
    await playlistsQueries.insertPlaylist(trx, { id, owner_id: caller.userId, ...fields });
    await playlistsQueries.insertCollaborator(trx, { playlist_id: id, user_id: caller.userId, role: 'owner', added_by: caller.userId });
    await playlistsQueries.recordChange(trx, {
      playlistId: id,
      seq: 1,
      version: 1,
      itemCount: 0,
      actorId: caller.userId,
      type: 'playlist_created',
      payload: { name: fields.name, visibility: fields.visibility, collaborative: fields.collaborative },
      snapshotId: snapshotId(id, 1),
      touched: 0,
    });
    const row = await playlistsQueries.playlistView(trx, id, caller.userId);
    const playlist = playlistView(row!);
    if (idempotencyKey !== undefined) await playlistsQueries.saveIdempotentAnswer(trx, caller.userId, idempotencyKey, playlist);
    return { playlist, replayed: false };
  });
}

export async function getPlaylist(db: Db, caller: Caller | null, playlistId: string): Promise<Playlist> {
  const row = await playlistsQueries.playlistView(db, playlistId, caller?.userId ?? null);
  if (!row || !canSee(roleStanding(row.role, row))) throw playlistNotFound();
  return playlistView(row);
}

/** Changes name, description, visibility or the collaborative flag (the owner only); a new snapshot. Honours If-Match. */
export async function updatePlaylist(deps: PlaylistDeps, caller: Caller, playlistId: string, input: UpdatePlaylistInput, ifMatch?: string): Promise<Playlist> {
  const precondition = preconditionOf(ifMatch);
  const applied = await applyChange(deps, caller, playlistId, 'edit_details', async ({ trx, playlist, snapshot }) => {
    requireSnapshot(precondition, snapshot);
    const wanted = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: cleanDescription(input.description) } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      ...(input.collaborative !== undefined ? { collaborative: input.collaborative } : {}),
    };
    const changes = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => playlist[field as keyof typeof wanted] !== value));
    if (Object.keys(changes).length > 0) await playlistsQueries.updateDetails(trx, playlistId, changes);
    const view = playlistView((await playlistsQueries.playlistView(trx, playlistId, caller.userId))!);
    if (Object.keys(changes).length === 0) return { result: view };
    return { result: view, activity: { type: 'playlist_updated', payload: { changes } }, newSnapshot: true };
  });
  return { ...applied.result, snapshot_id: applied.snapshot_id };
}

/** Deletes the playlist (the owner only); live subscribers are told and their streams end. */
export async function deletePlaylist(deps: PlaylistDeps, caller: Caller, playlistId: string): Promise<void> {
  const event = await deps.db.transaction().execute(async (trx) => {
    const playlist = await playlistsQueries.lockPlaylist(trx, playlistId, caller.userId);
    if (!playlist) throw playlistNotFound();
    requireCan(roleStanding(playlist.role, playlist), 'delete');
    await playlistsQueries.deletePlaylist(trx, playlistId);
    const deleted: PlaylistEvent = {
      seq: playlist.last_seq + 1,
      type: 'playlist_deleted',
      snapshot_id: snapshotId(playlist.id, playlist.version),
      actor_id: caller.userId,
      created_at: new Date().toISOString(),
      payload: {},
    };
    return deleted;
  });
  publish(deps, playlistChannel(playlistId), event);
}

export async function followPlaylist(db: Db, caller: Caller, playlistId: string): Promise<void> {
  const { standing } = await readAccess(db, caller, playlistId);
  requireCan(standing, 'follow');
  await playlistsQueries.follow(db, playlistId, caller.userId);
}

export async function unfollowPlaylist(db: Db, caller: Caller, playlistId: string): Promise<void> {
  const { standing } = await readAccess(db, caller, playlistId);
  requireCan(standing, 'follow');
  await playlistsQueries.unfollow(db, playlistId, caller.userId);
}

/** The caller's playlists: owned, collaborating and followed (still visible), newest first. */
export async function myPlaylists(
  db: Db,
  caller: Caller,
  query: { relation?: PlaylistRelation | undefined; limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: MyPlaylist[]; next_cursor: string | null }> {
  const limit = query.limit ?? 20;
  const rows = await playlistsQueries.myPlaylists(db, caller.userId, query.relation, idCursor(query.cursor), limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(myPlaylistView), next_cursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}

export const invalidCursor = () =>
  problems.validation([{ pointer: '/cursor', detail: 'is not a cursor from a previous answer', in: 'querystring' }], 'The cursor is not valid.');

/** The id a keyset cursor on ids (newest first) continues before; undefined for the first page. */
export function idCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor, 1);
  if (!position || typeof position[0] !== 'string' || !isUuid(position[0])) throw invalidCursor();
  return position[0];
}
