import { useState } from 'preact/hooks';
import { api, invalidate, unwrap } from '../../api.js';
import { ProblemBox, useAction } from '../../components/controls.js';
import { formatDateTime } from '../../components/format.js';
import { PartnerLayout, usePartner } from './PartnerLayout.js';
import { KindField, KINDS, label, type Partner, type PartnerKind, SaveRow } from './parts.js';

/** The organisation's name, kind and website (its admins change them; a change withdraws verification). */
export function Settings({ id }: { id: string }) {
  const { may } = usePartner(id);
  return (
    <PartnerLayout id={id} title="Settings">
      {(partner) => (
        <article class="card">
          <h2>Organisation</h2>
          <p class="small">
            {partner.verified && partner.verified_at
              ? `Verified by Chorus on ${formatDateTime(partner.verified_at)}. Changing the name, kind or website withdraws the verification until a platform admin checks again.`
              : 'Not verified yet: a platform admin verifies the organisation, usually when approving its first app for production.'}
          </p>
          {may.manageTeam ? (
            <EditPartner partner={partner} />
          ) : (
            <dl class="facts">
              <div>
                <dt>Name</dt>
                <dd>{partner.name}</dd>
              </div>
              <div>
                <dt>Kind</dt>
                <dd>{label(KINDS, partner.kind)}</dd>
              </div>
              <div>
                <dt>Website</dt>
                <dd>
                  <a href={partner.website_url} rel="noopener noreferrer" target="_blank">
                    {partner.website_url}
                  </a>
                </dd>
              </div>
            </dl>
          )}
        </article>
      )}
    </PartnerLayout>
  );
}

function EditPartner({ partner }: { partner: Partner }) {
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const [kind, setKind] = useState<PartnerKind>(partner.kind);
  return (
    <form
      class="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const body = {
          name: String(data.get('name')).trim(),
          kind: String(data.get('kind')) as PartnerKind,
          website_url: String(data.get('website_url')).trim(),
        };
        const changes = Object.fromEntries(Object.entries(body).filter(([key, value]) => partner[key as keyof typeof body] !== value));
        setSaved(false);
        if (Object.keys(changes).length === 0) return setSaved(true);
        const done = await action.run('save', async () =>
          unwrap(await api.PATCH('/v1/partners/{id}', { params: { path: { id: partner.id } }, body: changes })),
        );
        if (!done) return;
        setSaved(true);
        invalidate(`partner/${partner.id}`);
        invalidate('me/partners');
      }}
    >
      <label>
        Organisation name
        <input name="name" required maxLength={100} defaultValue={partner.name} />
      </label>
      <KindField value={kind} onChange={setKind} />
      <label>
        Website
        <input name="website_url" type="url" required pattern="https://.+" defaultValue={partner.website_url} />
      </label>
      <ProblemBox error={action.error} />
      <SaveRow busy={action.busy !== null} saved={saved} />
    </form>
  );
}
