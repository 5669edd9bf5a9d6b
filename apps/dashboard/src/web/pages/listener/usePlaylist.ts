import type { Schema } from '@chorus/sdk';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ChorusError, describeError, unwrap } from '../../api.js';

export type Playlist = Schema<'Playlist'>;
export type PlaylistItem = Schema<'PlaylistItem'>;

export interface PlaylistState {
  playlist: Playlist;
  items: PlaylistItem[];
  /** The version the items shown are at: what a position-based change sends back in If-Match. */
  snapshot: string;
}

/** The playlist and all its items, read at one snapshot (read again, at most twice, when it changed between the reads). */
export async function readPlaylist(id: string): Promise<PlaylistState> {
  for (let attempt = 0; ; attempt++) {
    const playlist = unwrap(await api.GET('/v1/playlists/{id}', { params: { path: { id } } }));
    const items: PlaylistItem[] = [];
    const snapshots = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: { limit: number; cursor?: string } = cursor ? { limit: 100, cursor } : { limit: 100 };
      const page = unwrap(await api.GET('/v1/playlists/{id}/items', { params: { path: { id }, query } }));
      items.push(...page.items);
      snapshots.add(page.snapshot_id);
      cursor = page.next_cursor;
    } while (cursor);
    const snapshot = [...snapshots].at(-1) ?? playlist.snapshot_id;
    if ((snapshots.size === 1 && snapshot === playlist.snapshot_id) || attempt >= 2) {
      return { playlist: { ...playlist, snapshot_id: snapshot }, items, snapshot };
    }
  }
}

/** What one change sends, planned on a state of the playlist. */
export interface Step {
  /** The list to show while the change is on its way. */
  shown?: PlaylistItem[];
  /**
   * Sends the change; `ifMatch` names the snapshot the plan was made on. Answers the new snapshot when the change was
   * conditional (so the list shown is exactly the server's), a local update, or `reread` to read the playlist after.
   */
  send: (ifMatch: string) => Promise<{ snapshot?: string; update?: (state: PlaylistState) => PlaylistState; reread?: boolean }>;
}

export interface Edit {
  /** The step for this state; a string when there is nothing left to do and the person should know why, null when there is nothing to do. */
  plan: (state: PlaylistState) => Step | string | null;
  /** Told to the person when the playlist had changed and the edit was made again on the newer version. */
  retried: string;
}

export interface PlaylistEditor {
  state: PlaylistState | undefined;
  /** The last read failed (kept apart from `state`, which stays on screen). */
  error: unknown;
  /** A short word on an edit that had to be made again, or could not be. */
  notice: { text: string; tone: 'info' | 'bad' } | null;
  dismiss: () => void;
  /** Reads the playlist again (after a collaborator's change); coalesced, and deferred while edits are on their way. */
  refresh: () => void;
  /** Applies a change locally from outside (a collaborator's vote) without reading again. */
  patch: (update: (state: PlaylistState) => PlaylistState) => void;
  /** Queues an edit: edits go one at a time, each planned on the state the one before left. */
  edit: (edit: Edit) => Promise<boolean>;
}

/**
 * The collaborative editor's state. Edits show at once and go to the API one after another; a position-based one sends
 * the snapshot it was planned on in If-Match, and on 412 the playlist is read again and the same intent planned anew
 * (at most twice), so a person's move is never lost to someone else's.
 */
export function usePlaylist(id: string): PlaylistEditor {
  const [state, setState] = useState<PlaylistState>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<PlaylistEditor['notice']>(null);
  // What is on screen (with edits on their way), and the last state known to be the server's at its snapshot.
  const shown = useRef<PlaylistState | undefined>(undefined);
  const confirmed = useRef<PlaylistState | undefined>(undefined);
  // Bumped by every change shown: a read that started before one is out of date when it lands.
  const version = useRef(0);
  const editing = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const reading = useRef(false);
  const again = useRef(false);

  const show = useCallback((next: PlaylistState, server = false) => {
    shown.current = next;
    if (server) confirmed.current = next;
    version.current++;
    setState(next);
  }, []);

  const refresh = useCallback(() => {
    if (editing.current > 0 || reading.current) {
      again.current = true;
      return;
    }
    reading.current = true;
    const started = version.current;
    readPlaylist(id)
      .then(
        (fresh) => {
          if (version.current !== started || editing.current > 0) again.current = true;
          else {
            show(fresh, true);
            setError(undefined);
          }
        },
        (failure: unknown) => setError(failure),
      )
      .finally(() => {
        reading.current = false;
        if (again.current && editing.current === 0) {
          again.current = false;
          refresh();
        }
      });
  }, [id, show]);

  useEffect(() => {
    shown.current = undefined;
    confirmed.current = undefined;
    version.current = 0;
    setState(undefined);
    setError(undefined);
    setNotice(null);
    refresh();
  }, [refresh]);

  const patch = useCallback((update: (state: PlaylistState) => PlaylistState) => {
    if (confirmed.current) confirmed.current = update(confirmed.current);
    if (shown.current) {
      shown.current = update(shown.current);
      setState(shown.current);
    }
  }, []);

  /** One edit, planned on the server's state: sent, and on 412 planned again on a fresh read. */
  const run = useCallback(
    async (edit: Edit): Promise<boolean> => {
      let planned = confirmed.current;
      try {
        for (let attempt = 0; planned; attempt++) {
          const step = edit.plan(planned);
          if (step === null) {
            show(planned);
            return true;
          }
          if (typeof step === 'string') {
            show(planned);
            setNotice({ text: step, tone: 'bad' });
            return false;
          }
          const after = { ...planned, items: step.shown ?? planned.items };
          show(after);
          try {
            const done = await step.send(`"${planned.snapshot}"`);
            let next = done.snapshot ? { ...after, snapshot: done.snapshot, playlist: { ...after.playlist, snapshot_id: done.snapshot } } : after;
            if (done.update) next = done.update(next);
            show(next, true);
            if (done.reread) again.current = true;
            // Said once the move is really made, not when it is planned again.
            if (attempt > 0) setNotice({ text: edit.retried, tone: 'info' });
            return true;
          } catch (failure) {
            if (!(failure instanceof ChorusError && failure.status === 412) || attempt >= 2) throw failure;
            planned = await readPlaylist(id);
            show(planned, true);
          }
        }
        return false;
      } catch (failure) {
        setNotice({ text: describeError(failure), tone: 'bad' });
        // What is shown may be ahead of the server: read it again once the queue is empty.
        again.current = true;
        return false;
      }
    },
    [id, show],
  );

  const edit = useCallback(
    (change: Edit): Promise<boolean> => {
      editing.current++;
      // Shown at once, planned on what is on screen; planned again on the server's state when its turn comes.
      const now = shown.current && change.plan(shown.current);
      if (shown.current && now && typeof now !== 'string' && now.shown) show({ ...shown.current, items: now.shown });
      const result = queue.current.then(() => run(change));
      queue.current = result.finally(() => {
        editing.current--;
        if (editing.current === 0 && again.current) {
          again.current = false;
          refresh();
        }
      });
      return result;
    },
    [run, show, refresh],
  );

  return { state, error, notice, dismiss: () => setNotice(null), refresh, patch, edit };
}
