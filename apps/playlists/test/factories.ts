import { type Db, foldText, uuidv7 } from '@chorus/db';
import { createTestApp, type Teardown, type TestUser } from '@chorus/service-kit/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createPlaylistsService, type PlaylistsServiceOptions } from '../src/index.js';

/** The playlists service over a fresh schema, real PostgreSQL and Redis, rate limits off (and any other settings given). */
export async function playlistsApp(t: Teardown, options: PlaylistsServiceOptions = {}, env: Record<string, string> = {}) {
  return createTestApp(t, [createPlaylistsService(options)], { env: { CHORUS_RATE_LIMITS: 'off', ...env } });
}

/** Inserts an artist (unless given), a release and `count` tracks straight into the catalog tables. */
export async function createTracks(db: Db, count: number, options: { artistId?: string } = {}): Promise<string[]> {
  const artistId = options.artistId ?? uuidv7();
  if (!options.artistId) {
    const name = `Artist ${artistId.slice(-6)}`;
    await db
      .insertInto('artists')
      .values({ id: artistId, name, name_folded: foldText(name), bio: null, country: null, genres: [] })
      .execute();
  }
  const releaseId = uuidv7();
  await db
    .insertInto('releases')
    .values({ id: releaseId, artist_id: artistId, title: 'Release', title_folded: 'release', type: 'album', release_date: '2026-01-01' })
    .execute();
  const ids = Array.from({ length: count }, () => uuidv7());
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .insertInto('tracks')
      .values(
        ids.slice(i, i + 1000).map((id, n) => ({
          id,
          release_id: releaseId,
          artist_id: artistId,
          title: `Track ${i + n + 1}`,
          title_folded: `track ${i + n + 1}`,
          isrc: null,
          duration_ms: 180_000,
          release_date: '2026-01-01',
          track_number: i + n + 1,
        })),
      )
      .execute();
  }
  return ids;
}

type Json = Record<string, unknown>;

/** Requests as a user (or anonymously with null), answering status, headers and parsed JSON. */
export function api(app: FastifyInstance) {
  return async (method: InjectOptions['method'], url: string, user: TestUser | null, body?: unknown, headers: Record<string, string> = {}) => {
    const response: LightMyRequestResponse = await app.inject({
      method,
      url,
      headers: { ...(user ? user.auth : {}), ...headers },
      ...(body !== undefined ? { payload: body as Json } : {}),
    });
    const parsed = response.body ? (response.json() as Json) : {};
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on what they need
    return { status: response.statusCode, headers: response.headers, body: parsed as any };
  };
}

export type Api = ReturnType<typeof api>;

/** Creates a playlist as `owner` and answers its id. */
export async function createPlaylist(call: Api, owner: TestUser, body: Json = {}): Promise<string> {
  const res = await call('POST', '/v1/playlists', owner, { name: 'Mix', visibility: 'private', ...body });
  if (res.status !== 201) throw new Error(`create playlist: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Every item id in playlist order, read page by page. */
export async function allItemIds(call: Api, playlistId: string, user: TestUser | null): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await call('GET', `/v1/playlists/${playlistId}/items?limit=100${cursor ? `&cursor=${cursor}` : ''}`, user);
    if (res.status !== 200) throw new Error(`list items: ${res.status}`);
    ids.push(...res.body.items.map((item: { item_id: string }) => item.item_id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids;
}

/** The whole activity log, oldest first. */
export async function allActivity(call: Api, playlistId: string, user: TestUser | null) {
  const rows: Array<{ seq: number; type: string; payload: unknown; actor_id: string | null; snapshot_id: string }> = [];
  let cursor: string | null = null;
  do {
    const res = await call('GET', `/v1/playlists/${playlistId}/activity?limit=100${cursor ? `&cursor=${cursor}` : ''}`, user);
    if (res.status !== 200) throw new Error(`activity: ${res.status}`);
    rows.push(...res.body.items);
    cursor = res.body.next_cursor;
  } while (cursor);
  return rows;
}
