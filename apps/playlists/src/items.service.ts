import { type Db, playlistsQueries, recordTrackPlaylisted, uuidv7 } from '@chorus/db';
import { queueWebhookDeliveries } from '@chorus/jobs';
import { decodeCursor, encodeCursor, type FieldError, ProblemError, problems } from '@chorus/service-kit';
import { type Applied, applyChange, type Caller, type ChangeContext, type PlaylistDeps, publish } from './changes.js';
import { evenKeys, keyBetween, keysBetween, needsRebalance } from './ordering.js';
import { type Item, MAX_ITEMS } from './playlist.schemas.js';
import { invalidCursor, readAccess } from './playlist.service.js';
import { planReorder, type ReorderRequest } from './reorder.js';
import { can } from './roles.js';
import { type Precondition, preconditionOf, requireSnapshot, snapshotId } from './snapshot.js';
import { itemView } from './views.js';

/** Published after commit on this channel whenever tracks are added to a playlist (listening context, momentum). */
export const PLAYLIST_ADDS_CHANNEL = 'playlist-adds';

export interface PlacedItem {
  item_id: string;
  track_id: string;
  position: number;
}

export interface AddItemsInput {
  track_ids: string[];
  position?: number | undefined;
  after_item_id?: string | undefined;
}

const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);

const itemNotFound = () => problems.notFound('item', 'item_not_found');

const anchorGone = (field: string) =>
  new ProblemError(409, 'anchor_not_found', `The item named by ${field} is not in the playlist (any more).`, {
    errors: [{ pointer: `/${field}`, detail: 'is not an item of this playlist', in: 'body' }],
  });

const invalid = (pointer: string, detail: string) => problems.validation([{ pointer, detail, in: 'body' }]);

/** Refuses the request unless every track exists in the catalog, pointing at each unknown one. */
async function requireTracks(db: Db, trackIds: string[]): Promise<void> {
  const known = new Set((await playlistsQueries.tracks(db, trackIds)).map((t) => t.id));
  const errors: FieldError[] = [];
  trackIds.forEach((id, i) => {
    if (!known.has(id)) errors.push({ pointer: `/track_ids/${i}`, detail: 'is not a catalog track', in: 'body' });
  });
  if (errors.length) throw problems.validation(errors, 'Some of the tracks do not exist.');
}

function requireRoom(count: number, adding: number): void {
  if (count + adding > MAX_ITEMS) {
    throw problems.conflict('playlist_full', `A playlist holds at most ${MAX_ITEMS} items; this one has ${count}, so ${adding} more do not fit.`);
  }
}

/** Rewrites every key of the playlist, short and evenly stepped; only when a key grew past the bound. */
async function rebalanceIfNeeded(trx: Db, playlistId: string, written: string[]): Promise<void> {
  if (!needsRebalance(written)) return;
  const ids = await playlistsQueries.orderedItemIds(trx, playlistId);
  await playlistsQueries.setKeys(trx, ids, evenKeys(ids.length));
}

/**
 * Inserts tracks between two keys, counting them as playlist adds, and says where they landed. Unknown tracks
 * are found by the insert itself (it takes only catalog tracks): then the change is refused and rolled back.
 */
async function insertTracks(context: ChangeContext, trackIds: string[], after: string | null, before: string | null, start: number) {
  const { trx, playlist, caller } = context;
  const keys = keysBetween(after, before, trackIds.length);
  const ids = trackIds.map(() => uuidv7());
  const inserted = await playlistsQueries.insertItems(trx, { playlistId: playlist.id, ids, trackIds, keys, addedBy: caller.userId, day: utcDay() });
  if (inserted !== trackIds.length) {
    await requireTracks(trx, trackIds);
    throw problems.validation([{ pointer: '/track_ids', detail: 'names a track that is no longer in the catalog', in: 'body' }]);
  }
  await rebalanceIfNeeded(trx, playlist.id, keys);
  const items = ids.map((id, i): PlacedItem => ({ item_id: id, track_id: trackIds[i]!, position: start + i }));
  // Artists' webhooks hear of their tracks added to a public playlist, in the transaction that adds them.
  const deliveries = await recordTrackPlaylisted(trx, { playlistId: playlist.id, items });
  return { items, deliveries };
}

