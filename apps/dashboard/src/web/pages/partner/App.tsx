import type { Schema } from '@chorus/sdk';
import { useMemo, useState } from 'preact/hooks';
import { api, invalidate, unwrap, useApi } from '../../api.js';
import { TimeChart } from '../../components/Chart.js';
import { ConfirmButton, CopyButton, FormError, ProblemBox, SecretOnce, useAction } from '../../components/controls.js';
import { formatDateTime, formatDay, formatNumber, utcDay } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { navigate } from '../../router.js';
import { type AppConfig, AppConfigFields, bodyOf, configOf } from './AppFields.js';
import { appsKey } from './Apps.js';
import { AppWebhooks } from './AppWebhooks.js';
import { PartnerLayout, partnerBase, usePartner } from './PartnerLayout.js';
import { CLIENT_TYPES, DEVICE_CLASSES, GRANTS, label, type PartnerApp, REVIEW_STATES, SaveRow } from './parts.js';

export function appKey(id: string, appId: string): string {
  return `partner/${id}/app/${appId}`;
}

export function useApp(id: string, appId: string) {
  return useApi(appKey(id, appId), async () => unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}', { params: { path: { id, app_id: appId } } })));
}

const SECTIONS = [
  { id: 'settings', label: 'Settings' },
  { id: 'secret', label: 'Client secret' },
  { id: 'review', label: 'Review' },
  { id: 'allow-list', label: 'Allow-list' },
  { id: 'usage', label: 'Usage' },
  { id: 'webhooks', label: 'Webhooks' },
];

/** One app: its registration, secret, review, allow-list, usage and limits, and webhooks. */
export function AppPage({ id, appId }: { id: string; appId: string }) {
  const app = useApp(id, appId);
  const { may } = usePartner(id);
  const name = app.data?.name ?? 'App';
  return (
    <PartnerLayout id={id} title={name} trail={[{ label: name }]}>
      {() => (
        <Loaded state={app} label="Loading the app">
          {(a) => (
            <>
              <Summary app={a} />
              <nav class="on-this-page" aria-label="Sections of this app">
                {SECTIONS.filter((s) => s.id !== 'secret' || a.client_type === 'confidential').map((s) => (
                  <a key={s.id} href={`#${s.id}`}>
                    {s.label}
                  </a>
                ))}
              </nav>
              <Settings app={a} editable={may.manageApps} />
              {a.client_type === 'confidential' ? <Secret app={a} editable={may.manageApps} /> : null}
              <Review app={a} editable={may.manageApps} />
              <AllowList app={a} editable={may.manageApps} />
              <Usage app={a} />
              <section class="card" id="webhooks" aria-labelledby="webhooks-title">
                <h2 id="webhooks-title">Webhooks</h2>
                <AppWebhooks partnerId={id} app={a} editable={may.manageApps} />
              </section>
              {may.deleteApps ? <DeleteApp app={a} /> : null}
            </>
          )}
        </Loaded>
      )}
    </PartnerLayout>
  );
}

