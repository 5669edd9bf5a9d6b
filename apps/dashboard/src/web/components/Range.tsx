import { setQuery, usePath } from '../router.js';

export const RANGES = [
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
  { value: '28d', label: '28 days' },
  { value: '90d', label: '90 days' },
  { value: '365d', label: '365 days' },
  { value: 'all', label: 'All time' },
] as const;
export type RangeValue = (typeof RANGES)[number]['value'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range a page shows, from its address (`?range=28d`, or `?from=…&to=…`), as API query parameters. */
export function useRange(fallback: RangeValue = '28d'): { key: string; query: { range?: RangeValue; from?: string; to?: string } } {
  const { query } = usePath();
  const from = query.get('from');
  const to = query.get('to');
  if (from && to && DAY.test(from) && DAY.test(to)) return { key: `${from}..${to}`, query: { from, to } };
  const asked = query.get('range');
  const range = (RANGES.find((r) => r.value === asked)?.value ?? fallback) as RangeValue;
  return { key: range, query: { range } };
}

/** Choose a preset range or two days; the choice lives in the address, so it survives reloads and can be shared. */
export function RangePicker({ fallback = '28d' }: { fallback?: RangeValue }) {
  const { query } = useRange(fallback);
  const custom = query.from !== undefined;
  return (
    <fieldset class="range-picker">
      <legend class="visually-hidden">Date range</legend>
      <div class="segmented">
        {RANGES.map((r) => (
          <button
            type="button"
            key={r.value}
            aria-pressed={!custom && query.range === r.value}
            onClick={() => setQuery({ range: r.value, from: null, to: null })}
          >
            {r.label}
          </button>
        ))}
      </div>
      <details class="custom-range-toggle" open={custom}>
        <summary>Custom range</summary>
        <form
          class="custom-range"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const from = String(data.get('from') ?? '');
            const to = String(data.get('to') ?? '');
            if (DAY.test(from) && DAY.test(to)) setQuery({ from: from <= to ? from : to, to: from <= to ? to : from, range: null });
          }}
        >
          <label>
            From <input type="date" name="from" value={query.from ?? ''} required />
          </label>
          <label>
            To <input type="date" name="to" value={query.to ?? ''} required />
          </label>
          <button type="submit" class="button secondary">
            Apply
          </button>
        </form>
      </details>
    </fieldset>
  );
}
