import { GENDERS as PROFILE_GENDERS } from '@chorus/db';
import { ratio } from './metrics.rules.js';

export { AGE_BRACKETS } from '@chorus/db';
/** The genders an audience cell can hold: a profile's, or unknown when the listener gave none. */
export const GENDERS = [...PROFILE_GENDERS, 'unknown'] as const;

export interface AudienceCell {
  value: string;
  listeners: number;
  streams: number;
}

export type PublishedCell = { value: string; listeners: number; listener_share: number | null; streams: number; stream_share: number | null };
export type SuppressedCell = { value: string; suppressed: true };

export interface SuppressedAudience {
  cells: Array<PublishedCell | SuppressedCell>;
  /** Exact when nothing is suppressed; otherwise rounded down to a multiple of k. */
  total_listeners: number;
  total_streams: number;
  total_is_rounded: boolean;
  suppressed_cells: number;
  /** True when the audience is too small to show any cell at all (see the rule). */
  withheld: boolean;
}

const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * k-anonymity for one audience answer. Every cell under k distinct listeners is suppressed. When any is, more
 * cells are suppressed, smallest first, until at least two suppressed cells hold listeners and together hold at
 * least k, so that the exact total (which /stats publishes) minus the published cells is a sum of two or more
 * unknown parts of at least k, never one cell's number. If even suppressing every cell cannot reach that, no
 * cell is listed (fixed domains, age and gender, still list their values, all suppressed). Totals are exact only
 * when nothing is suppressed; otherwise they are rounded down to a multiple of k and shares are relative to the
 * rounded totals. Published cells come first (most listeners first); suppressed cells follow in value order, so
 * the order never hints at their size. `domain` lists values always shown (zero cells count as under k).
 */
export function suppressAudience(counted: readonly AudienceCell[], k: number, domain?: readonly string[]): SuppressedAudience {
  const cells = new Map(counted.map((c) => [c.value, { ...c }]));
  for (const value of domain ?? []) if (!cells.has(value)) cells.set(value, { value, listeners: 0, streams: 0 });
  const all = [...cells.values()];
  const totalListeners = all.reduce((n, c) => n + c.listeners, 0);
  const totalStreams = all.reduce((n, c) => n + c.streams, 0);
  const domainOrder = domain ? new Map(domain.map((v, i) => [v, i])) : undefined;
  const order = (a: AudienceCell, b: AudienceCell) =>
    domainOrder ? (domainOrder.get(a.value) ?? domain!.length) - (domainOrder.get(b.value) ?? domain!.length) || byValue(a, b) : byValue(a, b);

  const suppressed = new Set(all.filter((c) => c.listeners < k).map((c) => c.value));
  if (suppressed.size === 0) {
    const published = domainOrder ? all.sort(order) : all.sort((a, b) => b.listeners - a.listeners || byValue(a, b));
    return {
      cells: published.map((c) => publish(c, totalListeners, totalStreams)),
      total_listeners: totalListeners,
      total_streams: totalStreams,
      total_is_rounded: false,
      suppressed_cells: 0,
      withheld: false,
    };
  }

  const safe = () => {
    const hidden = all.filter((c) => suppressed.has(c.value));
    return hidden.filter((c) => c.listeners > 0).length >= 2 && hidden.reduce((n, c) => n + c.listeners, 0) >= k;
  };
  // Complementary suppression: the smallest published cells (ties by streams, then value) join until safe.
  const candidates = all.filter((c) => !suppressed.has(c.value)).sort((a, b) => a.listeners - b.listeners || a.streams - b.streams || byValue(a, b));
  for (const c of candidates) {
    if (safe()) break;
    suppressed.add(c.value);
  }
  const roundedListeners = Math.floor(totalListeners / k) * k;
  const roundedStreams = Math.floor(totalStreams / k) * k;
  const withheld = !safe();
  const published = all.filter((c) => !suppressed.has(c.value));
  const hidden = all.filter((c) => suppressed.has(c.value));
  const listed: Array<PublishedCell | SuppressedCell> = withheld
    ? domain
      ? [...domain].map((value) => ({ value, suppressed: true as const }))
      : []
    : domainOrder
      ? all.sort(order).map((c) => (suppressed.has(c.value) ? { value: c.value, suppressed: true as const } : publish(c, roundedListeners, roundedStreams)))
      : [
          ...published.sort((a, b) => b.listeners - a.listeners || byValue(a, b)).map((c) => publish(c, roundedListeners, roundedStreams)),
          ...hidden.sort(byValue).map((c) => ({ value: c.value, suppressed: true as const })),
        ];
  return {
    cells: listed,
    total_listeners: roundedListeners,
    total_streams: roundedStreams,
    total_is_rounded: true,
    suppressed_cells: listed.filter((c) => 'suppressed' in c).length,
    withheld,
  };
}

function publish(c: AudienceCell, listeners: number, streams: number): PublishedCell {
  return { value: c.value, listeners: c.listeners, listener_share: ratio(c.listeners, listeners), streams: c.streams, stream_share: ratio(c.streams, streams) };
}
