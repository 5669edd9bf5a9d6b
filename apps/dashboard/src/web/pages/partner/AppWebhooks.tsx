import { useMemo } from 'preact/hooks';
import { WebhookCreate } from '../../components/webhooks/WebhookForm.js';
import { WebhookList } from '../../components/webhooks/WebhookList.js';
import type { PartnerApp } from './parts.js';
import { appWebhooks } from './webhookAdapter.js';

/** What a webhook endpoint receives, in a sentence. */
export function WebhooksIntro() {
  return (
    <p class="muted small">
      Chorus POSTs signed events (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>) to each endpoint
      and retries with backoff.
    </p>
  );
}

/** An app's webhook endpoints and, for those who may change the app, adding one (its signing secret is shown once). */
export function AppWebhooks({ partnerId, app, editable, intro = true }: { partnerId: string; app: PartnerApp; editable: boolean; intro?: boolean }) {
  const adapter = useMemo(() => appWebhooks(partnerId, app.id), [partnerId, app.id]);
  return (
    <>
      {intro ? <WebhooksIntro /> : null}
      <WebhookList adapter={adapter} empty={editable ? 'Add one below to hear when listeners connect or disconnect the app.' : undefined} />
      {editable ? (
        <details class="add-webhook">
          <summary>Add a webhook</summary>
          <WebhookCreate adapter={adapter} submitLabel="Add webhook" />
        </details>
      ) : null}
    </>
  );
}
