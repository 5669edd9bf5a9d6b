import type { Schema } from '@chorus/sdk';
import { useId, useState } from 'preact/hooks';
import { api, describeError, invalidate, unwrap, useApi } from '../../api.js';
import { CopyField, FormError, useAction } from '../../components/controls.js';
import { formatAgo, formatDay } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';

type Scope = Schema<'PersonalTokenScope'>;

/** What each scope lets a token do, in the words the consent page uses. */
const SCOPES: Array<{ scope: Scope; words: string; preset?: boolean }> = [
  { scope: 'listens:write', words: 'Submit what you listen to (a scrobbler needs this)', preset: true },
  { scope: 'listens:read', words: 'Read your listening history', preset: true },
  { scope: 'profile:read', words: 'See your profile' },
  { scope: 'profile:write', words: 'Change your profile' },
  { scope: 'playlists:read', words: 'Read your playlists' },
  { scope: 'playlists:write', words: 'Create, change and share your playlists' },
  { scope: 'artists:manage', words: 'Manage the artists whose team you are on' },
  { scope: 'artist-analytics:read', words: "Read your artists' statistics" },
];

/** Personal API tokens: for a scrobbler or a script of one's own. Listed without their secret, created (shown once) and revoked. */
export function Tokens() {
  const tokens = useApi('me/tokens', async () => unwrap(await api.GET('/v1/me/tokens')));
  const nameId = useId();
  const [created, setCreated] = useState<Schema<'PersonalTokenCreated'> | null>(null);
  /** What is wrong with the form before it is sent; the API's refusals are `action.error`. */
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const problem = invalid ?? (action.error ? describeError(action.error) : null);

  const revoke = (id: string) =>
    action.run('revoke', async () => {
      setInvalid(null);
      unwrap(await api.DELETE('/v1/me/tokens/{id}', { params: { path: { id } } }));
      if (created?.id === id) setCreated(null);
      invalidate('me/tokens');
    });

  return (
    <article class="card">
      <h2>Personal API tokens</h2>
      <p class="muted small">
        For a scrobbler or a script of your own: send it as <code>Authorization: Token …</code> to the API (<a href="/docs">/docs</a>).
      </p>
      <Loaded state={tokens} label="Loading your tokens">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title="No tokens yet.">Create one below when a tool asks for a Chorus token.</Empty>
          ) : (
            <ul class="list token-list">
              {page.items.map((token) => (
                <li key={token.id}>
                  <span class="person-main">
                    <span>
                      <strong>{token.name}</strong> <code>{token.prefix}…</code>
                    </span>
                    <span class="muted small">
                      Created {formatDay(token.created_at)} · {token.last_used_at ? `last used ${formatAgo(token.last_used_at)}` : 'never used'}
                    </span>
                    <span class="scopes">
                      {token.scopes.map((scope) => (
                        <code key={scope}>{scope}</code>
                      ))}
                    </span>
                  </span>
                  <button type="button" class="button secondary small" aria-label={`Revoke the token ${token.name}`} onClick={() => revoke(token.id)}>
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {created ? (
        <div class="notice">
          <CopyField label={`Your new token “${created.name}”`} value={created.token} secret />
          <p class="small">Copy it now: Chorus shows a token only once. Lost it? Revoke it and create another.</p>
        </div>
      ) : null}
      <form
        class="stack token-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const scopes = data.getAll('scope').map(String) as Scope[];
          if (scopes.length === 0) {
            action.clear();
            return setInvalid('Choose at least one thing the token may do.');
          }
          setInvalid(null);
          await action.run('create', async () => {
            setCreated(unwrap(await api.POST('/v1/me/tokens', { body: { name: String(data.get('name') ?? '').trim(), scopes } })));
            form.reset();
            invalidate('me/tokens');
          });
        }}
      >
        <h3>Create a token</h3>
        <label for={nameId}>What it is for</label>
        <input id={nameId} name="name" required maxLength={100} pattern=".*\S.*" placeholder="e.g. My scrobbler" autocomplete="off" />
        <fieldset class="choices">
          <legend>It may</legend>
          {SCOPES.map((s) => (
            <label key={s.scope} class="check">
              <input type="checkbox" name="scope" value={s.scope} defaultChecked={s.preset} />
              <span>
                {s.words} <code>{s.scope}</code>
              </span>
            </label>
          ))}
        </fieldset>
        <FormError message={problem} />
        <div>
          <button type="submit" class="button" disabled={action.busy === 'create'}>
            {action.busy === 'create' ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
    </article>
  );
}