function announceAdds(deps: PlaylistDeps, context: ChangeContext, trackIds: string[], deliveries: string[]) {
  const message = {
    playlist_id: context.playlist.id,
    collaborative: context.playlist.collaborative,
    track_ids: trackIds,
    added_by: context.caller.userId,
    at: new Date().toISOString(),
  };
  return async () => {
    await publish(deps, PLAYLIST_ADDS_CHANNEL, message);
    // A lost enqueue is picked up by the webhooks sweeper.
    if (deps.jobs && deliveries.length > 0) await queueWebhookDeliveries(deps.jobs, deliveries);
  };
}

/**
 * Adds tracks at the end, at a position (position-based: a stale If-Match is refused with 412), or right after
 * an item wherever it now is (by id: applies to the current state).
 */
export async function addItems(deps: PlaylistDeps, caller: Caller, playlistId: string, input: AddItemsInput, ifMatch: string | undefined) {
  if (input.position !== undefined && input.after_item_id !== undefined) throw invalid('/after_item_id', 'cannot be combined with position');
  const precondition = preconditionOf(ifMatch);
  return applyChange(deps, caller, playlistId, 'add_items', async (context) => {
    const { trx, playlist } = context;
    const count = playlist.item_count;
    if (input.position !== undefined) requireSnapshot(precondition, context.snapshot);
    requireRoom(count, input.track_ids.length);
    let start = count;
    let after = playlist.last_key;
    let before: string | null = null;
    if (input.after_item_id !== undefined) {
      const anchor = await playlistsQueries.anchor(trx, playlist.id, input.after_item_id);
      if (!anchor) throw anchorGone('after_item_id');
      start = anchor.position + 1;
      after = anchor.position_key;
      before = anchor.next_key;
    } else if (input.position !== undefined) {
      if (input.position > count) throw invalid('/position', `must be from 0 to ${count} (the number of items)`);
      if (input.position < count) {
        start = input.position;
        ({ after, before } = await playlistsQueries.keysAround(trx, playlist.id, start));
      }
    }
    const { items, deliveries } = await insertTracks(context, input.track_ids, after, before, start);
    return {
      result: { items },
      activity: { type: 'items_added', payload: { items }, touched: items.length },
      newSnapshot: true,
      itemCount: count + items.length,
      afterCommit: announceAdds(deps, context, input.track_ids, deliveries),
    };
  });
}

/** Spotify's reorder: a range moves before the item at insert_before. Position-based: honours If-Match and snapshot_id. */
export async function reorderItems(deps: PlaylistDeps, caller: Caller, playlistId: string, request: ReorderRequest, precondition: Precondition) {
  return applyChange(deps, caller, playlistId, 'move_items', async ({ trx, playlist, snapshot }) => {
    requireSnapshot(precondition, snapshot);
    const plan = planReorder(playlist.item_count, request);
    if ('refused' in plan) throw invalid(plan.refused.pointer, plan.refused.detail);
    if (plan.kind === 'noop') return { result: {} };
    const { ids, afterKey, beforeKey } = await playlistsQueries.rangeAndNeighbours(
      trx,
      playlist.id,
      { start: plan.start, length: plan.length },
      { after: plan.after, before: plan.before },
    );
    const keys = keysBetween(afterKey, beforeKey, ids.length);
    await playlistsQueries.setKeys(trx, ids, keys);
    await rebalanceIfNeeded(trx, playlist.id, keys);
    const payload = {
      range_start: plan.start,
      range_length: plan.length,
      insert_before: request.insert_before,
      item_ids: ids,
      to: plan.to,
    };
    return { result: {}, activity: { type: 'items_reordered', payload, touched: ids.length }, newSnapshot: true };
  });
}

/** Replaces the whole list (editors and the owner); honours If-Match and snapshot_id. */
export async function replaceItems(deps: PlaylistDeps, caller: Caller, playlistId: string, trackIds: string[], precondition: Precondition) {
  return applyChange(deps, caller, playlistId, 'replace_items', async (context) => {
    const { trx, playlist, snapshot } = context;
    requireSnapshot(precondition, snapshot);
    const removed = await playlistsQueries.deleteAllItems(trx, playlist.id);
    const { items, deliveries } = await insertTracks(context, trackIds, null, null, 0);
    return {
      result: {},
      activity: { type: 'items_replaced', payload: { removed_count: removed, items }, touched: items.length },
      newSnapshot: true,
      itemCount: items.length,
      ...(trackIds.length ? { afterCommit: announceAdds(deps, context, trackIds, deliveries) } : {}),
    };
  });
}

