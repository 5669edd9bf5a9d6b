import type { Schema } from '@chorus/sdk';
import { useId, useState } from 'preact/hooks';
import { api, describeError, invalidate, unwrap, useApi } from '../../api.js';
import { CopyField, FormError } from '../../components/controls.js';
import { formatDateTime } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { navigate } from '../../router.js';
import type { Playlist } from './usePlaylist.js';

type Role = 'editor' | 'contributor' | 'viewer';

export const ROLE_WORDS: Record<string, string> = {
  owner: 'owns it: everything',
  editor: 'adds, removes, reorders and votes',
  contributor: 'adds and votes, removes only what they added',
  viewer: 'reads and votes',
};

/** The role an invitation gives, labelled "Role". */
function RoleSelect({ id }: { id: string }) {
  return (
    <>
      <label for={id}>Role</label>
      <select id={id} name="role">
        <option value="editor">Editor</option>
        <option value="contributor">Contributor</option>
        <option value="viewer">Viewer</option>
      </select>
    </>
  );
}

const EXPIRIES = [
  { seconds: 86_400, label: '1 day' },
  { seconds: 7 * 86_400, label: '7 days' },
  { seconds: 30 * 86_400, label: '30 days' },
];

/** Who builds the playlist, with what each contributed; the owner removes people, anyone else may leave. */
export function Collaborators({ playlist, me }: { playlist: Playlist; me: string }) {
  const key = `playlist/${playlist.id}/collaborators`;
  const people = useApi(key, async () => unwrap(await api.GET('/v1/playlists/{id}/collaborators', { params: { path: { id: playlist.id } } })));
  const [problem, setProblem] = useState<string | null>(null);
  const owner = playlist.your_role === 'owner';

  const remove = async (userId: string, leaving: boolean) => {
    setProblem(null);
    try {
      unwrap(await api.DELETE('/v1/playlists/{id}/collaborators/{user_id}', { params: { path: { id: playlist.id, user_id: userId } } }));
      invalidate(key);
      invalidate('me/playlists');
      if (leaving) navigate('/playlists');
    } catch (failure) {
      setProblem(describeError(failure));
    }
  };

  return (
    <article class="card">
      <h2>Collaborators</h2>
      <Loaded state={people} label="Loading the collaborators">
        {(page) =>
          page.items.length <= 1 && owner ? (
            <>
              <CollaboratorRows items={page.items} me={me} owner={owner} onRemove={remove} />
              <Empty title="Only you so far.">Create an invitation link below and send it to the friends you want to build this playlist with.</Empty>
            </>
          ) : (
            <CollaboratorRows items={page.items} me={me} owner={owner} onRemove={remove} />
          )
        }
      </Loaded>
      <FormError message={problem} />
    </article>
  );
}

const SHOWN = 8;

function contributed(done: Schema<'Collaborator'>['contributions']): string {
  const parts = [
    done.items_added ? `added ${done.items_added}` : '',
    done.moves ? `moved ${done.moves}` : '',
    done.votes ? `voted ${done.votes}` : '',
    done.items_removed ? `removed ${done.items_removed}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no changes yet';
}

function CollaboratorRows({
  items,
  me,
  owner,
  onRemove,
}: {
  items: Schema<'Collaborator'>[];
  me: string;
  owner: boolean;
  onRemove: (userId: string, leaving: boolean) => void;
}) {
  const [all, setAll] = useState(false);
  // The owner and the person first, then the others as the API lists them.
  const rank = (c: Schema<'Collaborator'>) => (c.role === 'owner' ? 0 : c.user_id === me ? 1 : 2);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b));
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <>
      <p class="muted small">
        {items.length} {items.length === 1 ? 'member' : 'members'}
      </p>
      <ul class="list">
        {shown.map((c) => (
          <li key={c.user_id} class="person-row">
            <span class="person-main">
              <span>
                <strong>{c.user_id === me ? `${c.display_name} (you)` : c.display_name}</strong> <span class="badge">{c.role}</span>
              </span>
              <span class="muted small">{contributed(c.contributions)}</span>
            </span>
            {owner && c.role !== 'owner' ? (
              <button
                type="button"
                class="button secondary small"
                aria-label={`Remove ${c.display_name} from the playlist`}
                onClick={() => onRemove(c.user_id, false)}
              >
                Remove
              </button>
            ) : null}
            {!owner && c.user_id === me ? (
              <button type="button" class="button secondary small" onClick={() => onRemove(c.user_id, true)}>
                Leave
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {sorted.length > SHOWN ? (
        <button type="button" class="link-button small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${sorted.length}`}
        </button>
      ) : null}
    </>
  );
}

