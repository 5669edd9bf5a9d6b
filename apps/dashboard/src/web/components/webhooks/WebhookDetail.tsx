import { useState } from 'preact/hooks';
import { invalidate, useApi } from '../../api.js';
import { ConfirmButton, ProblemBox, SecretOnce, Status, useAction } from '../controls.js';
import { formatDateTime } from '../format.js';
import { Loaded } from '../States.js';
import { type Webhook, type WebhookAdapter, type WebhookSecret, webhookKeys } from './adapter.js';
import { DeliveryLog } from './DeliveryLog.js';
import { type WebhookValues, WebhookForm } from './WebhookForm.js';
import { EventCodes, Health } from './WebhookList.js';

/**
 * One endpoint: its state and facts, then (for those who may change it) test, pause, secret rotation, deletion and
 * an edit form, and its delivery log.
 */
export function WebhookDetail({
  adapter,
  webhookId,
  canManage,
  onDeleted,
}: {
  adapter: WebhookAdapter;
  webhookId: string;
  canManage: boolean;
  onDeleted: () => void;
}) {
  const endpoint = useApi(webhookKeys.endpoint(adapter, webhookId), () => adapter.get(webhookId));
  return (
    <>
      <Loaded state={endpoint} label="Loading the endpoint">
        {(w) => <EndpointCards adapter={adapter} endpoint={w} canManage={canManage} onDeleted={onDeleted} />}
      </Loaded>
      {endpoint.data ? <DeliveryLog adapter={adapter} webhookId={webhookId} canRedeliver={canManage} /> : null}
    </>
  );
}

function EndpointCards({
  adapter,
  endpoint: w,
  canManage,
  onDeleted,
}: {
  adapter: WebhookAdapter;
  endpoint: Webhook;
  canManage: boolean;
  onDeleted: () => void;
}) {
  const action = useAction();
  const [secret, setSecret] = useState<WebhookSecret | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const changed = () => {
    invalidate(webhookKeys.endpoint(adapter, w.id));
    invalidate(webhookKeys.list(adapter));
  };

  const sendTest = () =>
    action.run('test', async () => {
      await adapter.test(w.id);
      setDone('A ping event is on its way; its outcome shows in the delivery log below.');
      invalidate(webhookKeys.deliveries(adapter, w.id));
    });
  const toggle = () =>
    action.run('toggle', async () => {
      await adapter.update(w.id, { enabled: !w.enabled });
      setDone(w.enabled ? 'Deliveries are paused.' : 'Deliveries are enabled again.');
      changed();
    });
  const rotate = () =>
    action.run('rotate', async () => {
      setSecret(await adapter.rotateSecret(w.id));
      invalidate(webhookKeys.endpoint(adapter, w.id));
    });
  const remove = () =>
    action.run('delete', async () => {
      await adapter.remove(w.id);
      // Only the list: the page showing this endpoint is leaving, and reading it again would be a 404.
      invalidate(webhookKeys.list(adapter));
      onDeleted();
    });
  const save = async (values: WebhookValues) => {
    const changes: Partial<WebhookValues> = {};
    if (values.url !== w.url) changes.url = values.url;
    if (values.description !== w.description) changes.description = values.description;
    if (values.enabled !== w.enabled) changes.enabled = values.enabled;
    if (values.event_types.length !== w.event_types.length || values.event_types.some((t) => !w.event_types.includes(t)))
      changes.event_types = values.event_types;
    await adapter.update(w.id, changes);
    setDone('Changes saved.');
    changed();
  };

  return (
    <>
      {secret ? (
        <SecretOnce title="New signing secret" secret={secret.secret} testId="webhook-secret" onDone={() => setSecret(null)}>
          <p class="small">
            Until {formatDateTime(secret.previous_secret_expires_at)} each event carries a signature by the old secret and one by the new, so your receiver can
            switch without missing one.
          </p>
        </SecretOnce>
      ) : null}
      <article class="card">
        <div class="card-head">
          <h2 class="endpoint-url">{w.url}</h2>
          <Health webhook={w} />
        </div>
        {w.notice ? <p class="form-error">{w.notice}</p> : null}
        <dl class="webhook-facts">
          <div>
            <dt>Events</dt>
            <dd>
              <EventCodes types={w.event_types} />
            </dd>
          </div>
          {w.description ? (
            <div>
              <dt>Description</dt>
              <dd>{w.description}</dd>
            </div>
          ) : null}
          <div>
            <dt>Last delivered</dt>
            <dd>{w.last_success_at ? formatDateTime(w.last_success_at) : 'never yet'}</dd>
          </div>
          {w.failing_since ? (
            <div>
              <dt>Failing since</dt>
              <dd>{formatDateTime(w.failing_since)}</dd>
            </div>
          ) : null}
          {w.disabled_at ? (
            <div>
              <dt>{w.disabled_reason === 'failing' ? 'Disabled since' : 'Paused since'}</dt>
              <dd>{formatDateTime(w.disabled_at)}</dd>
            </div>
          ) : null}
          {w.previous_secret_expires_at ? (
            <div>
              <dt>Previous secret</dt>
              <dd>also signs until {formatDateTime(w.previous_secret_expires_at)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Added</dt>
            <dd>{formatDateTime(w.created_at)}</dd>
          </div>
        </dl>
        {canManage ? (
          <>
            <div class="row-actions webhook-actions">
              <button type="button" class="button secondary small" disabled={action.busy !== null || !w.enabled} onClick={sendTest}>
                {action.busy === 'test' ? 'Sending…' : 'Send test event'}
              </button>
              <button type="button" class="button secondary small" disabled={action.busy !== null} onClick={toggle}>
                {w.enabled ? 'Pause deliveries' : 'Enable deliveries'}
              </button>
              <ConfirmButton
                label="Rotate secret"
                question="Make a new signing secret? The old one keeps signing for 24 hours."
                confirmLabel="Yes, rotate"
                danger={false}
                disabled={action.busy !== null}
                onConfirm={rotate}
              />
              <ConfirmButton
                label="Delete endpoint"
                question="Delete this endpoint and its delivery log? Events stop at once."
                confirmLabel="Yes, delete"
                disabled={action.busy !== null}
                onConfirm={remove}
              />
            </div>
            {w.enabled ? null : <p class="muted small">A paused or disabled endpoint receives no test event: enable it first.</p>}
            <ProblemBox error={action.error} />
            <Status message={done} />
          </>
        ) : null}
      </article>
      {canManage ? (
        <article class="card">
          <h2>Edit</h2>
          <WebhookForm key={w.updated_at} owner={adapter.owner} initial={w} submitLabel="Save changes" withEnabled save={save} />
        </article>
      ) : null}
    </>
  );
}