/**
 * PUT /items: a reorder (range_start, insert_before, range_length) or a replace (track_ids), never both. The
 * snapshot the client saw may come as If-Match or, as Spotify takes it, as snapshot_id in the body.
 */
export async function updateItems(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  body: {
    range_start?: number | undefined;
    insert_before?: number | undefined;
    range_length?: number | undefined;
    track_ids?: string[] | undefined;
    snapshot_id?: string | undefined;
  },
  ifMatch: string | undefined,
): Promise<Applied<unknown>> {
  const precondition = preconditionOf(ifMatch, body.snapshot_id);
  const reorder = body.range_start !== undefined || body.insert_before !== undefined || body.range_length !== undefined;
  if (body.track_ids !== undefined) {
    if (reorder) throw invalid('/track_ids', 'replaces the list: send it without range_start, insert_before and range_length');
    return replaceItems(deps, caller, playlistId, body.track_ids, precondition);
  }
  const missing = (['range_start', 'insert_before'] as const).filter((field) => body[field] === undefined);
  if (missing.length) {
    throw problems.validation(missing.map((field) => ({ pointer: `/${field}`, detail: 'is required (or send track_ids to replace the list)', in: 'body' })));
  }
  return reorderItems(
    deps,
    caller,
    playlistId,
    { range_start: body.range_start!, insert_before: body.insert_before!, range_length: body.range_length },
    precondition,
  );
}

/** Moves one item right before or after another, wherever both are now (by id: no snapshot needed). */
export async function moveItem(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  itemId: string,
  body: { before_item_id?: string | undefined; after_item_id?: string | undefined },
) {
  const side = body.after_item_id !== undefined ? 'after' : 'before';
  const anchorId = body.after_item_id ?? body.before_item_id;
  if (anchorId === undefined || (body.after_item_id !== undefined && body.before_item_id !== undefined)) {
    throw invalid('/before_item_id', 'send exactly one of before_item_id and after_item_id');
  }
  if (anchorId === itemId) throw invalid(`/${side}_item_id`, 'must name another item');
  const applied = await applyChange(deps, caller, playlistId, 'move_items', async ({ trx, playlist }) => {
    const context = await playlistsQueries.moveContext(trx, playlist.id, itemId, anchorId, side);
    if (context.item_key === null) throw itemNotFound();
    if (context.anchor_key === null) throw anchorGone(`${side}_item_id`);
    const key = side === 'after' ? keyBetween(context.anchor_key, context.neighbour_key) : keyBetween(context.neighbour_key, context.anchor_key);
    const position = (await playlistsQueries.moveItem(trx, playlist.id, itemId, context.item_key, key))!;
    await rebalanceIfNeeded(trx, playlist.id, [key]);
    return {
      result: { item_id: itemId, position },
      activity: { type: 'item_moved', payload: { item_id: itemId, to: position, [`${side}_item_id`]: anchorId }, touched: 1 },
      newSnapshot: true,
    };
  });
  return applied;
}

/**
 * Removes items by id, or every occurrence of tracks. A contributor may remove only what they added (else 403,
 * nothing removed). Ids no longer in the playlist are skipped: removing twice is harmless. Without a snapshot it
 * applies to the current state; with one (If-Match, or snapshot_id in the body as Spotify takes it) only to that.
 */
export async function removeItems(
  deps: PlaylistDeps,
  caller: Caller,
  playlistId: string,
  body: { item_ids?: string[] | undefined; track_ids?: string[] | undefined; snapshot_id?: string | undefined },
  ifMatch?: string | undefined,
) {
  if ((body.item_ids === undefined) === (body.track_ids === undefined)) {
    throw invalid(body.item_ids ? '/track_ids' : '/item_ids', 'send exactly one of item_ids and track_ids');
  }
  const precondition = preconditionOf(ifMatch, body.snapshot_id);
  return applyChange(deps, caller, playlistId, 'remove_own_items', async ({ trx, playlist, standing, snapshot }) => {
    requireSnapshot(precondition, snapshot);
    // Delete, then check: a refusal throws and the transaction puts everything back.
    const rows = await playlistsQueries.deleteItems(trx, playlist.id, body.item_ids ? { itemIds: body.item_ids } : { trackIds: body.track_ids! });
    if (!can(standing, 'remove_any_items') && rows.some((row) => row.added_by !== caller.userId)) {
      throw problems.forbidden('A contributor may remove only the items they added.', 'not_your_item');
    }
    const removed = rows.map((row) => row.id);
    if (removed.length === 0) return { result: { removed } };
    return {
      result: { removed },
      activity: { type: 'items_removed', payload: { items: rows.map((row) => ({ item_id: row.id, track_id: row.track_id })) }, touched: removed.length },
      newSnapshot: true,
      itemCount: playlist.item_count - removed.length,
    };
  });
}

