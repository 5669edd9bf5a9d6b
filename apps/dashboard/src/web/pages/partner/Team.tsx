import { useState } from 'preact/hooks';
import { api, invalidate, unwrap, useApi } from '../../api.js';
import { ConfirmButton, Options, ProblemBox, useAction } from '../../components/controls.js';
import { formatDay } from '../../components/format.js';
import { Loaded } from '../../components/States.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { PartnerLayout, usePartner } from './PartnerLayout.js';
import { label, type PartnerRole, ROLES } from './parts.js';

/** The organisation's team and its open invitations: roles, inviting by handle, removing, leaving. */
export function Team({ id }: { id: string }) {
  const { user } = useSession();
  const { may } = usePartner(id);
  const membersKey = `partner/${id}/members`;
  const invitationsKey = `partner/${id}/invitations`;
  const members = useApi(membersKey, async () => unwrap(await api.GET('/v1/partners/{id}/members', { params: { path: { id } } })));
  const invitations = useApi(may.manageTeam ? invitationsKey : null, async () =>
    unwrap(await api.GET('/v1/partners/{id}/invitations', { params: { path: { id } } })),
  );
  const action = useAction();
  const invite = useAction();
  const [inviteRole, setInviteRole] = useState<PartnerRole>('developer');

  const setRole = (userId: string, role: PartnerRole) =>
    action.run(`role:${userId}`, async () => {
      unwrap(await api.PATCH('/v1/partners/{id}/members/{user_id}', { params: { path: { id, user_id: userId } }, body: { role } }));
      invalidate(membersKey);
      if (userId === user.id) invalidate(`partner/${id}`);
    });
  const remove = (userId: string) =>
    action.run(`remove:${userId}`, async () => {
      unwrap(await api.DELETE('/v1/partners/{id}/members/{user_id}', { params: { path: { id, user_id: userId } } }));
      if (userId === user.id) {
        invalidate('me/partners');
        invalidate(`partner/${id}`);
        navigate('/partners');
      } else invalidate(membersKey);
    });

  return (
    <PartnerLayout id={id} title="Team">
      {() => (
        <>
          <article class="card">
            <h2>Members</h2>
            <ul class="role-legend small muted">
              {ROLES.map((r) => (
                <li key={r.value}>
                  <strong>{r.label}</strong>: {r.can}
                </li>
              ))}
            </ul>
            <ProblemBox error={action.error} />
            <Loaded state={members} label="Loading the team">
              {(page) => (
                <ul class="list">
                  {page.items.map((m) => {
                    const me = m.user_id === user.id;
                    return (
                      <li key={m.user_id} class="member">
                        <span class="member-name">
                          {m.display_name} <span class="muted">@{m.handle}</span>
                          {me ? <span class="badge">you</span> : null} <span class="muted small">· since {formatDay(m.created_at)}</span>
                        </span>
                        <span class="row-actions">
                          {may.manageTeam ? (
                            <label>
                              <span class="visually-hidden">Role of {m.display_name}</span>
                              <select
                                value={m.role}
                                disabled={action.busy !== null}
                                onChange={(event) => setRole(m.user_id, event.currentTarget.value as PartnerRole)}
                              >
                                <Options list={ROLES} />
                              </select>
                            </label>
                          ) : (
                            <span class="badge">{label(ROLES, m.role)}</span>
                          )}
                          {me ? (
                            <ConfirmButton
                              label="Leave the team"
                              question="Leave this organisation?"
                              confirmLabel="Leave"
                              onConfirm={() => remove(m.user_id)}
                              disabled={action.busy !== null}
                            />
                          ) : may.manageTeam ? (
                            <ConfirmButton
                              label={`Remove ${m.display_name}`}
                              question={`Remove ${m.display_name}?`}
                              confirmLabel="Remove"
                              onConfirm={() => remove(m.user_id)}
                              disabled={action.busy !== null}
                            />
                          ) : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </Loaded>
            <p class="muted small">The team keeps at least one admin. A team holds at most 50 people, open invitations included.</p>
          </article>
          {may.manageTeam ? (
            <article class="card">
              <h2>Invitations</h2>
              <form
                class="inline-fields"
                onSubmit={async (event) => {
                  event.preventDefault();
                  const form = event.currentTarget;
                  const data = new FormData(form);
                  const done = await invite.run('invite', async () =>
                    unwrap(
                      await api.POST('/v1/partners/{id}/invitations', {
                        params: { path: { id } },
                        body: { handle: String(data.get('handle')).trim(), role: String(data.get('role')) as PartnerRole },
                      }),
                    ),
                  );
                  if (!done) return;
                  form.reset();
                  invalidate(invitationsKey);
                }}
              >
                <label>
                  Handle
                  <input name="handle" required pattern="@?[A-Za-z0-9][A-Za-z0-9_\-]{1,31}" placeholder="ada-lovelace" autoComplete="off" />
                </label>
                <label>
                  Role
                  <select name="role" value={inviteRole} onChange={(event) => setInviteRole(event.currentTarget.value as PartnerRole)}>
                    <Options list={ROLES} />
                  </select>
                </label>
                <button type="submit" class="button" disabled={invite.busy !== null}>
                  Invite
                </button>
              </form>
              <ProblemBox error={invite.error} />
              <Loaded state={invitations} label="Loading invitations">
                {(page) =>
                  page.items.length === 0 ? (
                    <p class="muted">No open invitations. Invite someone by their Chorus handle: they accept from their own Partners page within 14 days.</p>
                  ) : (
                    <ul class="list">
                      {page.items.map((i) => (
                        <li key={i.id}>
                          <span>
                            {i.display_name} <span class="muted">@{i.handle}</span> as {label(ROLES, i.role).toLowerCase()}{' '}
                            <span class="muted small">· open until {formatDay(i.expires_at)}</span>
                          </span>
                          <button
                            type="button"
                            class="button secondary small"
                            aria-label={`Revoke the invitation of ${i.display_name}`}
                            disabled={invite.busy !== null}
                            onClick={() =>
                              invite.run(i.id, async () => {
                                unwrap(await api.DELETE('/v1/partners/{id}/invitations/{invitation_id}', { params: { path: { id, invitation_id: i.id } } }));
                                invalidate(invitationsKey);
                              })
                            }
                          >
                            Revoke
                          </button>
                        </li>
                      ))}
                    </ul>
                  )
                }
              </Loaded>
            </article>
          ) : null}
        </>
      )}
    </PartnerLayout>
  );
}
