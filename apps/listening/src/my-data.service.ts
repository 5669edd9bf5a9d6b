import { type ChangedSubjects, type Db, listeningQueries } from '@chorus/db';
import { decodeCursor, encodeCursor, problems, publishChanges, type ServiceDeps } from '@chorus/service-kit';
import { computeRelatedArtistsJob, RELATED_ARTISTS_SETTINGS } from '@chorus/jobs';
import { sql } from 'kysely';

const HISTORY_COLUMNS = [
  'l.listened_at',
  'l.track_key',
  'l.ms_played',
  'l.is_stream',
  'l.track_id',
  'l.artist_name',
  'l.track_name',
  'l.release_name',
  'l.isrc',
  'l.context_type',
  'l.context_id',
  'l.platform',
  'l.client',
  't.title as track_title',
  'a.id as track_artist_id',
  'a.name as track_artist_name',
] as const;

function historyQuery(db: Db, userId: string) {
  return db
    .selectFrom('listens as l')
    .leftJoin('tracks as t', 't.id', 'l.track_id')
    .leftJoin('artists as a', 'a.id', 't.artist_id')
    .select(HISTORY_COLUMNS)
    .where('l.user_id', '=', userId);
}

type HistoryRow = Awaited<ReturnType<ReturnType<typeof historyQuery>['execute']>>[number];

function toItem(r: HistoryRow) {
  return {
    listened_at: r.listened_at.toISOString(),
    ms_played: r.ms_played,
    is_stream: r.is_stream,
    matched: r.track_id !== null,
    track: r.track_id && r.track_title && r.track_artist_id ? { id: r.track_id, title: r.track_title, artist: { id: r.track_artist_id, name: r.track_artist_name ?? '' } } : null,
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
  let q = historyQuery(db, userId);
  if (query.unmatched) q = q.where('l.track_id', 'is', null);
  if (query.cursor) {
    const position = decodeCursor(query.cursor, 2);
    if (!position || typeof position[0] !== 'string' || typeof position[1] !== 'string' || Number.isNaN(Date.parse(position[0]))) {
      throw problems.badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
    }
    q = q.where((eb) => eb(eb.refTuple('l.listened_at', 'l.track_key'), '<', eb.tuple(new Date(position[0] as string), position[1] as string)));
  }
  const rows = await q.orderBy('l.listened_at', 'desc').orderBy('l.track_key', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    next_cursor: rows.length > limit && last ? encodeCursor([last.listened_at.toISOString(), last.track_key]) : null,
  };
}

/** Everything Chorus holds about a listener, as JSON lines, read in chunks so memory stays flat. */
export async function* exportLines(db: Db, userId: string): AsyncGenerator<string> {
  const profile = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'country', 'birth_year', 'gender', 'roles', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!profile) return;
  yield `${JSON.stringify({ type: 'profile', ...profile, created_at: profile.created_at.toISOString() })}\n`;
  let cursor: [Date, string] | undefined;
  for (;;) {
    let q = historyQuery(db, userId);
    if (cursor) {
      const [at, key] = cursor;
      q = q.where((eb) => eb(eb.refTuple('l.listened_at', 'l.track_key'), '<', eb.tuple(at, key)));
    }
    const rows = await q.orderBy('l.listened_at', 'desc').orderBy('l.track_key', 'desc').limit(2000).execute();
    if (rows.length === 0) break;
    yield rows.map((r) => `${JSON.stringify({ type: 'listen', ...toItem(r) })}\n`).join('');
    const last = rows[rows.length - 1]!;
    cursor = [last.listened_at, last.track_key];
  }
  const feedback = await db.selectFrom('listen_feedback').select(['track_id', 'score', 'updated_at']).where('user_id', '=', userId).execute();
  for (const f of feedback) yield `${JSON.stringify({ type: 'feedback', track_id: f.track_id, score: f.score, updated_at: f.updated_at.toISOString() })}\n`;
  const tokens = await db.selectFrom('personal_tokens').select(['id', 'name', 'prefix', 'created_at', 'revoked_at']).where('user_id', '=', userId).execute();
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
    const loved = await trx.selectFrom('listen_feedback as f').innerJoin('tracks as t', 't.id', 'f.track_id').select(['f.track_id', 't.artist_id', 'f.day']).where('f.user_id', '=', userId).where('f.score', '=', 1).execute();
    for (const f of loved) {
      await adjustSaves(trx, f.track_id, f.artist_id, f.day, -1);
      saves.tracks.push(f.track_id);
      saves.artists.push(f.artist_id);
    }
    await trx.deleteFrom('users').where('id', '=', userId).execute();
  });
  await publishChanges(deps, {
    artists: [...new Set([...changed.artists, ...saves.artists])],
    tracks: [...new Set([...changed.tracks, ...saves.tracks])],
    days: changed.days,
  });
}

/** Adds delta saves to a track's and its artist's day. */
export async function adjustSaves(db: Db, trackId: string, artistId: string, day: string, delta: number): Promise<void> {
  await sql`
    INSERT INTO track_daily AS r (track_id, day, artist_id, saves) VALUES (${trackId}, ${day}, ${artistId}, ${delta})
    ON CONFLICT (track_id, day) DO UPDATE SET saves = r.saves + excluded.saves`.execute(db);
  await sql`
    INSERT INTO artist_daily AS r (artist_id, day, saves) VALUES (${artistId}, ${day}, ${delta})
    ON CONFLICT (artist_id, day) DO UPDATE SET saves = r.saves + excluded.saves`.execute(db);
}
