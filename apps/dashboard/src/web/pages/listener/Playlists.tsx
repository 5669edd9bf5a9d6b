import type { Schema } from '@chorus/sdk';
import { useEffect, useId, useState } from 'preact/hooks';
import { api, describeError, invalidate, unwrap, useApi } from '../../api.js';
import { FormError, useAction } from '../../components/controls.js';
import { formatAgo, formatDateTime } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { Link, navigate, setQuery, usePath } from '../../router.js';
import { useSession } from '../../session.js';

type Relation = 'owned' | 'collaborating' | 'followed';
const FILTERS: Array<{ value: Relation | ''; label: string }> = [
  { value: '', label: 'All' },
  { value: 'owned', label: 'Yours' },
  { value: 'collaborating', label: 'Collaborating' },
  { value: 'followed', label: 'Following' },
];

/** The person's playlists (theirs, those they help build, those they follow), a new one, and invitations waiting for an answer. */
export function Playlists() {
  return (
    <section class="page listener-page">
      <h1 tabIndex={-1}>Playlists</h1>
      <div class="playlists-grid">
        <MyPlaylists />
        <div class="side-column">
          <Invitations />
          <CreatePlaylist />
        </div>
      </div>
    </section>
  );
}

function MyPlaylists() {
  const { query } = usePath();
  const relation = (FILTERS.find((f) => f.value === query.get('show'))?.value ?? '') as Relation | '';
  const [pages, setPages] = useState<string[]>([]);
  // Another filter (its button, or the browser's back button) starts from its first page.
  useEffect(() => setPages([]), [relation]);
  const key = `me/playlists/list/${relation}`;
  const first = useApi(key, async () => unwrap(await api.GET('/v1/me/playlists', { params: { query: { limit: 50, ...(relation ? { relation } : {}) } } })));
  return (
    <article class="card">
      <div class="card-head">
        <h2>Your playlists</h2>
        <fieldset class="segmented">
          <legend class="visually-hidden">Show</legend>
          {FILTERS.map((f) => (
            <button key={f.value} type="button" aria-pressed={relation === f.value} onClick={() => setQuery({ show: f.value || null })}>
              {f.label}
            </button>
          ))}
        </fieldset>
      </div>
      <Loaded state={first} label="Loading your playlists">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title={relation === '' ? 'No playlists yet.' : relation === 'followed' ? 'You follow no playlist yet.' : 'None here yet.'}>
              {relation === 'collaborating'
                ? 'When someone shares an invitation link with you, or invites you by your handle, the playlists you join show here.'
                : 'Create one with the form on this page, then invite friends to build it with you.'}
            </Empty>
          ) : (
            <>
              <PlaylistRows items={page.items} />
              {pages.map((cursor) => (
                <MorePlaylists
                  key={cursor}
                  relation={relation}
                  cursor={cursor}
                  onMore={(next) => setPages((all) => [...all, next])}
                  last={cursor === pages.at(-1)}
                />
              ))}
              {page.next_cursor && pages.length === 0 ? (
                <button type="button" class="button secondary more-button" onClick={() => setPages([page.next_cursor!])}>
                  Show more
                </button>
              ) : null}
            </>
          )
        }
      </Loaded>
    </article>
  );
}

