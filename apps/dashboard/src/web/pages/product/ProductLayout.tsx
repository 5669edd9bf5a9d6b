import type { ComponentChildren } from 'preact';
import { formatDay, formatPercent } from '../../components/format.js';
import { Empty } from '../../components/States.js';
import { Tabs } from '../../components/Tabs.js';
import { usePath } from '../../router.js';
import { hasRole, useSession } from '../../session.js';

const TABS = [
  { href: '/product', label: 'Engagement' },
  { href: '/product/sources', label: 'Sources' },
  { href: '/product/platforms', label: 'Platforms' },
  { href: '/product/retention', label: 'Retention' },
  { href: '/product/trends', label: 'Trends' },
  { href: '/product/diversity', label: 'Diversity' },
  { href: '/product/partners', label: 'Partners' },
];

/** Series colours beyond the two of the theme, distinguishable in both schemes (and each series is named in the legend). */
export const PALETTE = ['#4b3bc9', '#d9480f', '#2b8a3e', '#1c7ed6', '#ae3ec9', '#868e96'];

/**
 * The product insight pages: their tabs (the range stays in the address across them), one h1, the page's actions.
 * Product insight is for product analysts and platform admins; anyone else is told so instead of a 403.
 */
/** Whether the signed-in person may read product insight (pages ask nothing of the API otherwise: no 403s). */
export function useInsightAccess(): boolean {
  const { user } = useSession();
  return hasRole(user, 'product_analyst') || hasRole(user, 'platform_admin');
}

/** The cache key of a product insight read, or null (nothing to load) for someone who may not read it. */
export function useInsightKey(key: string | null): string | null {
  return useInsightAccess() ? key : null;
}

export function ProductLayout({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro: ComponentChildren;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { path } = usePath();
  const allowed = useInsightAccess();
  return (
    <section class="page product-page">
      <p class="eyebrow">Product insight · platform-wide, aggregates only</p>
      <div class="page-head">
        <h1 tabIndex={-1}>{allowed ? title : 'Product insight'}</h1>
        {allowed && actions ? <div class="page-actions">{actions}</div> : null}
      </div>
      {allowed ? (
        <>
          <Tabs label="Product insight pages" tabs={TABS} current={(href) => path === href} />
          <p class="muted lead">{intro}</p>
          {children}
        </>
      ) : (
        <Empty title="Product insight is for product analysts and platform admins.">
          Your account has neither role. A platform admin can give you the product analyst role if your work needs it.
        </Empty>
      )}
    </section>
  );
}

/** "Nov 9 to Dec 6, 2026 (UTC), compared with …": the resolved days of an answer. */
export function Period({ from, to, previousFrom, previousTo }: { from: string; to: string; previousFrom?: string; previousTo?: string }) {
  return (
    <p class="muted small">
      {formatDay(from)} to {formatDay(to)} (UTC){previousFrom && previousTo ? `, compared with ${formatDay(previousFrom)} to ${formatDay(previousTo)}` : ''}.
    </p>
  );
}

/** A share and its change in percentage points against the previous period, in words. */
export function formatPoints(share: number | null, previous: number | null): string {
  if (share === null || previous === null) return '–';
  const points = (share - previous) * 100;
  const rounded = Math.round(points * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toLocaleString('en')} pt`;
}

/** A share as a percentage; a small one that rounds to nothing is said to be under 0.1 %, not 0 %. */
export function formatShare(share: number | null): string {
  return share !== null && share > 0 && share < 0.0005 ? '< 0.1%' : formatPercent(share);
}
