import { ChorusError, createChorusClient, type operations, type Problem, unwrap, unwrapJson } from '@chorus/sdk';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * The API, through the typed SDK, as the signed-in browser: the session is an httpOnly cookie (set by
 * `POST /v1/auth/session`), so no token is ever held here. When the session's access cookie has expired, it is
 * renewed once (`POST /v1/auth/session/refresh`, which rotates the refresh cookie) and the request is sent again.
 */
let renewing: Promise<boolean> | null = null;
const raw = createChorusClient({ baseUrl: location.origin });
/** Called when the session cannot be renewed: the app shows the sign-in page. */
let onSignedOut: () => void = () => {};

export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

export function renewSession(): Promise<boolean> {
  renewing ??= raw
    .POST('/v1/auth/session/refresh')
    .then((result) => result.response.ok)
    .catch(() => false)
    .finally(() => {
      setTimeout(() => {
        renewing = null;
      }, 1000);
    });
  return renewing;
}

async function sessionFetch(info: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const input = new Request(info, init);
  const retry = input.clone();
  const response = await fetch(input);
  if (response.status !== 401 || input.url.includes('/v1/auth/session')) return response;
  if (!(await renewSession())) {
    onSignedOut();
    return response;
  }
  return fetch(retry);
}

export const api = createChorusClient({ baseUrl: location.origin, fetch: sessionFetch });
export { ChorusError, unwrap, unwrapJson };
export type { Problem };

/** The JSON answer of an operation (the statistics routes also answer CSV). */
export type Json<Op extends keyof operations> = operations[Op] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

/** A problem's words for a person: the API's detail, or what the status means. */
export function describeError(error: unknown): string {
  if (error instanceof ChorusError) {
    if (error.problem?.detail) return error.problem.detail;
    if (error.status === 0 || error.status >= 500) return 'Chorus did not answer. Try again in a moment.';
    return `The request failed (HTTP ${error.status}).`;
  }
  if (error instanceof TypeError) return 'The network is unreachable. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

interface Entry<T> {
  data?: T;
  error?: unknown;
  at: number;
  pending?: Promise<T>;
  /** Changed since this answer was read: read it again (after the read in flight, which may predate the change). */
  stale?: boolean;
}
const cache = new Map<string, Entry<unknown>>();
const listeners = new Map<string, Set<() => void>>();
/** How the pages showing a key read it again. */
const refreshers = new Map<string, Set<() => void>>();

function notify(key: string) {
  for (const listener of listeners.get(key) ?? []) listener();
}

/** Forgets cached answers whose key starts with `prefix` (after a change), and refreshes the pages showing them. */
export function invalidate(prefix: string) {
  for (const [key, entry] of [...cache.entries()]) {
    if (!key.startsWith(prefix)) continue;
    const shown = [...(refreshers.get(key) ?? [])];
    if (shown.length > 0) {
      // On screen: the old answer stays there (and the page keeps its state) until the new one replaces it.
      entry.stale = true;
      shown[0]!();
    } else {
      cache.delete(key);
      notify(key);
    }
  }
}

/** Drops every cached answer (sign-out: nothing of one person may show to the next). */
export function clearCache() {
  cache.clear();
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again (the cached answer stays on screen meanwhile). */
  reload: () => void;
}

/**
 * A read of the API for a page, cached by `key`: what was loaded before shows at once, and is refreshed in the
 * background (stale-while-revalidate). `key` null: nothing to load yet.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>, options: { refreshMs?: number } = {}): Loaded<T> {
  const [, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const fetchNow = useCallback(() => {
    if (key === null) return;
    const entry = (cache.get(key) as Entry<T> | undefined) ?? { at: 0 };
    if (entry.pending) return;
    entry.stale = false;
    const pending = loader.current();
    entry.pending = pending;
    cache.set(key, entry);
    pending
      .then(
        (data) => {
          entry.data = data;
          entry.error = undefined;
        },
        (error: unknown) => {
          entry.error = error;
        },
      )
      .finally(() => {
        entry.pending = undefined;
        entry.at = Date.now();
        notify(key);
        if (entry.stale) fetchNow();
      });
    notify(key);
  }, [key]);

  useEffect(() => {
    if (key === null) return;
    const listener = () => setTick((n) => n + 1);
    const set = listeners.get(key) ?? new Set();
    listeners.set(key, set);
    set.add(listener);
    const refresh = refreshers.get(key) ?? new Set();
    refreshers.set(key, refresh);
    refresh.add(fetchNow);
    const entry = cache.get(key);
    if (!entry || Date.now() - entry.at > 2000) fetchNow();
    const timer = options.refreshMs ? setInterval(fetchNow, options.refreshMs) : undefined;
    return () => {
      set.delete(listener);
      refresh.delete(fetchNow);
      if (timer) clearInterval(timer);
    };
  }, [key, fetchNow, options.refreshMs]);

  const entry = key === null ? undefined : (cache.get(key) as Entry<T> | undefined);
  return { data: entry?.data, error: entry?.error, loading: !!entry?.pending || (key !== null && !entry), reload: fetchNow };
}

/**
 * An API Server-Sent Events stream (EventSource sends the session cookie: no token in the URL). Reconnects on its
 * own; a `closed` event for an expired token renews the session first.
 */
export function useEventStream(path: string | null, onEvent: (type: string, data: unknown) => void, types: string[]): 'connecting' | 'live' | 'offline' {
  const [state, setState] = useState<'connecting' | 'live' | 'offline'>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const typeList = types.join(',');
  useEffect(() => {
    if (!path) return;
    let source: EventSource | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      if (stopped) return;
      setState('connecting');
      source = new EventSource(path);
      source.onopen = () => setState('live');
      source.onerror = () => {
        setState('offline');
        // The browser retries by itself unless the answer was not a stream (401, 429): then renew and reopen later.
        if (source?.readyState === EventSource.CLOSED) {
          retry = setTimeout(() => void renewSession().then(open), 3000);
        }
      };
      for (const type of typeList.split(',')) {
        source.addEventListener(type, (event) => {
          let data: unknown = null;
          try {
            data = JSON.parse((event as MessageEvent<string>).data);
          } catch {
            return;
          }
          handler.current(type, data);
        });
      }
      source.addEventListener('closed', () => {
        source?.close();
        void renewSession().then(open);
      });
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [path, typeList]);
  return state;
}

/** Saves text as a file the person downloads (CSV answers of the API). */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Reads several pages show, each under one cache key, so they are fetched once however many pages ask.

/** The artists whose team the signed-in person is on. */
export function useMyArtists() {
  return useApi('me/artists', async () => unwrap(await api.GET('/v1/me/artists', { params: { query: { limit: 100 } } })));
}

/** The partner organisations the signed-in person is on the team of. */
export function useMyPartners() {
  return useApi('me/partners', async () => unwrap(await api.GET('/v1/partners', { params: { query: { limit: 100 } } })));
}

/** An artist's profile. */
export function useArtist(id: string) {
  return useApi(`artist/${id}`, async () => unwrap(await api.GET('/v1/artists/{id}', { params: { path: { id } } })));
}
