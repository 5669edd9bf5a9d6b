import { useEffect, useState } from 'preact/hooks';
import { invalidate, useApi } from '../../api.js';
import { Options, ProblemBox, Status, useAction } from '../controls.js';
import { formatAgo, formatDateTime, formatNumber } from '../format.js';
import { Empty, Loaded } from '../States.js';
import { type Delivery, type DeliveryQuery, subscribable, useEventTypes, type WebhookAdapter, webhookKeys } from './adapter.js';

type Outcome = NonNullable<DeliveryQuery['outcome']>;
type DeliveryType = NonNullable<DeliveryQuery['event_type']>;

const OUTCOMES: Array<{ value: Outcome; label: string }> = [
  { value: 'pending', label: 'Pending' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
];
/** What a receiver answered is shown up to here; the rest of the API's first kilobyte is one click away. */
const RESPONSE_PREVIEW = 120;

/** An endpoint's deliveries, newest first, filtered by event and outcome, with their attempts; `canRedeliver` offers sending one again. */
export function DeliveryLog({ adapter, webhookId, canRedeliver }: { adapter: WebhookAdapter; webhookId: string; canRedeliver: boolean }) {
  const types = useEventTypes();
  const [eventType, setEventType] = useState<DeliveryType | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [older, setOlder] = useState<{ filter: string; items: Delivery[]; cursor: string | null } | null>(null);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const filter = `${eventType || 'all'}/${outcome || 'all'}`;
  const query = { limit: 20, ...(eventType ? { event_type: eventType } : {}), ...(outcome ? { outcome } : {}) };
  // While a delivery is being tried, the log refreshes itself until it is settled.
  const [polling, setPolling] = useState(false);
  const first = useApi(`${webhookKeys.deliveries(adapter, webhookId)}/${filter}`, () => adapter.deliveries(webhookId, query), {
    refreshMs: polling ? 3000 : undefined,
  });
  const anyPending = first.data?.items.some((d) => d.status === 'pending') ?? false;
  useEffect(() => {
    // A delivery settled: the endpoint's health (last delivered, failing since) changed with it.
    if (polling && !anyPending) invalidate(webhookKeys.endpoint(adapter, webhookId));
    setPolling(anyPending);
  }, [anyPending]);
  const more = older?.filter === filter ? older : null;

  const loadOlder = (cursor: string) =>
    action.run('older', async () => {
      const page = await adapter.deliveries(webhookId, { ...query, cursor });
      setOlder({ filter, items: [...(more?.items ?? []), ...page.items], cursor: page.next_cursor });
    });
  const redeliver = (delivery: Delivery) =>
    action.run(`redeliver-${delivery.id}`, async () => {
      await adapter.redeliver(webhookId, delivery.id);
      setDone(`The ${delivery.event_type} event is sent again, as a new delivery with the same webhook-id.`);
      invalidate(webhookKeys.deliveries(adapter, webhookId));
    });

  const eventTypes = ['ping', ...subscribable(types.data?.items ?? [], adapter.owner).map((t) => t.type)];
  return (
    <article class="card">
      <div class="card-head">
        <h2>Delivery log</h2>
        <div class="filters">
          <label>
            Event{' '}
            <select value={eventType} onChange={(event) => setEventType(event.currentTarget.value as DeliveryType | '')}>
              <option value="">All events</option>
              {eventTypes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            Outcome{' '}
            <select value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as Outcome | '')}>
              <option value="">Any outcome</option>
              <Options list={OUTCOMES} />
            </select>
          </label>
        </div>
      </div>
      <ProblemBox error={action.error} />
      <Status message={done} />
      <Loaded state={first} label="Loading the delivery log">
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const cursor = more ? more.cursor : page.next_cursor;
          if (items.length === 0) {
            return eventType || outcome ? (
              <Empty title="No delivery matches these filters.">Choose "All events" and "Any outcome" to see every delivery.</Empty>
            ) : (
              <Empty title="No deliveries yet.">Events show here as they are sent.{canRedeliver ? ' "Send test event" above sends a ping now.' : ''}</Empty>
            );
          }
          return (
            <>
              <ul class="entries">
                {items.map((d) => (
                  <DeliveryItem key={d.id} delivery={d} busy={action.busy !== null} onRedeliver={canRedeliver ? () => redeliver(d) : undefined} />
                ))}
              </ul>
              {cursor ? (
                <button type="button" class="button secondary" disabled={action.busy === 'older'} onClick={() => loadOlder(cursor)}>
                  {action.busy === 'older' ? 'Loading…' : 'Show older deliveries'}
                </button>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </article>
  );
}

function DeliveryItem({ delivery: d, busy, onRedeliver }: { delivery: Delivery; busy: boolean; onRedeliver?: () => void }) {
  const state = d.status === 'succeeded' ? 'badge ok' : d.status === 'failed' ? 'badge bad' : 'badge';
  return (
    <li class="delivery" data-testid="delivery" data-id={d.id} data-status={d.status}>
      <div class="entry-head">
        <code>{d.event_type}</code> <span class={state}>{d.status}</span>
        <span class="muted small">
          {formatAgo(d.created_at)} · {d.attempt_count} {d.attempt_count === 1 ? 'attempt' : 'attempts'}
          {d.next_attempt_at ? ` · next try ${formatAgo(d.next_attempt_at)}` : ''}
          {d.finished_at ? ` · finished ${formatDateTime(d.finished_at)}` : ''}
          {d.redelivery_of ? ' · a redelivery' : ''}
        </span>
        {onRedeliver ? (
          <button
            type="button"
            class="button secondary small push-end"
            disabled={busy || d.status === 'pending'}
            onClick={onRedeliver}
            aria-label={`Redeliver the ${d.event_type} event of ${formatDateTime(d.created_at)}`}
          >
            Redeliver
          </button>
        ) : null}
      </div>
      <p class="muted small">
        Event id (the <code>webhook-id</code> header) <code>{d.event_id}</code>
      </p>
      {d.attempts.length === 0 ? (
        <p class="muted small">Not tried yet.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table attempts">
            <caption class="visually-hidden">Attempts to deliver the {d.event_type} event</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Result</th>
                <th scope="col" class="num">
                  Latency
                </th>
                <th scope="col">Response</th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((a) => (
                <tr key={a.attempted_at}>
                  <td data-label="Time">{formatDateTime(a.attempted_at)}</td>
                  <td data-label="Result">
                    <span class={a.succeeded ? 'badge ok' : 'badge bad'}>{a.status_code !== null ? `HTTP ${a.status_code}` : 'no answer'}</span>
                    {a.error ? <div class="small">{a.error}</div> : null}
                  </td>
                  <td data-label="Latency" class="num">
                    {formatNumber(a.latency_ms)} ms
                  </td>
                  <td data-label="Response">
                    <Response body={a.response_body} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

function Response({ body }: { body: string }) {
  if (!body) return <span class="muted">empty</span>;
  if (body.length <= RESPONSE_PREVIEW) return <code class="response">{body}</code>;
  return (
    <details>
      <summary>
        <code class="response">{body.slice(0, RESPONSE_PREVIEW)}…</code>
      </summary>
      <pre class="response-full">{body}</pre>
    </details>
  );
}
