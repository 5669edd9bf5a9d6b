import { type Db, playlistsQueries } from '@chorus/db';
import { decodeCursor, encodeCursor } from '@chorus/service-kit';
import { publicActivity, usersNamed } from './activity.rules.js';
import type { Caller } from './changes.js';
import type { Activity, Person } from './playlist.schemas.js';
import { invalidCursor, readAccess } from './playlist.service.js';
import { isCollaborator } from './roles.js';
import { activityView } from './views.js';

/** Handles and display names of everyone the activities name, by user id (one query). */
export async function peopleOf(db: Db, activities: ReadonlyArray<Parameters<typeof usersNamed>[0]>): Promise<Map<string, Person>> {
  const rows = await playlistsQueries.people(db, activities.flatMap(usersNamed));
  return new Map(rows.map((r) => [r.id, { handle: r.handle, display_name: r.display_name }]));
}

/** Activities as the caller may see them: all of them to collaborators, the public view to anyone else. */
export async function visibleActivities(db: Db, activities: Activity[], collaborator: boolean): Promise<Activity[]> {
  if (collaborator) return activities;
  const people = await peopleOf(db, activities);
  return activities.map((a) => publicActivity(a, people)).filter((a): a is NonNullable<typeof a> => a !== null);
}

/**
 * The change log, oldest first by default (replaying it in order rebuilds the playlist), keyset-paged on seq.
 * Callers who are not collaborators get its public view (see publicActivity): a page can then hold fewer items
 * than the limit, and the cursor still pages on.
 */
export async function listActivity(
  db: Db,
  caller: Caller | null,
  playlistId: string,
  query: { limit?: number | undefined; cursor?: string | undefined; order?: 'asc' | 'desc' | undefined },
): Promise<{ items: Activity[]; next_cursor: string | null }> {
  const { standing } = await readAccess(db, caller, playlistId);
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
  const items = await visibleActivities(db, page.map(activityView), isCollaborator(standing));
  return { items, next_cursor: rows.length > limit && last ? encodeCursor([last.seq]) : null };
}
