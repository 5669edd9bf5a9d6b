import { useMemo } from 'preact/hooks';
import { WebhookDetail } from '../../components/webhooks/WebhookDetail.js';
import { navigate } from '../../router.js';
import { useApp } from './App.js';
import { PartnerLayout, partnerBase, usePartner } from './PartnerLayout.js';
import { appWebhooks } from './webhookAdapter.js';

/** One webhook endpoint of an app: its health and facts, test, pause, secret and edit for those who may change apps, and its delivery log. */
export function WebhookPage({ id, appId, webhookId }: { id: string; appId: string; webhookId: string }) {
  const app = useApp(id, appId);
  const { may } = usePartner(id);
  const adapter = useMemo(() => appWebhooks(id, appId), [id, appId]);
  const appHref = `${partnerBase(id)}/apps/${appId}`;
  return (
    <PartnerLayout id={id} title="Webhook" trail={[{ href: appHref, label: app.data?.name ?? 'App' }, { label: 'Webhook' }]}>
      {() => <WebhookDetail adapter={adapter} webhookId={webhookId} canManage={may.manageApps} onDeleted={() => navigate(`${appHref}#webhooks`)} />}
    </PartnerLayout>
  );
}
