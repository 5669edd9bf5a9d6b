import { isUuid } from '@chorus/db';
import { decodeCursor, encodeCursor, problems } from '@chorus/service-kit';

/** The id a keyset page continues after, from its opaque cursor (a 400 for anything this service did not give). */
export function afterCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor, 1);
  if (!position || typeof position[0] !== 'string' || !isUuid(position[0]))
    throw problems.badRequest('invalid_cursor', 'The cursor is not one this list gave.');
  return position[0];
}

/** The cursor of the page after `items`, or null on the last page. */
export function nextCursor(more: boolean, items: ReadonlyArray<{ id: string }>): string | null {
  return more && items.length > 0 ? encodeCursor([items.at(-1)!.id]) : null;
}
