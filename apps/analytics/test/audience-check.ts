/** Checks one audience answer against the expected sums under the day-cell rule, and against what it may never show. */
import type { AudienceSums } from '@chorus/db';
import type { Test } from 'tap';

type Cell = { value: string; suppressed?: true; listeners?: number; listener_share?: number | null; streams?: number; stream_share?: number | null };

export interface AudienceBody {
  k: number;
  total_listeners: number;
  total_streams: number;
  unattributed_listeners: number;
  unattributed_streams: number;
  suppressed_cells: number;
  withheld: boolean;
  cells: Cell[];
}

/**
 * `expected` are the sums the rule gives (computed by the test from raw data); `domain` the values always listed
 * (age, gender). Asserts every number, the layout, and that no value is shown with fewer than k listeners.
 */
export function checkAudience(
  t: Test,
  label: string,
  body: AudienceBody,
  expected: AudienceSums,
  k: number,
  domain?: readonly string[],
): { hiddenListeners: number } {
  const shown = new Map(expected.cells.map((c) => [c.value, c]));
  const published = body.cells.filter((c) => !c.suppressed);
  const hidden = body.cells.filter((c) => c.suppressed);
  t.equal(body.k, k, `${label}: k`);
  t.equal(body.total_listeners, expected.total_listeners, `${label}: exact total listeners`);
  t.equal(body.total_streams, expected.total_streams, `${label}: exact total streams`);
  t.equal(body.unattributed_listeners, expected.unattributed_listeners, `${label}: unattributed listeners`);
  t.equal(body.unattributed_streams, expected.unattributed_streams, `${label}: unattributed streams`);
  t.equal(body.suppressed_cells, hidden.length, `${label}: suppressed_cells counts the suppressed cells`);
  t.equal(body.withheld, expected.total_listeners > 0 && published.length === 0, `${label}: withheld when listeners but nothing shown`);
  t.equal(new Set(body.cells.map((c) => c.value)).size, body.cells.length, `${label}: each value once`);

  for (const c of published) {
    const truth = shown.get(c.value);
    t.ok(truth, `${label}: ${c.value} is shown on some day`);
    t.equal(c.listeners, truth?.listeners, `${label}: ${c.value} listeners`);
    t.equal(c.streams, truth?.streams, `${label}: ${c.value} streams`);
    t.ok((c.listeners ?? 0) >= k, `${label}: ${c.value} has at least k listeners`);
    t.equal(c.listener_share, body.total_listeners === 0 ? null : c.listeners! / body.total_listeners, `${label}: ${c.value} listener share`);
    t.equal(c.stream_share, body.total_streams === 0 ? null : c.streams! / body.total_streams, `${label}: ${c.value} stream share`);
  }
  t.equal(published.length, shown.size, `${label}: every shown value published`);

  if (domain) {
    const inDomain = body.cells.filter((c) => domain.includes(c.value)).map((c) => c.value);
    t.strictSame(inDomain, [...domain], `${label}: every domain value listed, in domain order`);
    for (const c of hidden) t.notOk(shown.has(c.value), `${label}: ${c.value} suppressed only when nothing is shown`);
  } else {
    t.equal(hidden.length, 0, `${label}: no country is listed as suppressed (its presence is not told)`);
    const order = published.map((c) => [c.listeners!, c.value] as const);
    const expectedOrder = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
    t.strictSame(order, expectedOrder, `${label}: most listeners first, then by value`);
  }
  return { hiddenListeners: expected.unattributed_listeners };
}
