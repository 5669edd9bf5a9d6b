// The playlist editor's moves as plain functions: what the list looks like after a move, and the API request for it.

/** The list with the entry at `from` moved so that it ends at index `to`. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  const rest = [...list];
  const [entry] = rest.splice(from, 1);
  if (entry === undefined) return [...list];
  rest.splice(Math.max(0, Math.min(to, rest.length)), 0, entry);
  return rest;
}

/**
 * The reorder body (Spotify's semantics: the range moves before the item that was at insert_before) that moves one
 * item from `from` to end at index `to`.
 */
export function reorderBody(from: number, to: number): { range_start: number; insert_before: number } {
  return { range_start: from, insert_before: to > from ? to + 1 : to };
}

/** A person's move, kept as what they meant (this item, to this place) so it can be made again on a newer list. */
export interface MoveIntent {
  itemId: string;
  to: number;
}

export type PlannedMove = { kind: 'move'; from: number; to: number } | { kind: 'noop' } | { kind: 'gone' };

/** Where the intent puts the item in this list: gone when someone removed it, noop when it is already there. */
export function planMove(ids: readonly string[], intent: MoveIntent): PlannedMove {
  const from = ids.indexOf(intent.itemId);
  if (from < 0) return { kind: 'gone' };
  const to = Math.max(0, Math.min(intent.to, ids.length - 1));
  return from === to ? { kind: 'noop' } : { kind: 'move', from, to };
}
