import { authenticatePersonalToken } from '@chorus/service-kit';
import { type Db, listenbrainzQueries } from '@chorus/db';
import { LbError } from './listenbrainz.errors.js';
import { importService, LB_DEFAULT_IMPORT_SERVICE, listensWindow, toLbListen, toLbPlayingNow } from './listenbrainz-reads.rules.js';
import type { NowPlayingStore } from './now-playing.store.js';

/** Who asks: a verified Bearer caller, and the Authorization header (a personal token is looked up only when sent). */
export interface Viewer {
  principalId: string | null;
  authorization: string | undefined;
}

/** Handles are at most 32 characters; anything much longer names nobody and costs no query. */
const MAX_NAME_CHARS = 64;

interface Listener {
  id: string;
  handle: string;
  /** Only the listener themself sees it (their listens are not public): the answer must not be cached for others. */
  own: boolean;
}

/**
 * The listener `name` names, as this viewer may see them. Private listening stays private: a listener whose
 * listens are not public is answered exactly as an unknown name (404 `Cannot find user: <name>`), except to
 * themself, with their own personal token (or access token). The viewer is resolved before the name is looked
 * up, so an unknown and a private name cost the same work and cannot be told apart by timing either.
 */
export async function visibleListener(db: Db, name: string, viewer: Viewer): Promise<Listener> {
  const viewerId = await viewerIdOf(db, viewer);
  const user = name.length <= MAX_NAME_CHARS ? await listenbrainzQueries.userByHandle(db, name.toLowerCase()) : undefined;
  if (!user) throw notFound(name);
  if (user.listens_public) return { id: user.id, handle: user.handle, own: viewerId === user.id };
  if (viewerId === user.id) return { id: user.id, handle: user.handle, own: true };
  throw notFound(name);
}

function notFound(name: string): LbError {
  return new LbError(404, `Cannot find user: ${name}`);
}

async function viewerIdOf(db: Db, viewer: Viewer): Promise<string | null> {
  if (viewer.principalId) return viewer.principalId;
  // ListenBrainz reads the token after the first space; an unknown token is simply an anonymous viewer here.
  const token = viewer.authorization?.split(' ')[1];
  if (!token) return null;
  return (await authenticatePersonalToken(db, `Token ${token}`))?.userId ?? null;
}

/** `GET /1/user/{user_name}/listens`. */
export async function lbListens(db: Db, name: string, viewer: Viewer, query: { min_ts?: string; max_ts?: string; count?: string }) {
  const listener = await visibleListener(db, name, viewer);
  const window = listensWindow(query);
  const [rows, stats] = await Promise.all([listenbrainzQueries.listens(db, listener.id, window), listenbrainzQueries.listenStats(db, listener.id)]);
  const listens = rows.map((row) => toLbListen(row, listener.handle));
  const ts = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : 0);
  return {
    listener,
    body: {
      payload: { count: listens.length, user_id: name, listens, latest_listen_ts: ts(stats.latest), oldest_listen_ts: ts(stats.oldest) },
    },
  };
}

/** `GET /1/user/{user_name}/listen-count`. */
export async function lbListenCount(db: Db, name: string, viewer: Viewer) {
  const listener = await visibleListener(db, name, viewer);
  const { count } = await listenbrainzQueries.listenStats(db, listener.id);
  return { listener, body: { payload: { count } } };
}

/** `GET /1/user/{user_name}/playing-now`. */
export async function lbPlayingNow(db: Db, store: NowPlayingStore, name: string, viewer: Viewer) {
  const listener = await visibleListener(db, name, viewer);
  const value = await store.get(listener.id);
  const listens = value ? [toLbPlayingNow(value)] : [];
  return { listener, body: { payload: { count: listens.length, user_id: name, playing_now: true as const, listens } } };
}

/** `GET /1/latest-import?user_name=&service=`: the service is checked first, as ListenBrainz does. */
export async function lbLatestImport(db: Db, query: { user_name?: string; service?: string }, viewer: Viewer) {
  const serviceName = query.service ?? LB_DEFAULT_IMPORT_SERVICE;
  const service = importService(serviceName);
  if (service === null) throw new LbError(404, `Service does not exist: ${serviceName}`);
  const listener = await visibleListener(db, query.user_name ?? '', viewer);
  return { listener, body: { musicbrainz_id: listener.handle, latest_import: await listenbrainzQueries.latestImport(db, listener.id, service) } };
}

/** `POST /1/latest-import`: the mark only ever moves forward. */
export async function lbSetLatestImport(db: Db, userId: string, mark: { ts: number; service: string }) {
  if (mark.ts > 0) await listenbrainzQueries.raiseLatestImport(db, userId, mark.service, mark.ts);
  return { status: 'ok' as const };
}
