import { type Db, playlistsQueries } from '@chorus/db';
import { decodeCursor, encodeCursor } from '@chorus/service-kit';
import type { Caller } from './changes.js';
import type { Activity } from './playlist.schemas.js';
import { invalidCursor, readAccess } from './playlist.service.js';
import { activityView } from './views.js';

/** The change log, oldest first by default (replaying it in order rebuilds the playlist), keyset-paged on seq. */
export async function listActivity(
  db: Db,
  caller: Caller | null,
  playlistId: string,
  query: { limit?: number | undefined; cursor?: string | undefined; order?: 'asc' | 'desc' | undefined },
): Promise<{ items: Activity[]; next_cursor: string | null }> {
  await readAccess(db, caller, playlistId);
  const limit = query.limit ?? 20;
  const order = query.order ?? 'asc';
  let seq: number | undefined;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor, 1);
    if (!position || !Number.isSafeInteger(position[0])) throw invalidCursor();
    seq = position[0] as number;
  }
  const from = seq === undefined ? {} : order === 'asc' ? { afterSeq: seq } : { beforeSeq: seq };
  const rows = await playlistsQueries.activity(db, playlistId, from, order, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(activityView), next_cursor: rows.length > limit && last ? encodeCursor([last.seq]) : null };
}
