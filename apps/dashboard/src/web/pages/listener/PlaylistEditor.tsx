import { useEffect, useState } from 'preact/hooks';
import { api, invalidate, unwrap, useEventStream } from '../../api.js';
import { Empty, ErrorBox, Loading } from '../../components/States.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { Collaborators, Invites, ROLE_WORDS } from './Collaborators.js';
import { type MoveIntent, moveEntry, planMove, reorderBody } from './order.js';
import { TrackList } from './TrackList.js';
import { type FoundTrack, TrackSearch } from './TrackSearch.js';
import { type PlaylistItem, type PlaylistState, usePlaylist } from './usePlaylist.js';

/** Every change the playlist's stream tells of. */
const EVENT_TYPES = [
  'playlist_updated',
  'items_added',
  'items_removed',
  'item_moved',
  'items_reordered',
  'items_replaced',
  'vote_cast',
  'vote_withdrawn',
  'collaborator_added',
  'collaborator_role_changed',
  'collaborator_removed',
  'collaborator_left',
  'ownership_transferred',
  'invite_created',
  'invite_revoked',
  'invite_declined',
  'playlist_deleted',
];

interface StreamEvent {
  actor_id: string | null;
  snapshot_id: string;
  payload: unknown;
}

/** The collaborative editor: the tracks in order (reorder, remove, vote), search to add, who collaborates, invitations; live. */
export function PlaylistEditor({ id }: { id: string }) {
  const { user } = useSession();
  const editor = usePlaylist(id);
  const { state } = editor;
  const [deleted, setDeleted] = useState(false);
  const [said, setSaid] = useState('');
  const [myVotes, setMyVotes] = useState<Record<string, 'up' | 'down' | null>>({});

  const live = useEventStream(
    deleted ? null : `/v1/playlists/${encodeURIComponent(id)}/events`,
    (type, data) => {
      const event = data as StreamEvent;
      if (type === 'playlist_deleted') {
        setDeleted(true);
        invalidate('me/playlists');
        return;
      }
      if (type.startsWith('collaborator_') || type === 'ownership_transferred') invalidate(`playlist/${id}/collaborators`);
      if (type.startsWith('invite_') || type === 'collaborator_added') invalidate(`playlist/${id}/invites`);
      if (type.startsWith('invite_')) return;
      if (type === 'vote_cast' || type === 'vote_withdrawn') {
        const vote = event.payload as { item_id?: string; net_votes?: number };
        if (event.actor_id !== user.id && vote.item_id && typeof vote.net_votes === 'number') {
          editor.patch((s) => ({ ...s, items: s.items.map((i) => (i.item_id === vote.item_id ? { ...i, net_votes: vote.net_votes! } : i)) }));
        }
        return;
      }
      // The person's own change, already shown at the snapshot it made.
      if (event.actor_id === user.id && event.snapshot_id === state?.snapshot) return;
      editor.refresh();
    },
    EVENT_TYPES,
  );

  // A brief word for screen readers and sighted people alike; it fades after a while.
  useEffect(() => {
    if (!editor.notice || editor.notice.tone === 'bad') return;
    const timer = setTimeout(editor.dismiss, 8000);
    return () => clearTimeout(timer);
  }, [editor.notice]);

  const title = state?.playlist.name ?? 'Playlist';
  const role = state?.playlist.your_role ?? null;
  const canReorder = role === 'owner' || role === 'editor';
  const canAdd = canReorder || role === 'contributor';
  const canRemove = (item: PlaylistItem) => canReorder || (role === 'contributor' && item.added_by === user.id);

  const move = (item: PlaylistItem, to: number) => {
    const intent: MoveIntent = { itemId: item.item_id, to };
    setSaid(`Moved ${item.track.title} to position ${to + 1} of ${state?.items.length ?? to + 1}.`);
    void editor.edit({
      retried: `The playlist changed while you were moving ${item.track.title}: your move was made on the latest version.`,
      plan: (s: PlaylistState) => {
        const planned = planMove(
          s.items.map((i) => i.item_id),
          intent,
        );
        if (planned.kind === 'gone') return `${item.track.title} was removed by someone else meanwhile, so it could not be moved.`;
        if (planned.kind === 'noop') return null;
        return {
          shown: moveEntry(s.items, planned.from, planned.to),
          send: async (ifMatch) => {
            const done = unwrap(
              await api.PUT('/v1/playlists/{id}/items', {
                params: { path: { id }, header: { 'if-match': ifMatch } },
                body: reorderBody(planned.from, planned.to),
              }),
            );
            return { snapshot: done.snapshot_id };
          },
        };
      },
    });
  };

  const remove = (item: PlaylistItem) => {
    setSaid(`Removed ${item.track.title}.`);
    void editor
      .edit({
        retried: `The playlist changed meanwhile: ${item.track.title} was removed from the latest version.`,
        plan: (s) =>
          s.items.some((i) => i.item_id === item.item_id)
            ? {
                shown: s.items.filter((i) => i.item_id !== item.item_id),
                // Conditional too, so the list shown after it is exactly the server's.
                send: async (ifMatch) => {
                  const done = unwrap(
                    await api.DELETE('/v1/playlists/{id}/items', {
                      params: { path: { id }, header: { 'if-match': ifMatch } },
                      body: { item_ids: [item.item_id] },
                    }),
                  );
                  return { snapshot: done.snapshot_id };
                },
              }
            : null,
      })
      .then((ok) => ok && invalidate('me/playlists'));
  };

  const add = async (track: FoundTrack) => {
    const ok = await editor.edit({
      retried: '',
      plan: () => ({
        send: async () => {
          unwrap(await api.POST('/v1/playlists/{id}/items', { params: { path: { id } }, body: { track_ids: [track.id] } }));
          return { reread: true };
        },
      }),
    });
    if (ok) {
      setSaid(`Added ${track.title} at the end of the playlist.`);
      invalidate('me/playlists');
    }
    return ok;
  };

  const vote = (item: PlaylistItem, direction: 'up' | 'down' | null) => {
    void editor.edit({
      retried: '',
      plan: () => ({
        send: async () => {
          const path = { id, item_id: item.item_id };
          const done = unwrap(
            direction === null
              ? await api.DELETE('/v1/playlists/{id}/items/{item_id}/vote', { params: { path } })
              : await api.PUT('/v1/playlists/{id}/items/{item_id}/vote', { params: { path }, body: { direction } }),
          );
          setMyVotes((votes) => ({ ...votes, [item.item_id]: done.direction }));
          setSaid(direction === null ? `Vote on ${item.track.title} withdrawn.` : `Voted ${item.track.title} ${direction}.`);
          return { update: (s) => ({ ...s, items: s.items.map((i) => (i.item_id === item.item_id ? { ...i, net_votes: done.net_votes } : i)) }) };
        },
      }),
    });
  };

  return (
    <section class="page listener-page">
      <p class="eyebrow">
        <Link href="/playlists">Playlists</Link> / {state ? state.playlist.name : '…'}
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{title}</h1>
        {state ? (
          <div class="live-strip compact" aria-live="polite">
            <span class={`live-dot ${live}`} aria-hidden="true" />
            <span class="small">
              {live === 'live'
                ? "Live: collaborators' changes show within seconds"
                : live === 'connecting'
                  ? 'Connecting to live changes…'
                  : 'Reconnecting to live changes…'}
            </span>
          </div>
        ) : null}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
      {deleted ? (
        <Empty title="This playlist was deleted.">
          Its owner deleted it while you had it open. <Link href="/playlists">Back to your playlists</Link>.
        </Empty>
      ) : !state ? (
        editor.error ? (
          <ErrorBox error={editor.error} retry={editor.refresh} />
        ) : (
          <Loading label="Loading the playlist" />
        )
      ) : (
        <>
          <p class="playlist-facts">
            {state.playlist.description ? <span>{state.playlist.description}</span> : null}
            <span class="badges">
              <span class="badge">{state.playlist.visibility}</span>
              {state.playlist.collaborative ? <span class="badge">collaborative</span> : null}
              {role ? <span class="badge ok">you: {role}</span> : <span class="badge">following</span>}
              <span class="muted small">
                {state.items.length} {state.items.length === 1 ? 'track' : 'tracks'}
              </span>
            </span>
          </p>
          {editor.notice ? (
            <div class={editor.notice.tone === 'bad' ? 'form-error notice-row' : 'notice notice-row'} role={editor.notice.tone === 'bad' ? 'alert' : 'status'}>
              <span>{editor.notice.text}</span>
              <button type="button" class="link-button" onClick={editor.dismiss}>
                Dismiss
              </button>
            </div>
          ) : null}
          {editor.error ? <ErrorBox error={editor.error} retry={editor.refresh} /> : null}
          <div class="editor-grid">
            <article class="card">
              <div class="card-head">
                <h2>Tracks</h2>
                {canReorder && state.items.length > 1 ? <span class="muted small">Drag a track onto another, or use its ↑ and ↓ buttons.</span> : null}
              </div>
              {state.items.length === 0 ? (
                <Empty title="No tracks yet.">
                  {canAdd ? 'Search the catalog in “Add tracks” and add the first one.' : 'The collaborators have not added any track yet.'}
                </Empty>
              ) : (
                <TrackList
                  items={state.items}
                  canReorder={canReorder}
                  canVote={role !== null}
                  canRemove={canRemove}
                  myVotes={myVotes}
                  onMove={move}
                  onRemove={remove}
                  onVote={vote}
                />
              )}
              {role === 'viewer' || role === null ? (
                <p class="muted small">
                  {role === 'viewer' ? 'As a viewer you read and vote; editors add and reorder.' : 'You follow this playlist: its collaborators edit it.'}
                </p>
              ) : null}
            </article>
            <div class="side-column">
              {canAdd ? (
                <article class="card">
                  <h2>Add tracks</h2>
                  <TrackSearch onAdd={add} />
                </article>
              ) : null}
              {role ? <Collaborators playlist={state.playlist} me={user.id} /> : null}
              {role === 'owner' ? <Invites playlist={state.playlist} /> : null}
              {role && role !== 'owner' ? (
                <p class="muted small">
                  You are {role === 'editor' ? 'an' : 'a'} {role}: you {ROLE_WORDS[role]}.
                </p>
              ) : null}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