/** The owner's invitations: a share link (its token shown once, with a copy button), an invitation by handle, and the list to revoke from. */
export function Invites({ playlist }: { playlist: Playlist }) {
  const key = `playlist/${playlist.id}/invites`;
  const invites = useApi(key, async () => unwrap(await api.GET('/v1/playlists/{id}/invites', { params: { path: { id: playlist.id } } })));
  const [created, setCreated] = useState<Schema<'PlaylistInviteCreated'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { role: useId(), expiry: useId(), uses: useId(), handle: useId(), handleRole: useId() };

  const createLink = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const uses = String(data.get('max_uses') ?? '').trim();
    setBusy(true);
    setProblem(null);
    try {
      const invite = unwrap(
        await api.POST('/v1/playlists/{id}/invites', {
          params: { path: { id: playlist.id } },
          body: { role: data.get('role') as Role, expires_in_seconds: Number(data.get('expires')), ...(uses ? { max_uses: Number(uses) } : {}) },
        }),
      );
      setCreated(invite);
      invalidate(key);
    } catch (failure) {
      setProblem(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const inviteHandle = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const handle = String(data.get('handle') ?? '')
      .trim()
      .replace(/^@/, '');
    setProblem(null);
    setSent(null);
    try {
      unwrap(await api.POST('/v1/playlists/{id}/collaborators', { params: { path: { id: playlist.id } }, body: { handle, role: data.get('role') as Role } }));
      setSent(`Invitation sent to @${handle}: it waits for them on their Playlists page.`);
      form.reset();
      invalidate(key);
    } catch (failure) {
      setProblem(describeError(failure));
    }
  };

  const revoke = async (inviteId: string) => {
    setProblem(null);
    try {
      unwrap(await api.DELETE('/v1/playlists/{id}/invites/{invite_id}', { params: { path: { id: playlist.id, invite_id: inviteId } } }));
      if (created?.id === inviteId) setCreated(null);
      invalidate(key);
    } catch (failure) {
      setProblem(describeError(failure));
    }
  };

  return (
    <article class="card">
      <h2>Invite</h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void createLink(event.currentTarget);
        }}
      >
        <p class="muted small">A link anyone can open to join, until it expires or you revoke it.</p>
        <div class="field-row">
          <span class="field">
            <RoleSelect id={ids.role} />
          </span>
          <span class="field">
            <label for={ids.expiry}>Expires after</label>
            <select id={ids.expiry} name="expires">
              {EXPIRIES.map((e) => (
                <option key={e.seconds} value={String(e.seconds)} selected={e.seconds === 7 * 86_400}>
                  {e.label}
                </option>
              ))}
            </select>
          </span>
          <span class="field">
            <label for={ids.uses}>Uses</label>
            <input id={ids.uses} name="max_uses" type="number" min={1} max={1000} inputMode="numeric" placeholder="No limit" />
          </span>
        </div>
        <div>
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Creating…' : 'Create an invitation link'}
          </button>
        </div>
      </form>
      {created ? (
        <div class="notice created-invite">
          <CopyField label="Invitation link" value={`${location.origin}/invites/${encodeURIComponent(created.token)}`} />
          <p class="small">
            Joins as <strong>{created.role}</strong> until {formatDateTime(created.expires_at)}
            {created.max_uses ? `, ${created.max_uses} ${created.max_uses === 1 ? 'use' : 'uses'}` : ''}. Copy it now: Chorus shows a link only once.
          </p>
        </div>
      ) : null}

      <form
        class="stack handle-form"
        onSubmit={(event) => {
          event.preventDefault();
          void inviteHandle(event.currentTarget);
        }}
      >
        <h3>Invite someone by their handle</h3>
        <div class="field-row">
          <span class="field grow">
            <label for={ids.handle}>Handle</label>
            <input id={ids.handle} name="handle" required maxLength={33} autocomplete="off" placeholder="@handle" />
          </span>
          <span class="field">
            <RoleSelect id={ids.handleRole} />
          </span>
        </div>
        <div>
          <button type="submit" class="button secondary">
            Send invitation
          </button>
        </div>
      </form>
      {sent ? <p role="status">{sent}</p> : null}
      <FormError message={problem} />

      <h3>Invitations</h3>
      <Loaded state={invites} label="Loading the invitations">
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted small">No invitations yet.</p>
          ) : (
            <ul class="list invite-list">
              {page.items.map((invite) => (
                <li key={invite.id}>
                  <span class="person-main">
                    <span>
                      {invite.kind === 'personal' && invite.invitee ? `@${invite.invitee.handle}` : 'Link'} · {invite.role}{' '}
                      <span class={`badge${invite.status === 'active' ? ' ok' : invite.status === 'accepted' ? '' : ' bad'}`}>
                        {invite.status.replace('_', ' ')}
                      </span>
                    </span>
                    <span class="muted small">
                      used {invite.uses}
                      {invite.max_uses ? ` of ${invite.max_uses}` : ''} · expires {formatDateTime(invite.expires_at)}
                    </span>
                  </span>
                  {invite.status === 'active' ? (
                    <button
                      type="button"
                      class="button secondary small"
                      aria-label={`Revoke the ${invite.role} invitation created ${formatDateTime(invite.created_at)}`}
                      onClick={() => revoke(invite.id)}
                    >
                      Revoke
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </article>
  );
}