function Summary({ app }: { app: PartnerApp }) {
  const state = REVIEW_STATES[app.review.state];
  return (
    <article class="card">
      <h2>Registration</h2>
      <dl class="facts">
        <div>
          <dt>Client id</dt>
          <dd class="copy-row">
            <code data-testid="client-id">{app.client_id}</code> <CopyButton text={app.client_id} what="the client id" />
          </dd>
        </div>
        <div>
          <dt>Client type</dt>
          <dd>{label(CLIENT_TYPES, app.client_type)}</dd>
        </div>
        <div>
          <dt>Grant types</dt>
          <dd>{app.grant_types.map((g) => label(GRANTS, g)).join(', ')}</dd>
        </div>
        {app.device_class ? (
          <div>
            <dt>Device class</dt>
            <dd>{label(DEVICE_CLASSES, app.device_class)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Mode</dt>
          <dd>
            <span class={`badge ${state.tone}`}>{state.label}</span> <span class="muted small">{state.says}</span>
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(app.created_at)}</dd>
        </div>
      </dl>
    </article>
  );
}

function Settings({ app, editable }: { app: PartnerApp; editable: boolean }) {
  const [config, setConfig] = useState<AppConfig>(() => configOf(app));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  if (!editable) {
    return (
      <section class="card" id="settings" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <dl class="facts">
          <div>
            <dt>Redirect URIs</dt>
            <dd>{app.redirect_uris.length ? app.redirect_uris.map((u) => <code key={u}>{u} </code>) : 'none'}</dd>
          </div>
          <div>
            <dt>Scopes</dt>
            <dd>
              {app.scopes.map((s) => (
                <code key={s}>{s} </code>
              ))}
            </dd>
          </div>
        </dl>
        <p class="muted small">Admins and developers of the team change these.</p>
      </section>
    );
  }
  return (
    <section class="card" id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <form
        class="stack wide"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const body = bodyOf(config, app.client_type);
          if ('problem' in body) return setProblem(body.problem);
          setProblem(null);
          setSaved(false);
          const description = String(data.get('description') ?? '').trim();
          const done = await action.run('save', async () =>
            unwrap(
              await api.PATCH('/v1/partners/{id}/apps/{app_id}', {
                params: { path: { id: app.partner_id, app_id: app.id } },
                body: { name: String(data.get('name')).trim(), description: description || null, ...body, device_class: body.device_class ?? null },
              }),
            ),
          );
          if (!done) return;
          setConfig(configOf(done));
          setSaved(true);
          invalidate(appKey(app.partner_id, app.id));
          invalidate(appsKey(app.partner_id));
        }}
      >
        <label>
          App name
          <input name="name" required maxLength={100} defaultValue={app.name} />
        </label>
        <label>
          <span>
            Description <span class="muted small">(optional)</span>
          </span>
          <textarea name="description" rows={2} maxLength={2000} defaultValue={app.description ?? ''} />
        </label>
        <AppConfigFields id="edit-app" clientType={app.client_type} value={config} onChange={setConfig} />
        <p class="field-hint">The client type cannot change: register a new app for that.</p>
        <FormError message={problem} />
        <ProblemBox error={action.error} />
        <SaveRow busy={action.busy !== null} saved={saved} />
      </form>
    </section>
  );
}

function Secret({ app, editable }: { app: PartnerApp; editable: boolean }) {
  const [rotated, setRotated] = useState<Schema<'ClientSecretRotated'> | null>(null);
  const action = useAction();
  const rotate = () =>
    action.run('rotate', async () => {
      const answer = unwrap(await api.POST('/v1/partners/{id}/apps/{app_id}/secret', { params: { path: { id: app.partner_id, app_id: app.id } } }));
      setRotated(answer);
      invalidate(appKey(app.partner_id, app.id));
    });
  return (
    <section class="card" id="secret" aria-labelledby="secret-title">
      <h2 id="secret-title">Client secret</h2>
      {app.secret ? (
        <p>
          The current secret starts with <code>{app.secret.hint}</code> and was made {formatDateTime(app.secret.created_at)}.
          {app.secret.previous_valid_until ? ` The previous one keeps working until ${formatDateTime(app.secret.previous_valid_until)}.` : ''}
        </p>
      ) : (
        <p class="muted">No secret yet.</p>
      )}
      {rotated ? (
        <SecretOnce title="New client secret" secret={rotated.client_secret} testId="app-secret" onDone={() => setRotated(null)}>
          {rotated.previous_valid_until ? (
            <p class="small">The previous secret keeps working until {formatDateTime(rotated.previous_valid_until)}, so your deployments can switch over.</p>
          ) : (
            <p class="small">The previous secret stopped working at once (it had been rotated already within the day).</p>
          )}
        </SecretOnce>
      ) : editable ? (
        <>
          <p class="muted small">Rotating makes a new secret; the previous one keeps working for a day (rotating again within that day drops it at once).</p>
          <ConfirmButton
            label="Rotate secret"
            question="Make a new secret now?"
            confirmLabel="Yes, rotate"
            danger={false}
            onConfirm={rotate}
            disabled={action.busy !== null}
          />
        </>
      ) : null}
      <ProblemBox error={action.error} />
    </section>
  );
}

