import type { Schema } from '@chorus/sdk';
import { useState } from 'preact/hooks';
import { api, invalidate, unwrap, useApi } from '../../api.js';
import { ConfirmButton, Options, ProblemBox, Status, useAction } from '../../components/controls.js';
import { formatDateTime, formatDay } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { ArtistPage, roleLabel, ROLES, type TeamRole, useTeamRole } from './common.js';

type Member = Schema<'ArtistMember'>;
type Invitation = Schema<'ArtistInvitation'>;

/** The artist's team: who is on it with which role, and for admins, invitations and role changes. */
export function Team({ id }: { id: string }) {
  const me = useTeamRole(id);
  const members = useApi(`artist/${id}/members`, async () => unwrap(await api.GET('/v1/artists/{id}/members', { params: { path: { id } } })));
  return (
    <ArtistPage id={id} title="Team">
      <YourRole role={me.role} canManage={me.canManage} known={me.known} platformAdmin={me.platformAdmin} />
      <article class="card">
        <h2>Members</h2>
        <Loaded state={members} label="Loading the team">
          {(page) => <Members id={id} members={page.items} canManage={me.canManage} />}
        </Loaded>
      </article>
      <article class="card">
        <h2>Invitations</h2>
        {me.canManage ? (
          <Invitations id={id} />
        ) : (
          <p class="muted">
            Only the team's admins invite people{members.data ? ` (${adminNames(members.data.items)})` : ''}: ask one of them to invite whoever should join.
          </p>
        )}
      </article>
    </ArtistPage>
  );
}

function adminNames(members: Member[]): string {
  return members
    .filter((m) => m.role === 'admin')
    .map((m) => m.display_name)
    .join(', ');
}

function YourRole({ role, canManage, known, platformAdmin }: { role: TeamRole | null; canManage: boolean; known: boolean; platformAdmin: boolean }) {
  if (!known) return null;
  const can = role ? ROLES.find((r) => r.value === role)?.can : null;
  return (
    <p class="notice" data-testid="your-role" data-value={role ?? ''}>
      {role ? (
        <>
          Your role on this team: <strong>{roleLabel(role)}</strong> ({can}).{' '}
        </>
      ) : platformAdmin ? (
        'You are not on this team, but as a platform admin you may manage it. '
      ) : null}
      {canManage ? 'You can invite people, change roles and remove members.' : 'Only admins change the team; you can leave it.'}
    </p>
  );
}

function Members({ id, members, canManage }: { id: string; members: Member[]; canManage: boolean }) {
  const { user } = useSession();
  const action = useAction();
  const [roles, setRoles] = useState<Record<string, TeamRole>>({});
  const [done, setDone] = useState<string | null>(null);

  const changeRole = (member: Member, role: TeamRole) =>
    action.run(`role-${member.user_id}`, async () => {
      unwrap(await api.PATCH('/v1/artists/{id}/members/{user_id}', { params: { path: { id, user_id: member.user_id } }, body: { role } }));
      setDone(`${member.display_name} is now ${role === 'admin' ? 'an' : 'a'} ${roleLabel(role).toLowerCase()}.`);
      setRoles(({ [member.user_id]: _, ...rest }) => rest);
      invalidate(`artist/${id}/members`);
      if (member.user_id === user.id) invalidate('me/artists');
    });
  const remove = (member: Member) =>
    action.run(`remove-${member.user_id}`, async () => {
      unwrap(await api.DELETE('/v1/artists/{id}/members/{user_id}', { params: { path: { id, user_id: member.user_id } } }));
      if (member.user_id === user.id) {
        // Off the team, its pages are not ours to read any more (a 404): go to the list of our artists.
        invalidate('me/artists');
        navigate('/artists');
        return;
      }
      setDone(`${member.display_name} is no longer on the team.`);
      invalidate(`artist/${id}/members`);
    });

  const onlyAdmin = members.filter((m) => m.role === 'admin').length === 1;
  const columns: Column<Member>[] = [
    {
      key: 'name',
      label: 'Name',
      value: (m) => m.display_name,
      render: (m) => (
        <>
          {m.display_name} {m.user_id === user.id ? <span class="badge">you</span> : null}
        </>
      ),
    },
    {
      key: 'role',
      label: 'Role',
      value: (m) => m.role,
      render: (m) => {
        if (!canManage) return roleLabel(m.role);
        const chosen = roles[m.user_id] ?? m.role;
        return (
          <span class="inline-form">
            <select
              aria-label={`Role of ${m.display_name}`}
              value={chosen}
              onChange={(event) => setRoles({ ...roles, [m.user_id]: event.currentTarget.value as TeamRole })}
            >
              <Options list={ROLES} />
            </select>
            {chosen !== m.role ? (
              <button
                type="button"
                class="button small"
                disabled={action.busy !== null}
                onClick={() => changeRole(m, chosen)}
                aria-label={`Save the role of ${m.display_name}`}
              >
                Save
              </button>
            ) : null}
          </span>
        );
      },
    },
    { key: 'joined', label: 'On the team since', value: (m) => m.created_at, render: (m) => formatDay(m.created_at) },
    {
      key: 'actions',
      label: 'Actions',
      value: () => null,
      render: (m) =>
        m.user_id === user.id && m.role === 'admin' && onlyAdmin ? (
          <span class="muted small">The only admin stays: make someone else admin first to leave.</span>
        ) : m.user_id === user.id ? (
          <ConfirmButton
            label="Leave the team"
            question="Leave this team?"
            confirmLabel="Yes, leave"
            disabled={action.busy !== null}
            onConfirm={() => remove(m)}
          />
        ) : canManage ? (
          <ConfirmButton
            label={`Remove ${m.display_name}`}
            question={`Remove ${m.display_name} from the team?`}
            confirmLabel="Yes, remove"
            disabled={action.busy !== null}
            onConfirm={() => remove(m)}
          />
        ) : null,
    },
  ];

  return (
    <>
      <ProblemBox error={action.error} />
      <Status message={done} />
      <Table caption="Team members" rows={members} columns={columns} rowKey={(m) => m.user_id} />
      <p class="muted small">{ROLES.map((r) => `${r.label}: ${r.can}.`).join(' ')} A team always keeps at least one admin.</p>
    </>
  );
}