/** One vote per member per item; changing it moves the net count. Votes log activity but keep the snapshot. */
export async function castVote(deps: PlaylistDeps, caller: Caller, playlistId: string, itemId: string, direction: 'up' | 'down') {
  const value = direction === 'up' ? 1 : -1;
  return applyChange(deps, caller, playlistId, 'vote', async ({ trx, playlist }) => {
    const vote = await playlistsQueries.castVote(trx, playlist.id, itemId, caller.userId, value);
    if (!vote.found) throw itemNotFound();
    const result = { item_id: itemId, direction, net_votes: vote.net_votes ?? 0 };
    if (vote.previous === value) return { result };
    return { result, activity: { type: 'vote_cast', payload: result } };
  });
}

export async function withdrawVote(deps: PlaylistDeps, caller: Caller, playlistId: string, itemId: string) {
  return applyChange(deps, caller, playlistId, 'vote', async ({ trx, playlist }) => {
    const vote = await playlistsQueries.withdrawVote(trx, playlist.id, itemId, caller.userId);
    if (!vote.found) throw itemNotFound();
    const result = { item_id: itemId, direction: null, net_votes: vote.net_votes ?? 0 };
    if (vote.previous === null) return { result };
    return { result, activity: { type: 'vote_withdrawn', payload: result } };
  });
}

export interface ItemsQueryInput {
  limit?: number | undefined;
  cursor?: string | undefined;
  offset?: number | undefined;
  sort?: 'position' | 'votes' | undefined;
}

/**
 * A page of items in playlist order (cursor or offset) or by net votes, with the snapshot it was read at:
 * the page and its snapshot come from one consistent read, so positions and If-Match agree.
 */
export async function listItems(db: Db, caller: Caller | null, playlistId: string, query: ItemsQueryInput) {
  if (query.cursor !== undefined && query.offset !== undefined) {
    throw problems.validation([{ pointer: '/offset', detail: 'cannot be combined with cursor', in: 'querystring' }]);
  }
  const limit = query.limit ?? 20;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const { playlist } = await readAccess(trx, caller, playlistId);
      const snapshot = snapshotId(playlist.id, playlist.version);
      let items: Item[];
      let next: unknown[] | null = null;
      if (query.sort === 'votes') {
        let after: { netVotes: number; key: string } | undefined;
        if (query.cursor !== undefined) {
          const position = decodeCursor(query.cursor, 2);
          if (!position || typeof position[0] !== 'number' || typeof position[1] !== 'string') throw invalidCursor();
          after = { netVotes: position[0], key: position[1] };
        }
        const rows = await playlistsQueries.itemsByVotes(trx, playlist.id, after, query.offset ?? 0, limit + 1);
        items = rows.slice(0, limit).map((row) => itemView(row, row.position));
        const last = rows[limit - 1];
        if (rows.length > limit && last) next = [last.net_votes, last.position_key];
      } else {
        let afterKey: string | undefined;
        if (query.cursor !== undefined) {
          const position = decodeCursor(query.cursor, 1);
          if (!position || typeof position[0] !== 'string') throw invalidCursor();
          afterKey = position[0];
        }
        const rows = await playlistsQueries.itemsInOrder(trx, playlist.id, { afterKey, offset: query.offset }, limit + 1);
        const first = rows[0];
        const start = afterKey === undefined ? (query.offset ?? 0) : first ? await playlistsQueries.countBefore(trx, playlist.id, first.position_key) : 0;
        items = rows.slice(0, limit).map((row, i) => itemView(row, start + i));
        const last = rows[limit - 1];
        if (rows.length > limit && last) next = [last.position_key];
      }
      return { items, next_cursor: next ? encodeCursor(next) : null, total: playlist.item_count, snapshot_id: snapshot };
    });
}
