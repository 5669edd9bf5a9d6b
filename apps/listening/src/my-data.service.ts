import { type ChangedSubjects, type Db, feedbackQueries, type HistoryRow, listenerQueries, listeningQueries } from '@chorus/db';
import { decodeCursor, encodeCursor, problems, publishChanges, type ServiceDeps } from '@chorus/service-kit';
import { computeRelatedArtistsJob, RELATED_ARTISTS_SETTINGS } from '@chorus/jobs';

function toItem(r: HistoryRow) {
  return {
    listened_at: r.listened_at.toISOString(),
    ms_played: r.ms_played,
    is_stream: r.is_stream,
    matched: r.track_id !== null,
    track:
      r.track_id && r.track_title && r.track_artist_id
        ? { id: r.track_id, title: r.track_title, artist: { id: r.track_artist_id, name: r.track_artist_name ?? '' } }
        : null,
    artist_name: r.artist_name,
    track_name: r.track_name,
    release_name: r.release_name,
    isrc: r.isrc,
    context: { type: r.context_type, id: r.context_id },
    platform: r.platform,
    client: r.client,
  };
}

/** A listener's listens, newest first, by keyset on (listened_at, track_key). */
export async function listHistory(db: Db, userId: string, query: { limit?: number | undefined; cursor?: string | undefined; unmatched?: boolean | undefined }) {
  const limit = query.limit ?? 50;
  let before: [Date, string] | undefined;
  if (query.cursor) {
    const position = decodeCursor(query.cursor, 2);
    if (!position || typeof position[0] !== 'string' || typeof position[1] !== 'string' || Number.isNaN(Date.parse(position[0]))) {
      throw problems.badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
    }
    before = [new Date(position[0]), position[1]];
  }
  const rows = await listenerQueries.history(db, userId, { limit: limit + 1, before, unmatchedOnly: query.unmatched });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    next_cursor: rows.length > limit && last ? encodeCursor([last.listened_at.toISOString(), last.track_key]) : null,
  };
}

/** Everything Chorus holds about a listener, as JSON lines, read in chunks so memory stays flat. */
export async function* exportLines(db: Db, userId: string): AsyncGenerator<string> {
  const profile = await listenerQueries.exportProfile(db, userId);
  if (!profile) return;
  yield `${JSON.stringify({ type: 'profile', ...profile, created_at: profile.created_at.toISOString() })}\n`;
  let cursor: [Date, string] | undefined;
  for (;;) {
    const rows = await listenerQueries.history(db, userId, { limit: 2000, before: cursor });
    if (rows.length === 0) break;
    yield rows.map((r) => `${JSON.stringify({ type: 'listen', ...toItem(r) })}\n`).join('');
    const last = rows[rows.length - 1]!;
    cursor = [last.listened_at, last.track_key];
  }
  const feedback = await feedbackQueries.feedbackOf(db, userId);
  for (const f of feedback) yield `${JSON.stringify({ type: 'feedback', track_id: f.track_id, score: f.score, updated_at: f.updated_at.toISOString() })}\n`;
  const tokens = await listenerQueries.personalTokensOf(db, userId);
  for (const t of tokens) yield `${JSON.stringify({ type: 'personal_token', ...t })}\n`;
}

/** Deletes a listener's listens (all, or in [from, to)) with their contribution to every aggregate, at once. */
export async function deleteListens(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>, userId: string, range: { from?: Date; to?: Date }) {
  if (range.from && range.to && range.from >= range.to) {
    throw problems.validation([{ pointer: '/from', detail: 'must be before to', in: 'querystring' }]);
  }
  const { deleted, changed } = await listeningQueries.deleteListens(deps.db, userId, range);
  await publishChanges(deps, changed);
  await forgetInSimilarity(deps, deleted);
  return { deleted };
}

/**
 * "Fans also like" is rebuilt from co-listening: rebuild it now, so deleted listens stop shaping it at once
 * rather than at the next daily run. Best effort: the rollups themselves are already exact.
 */
async function forgetInSimilarity(deps: Pick<ServiceDeps, 'jobs'>, deleted: number): Promise<void> {
  if (deleted === 0) return;
  await deps.jobs.enqueue(computeRelatedArtistsJob, { ...RELATED_ARTISTS_SETTINGS }).catch(() => {});
}

/** Closes an account: listens and their aggregates, feedback and its saves, tokens, memberships, then the user. */
export async function deleteAccount(deps: Pick<ServiceDeps, 'db' | 'bus' | 'jobs'>, userId: string): Promise<void> {
  const { deleted, changed } = await listeningQueries.deleteListens(deps.db, userId);
  await forgetInSimilarity(deps, deleted);
  const saves: ChangedSubjects = { artists: [], tracks: [], days: [] };
  await deps.db.transaction().execute(async (trx) => {
    const loved = await feedbackQueries.lovedTracks(trx, userId);
    for (const f of loved) {
      await feedbackQueries.adjustSaves(trx, f.track_id, f.artist_id, f.day, -1);
      saves.tracks.push(f.track_id);
      saves.artists.push(f.artist_id);
    }
    await listenerQueries.deleteUser(trx, userId);
  });
  await publishChanges(deps, {
    artists: [...new Set([...changed.artists, ...saves.artists])],
    tracks: [...new Set([...changed.tracks, ...saves.tracks])],
    days: changed.days,
  });
}
