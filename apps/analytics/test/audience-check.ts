/** Checks one audience answer against the raw cells and the k-anonymity rule, as an attacker would read it. */
import type { Test } from 'tap';

type Cell = { value: string; suppressed?: true; listeners?: number; listener_share?: number | null; streams?: number; stream_share?: number | null };

export interface AudienceBody {
  k: number;
  total_listeners: number;
  total_streams: number;
  total_is_rounded: boolean;
  suppressed_cells: number;
  withheld: boolean;
  cells: Cell[];
}

/**
 * `truth` are the raw cells (value, distinct listeners, streams) computed from listens; `domain` the values
 * always listed (age, gender). Asserts exact published numbers and that nothing published (with the exact
 * totals /stats gives) yields a suppressed cell's listeners or streams.
 */
export function checkAudience(
  t: Test,
  label: string,
  body: AudienceBody,
  truth: ReadonlyArray<{ value: string; listeners: number; streams: number }>,
  k: number,
  domain?: readonly string[],
): { suppressed: number } {
  const cells = new Map(truth.map((c) => [c.value, c]));
  for (const v of domain ?? []) if (!cells.has(v)) cells.set(v, { value: v, listeners: 0, streams: 0 });
  const T = truth.reduce((n, c) => n + c.listeners, 0);
  const TS = truth.reduce((n, c) => n + c.streams, 0);
  const published = body.cells.filter((c) => !c.suppressed);
  const hidden = body.cells.filter((c) => c.suppressed);
  t.equal(body.k, k, `${label}: k`);
  t.equal(body.suppressed_cells, hidden.length, `${label}: suppressed_cells counts the suppressed cells`);
  t.equal(new Set(body.cells.map((c) => c.value)).size, body.cells.length, `${label}: each value once`);

  for (const c of published) {
    const truthCell = cells.get(c.value);
    t.ok(truthCell, `${label}: ${c.value} exists`);
    t.equal(c.listeners, truthCell?.listeners, `${label}: ${c.value} listeners`);
    t.equal(c.streams, truthCell?.streams, `${label}: ${c.value} streams`);
    t.ok((c.listeners ?? 0) >= k, `${label}: published ${c.value} has at least k listeners`);
    t.equal(c.listener_share, body.total_listeners === 0 ? null : c.listeners! / body.total_listeners, `${label}: ${c.value} listener share`);
    t.equal(c.stream_share, body.total_streams === 0 ? null : c.streams! / body.total_streams, `${label}: ${c.value} stream share`);
  }
  for (const c of cells.values()) {
    if (c.listeners < k) t.ok(!published.some((p) => p.value === c.value), `${label}: ${c.value} (${c.listeners} < k) is not published`);
  }

  const anySmall = [...cells.values()].some((c) => c.listeners < k);
  if (!anySmall) {
    t.equal(hidden.length, 0, `${label}: nothing suppressed`);
    t.equal(body.total_listeners, T, `${label}: exact total listeners`);
    t.equal(body.total_streams, TS, `${label}: exact total streams`);
    t.equal(body.total_is_rounded, false, `${label}: exact totals`);
    t.strictSame(body.cells.map((c) => c.value).sort(), [...cells.keys()].sort(), `${label}: every cell listed`);
    return { suppressed: 0 };
  }

  t.equal(body.total_is_rounded, true, `${label}: totals rounded when something is suppressed`);
  t.equal(body.total_listeners, Math.floor(T / k) * k, `${label}: total listeners rounded down to a multiple of k`);
  t.equal(body.total_streams, Math.floor(TS / k) * k, `${label}: total streams rounded down to a multiple of k`);
  const P = published.reduce((n, c) => n + c.listeners!, 0);
  const PS = published.reduce((n, c) => n + c.streams!, 0);
  if (body.withheld) {
    t.equal(published.length, 0, `${label}: withheld: nothing published`);
    if (domain) t.strictSame(body.cells.map((c) => c.value), [...domain], `${label}: withheld: the domain, all suppressed`);
    else t.equal(body.cells.length, 0, `${label}: withheld: no country listed`);
    const nonzero = [...cells.values()].filter((c) => c.listeners > 0);
    t.ok(nonzero.length < 2 || T < k, `${label}: withheld only when the rule cannot be met`);
    return { suppressed: hidden.length };
  }

  t.strictSame(body.cells.map((c) => c.value).sort(), [...cells.keys()].sort(), `${label}: every cell listed`);
  const hiddenTruth = hidden.map((c) => cells.get(c.value)!);
  t.ok(hiddenTruth.filter((c) => c.listeners > 0).length >= 2, `${label}: at least two suppressed cells hold listeners`);
  t.ok(hiddenTruth.reduce((n, c) => n + c.listeners, 0) >= k, `${label}: suppressed cells hold at least k listeners together`);
  // The attack: the exact totals (from /stats) minus every published cell.
  for (const c of hiddenTruth) {
    t.not(T - P, c.listeners, `${label}: total - published does not give ${c.value}'s listeners`);
    if (c.streams > 0) t.not(TS - PS, c.streams, `${label}: total - published does not give ${c.value}'s streams`);
  }
  // Order: published first (country: most listeners first), suppressed after, by value; domains keep their order.
  if (domain) {
    const order = body.cells.map((c) => c.value);
    t.strictSame(order, [...order].sort((a, b) => (domain.indexOf(a) + 1 || 99) - (domain.indexOf(b) + 1 || 99)), `${label}: domain order`);
  } else {
    const firstHidden = body.cells.findIndex((c) => c.suppressed);
    t.ok(body.cells.slice(firstHidden).every((c) => c.suppressed), `${label}: suppressed cells come last`);
    const names = hidden.map((c) => c.value);
    t.strictSame(names, [...names].sort(), `${label}: suppressed cells in value order`);
  }
  return { suppressed: hidden.length };
}
