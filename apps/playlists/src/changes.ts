import { type JobSystem, queueWebhookDeliveries } from '@chorus/jobs';
import { type Db, type PlaylistChange, type PlaylistRole, playlistsQueries, webhooksQueries } from '@chorus/db';
import { type Bus, problems } from '@chorus/service-kit';
import { usersNamed } from './activity.rules.js';
import type { Person } from './playlist.schemas.js';
import { type Action, can, canSee, type Standing, standingOf } from './roles.js';
import type { LockedPlaylist } from './rows.js';
import { snapshotId } from './snapshot.js';

/** What the write path needs from the runtime. */
export interface PlaylistDeps {
  db: Db;
  bus: Bus;
  /** Queues the webhook deliveries a change recorded (`track.playlisted`, `playlist.updated`), after commit. */
  jobs?: JobSystem;
  log?: { error(object: unknown, message: string): void };
}

/** A signed-in caller. */
export interface Caller {
  userId: string;
}

export type ActivityType =
  | 'playlist_created'
  | 'playlist_updated'
  | 'items_added'
  | 'items_removed'
  | 'item_moved'
  | 'items_reordered'
  | 'items_replaced'
  | 'vote_cast'
  | 'vote_withdrawn'
  | 'collaborator_added'
  | 'collaborator_role_changed'
  | 'collaborator_removed'
  | 'collaborator_left'
  | 'ownership_transferred'
  | 'invite_created'
  | 'invite_revoked'
  | 'invite_declined';

/** One live update, as published on the bus and sent to SSE clients (the activity row, or a deletion notice). */
export interface PlaylistEvent {
  seq: number;
  type: ActivityType | 'playlist_deleted';
  snapshot_id: string;
  actor_id: string | null;
  created_at: string;
  payload: unknown;
  /**
   * On the bus only, for a playlist visitors may watch: the handles of the people the event names, looked up
   * once by the writer, so no subscriber needs a query to show the public view.
   */
  people?: Record<string, Person>;
}

export interface ChangeContext {
  trx: Db;
  playlist: LockedPlaylist;
  standing: Standing;
  caller: Caller;
  /** The snapshot the playlist is at before this change. */
  snapshot: string;
}

export interface ChangeOutcome<T> {
  result: T;
  /** The activity to record; absent when the request changed nothing (no new snapshot, no event). */
  activity?: { type: ActivityType; payload: Record<string, unknown>; touched?: number };
  /** True when content or details changed: the snapshot moves on. Votes and membership only log activity. */
  newSnapshot?: boolean;
  /** The playlist's item count after the change. */
  itemCount?: number;
  /** Runs after commit (publishing to other channels). */
  afterCommit?: () => Promise<void>;
}

export interface Applied<T> {
  result: T;
  snapshot_id: string;
  /** The activity seq of this change (the last one when it changed nothing). */
  seq: number;
}

const ACTION_TEXT: Record<Action, string> = {
  read: 'read this playlist',
  follow: 'follow this playlist',
  vote: 'vote on items',
  add_items: 'add items',
  remove_own_items: 'remove items',
  remove_any_items: "remove other people's items",
  move_items: 'reorder items',
  replace_items: 'replace the items',
  leave: 'leave this playlist',
  edit_details: "change the playlist's details",
  delete: 'delete this playlist',
  manage_collaborators: 'manage collaborators',
  transfer_ownership: 'transfer ownership',
  manage_invites: 'manage invitations',
};

export const playlistChannel = (playlistId: string) => `playlist:${playlistId}`;

export const playlistNotFound = () => problems.notFound('playlist', 'playlist_not_found');

/** 404 when the caller may not see the playlist, 403 when they see it but may not do this. */
export function requireCan(standing: Standing, action: Action): void {
  if (!canSee(standing)) throw playlistNotFound();
  if (can(standing, action)) return;
  if (standing === 'visitor') throw problems.forbidden(`Only collaborators may ${ACTION_TEXT[action]}.`, 'not_a_collaborator');
  throw problems.forbidden(`A playlist ${standing} may not ${ACTION_TEXT[action]}.`, 'insufficient_playlist_role');
}

export function roleStanding(role: PlaylistRole | null, playlist: { visibility: 'private' | 'public' }): Standing {
  return standingOf(role, playlist.visibility);
}

