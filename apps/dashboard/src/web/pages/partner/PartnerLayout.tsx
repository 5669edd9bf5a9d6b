import type { ComponentChildren } from 'preact';
import { api, unwrap, useApi } from '../../api.js';
import { ErrorBox, Loading } from '../../components/States.js';
import { Tabs } from '../../components/Tabs.js';
import { Link, usePath } from '../../router.js';
import { hasRole, useSession } from '../../session.js';
import { can, label, type Partner, KINDS } from './parts.js';

const TABS = [
  { path: '', label: 'Apps' },
  { path: '/team', label: 'Team' },
  { path: '/analytics', label: 'Analytics' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/settings', label: 'Settings' },
];

/** The organisation (cached, shared by every page of it) and what the signed-in person may do there. */
export function usePartner(id: string) {
  const { user } = useSession();
  const partner = useApi(`partner/${id}`, async () => unwrap(await api.GET('/v1/partners/{id}', { params: { path: { id } } })));
  return { partner, may: can(partner.data?.role, hasRole(user, 'platform_admin')) };
}

export function partnerBase(id: string): string {
  return `/partners/${encodeURIComponent(id)}`;
}

/**
 * The organisation's name and the tabs of its pages; the range stays in the address across tabs. `trail` adds
 * crumbs after the organisation (an app, a webhook). Children render once the organisation is known.
 */
export function PartnerLayout({
  id,
  title,
  actions,
  trail = [],
  children,
}: {
  id: string;
  title: string;
  actions?: ComponentChildren;
  trail?: Array<{ href?: string; label: string }>;
  children: (partner: Partner) => ComponentChildren;
}) {
  const { path } = usePath();
  const { partner } = usePartner(id);
  const base = partnerBase(id);
  const org = partner.data;
  return (
    <section class="page partner-page">
      <p class="eyebrow">
        <Link href="/partners">Partners</Link> / {org ? <Link href={base}>{org.name}</Link> : '…'}
        {trail.map((crumb) => (
          <span key={crumb.label}>
            {' / '}
            {crumb.href ? <Link href={crumb.href}>{crumb.label}</Link> : crumb.label}
          </span>
        ))}
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{title}</h1>
        {actions ? <div class="page-actions">{actions}</div> : null}
      </div>
      {org ? (
        <p class="muted small org-line">
          {label(KINDS, org.kind)} partner · {org.verified ? <span class="badge ok">verified</span> : <span class="badge">not verified yet</span>} ·{' '}
          {org.role ? `your role: ${org.role}` : 'you are not on its team (platform admin)'}
        </p>
      ) : null}
      <Tabs
        label="Organisation pages"
        tabs={TABS.map((tab) => ({ href: `${base}${tab.path}`, label: tab.label }))}
        current={(href) => (href === base ? path === base || path.startsWith(`${base}/apps`) : path.startsWith(href))}
      />
      {org ? children(org) : partner.error ? <ErrorBox error={partner.error} retry={partner.reload} /> : <Loading label="Loading the organisation" />}
    </section>
  );
}
