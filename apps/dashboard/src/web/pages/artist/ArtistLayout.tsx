import type { ComponentChildren } from 'preact';
import { useArtist } from '../../api.js';
import { Tabs } from '../../components/Tabs.js';
import { Link, usePath } from '../../router.js';

const TABS = [
  { path: '', label: 'Overview' },
  { path: '/tracks', label: 'Tracks' },
  { path: '/audience', label: 'Audience' },
  { path: '/sources', label: 'Sources' },
  { path: '/insights', label: 'Insights' },
  { path: '/team', label: 'Team' },
  { path: '/webhooks', label: 'Webhooks' },
];

/** The artist's name and the tabs of its pages; the range stays in the address across tabs. */
export function ArtistLayout({ id, title, actions, children }: { id: string; title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  const { path } = usePath();
  const artist = useArtist(id);
  const base = `/artists/${encodeURIComponent(id)}`;
  return (
    <section class="page">
      <p class="eyebrow">
        <Link href="/artists">Artists</Link> / {artist.data?.name ?? '…'}
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{title}</h1>
        {actions ? <div class="page-actions">{actions}</div> : null}
      </div>
      <Tabs
        label="Artist pages"
        tabs={TABS.map((tab) => ({ href: `${base}${tab.path}`, label: tab.label }))}
        current={(href) => (href === base ? path === base : path.startsWith(href))}
      />
      {children}
    </section>
  );
}
