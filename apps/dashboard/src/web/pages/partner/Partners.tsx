import { useState } from 'preact/hooks';
import { api, invalidate, unwrap, useApi, useMyPartners } from '../../api.js';
import { ProblemBox, useAction } from '../../components/controls.js';
import { formatDay } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { Link, navigate } from '../../router.js';
import { partnerBase } from './PartnerLayout.js';
import { KindField, KINDS, label, type PartnerKind, ROLES } from './parts.js';

/** The organisations the person is on the team of, invitations to more, and registering a new one. */
export function Partners() {
  const partners = useMyPartners();
  const invitations = useApi('me/partner-invitations', async () => unwrap(await api.GET('/v1/me/partner-invitations')));
  const create = useAction();
  const [kind, setKind] = useState<PartnerKind>('app');
  const answer = useAction();

  const respond = (id: string, accept: boolean) =>
    answer.run(id, async () => {
      if (accept) unwrap(await api.POST('/v1/me/partner-invitations/{id}/accept', { params: { path: { id } } }));
      else unwrap(await api.POST('/v1/me/partner-invitations/{id}/decline', { params: { path: { id } } }));
      invalidate('me/partner');
    });

  return (
    <section class="page partner-page">
      <h1 tabIndex={-1}>Partners</h1>
      <p class="muted lead">
        Car makers, carriers, device makers and app developers build on Chorus through an organisation: its team registers apps (OAuth clients), receives
        webhooks and reads the listening its apps bring.
      </p>
      {invitations.data && invitations.data.items.length > 0 ? (
        <article class="card">
          <h2>Invitations to you</h2>
          <ProblemBox error={answer.error} />
          <ul class="list">
            {invitations.data.items.map((i) => (
              <li key={i.id}>
                <span>
                  <strong>{i.partner.name}</strong> invites you as {label(ROLES, i.role).toLowerCase()}
                  {i.invited_by ? ` (from ${i.invited_by.display_name})` : ''} <span class="muted small">· open until {formatDay(i.expires_at)}</span>
                </span>
                <span class="row-actions">
                  <button type="button" class="button small" disabled={answer.busy !== null} onClick={() => respond(i.id, true)}>
                    Accept
                  </button>
                  <button type="button" class="button secondary small" disabled={answer.busy !== null} onClick={() => respond(i.id, false)}>
                    Decline
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </article>
      ) : null}
      <div class="grid two">
        <article class="card">
          <h2>Your organisations</h2>
          <Loaded state={partners} label="Loading your organisations">
            {(page) =>
              page.items.length === 0 ? (
                <Empty title="No organisation yet.">Create one with the form: you become its admin, then register your first app.</Empty>
              ) : (
                <ul class="list">
                  {page.items.map((p) => (
                    <li key={p.id}>
                      <Link href={partnerBase(p.id)}>{p.name}</Link>
                      <span class="badge">{label(KINDS, p.kind)}</span>
                      {p.verified ? <span class="badge ok">verified</span> : null}
                      <span class="muted small">{p.role ? `you are ${p.role}` : 'platform admin view'}</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </article>
        <article class="card">
          <h2>Create organisation</h2>
          <form
            class="stack"
            onSubmit={async (event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              const created = await create.run('create', async () =>
                unwrap(
                  await api.POST('/v1/partners', {
                    body: {
                      name: String(data.get('name')).trim(),
                      kind: String(data.get('kind')) as PartnerKind,
                      website_url: String(data.get('website_url')).trim(),
                    },
                  }),
                ),
              );
              if (!created) return;
              form.reset();
              setKind('app');
              invalidate('me/partners');
              navigate(partnerBase(created.id));
            }}
          >
            <label>
              Organisation name
              <input name="name" required maxLength={100} autoComplete="organization" />
            </label>
            <KindField value={kind} onChange={setKind} />
            <label>
              Website
              <input name="website_url" type="url" required pattern="https://.+" placeholder="https://example.com" aria-describedby="website-hint" />
            </label>
            <p id="website-hint" class="field-hint">
              An https address. A platform admin checks it to verify the organisation.
            </p>
            <ProblemBox error={create.error} />
            <div>
              <button type="submit" class="button" disabled={create.busy !== null}>
                {create.busy ? 'Creating…' : 'Create organisation'}
              </button>
            </div>
          </form>
        </article>
      </div>
    </section>
  );
}
