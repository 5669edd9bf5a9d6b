import { Link, usePath } from '../router.js';

/** What stays in the address from tab to tab: the range a page shows. */
const KEPT = ['range', 'from', 'to'];

/** An area's page tabs; the range stays in the address across them. `current` says which tab the page is under. */
export function Tabs({ label, tabs, current }: { label: string; tabs: Array<{ href: string; label: string }>; current: (href: string) => boolean }) {
  const { query } = usePath();
  const keep = KEPT.filter((name) => query.has(name)).map((name) => `${name}=${encodeURIComponent(query.get(name)!)}`);
  const suffix = keep.length ? `?${keep.join('&')}` : '';
  return (
    <nav class="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={`${tab.href}${suffix}`} aria-current={current(tab.href) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