function Invitations({ id }: { id: string }) {
  const invitations = useApi(`artist/${id}/invitations`, async () =>
    unwrap(await api.GET('/v1/artists/{id}/invitations', { params: { path: { id }, query: { limit: 100 } } })),
  );
  const action = useAction();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>('reader');
  const [sent, setSent] = useState<string | null>(null);

  const invite = (event: Event) => {
    event.preventDefault();
    void action.run('invite', async () => {
      const invitation = unwrap(await api.POST('/v1/artists/{id}/invitations', { params: { path: { id } }, body: { email: email.trim(), role } }));
      setSent(
        `Invitation sent to ${invitation.email ?? email} as ${roleLabel(invitation.role).toLowerCase()}. They join when they accept it, by ${formatDay(invitation.expires_at)}.`,
      );
      setEmail('');
      invalidate(`artist/${id}/invitations`);
    });
  };
  const revoke = (invitation: Invitation) =>
    action.run(`revoke-${invitation.id}`, async () => {
      unwrap(await api.DELETE('/v1/artists/{id}/invitations/{invitation_id}', { params: { path: { id, invitation_id: invitation.id } } }));
      setSent(`The invitation to ${who(invitation)} is revoked.`);
      invalidate(`artist/${id}/invitations`);
    });

  return (
    <>
      <Loaded state={invitations} label="Loading the invitations">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title="No pending invitations.">Invite someone by email below: they join the team when they accept, within 14 days.</Empty>
          ) : (
            <ul class="list" data-testid="invitations">
              {page.items.map((inv) => (
                <li key={inv.id}>
                  <strong>{who(inv)}</strong> <span class="badge">{roleLabel(inv.role).toLowerCase()}</span>
                  <span class="muted small">
                    {inv.invited_by ? `invited by ${inv.invited_by.display_name} · ` : ''}expires {formatDateTime(inv.expires_at)}
                  </span>
                  <button
                    type="button"
                    class="button secondary small push-end"
                    disabled={action.busy !== null}
                    onClick={() => revoke(inv)}
                    aria-label={`Revoke the invitation to ${who(inv)}`}
                  >
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h3>Invite someone</h3>
      <form class="inline-fields" onSubmit={invite}>
        <div class="field">
          <label for="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            name="email"
            autoComplete="off"
            required
            maxLength={320}
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="invite-role">Role</label>
          <select id="invite-role" name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as TeamRole)}>
            <Options list={ROLES} />
          </select>
        </div>
        <button type="submit" class="button" disabled={action.busy !== null}>
          {action.busy === 'invite' ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
      <ProblemBox error={action.error} />
      <Status message={sent} />
    </>
  );
}

function who(invitation: Invitation): string {
  return invitation.email ?? (invitation.handle ? `@${invitation.handle}` : (invitation.display_name ?? 'someone'));
}