/** A further page of the list, with its own Show more. */
function MorePlaylists({ relation, cursor, last, onMore }: { relation: Relation | ''; cursor: string; last: boolean; onMore: (cursor: string) => void }) {
  const more = useApi(`me/playlists/list/${relation}/${cursor}`, async () =>
    unwrap(await api.GET('/v1/me/playlists', { params: { query: { limit: 50, cursor, ...(relation ? { relation } : {}) } } })),
  );
  return (
    <Loaded state={more} label="Loading more playlists">
      {(page) => (
        <>
          <PlaylistRows items={page.items} />
          {last && page.next_cursor ? (
            <button type="button" class="button secondary more-button" onClick={() => onMore(page.next_cursor!)}>
              Show more
            </button>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

function PlaylistRows({ items }: { items: Schema<'MyPlaylist'>[] }) {
  return (
    <ul class="list playlist-rows">
      {items.map((p) => (
        <li key={p.id}>
          <span class="person-main">
            <Link href={`/playlists/${p.id}`} class="playlist-name">
              {p.name}
            </Link>
            <span class="muted small">
              {p.item_count} {p.item_count === 1 ? 'track' : 'tracks'} · {p.collaborator_count} {p.collaborator_count === 1 ? 'member' : 'members'} · changed{' '}
              {formatAgo(p.updated_at)}
            </span>
          </span>
          <span class="badges">
            {p.relation === 'owned' ? <span class="badge ok">yours</span> : p.relation === 'collaborating' ? <span class="badge">{p.your_role}</span> : null}
            {p.relation === 'followed' ? <span class="badge">following</span> : null}
            {p.collaborative ? <span class="badge">collaborative</span> : null}
            {p.visibility === 'private' ? <span class="badge">private</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Invitations addressed to the person (by handle): accept to join, or decline. */
function Invitations() {
  const { user } = useSession();
  const invitations = useApi('me/playlist-invitations', async () => unwrap(await api.GET('/v1/me/playlist-invitations', { params: { query: { limit: 50 } } })));
  const [problem, setProblem] = useState<string | null>(null);
  const answer = async (id: string, accept: boolean) => {
    setProblem(null);
    try {
      if (accept) {
        const joined = unwrap(await api.POST('/v1/me/playlist-invitations/{id}/accept', { params: { path: { id } } }));
        invalidate('me/playlist');
        navigate(`/playlists/${joined.playlist_id}`);
      } else {
        unwrap(await api.DELETE('/v1/me/playlist-invitations/{id}', { params: { path: { id } } }));
        invalidate('me/playlist-invitations');
      }
    } catch (failure) {
      setProblem(describeError(failure));
      invalidate('me/playlist-invitations');
    }
  };
  return (
    <article class="card">
      <h2>Invitations</h2>
      <Loaded state={invitations} label="Loading your invitations">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title="No invitations waiting.">
              When someone invites you by your handle, <strong>@{user.handle}</strong>, it shows here. An invitation link opens in the app directly.
            </Empty>
          ) : (
            <ul class="list">
              {page.items.map((invite) => (
                <li key={invite.id} class="invitation">
                  <span class="person-main">
                    <strong>{invite.playlist.name}</strong>
                    <span class="muted small">
                      {invite.invited_by?.display_name ?? invite.owner.display_name} invites you as {invite.role} · until {formatDateTime(invite.expires_at)}
                    </span>
                  </span>
                  <span class="actions">
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Accept the invitation to ${invite.playlist.name}`}
                      onClick={() => answer(invite.id, true)}
                    >
                      Accept
                    </button>
                    <button
                      type="button"
                      class="button secondary small"
                      aria-label={`Decline the invitation to ${invite.playlist.name}`}
                      onClick={() => answer(invite.id, false)}
                    >
                      Decline
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <FormError message={problem} />
    </article>
  );
}

function CreatePlaylist() {
  const ids = { name: useId(), description: useId(), public: useId(), collaborative: useId() };
  const creating = useAction();
  return (
    <article class="card">
      <h2>Create a playlist</h2>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          await creating.run('create', async () => {
            const created = unwrap(
              await api.POST('/v1/playlists', {
                params: { header: { 'idempotency-key': crypto.randomUUID() } },
                body: {
                  name: String(data.get('name') ?? '').trim(),
                  description: String(data.get('description') ?? '').trim(),
                  visibility: data.get('public') ? 'public' : 'private',
                  collaborative: !!data.get('collaborative'),
                },
              }),
            );
            invalidate('me/playlists');
            navigate(`/playlists/${created.id}`);
          });
        }}
      >
        <label for={ids.name}>Name</label>
        <input id={ids.name} name="name" required maxLength={200} pattern=".*\S.*" autocomplete="off" />
        <label for={ids.description}>
          Description <span class="muted small">(optional)</span>
        </label>
        <textarea id={ids.description} name="description" rows={2} maxLength={2000} />
        <span class="check">
          <input id={ids.public} name="public" type="checkbox" />
          <label for={ids.public}>Public: anyone with its address can listen</label>
        </span>
        <span class="check">
          <input id={ids.collaborative} name="collaborative" type="checkbox" defaultChecked />
          <label for={ids.collaborative}>Collaborative: friends you invite add and reorder tracks</label>
        </span>
        <FormError message={creating.error ? describeError(creating.error) : null} />
        <div>
          <button type="submit" class="button" disabled={creating.busy !== null}>
            {creating.busy ? 'Creating…' : 'Create playlist'}
          </button>
        </div>
      </form>
    </article>
  );
}
