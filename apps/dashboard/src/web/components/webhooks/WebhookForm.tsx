import { useId, useState } from 'preact/hooks';
import { invalidate } from '../../api.js';
import { Link } from '../../router.js';
import { FormError, ProblemBox, SecretOnce, useAction } from '../controls.js';
import { Loaded } from '../States.js';
import {
  type EventName,
  subscribable,
  useEventTypes,
  type Webhook,
  type WebhookAdapter,
  type WebhookCreated,
  type WebhookOwner,
  webhookKeys,
} from './adapter.js';

export interface WebhookValues {
  url: string;
  event_types: EventName[];
  description: string;
  enabled: boolean;
}

/** An endpoint's URL, events, description and (when editing) whether it is enabled; `save` sends them. */
export function WebhookForm({
  owner,
  initial,
  submitLabel,
  withEnabled,
  save,
}: {
  owner: WebhookOwner;
  initial?: Webhook;
  submitLabel: string;
  withEnabled?: boolean;
  save: (values: WebhookValues) => Promise<void>;
}) {
  const types = useEventTypes();
  const [url, setUrl] = useState(initial?.url ?? '');
  const [events, setEvents] = useState<string[]>(initial?.event_types ?? []);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  // Several forms may share a page (one per app on a partner's Webhooks page).
  const prefix = useId();

  const submit = (event: Event) => {
    event.preventDefault();
    setInvalid(events.length === 0 ? 'Choose at least one event to receive.' : null);
    if (events.length === 0) return;
    void action.run('save', async () => {
      await save({ url: url.trim(), event_types: events as EventName[], description: description.trim(), enabled });
      if (!initial) {
        setUrl('');
        setEvents([]);
        setDescription('');
      }
    });
  };

  return (
    <form class="stack" onSubmit={submit}>
      <label for={`${prefix}-url`}>Endpoint URL</label>
      <input
        id={`${prefix}-url`}
        type="url"
        required
        minLength={8}
        maxLength={2048}
        placeholder="https://example.com/chorus-events"
        value={url}
        onInput={(event) => setUrl(event.currentTarget.value)}
        aria-describedby={`${prefix}-url-hint`}
      />
      <p id={`${prefix}-url-hint`} class="field-hint">
        https on a public address; Chorus does not follow redirects.
      </p>
      <fieldset class="choices">
        <legend>Events to receive</legend>
        <Loaded state={types} label="Loading the event types">
          {(list) => (
            <>
              {subscribable(list.items, owner).map((t) => (
                <label key={t.type} class="choice">
                  <input
                    type="checkbox"
                    name="event_types"
                    value={t.type}
                    checked={events.includes(t.type)}
                    onChange={(event) => setEvents(event.currentTarget.checked ? [...events, t.type] : events.filter((e) => e !== t.type))}
                  />{' '}
                  <span>
                    {t.summary} <code>{t.type}</code>
                  </span>
                </label>
              ))}
            </>
          )}
        </Loaded>
      </fieldset>
      <label for={`${prefix}-description`}>Description (optional)</label>
      <input
        id={`${prefix}-description`}
        type="text"
        maxLength={500}
        placeholder="What receives the events, e.g. the label's CRM"
        value={description}
        onInput={(event) => setDescription(event.currentTarget.value)}
      />
      {withEnabled ? (
        <label class="choice">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} /> Enabled (unchecked pauses deliveries)
        </label>
      ) : null}
      <FormError message={invalid} />
      <ProblemBox error={action.error} />
      <div>
        <button type="submit" class="button" disabled={action.busy !== null}>
          {action.busy === 'save' ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Adding an endpoint: the form, then the new endpoint's signing secret, shown this once. */
export function WebhookCreate({ adapter, submitLabel }: { adapter: WebhookAdapter; submitLabel: string }) {
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  return (
    <>
      {created ? (
        <SecretOnce title={`Signing secret of ${created.url}`} secret={created.secret} testId="webhook-secret" onDone={() => setCreated(null)}>
          <p class="small">
            Your receiver checks each event's <code>webhook-signature</code> header with it. <Link href={adapter.href(created.id)}>Open the endpoint</Link> for
            its delivery log and a test event.
          </p>
        </SecretOnce>
      ) : null}
      <WebhookForm
        owner={adapter.owner}
        submitLabel={submitLabel}
        save={async (values) => {
          setCreated(await adapter.create(values));
          invalidate(webhookKeys.list(adapter));
        }}
      />
    </>
  );
}
