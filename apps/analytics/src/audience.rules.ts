import { type AudienceSums, GENDERS as PROFILE_GENDERS } from '@chorus/db';
import { ratio } from './metrics.rules.js';

export { AGE_BRACKETS } from '@chorus/db';
/** The genders an audience cell can hold: a profile's, or unknown when the listener gave none. */
export const GENDERS = [...PROFILE_GENDERS, 'unknown'] as const;

export type PublishedCell = { value: string; listeners: number; listener_share: number | null; streams: number; stream_share: number | null };
export type SuppressedCell = { value: string; suppressed: true };

export interface AudienceAnswer {
  cells: Array<PublishedCell | SuppressedCell>;
  total_listeners: number;
  total_streams: number;
  unattributed_listeners: number;
  unattributed_streams: number;
  suppressed_cells: number;
  /** True when the range has listeners but no value can be shown. */
  withheld: boolean;
}

const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * Lays out an audience whose numbers already obey the day-cell rule (audienceQueries.cells): every value it
 * holds has at least k listeners, and a hidden listen counts in no value. Countries (an open domain) list the
 * shown values only, most listeners first, so not even a hidden country's presence is told. Age and gender
 * (fixed domains) list every value in domain order; a value with nothing shown is `suppressed`, whether it had
 * no listener or only hidden ones. Shares are of the exact totals; a listener shown under two values in the
 * range (who moved, or had a birthday) counts in each, so shares can add up to more than 1.
 */
export function layOutAudience(sums: AudienceSums, domain?: readonly string[]): AudienceAnswer {
  const publish = (c: { value: string; listeners: number; streams: number }): PublishedCell => ({
    value: c.value,
    listeners: c.listeners,
    listener_share: ratio(c.listeners, sums.total_listeners),
    streams: c.streams,
    stream_share: ratio(c.streams, sums.total_streams),
  });
  let cells: Array<PublishedCell | SuppressedCell>;
  if (domain) {
    const shown = new Map(sums.cells.map((c) => [c.value, c]));
    const outside = sums.cells.filter((c) => !domain.includes(c.value)).sort(byValue);
    const listed = [...domain.map((value) => shown.get(value) ?? value), ...outside];
    cells = listed.map((c) => (typeof c === 'string' ? { value: c, suppressed: true as const } : publish(c)));
  } else {
    cells = [...sums.cells].sort((a, b) => b.listeners - a.listeners || byValue(a, b)).map(publish);
  }
  return {
    cells,
    total_listeners: sums.total_listeners,
    total_streams: sums.total_streams,
    unattributed_listeners: sums.unattributed_listeners,
    unattributed_streams: sums.unattributed_streams,
    suppressed_cells: cells.filter((c) => 'suppressed' in c).length,
    withheld: sums.total_listeners > 0 && sums.cells.length === 0,
  };
}
