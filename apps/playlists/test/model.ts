/** Plain reference models the tests compare the service against. */

/** Spotify's documented reorder on an array; undefined when the request makes no sense. */
export function referenceReorder<T>(list: readonly T[], rangeStart: number, insertBefore: number, rangeLength = 1): T[] | undefined {
  if (rangeStart < 0 || rangeStart + rangeLength > list.length || insertBefore > list.length) return undefined;
  if (insertBefore > rangeStart && insertBefore < rangeStart + rangeLength) return undefined;
  const out = [...list];
  const moved = out.splice(rangeStart, rangeLength);
  const at = insertBefore > rangeStart ? insertBefore - rangeLength : insertBefore;
  out.splice(at, 0, ...moved);
  return out;
}

export interface LoggedChange {
  seq: number;
  type: string;
  payload: unknown;
}

interface Placed {
  item_id: string;
  position: number;
}

/**
 * Rebuilds a playlist's item ids by replaying its activity log in seq order, the way a client applying live
 * events would: adds at their positions, removes by id, moves by id to their resulting position.
 */
export function replayActivity(rows: readonly LoggedChange[]): string[] {
  let list: string[] = [];
  let expected = 0;
  for (const row of rows) {
    if (expected && row.seq !== expected + 1) throw new Error(`activity seq jumps from ${expected} to ${row.seq}`);
    expected = row.seq;
    const payload = row.payload as Record<string, unknown>;
    switch (row.type) {
      case 'items_added':
        for (const item of payload.items as Placed[]) list.splice(item.position, 0, item.item_id);
        break;
      case 'items_replaced':
        list = (payload.items as Placed[]).map((item) => item.item_id);
        break;
      case 'items_removed': {
        const gone = new Set((payload.items as Placed[]).map((item) => item.item_id));
        list = list.filter((id) => !gone.has(id));
        break;
      }
      case 'item_moved': {
        const id = payload.item_id as string;
        list = list.filter((x) => x !== id);
        list.splice(payload.to as number, 0, id);
        break;
      }
      case 'items_reordered': {
        const ids = payload.item_ids as string[];
        const moving = new Set(ids);
        list = list.filter((x) => !moving.has(x));
        list.splice(payload.to as number, 0, ...ids);
        break;
      }
      default:
        break;
    }
  }
  return list;
}
