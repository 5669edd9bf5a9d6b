import { useMemo } from 'preact/hooks';
import { Empty, Loading } from '../../components/States.js';
import { WebhookCreate } from '../../components/webhooks/WebhookForm.js';
import { WebhookList } from '../../components/webhooks/WebhookList.js';
import { ArtistPage, roleLabel, useTeamRole } from './common.js';
import { artistWebhooks } from './webhookAdapter.js';

/** The artist's webhook endpoints and a form to add one (team admins only); the new endpoint's signing secret is shown once. */
export function Webhooks({ id }: { id: string }) {
  const me = useTeamRole(id);
  const adapter = useMemo(() => artistWebhooks(id), [id]);

  if (me.known && !me.canManage) return <AdminsOnly id={id} role={me.role} />;
  return (
    <ArtistPage id={id} title="Webhooks">
      <article class="card">
        <h2>Endpoints</h2>
        {me.canManage ? (
          <WebhookList
            adapter={adapter}
            empty="Add an endpoint below and Chorus POSTs each event you choose to it (new insights, milestones, playlist adds, the daily summary), signed the Standard Webhooks way."
          />
        ) : (
          <Loading label="Loading the webhooks" />
        )}
      </article>
      <article class="card">
        <h2>Add an endpoint</h2>
        <WebhookCreate adapter={adapter} submitLabel="Add endpoint" />
      </article>
    </ArtistPage>
  );
}

/** What a team member who is not an admin sees instead of the webhooks (the API would refuse them). */
export function AdminsOnly({ id, role }: { id: string; role: ReturnType<typeof useTeamRole>['role'] }) {
  return (
    <ArtistPage id={id} title="Webhooks">
      <Empty title="Only the team's admins manage webhooks.">
        {role ? `Your role on this team is ${roleLabel(role).toLowerCase()}. ` : ''}Ask an admin (see the Team page) to add an endpoint for you.
      </Empty>
    </ArtistPage>
  );
}
