import { useState } from 'preact/hooks';
import { api, describeError, invalidate, unwrap, useApi } from '../../api.js';
import { FormError, useAction } from '../../components/controls.js';
import { formatAgo, formatDay } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';

/** The partner apps the person connected (cars, speakers, apps), what each may do, and Disconnect. */
export function Connections() {
  const connections = useApi('me/connections', async () => unwrap(await api.GET('/v1/me/connections', { params: { query: { limit: 100 } } })));
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const disconnect = (clientId: string, name: string) =>
    run(clientId, async () => {
      setDone(null);
      unwrap(await api.DELETE('/v1/me/connections/{client_id}', { params: { path: { client_id: clientId } } }));
      setDone(`${name} is disconnected: it can no longer act for you. Connecting it again asks for your approval.`);
      invalidate('me/connections');
    });

  return (
    <article class="card">
      <h2>Connected apps</h2>
      <Loaded state={connections} label="Loading your connected apps">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title="No connected apps.">
              When you approve an app, a car or a speaker to use your Chorus account, it shows here, and you can disconnect it at any time.
            </Empty>
          ) : (
            <ul class="list connection-list">
              {page.items.map((c) => (
                <li key={c.client_id}>
                  <span class="person-main">
                    <span>
                      <strong>{c.app_name}</strong> by {c.partner_name}{' '}
                      {c.partner_verified ? <span class="badge ok">verified partner</span> : <span class="badge bad">not verified</span>}
                    </span>
                    <span class="muted small">
                      Connected {formatDay(c.created_at)} · last used {formatAgo(c.last_used_at)}
                    </span>
                    <span class="scopes">
                      {c.scopes.map((scope) => (
                        <code key={scope}>{scope}</code>
                      ))}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="button secondary small"
                    aria-label={`Disconnect ${c.app_name}`}
                    disabled={busy === c.client_id}
                    onClick={() => disconnect(c.client_id, c.app_name)}
                  >
                    {busy === c.client_id ? 'Disconnecting…' : 'Disconnect'}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {done ? (
        <p class="ok-text" role="status">
          {done}
        </p>
      ) : null}
      <FormError message={error ? describeError(error) : null} />
    </article>
  );
}