function Review({ app, editable }: { app: PartnerApp; editable: boolean }) {
  const key = `${appKey(app.partner_id, app.id)}/reviews`;
  const reviews = useApi(key, async () =>
    unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}/reviews', { params: { path: { id: app.partner_id, app_id: app.id } } })),
  );
  const action = useAction();
  const state = REVIEW_STATES[app.review.state];
  const canRequest = editable && (app.review.state === 'development' || app.review.state === 'rejected');
  return (
    <section class="card" id="review" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <p>
        <span class={`badge ${state.tone}`}>{state.label}</span> {state.says}
      </p>
      {app.review.state === 'rejected' && app.review.note ? (
        <blockquote class="review-note">
          {app.review.reviewed_by ? `${app.review.reviewed_by.display_name}: ` : ''}
          {app.review.note}
        </blockquote>
      ) : null}
      {canRequest ? (
        <form
          class="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const note = String(new FormData(form).get('note') ?? '').trim();
            const done = await action.run('request', async () =>
              unwrap(
                await api.POST('/v1/partners/{id}/apps/{app_id}/review-requests', { params: { path: { id: app.partner_id, app_id: app.id } }, body: { note } }),
              ),
            );
            if (!done) return;
            form.reset();
            invalidate(appKey(app.partner_id, app.id));
            invalidate(appsKey(app.partner_id));
          }}
        >
          <label>
            Note for the reviewer
            <textarea name="note" rows={3} required maxLength={2000} placeholder="What the app does, and how to try it (a test account on the allow-list)." />
          </label>
          <ProblemBox error={action.error} />
          <div>
            <button type="submit" class="button" disabled={action.busy !== null}>
              Request review
            </button>
          </div>
        </form>
      ) : null}
      <h3 class="subhead">History</h3>
      <Loaded state={reviews} label="Loading the review history">
        {(list) =>
          list.items.length === 0 ? (
            <p class="muted">No review yet. When the app is ready for everyone, request one: a platform admin approves it into production mode.</p>
          ) : (
            <ol class="list">
              {list.items.map((r) => (
                <li key={r.id}>
                  <span class={`badge ${r.action === 'approved' ? 'ok' : r.action === 'rejected' ? 'bad' : ''}`}>{r.action}</span>
                  <span>
                    {formatDateTime(r.created_at)}
                    {r.by ? ` by ${r.by.display_name}` : ''}
                    {r.note ? ` · “${r.note}”` : ''}
                    {r.verified_partner ? ' · also verified the organisation' : ''}
                  </span>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}

function AllowList({ app, editable }: { app: PartnerApp; editable: boolean }) {
  const key = `${appKey(app.partner_id, app.id)}/allow-list`;
  const list = useApi(key, async () =>
    unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}/allow-list', { params: { path: { id: app.partner_id, app_id: app.id } } })),
  );
  const action = useAction();
  const path = { id: app.partner_id, app_id: app.id };
  return (
    <section class="card" id="allow-list" aria-labelledby="allow-list-title">
      <h2 id="allow-list-title">Allow-list</h2>
      <p class="muted small">
        {app.mode === 'production'
          ? 'The app is in production: anyone may use it, and the allow-list no longer matters.'
          : `In development mode the app serves your team and up to ${app.allow_list.limit} more people listed here; anyone else is refused.`}
      </p>
      {editable ? (
        <form
          class="inline-fields"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const handle = String(new FormData(form).get('handle') ?? '').trim();
            const done = await action.run('add', async () =>
              unwrap(await api.POST('/v1/partners/{id}/apps/{app_id}/allow-list', { params: { path }, body: { handle } })),
            );
            if (!done) return;
            form.reset();
            invalidate(key);
            invalidate(appKey(app.partner_id, app.id));
          }}
        >
          <label>
            Handle
            <input name="handle" required pattern="@?[A-Za-z0-9][A-Za-z0-9_\-]{1,31}" placeholder="ada-lovelace" autoComplete="off" />
          </label>
          <button type="submit" class="button" disabled={action.busy !== null}>
            Allow
          </button>
        </form>
      ) : null}
      <ProblemBox error={action.error} />
      <Loaded state={list} label="Loading the allow-list">
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">{editable ? 'Nobody is on it yet: add a tester by their handle.' : 'Nobody is on it yet.'}</p>
          ) : (
            <>
              <p class="small">
                {page.items.length} of {page.limit} places used.
              </p>
              <ul class="list">
                {page.items.map((person) => (
                  <li key={person.user_id}>
                    <span>
                      {person.display_name} <span class="muted">@{person.handle}</span> <span class="muted small">· since {formatDay(person.added_at)}</span>
                    </span>
                    {editable ? (
                      <button
                        type="button"
                        class="button secondary small"
                        aria-label={`Remove ${person.display_name} from the allow-list`}
                        disabled={action.busy !== null}
                        onClick={() =>
                          action.run(person.user_id, async () => {
                            unwrap(
                              await api.DELETE('/v1/partners/{id}/apps/{app_id}/allow-list/{user_id}', {
                                params: { path: { ...path, user_id: person.user_id } },
                              }),
                            );
                            invalidate(key);
                            invalidate(appKey(app.partner_id, app.id));
                          })
                        }
                      >
                        Remove
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

const USAGE_SPANS = [
  { days: 7, label: 'Last 7 days' },
  { days: 28, label: 'Last 28 days' },
  { days: 90, label: 'Last 90 days' },
];

function per(seconds: number): string {
  if (seconds === 60) return 'a minute';
  if (seconds === 3600) return 'an hour';
  if (seconds === 86_400) return 'a UTC day';
  return `${formatNumber(seconds)} seconds`;
}

interface RouteGroupRow {
  route_group: string;
  requests: number;
  errors: number;
  rate_limited: number;
}

const ROUTE_COLUMNS: Column<RouteGroupRow>[] = [
  { key: 'group', label: 'Route group', value: (r) => r.route_group, render: (r) => <code>/v1/{r.route_group}</code> },
  { key: 'requests', label: 'Requests', value: (r) => r.requests, render: (r) => formatNumber(r.requests), numeric: true },
  { key: 'errors', label: 'Errors', value: (r) => r.errors, render: (r) => formatNumber(r.errors), numeric: true },
  { key: 'limited', label: 'Rate limited', value: (r) => r.rate_limited, render: (r) => formatNumber(r.rate_limited), numeric: true },
];

function Usage({ app }: { app: PartnerApp }) {
  const [span, setSpan] = useState(28);
  const from = utcDay(span - 1);
  const to = utcDay(0);
  const usage = useApi(`${appKey(app.partner_id, app.id)}/usage/${from}..${to}`, async () =>
    unwrap(await api.GET('/v1/partners/{id}/apps/{app_id}/usage', { params: { path: { id: app.partner_id, app_id: app.id }, query: { from, to } } })),
  );
  return (
    <section class="card" id="usage" aria-labelledby="usage-title" data-testid="app-usage">
      <div class="card-head">
        <h2 id="usage-title">Usage</h2>
        <label>
          Period{' '}
          <select value={String(span)} onChange={(event) => setSpan(Number(event.currentTarget.value))}>
            {USAGE_SPANS.map((s) => (
              <option key={s.days} value={String(s.days)}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Loaded state={usage} label="Loading usage">
        {(u) => <UsageBody usage={u} />}
      </Loaded>
    </section>
  );
}

function UsageBody({ usage }: { usage: Schema<'AppUsage'> }) {
  const { days, series, groups } = useMemo(() => {
    const byDay = new Map(usage.days.map((d) => [d.day, d]));
    const days: string[] = [];
    for (let at = Date.parse(`${usage.from}T00:00:00Z`); at <= Date.parse(`${usage.to}T00:00:00Z`); at += 86_400_000)
      days.push(new Date(at).toISOString().slice(0, 10));
    const series = [
      { label: 'Requests', values: days.map((d) => byDay.get(d)?.requests ?? 0) },
      { label: 'Errors', values: days.map((d) => byDay.get(d)?.errors ?? 0) },
    ];
    const sums = new Map<string, RouteGroupRow>();
    for (const day of usage.days) {
      for (const g of day.route_groups) {
        const row = sums.get(g.route_group) ?? { route_group: g.route_group, requests: 0, errors: 0, rate_limited: 0 };
        row.requests += g.requests;
        row.errors += g.errors;
        row.rate_limited += g.rate_limited;
        sums.set(g.route_group, row);
      }
    }
    return { days, series, groups: [...sums.values()] };
  }, [usage]);
  const { limits } = usage;
  return (
    <>
      <div class="stats-row">
        <div class="stat" data-testid="usage-requests">
          <div class="stat-label">Requests</div>
          <div class="stat-value" data-value={usage.totals.requests}>
            {formatNumber(usage.totals.requests)}
          </div>
        </div>
        <div class="stat">
          <div class="stat-label">Errors (4xx and 5xx)</div>
          <div class="stat-value">{formatNumber(usage.totals.errors)}</div>
        </div>
        <div class="stat">
          <div class="stat-label">Rate limited (429)</div>
          <div class="stat-value">{formatNumber(usage.totals.rate_limited)}</div>
        </div>
      </div>
      <h3 class="subhead">Rate limits</h3>
      <ul class="limits">
        <li>
          The app: <strong>{formatNumber(limits.app.limit)}</strong> requests {per(limits.app.window_seconds)}
        </li>
        <li>
          Each person using it: <strong>{formatNumber(limits.per_user.limit)}</strong> requests {per(limits.per_user.window_seconds)}
        </li>
        <li>
          {limits.quota ? (
            <>
              Development quota: <strong>{formatNumber(limits.quota.limit)}</strong> requests {per(limits.quota.window_seconds)}; beyond it, 429 with{' '}
              <code>quota_exceeded</code> until the next day (production has no quota: request review).
            </>
          ) : (
            'No daily quota: the app is in production.'
          )}
        </li>
        {!limits.enforced ? <li class="muted">This server does not enforce the limits; Chorus in production does.</li> : null}
      </ul>
      <p class="muted small">
        {formatDay(usage.from)} to {formatDay(usage.to)} (UTC). Every request made with the app's tokens counts, within seconds. Answers carry{' '}
        <code>RateLimit</code> and <code>RateLimit-Policy</code> headers with what remains.
      </p>
      {usage.totals.requests === 0 ? (
        <Empty title="No requests in this period.">
          Requests made with the app's access tokens show here within seconds of being made. Pick a longer period, or make a call.
        </Empty>
      ) : (
        <>
          <TimeChart title="Requests and errors per day" days={days} series={series} height={220} />
          <h3 class="subhead">By route group</h3>
          <Table
            rows={groups}
            columns={ROUTE_COLUMNS}
            caption="Requests by route group"
            rowKey={(r) => r.route_group}
            initialSort={{ key: 'requests', desc: true }}
          />
        </>
      )}
    </>
  );
}

function DeleteApp({ app }: { app: PartnerApp }) {
  const action = useAction();
  return (
    <section class="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete the app</h2>
      <p class="muted small">
        Its tokens stop working at once and the people who connected it are disconnected. Its listening stays in your statistics, without a name.
      </p>
      <ConfirmButton
        label="Delete app"
        question={`Delete ${app.name} for good?`}
        confirmLabel="Delete"
        disabled={action.busy !== null}
        onConfirm={async () => {
          const done = await action.run('delete', async () => {
            unwrap(await api.DELETE('/v1/partners/{id}/apps/{app_id}', { params: { path: { id: app.partner_id, app_id: app.id } } }));
            return true;
          });
          if (!done) return;
          invalidate(`partner/${app.partner_id}/app`);
          navigate(partnerBase(app.partner_id));
        }}
      />
      <ProblemBox error={action.error} />
    </section>
  );
}
