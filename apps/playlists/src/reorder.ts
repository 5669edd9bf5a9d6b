/**
 * Spotify's reorder semantics: take `range_length` items starting at `range_start` and put them before the item
 * that was at `insert_before` (counted in the list as it is before the move); `insert_before` equal to the length
 * moves the range to the end. Moving the first of 10 items to the end is range_start 0, insert_before 10.
 * An insert_before strictly inside the range names no place outside it and is refused; at either edge of the
 * range nothing moves.
 */

export interface ReorderRequest {
  range_start: number;
  insert_before: number;
  range_length?: number | undefined;
}

export interface ReorderRefusal {
  /** JSON Pointer into the body. */
  pointer: string;
  detail: string;
}

export type ReorderPlan =
  /** Nothing moves: the range is put where it already is. */
  | { kind: 'noop'; start: number; length: number }
  | {
      kind: 'move';
      start: number;
      length: number;
      /** Index (in the list before the move) of the item the range lands after; null for the start of the list. */
      after: number | null;
      /** Index (before the move) of the item the range lands before; null for the end of the list. */
      before: number | null;
      /** Index of the range's first item once moved. */
      to: number;
    };

/** Checks a reorder against a list of `size` items and says what moves where, or why it is refused. */
export function planReorder(size: number, request: ReorderRequest): ReorderPlan | { refused: ReorderRefusal } {
  const start = request.range_start;
  const length = request.range_length ?? 1;
  const insertBefore = request.insert_before;
  if (!Number.isInteger(length) || length < 1) return { refused: { pointer: '/range_length', detail: 'must be at least 1' } };
  if (!Number.isInteger(start) || start < 0 || start >= size) {
    return { refused: { pointer: '/range_start', detail: `must be an item's position, from 0 to ${size - 1}` } };
  }
  if (start + length > size) {
    return { refused: { pointer: '/range_length', detail: `the range goes past the end of the playlist (${size} items)` } };
  }
  if (!Number.isInteger(insertBefore) || insertBefore < 0 || insertBefore > size) {
    return { refused: { pointer: '/insert_before', detail: `must be from 0 to ${size}` } };
  }
  if (insertBefore > start && insertBefore < start + length) {
    return { refused: { pointer: '/insert_before', detail: 'falls inside the range being moved' } };
  }
  if (insertBefore === start || insertBefore === start + length) return { kind: 'noop', start, length };
  return {
    kind: 'move',
    start,
    length,
    after: insertBefore === 0 ? null : insertBefore - 1,
    before: insertBefore === size ? null : insertBefore,
    to: insertBefore < start ? insertBefore : insertBefore - length,
  };
}

/** Applies a plan to a list (the reference model and what clients replaying the activity log do). */
export function applyPlan<T>(list: readonly T[], plan: ReorderPlan): T[] {
  if (plan.kind === 'noop') return [...list];
  const rest = [...list];
  const moved = rest.splice(plan.start, plan.length);
  rest.splice(plan.to, 0, ...moved);
  return rest;
}
