import type { ComponentChildren } from 'preact';
import { useApi } from '../../api.js';
import { Link } from '../../router.js';
import { formatAgo } from '../format.js';
import { Empty, Loaded } from '../States.js';
import { type Webhook, type WebhookAdapter, webhookKeys } from './adapter.js';

/** Whether an endpoint receives events, in a badge: active, paused, disabled for failing, or failing now. */
export function Health({ webhook }: { webhook: Webhook }) {
  if (!webhook.enabled) return <span class="badge bad">{webhook.disabled_reason === 'failing' ? 'disabled: kept failing' : 'paused'}</span>;
  if (webhook.failing_since) return <span class="badge bad">failing since {formatAgo(webhook.failing_since)}</span>;
  return <span class="badge ok">active</span>;
}

export function EventCodes({ types }: { types: string[] }) {
  return (
    <>
      {types.map((t) => (
        <code key={t} class="event-code">
          {t}
        </code>
      ))}
    </>
  );
}

/** An owner's endpoints, each with its health, events and last delivery; `empty` says what to do when there is none. */
export function WebhookList({ adapter, empty }: { adapter: WebhookAdapter; empty?: ComponentChildren }) {
  const endpoints = useApi(webhookKeys.list(adapter), adapter.list);
  return (
    <Loaded state={endpoints} label="Loading the webhooks">
      {(page) =>
        page.items.length === 0 ? (
          <Empty title="No webhooks yet.">{empty}</Empty>
        ) : (
          <ul class="list endpoints" data-testid="webhooks">
            {page.items.map((w) => (
              <li key={w.id}>
                <div class="endpoint-main">
                  <div>
                    <Link href={adapter.href(w.id)} class="endpoint-url">
                      {w.url}
                    </Link>{' '}
                    <Health webhook={w} />
                  </div>
                  {w.description ? <div class="muted small">{w.description}</div> : null}
                  <div class="small">
                    <EventCodes types={w.event_types} />
                  </div>
                  <div class="muted small">{w.last_success_at ? `Last delivered ${formatAgo(w.last_success_at)}` : 'Nothing delivered yet'}</div>
                  {w.notice ? <p class="form-error small">{w.notice}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )
      }
    </Loaded>
  );
}
