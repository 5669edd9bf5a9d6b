import { useState } from 'preact/hooks';
import { api, ChorusError, describeError, invalidate, unwrap, useApi } from '../../api.js';
import { FormError } from '../../components/controls.js';
import { formatDateTime } from '../../components/format.js';
import { ErrorBox, Loaded } from '../../components/States.js';
import { Link, navigate } from '../../router.js';
import { ROLE_WORDS } from './Collaborators.js';

/** What an invitation link's token looks like: a link cut short or mistyped is told at once, without asking the API. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** An invitation link opened: what joining gives (the playlist, its owner, the role, until when), and Accept. */
export function InvitePreview({ token }: { token: string }) {
  const wellFormed = TOKEN.test(token);
  const preview = useApi(wellFormed ? `playlist-invite/${token}` : null, async () =>
    unwrap(await api.GET('/v1/playlist-invites/{token}', { params: { path: { token } } })),
  );
  const broken = !wellFormed || (preview.error instanceof ChorusError && (preview.error.status === 404 || preview.error.status === 400));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const joined = unwrap(await api.POST('/v1/playlist-invites/{token}/accept', { params: { path: { token } } }));
      invalidate('me/playlists');
      navigate(`/playlists/${joined.playlist_id}`);
    } catch (failure) {
      setProblem(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <section class="page listener-page narrow-page">
      <p class="eyebrow">
        <Link href="/playlists">Playlists</Link> / Invitation
      </p>
      <h1 tabIndex={-1}>{preview.data ? `Join “${preview.data.playlist.name}”` : 'Playlist invitation'}</h1>
      {broken || (preview.error && !preview.data) ? (
        broken ? (
          <div class="card">
            <h2>This link does not work</h2>
            <p>It may have expired, been revoked or used as often as it allows, or it was not copied whole. Ask the person who sent it for a new one.</p>
            <p>
              <Link href="/playlists">Go to your playlists</Link>
            </p>
          </div>
        ) : (
          <ErrorBox error={preview.error} retry={preview.reload} />
        )
      ) : (
        <Loaded state={preview} label="Opening the invitation">
          {(invite) => (
            <article class="card">
              <h2>{invite.owner.display_name} invites you to build a playlist together</h2>
              {invite.playlist.description ? <p>{invite.playlist.description}</p> : null}
              <dl class="facts">
                <dt>Playlist</dt>
                <dd>
                  {invite.playlist.name}, {invite.playlist.item_count} {invite.playlist.item_count === 1 ? 'track' : 'tracks'}
                </dd>
                <dt>Owner</dt>
                <dd>
                  {invite.owner.display_name} <span class="muted">@{invite.owner.handle}</span>
                </dd>
                <dt>Your role</dt>
                <dd>
                  <span class="badge">{invite.role}</span> {ROLE_WORDS[invite.role]}
                </dd>
                <dt>Valid until</dt>
                <dd>{formatDateTime(invite.expires_at)}</dd>
              </dl>
              <FormError message={problem} />
              <div class="actions">
                <button type="button" class="button" disabled={busy} onClick={accept}>
                  {busy ? 'Joining…' : 'Accept and open the playlist'}
                </button>
                <Link href="/playlists" class="button secondary">
                  Not now
                </Link>
              </div>
            </article>
          )}
        </Loaded>
      )}
    </section>
  );
}