/**
 * The one path every change to a playlist takes: lock the playlist row (changes of one playlist run one at a time),
 * check the caller's role, apply, bump the version, append the activity row, commit; then publish the event.
 * `need` null leaves every check to `apply` (accepting an invitation to a playlist one cannot see yet).
 */
export async function applyChange<T>(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  need: Action | null,
  apply: (context: ChangeContext) => Promise<ChangeOutcome<T>>,
): Promise<Applied<T>> {
  const { outcome, applied, event, deliveries } = await retryOnDeadlock(() =>
    deps.db.transaction().execute(async (trx) => {
      const playlist = await playlistsQueries.lockPlaylist(trx, playlistId, caller.userId);
      if (!playlist) throw playlistNotFound();
      const standing = roleStanding(playlist.role, playlist);
      if (need) requireCan(standing, need);
      const before = snapshotId(playlist.id, playlist.version);
      const outcome = await apply({ trx, playlist, standing, caller, snapshot: before });
      if (!outcome.activity) {
        return { outcome, applied: { result: outcome.result, snapshot_id: before, seq: playlist.last_seq }, event: undefined, deliveries: [] };
      }
      const version = playlist.version + (outcome.newSnapshot ? 1 : 0);
      const seq = playlist.last_seq + 1;
      const snapshot = snapshotId(playlist.id, version);
      const row = await playlistsQueries.recordChange(trx, {
        playlistId: playlist.id,
        seq,
        version,
        itemCount: outcome.itemCount ?? playlist.item_count,
        actorId: caller.userId,
        type: outcome.activity.type,
        payload: outcome.activity.payload,
        snapshotId: snapshot,
        touched: outcome.activity.touched ?? 0,
      });
      const event: PlaylistEvent = {
        seq,
        type: outcome.activity.type,
        snapshot_id: snapshot,
        actor_id: caller.userId,
        created_at: row.created_at.toISOString(),
        payload: outcome.activity.payload,
      };
      // Visitors can watch a public playlist (and still do while a change makes it private): they see people by handle.
      if (playlist.visibility === 'public' || event.type === 'playlist_updated') {
        const people = await playlistsQueries.people(trx, usersNamed(event));
        event.people = Object.fromEntries(people.map((p) => [p.id, { handle: p.handle, display_name: p.display_name }]));
      }
      // Partner apps that the playlist's members connected hear of a new snapshot, in this transaction (the outbox).
      const deliveries = outcome.newSnapshot
        ? await webhooksQueries.recordPlaylistUpdated(trx, {
            playlistId: playlist.id,
            version,
            snapshotId: snapshot,
            change: changeOf(event.type),
            at: row.created_at,
          })
        : [];
      return { outcome, applied: { result: outcome.result, snapshot_id: snapshot, seq }, event, deliveries };
    }),
  );
  if (event) publish(deps, playlistChannel(playlistId), event);
  // A lost enqueue is picked up by the webhooks sweeper.
  if (deps.jobs && deliveries.length > 0)
    await queueWebhookDeliveries(deps.jobs, deliveries).catch((error) => deps.log?.error({ err: error }, 'queueing webhook deliveries failed'));
  if (outcome.afterCommit) await outcome.afterCommit().catch((error) => deps.log?.error({ err: error }, 'after-commit step failed'));
  return applied;
}

/** What a new snapshot changed, as playlist.updated says it. */
function changeOf(type: PlaylistEvent['type']): PlaylistChange {
  if (type === 'playlist_updated') return 'details';
  if (type === 'ownership_transferred') return 'owner';
  return 'items';
}

/**
 * Runs a transaction again when PostgreSQL broke a deadlock by aborting it. Changes lock their playlist first,
 * so they never deadlock each other; the rollup rows they share with the listening aggregation can.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || (error as { code?: string }).code !== '40P01') throw error;
    }
  }
}

/** Publishes after commit; a bus outage never fails a change that is already committed (clients catch up from the log). */
export function publish(deps: PlaylistDeps, channel: string, message: unknown): void {
  deps.bus.publish(channel, message).catch((error) => deps.log?.error({ err: error, channel }, 'publish failed'));
}
