import type { Schema } from '@chorus/sdk';
import { useState } from 'preact/hooks';
import { api, invalidate, unwrap, useApi } from '../../api.js';
import { CopyButton, FormError, ProblemBox, SecretOnce, useAction } from '../../components/controls.js';
import { formatDay } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { Link } from '../../router.js';
import { type AppConfig, AppConfigFields, bodyOf } from './AppFields.js';
import { PartnerLayout, partnerBase, usePartner } from './PartnerLayout.js';
import { CLIENT_TYPES, type ClientType, DEVICE_CLASSES, label, type Partner, REVIEW_STATES } from './parts.js';

export function appsKey(id: string): string {
  return `partner/${id}/apps`;
}

export function useApps(id: string) {
  return useApi(appsKey(id), async () => unwrap(await api.GET('/v1/partners/{id}/apps', { params: { path: { id } } })));
}

/** The organisation's apps (OAuth clients), and registering one; a new confidential app's secret is shown here, once. */
export function Apps({ id }: { id: string }) {
  const { may } = usePartner(id);
  const apps = useApps(id);
  const [created, setCreated] = useState<Schema<'PartnerAppCreated'> | null>(null);
  return (
    <PartnerLayout id={id} title="Apps">
      {(partner) => (
        <>
          {created ? <CreatedApp partner={partner} app={created} onDone={() => setCreated(null)} /> : null}
          <article class="card">
            <h2>Apps of {partner.name}</h2>
            <Loaded state={apps} label="Loading the apps">
              {(list) =>
                list.items.length === 0 ? (
                  <Empty title="No apps yet.">
                    {may.manageApps
                      ? 'Create one below: an app is an OAuth client that people connect, or a back end acting for itself.'
                      : 'An admin or developer of the team registers them.'}
                  </Empty>
                ) : (
                  <ul class="app-list">
                    {list.items.map((app) => (
                      <li key={app.id} class="app-row">
                        <div>
                          <Link href={`${partnerBase(id)}/apps/${app.id}`} class="app-name">
                            {app.name}
                          </Link>{' '}
                          <span class={`badge ${REVIEW_STATES[app.review.state].tone}`}>{REVIEW_STATES[app.review.state].label}</span>
                        </div>
                        <div class="muted small">
                          {label(CLIENT_TYPES, app.client_type)} client
                          {app.device_class ? ` · ${label(DEVICE_CLASSES, app.device_class).toLowerCase()}` : ''} · {app.scopes.length} scope
                          {app.scopes.length === 1 ? '' : 's'} · created {formatDay(app.created_at)}
                        </div>
                        <div class="small">
                          <code>{app.client_id}</code>
                        </div>
                      </li>
                    ))}
                  </ul>
                )
              }
            </Loaded>
          </article>
          {may.manageApps && !created ? <CreateApp partner={partner} onCreated={setCreated} /> : null}
        </>
      )}
    </PartnerLayout>
  );
}

function CreatedApp({ partner, app, onDone }: { partner: Partner; app: Schema<'PartnerAppCreated'>; onDone: () => void }) {
  const href = `${partnerBase(partner.id)}/apps/${app.id}`;
  return (
    <article class="card created-app" data-testid="created-app">
      <h2>{app.name} is registered</h2>
      <p>
        Client id: <code data-testid="app-client-id">{app.client_id}</code> <CopyButton text={app.client_id} what="the client id" />
      </p>
      {app.client_secret ? (
        <SecretOnce title="Client secret" secret={app.client_secret} testId="app-secret" onDone={onDone}>
          <p class="small">
            Authenticate with it at <code>/oauth/token</code> (HTTP Basic, or <code>client_secret</code> in the body). It is in development mode: see{' '}
            <Link href={href}>the app's page</Link> for its allow-list, usage and review.
          </p>
        </SecretOnce>
      ) : (
        <>
          <p>
            A public client has no secret: it sends its client id and proves each sign-in with PKCE. <Link href={href}>Open the app</Link> for its allow-list,
            usage and review.
          </p>
          <button type="button" class="button small" onClick={onDone}>
            Done
          </button>
        </>
      )}
    </article>
  );
}

function CreateApp({ partner, onCreated }: { partner: Partner; onCreated: (app: Schema<'PartnerAppCreated'>) => void }) {
  const [clientType, setClientType] = useState<ClientType>('confidential');
  const [config, setConfig] = useState<AppConfig>({
    grants: ['authorization_code', 'refresh_token'],
    scopes: ['profile:read'],
    deviceClass: '',
    redirectUris: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  return (
    <article class="card">
      <h2>Create an app</h2>
      <form
        class="stack wide"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const body = bodyOf(config, clientType);
          if ('problem' in body) return setProblem(body.problem);
          setProblem(null);
          const description = String(data.get('description') ?? '').trim();
          const created = await action.run('create', async () =>
            unwrap(
              await api.POST('/v1/partners/{id}/apps', {
                params: { path: { id: partner.id } },
                body: { name: String(data.get('name')).trim(), client_type: clientType, ...body, ...(description ? { description } : {}) },
              }),
            ),
          );
          if (!created) return;
          invalidate(appsKey(partner.id));
          onCreated(created);
        }}
      >
        <label>
          App name
          <input name="name" required maxLength={100} aria-describedby="app-name-hint" />
        </label>
        <p id="app-name-hint" class="field-hint">
          Shown to people on the consent page.
        </p>
        <fieldset class="choices">
          <legend>Client type</legend>
          {CLIENT_TYPES.map((c) => (
            <label key={c.value} class="choice">
              <input type="radio" name="client_type" value={c.value} checked={clientType === c.value} onChange={() => setClientType(c.value)} />
              <span>
                {c.label} <span class="muted small">{c.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <AppConfigFields id="create-app" clientType={clientType} value={config} onChange={setConfig} />
        <label>
          <span>
            Description <span class="muted small">(optional)</span>
          </span>
          <textarea name="description" rows={2} maxLength={2000} />
        </label>
        <FormError message={problem} />
        <ProblemBox error={action.error} />
        <div>
          <button type="submit" class="button" disabled={action.busy !== null}>
            {action.busy ? 'Creating…' : 'Create app'}
          </button>
        </div>
      </form>
    </article>
  );
}
