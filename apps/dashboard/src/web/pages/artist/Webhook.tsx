import { useMemo } from 'preact/hooks';
import { Loading } from '../../components/States.js';
import { WebhookDetail } from '../../components/webhooks/WebhookDetail.js';
import { Link, navigate } from '../../router.js';
import { ArtistPage, useTeamRole } from './common.js';
import { artistWebhooks } from './webhookAdapter.js';
import { AdminsOnly } from './Webhooks.js';

/** One webhook endpoint of the artist: its state, edit, test, secret rotation and deletion, and its delivery log with redelivery. */
export function Webhook({ id, webhookId }: { id: string; webhookId: string }) {
  const me = useTeamRole(id);
  const adapter = useMemo(() => artistWebhooks(id), [id]);
  const list = `/artists/${encodeURIComponent(id)}/webhooks`;

  if (me.known && !me.canManage) return <AdminsOnly id={id} role={me.role} />;
  return (
    <ArtistPage id={id} title="Webhook">
      <p>
        <Link href={list}>← All webhooks</Link>
      </p>
      {me.canManage ? (
        <WebhookDetail adapter={adapter} webhookId={webhookId} canManage onDeleted={() => navigate(list)} />
      ) : (
        <Loading label="Loading the endpoint" />
      )}
    </ArtistPage>
  );
}
