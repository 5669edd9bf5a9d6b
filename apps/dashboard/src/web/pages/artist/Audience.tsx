import type { paths } from '@chorus/sdk';
import { useState } from 'preact/hooks';
import { api, unwrapJson, useApi } from '../../api.js';
import { type Bar, Bars } from '../../components/Bars.js';
import { formatDay, formatNumber } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Empty, Loaded } from '../../components/States.js';
import { ArtistPage } from './common.js';

type Dimension = 'country' | 'age' | 'gender';
type AudienceAnswer = Exclude<paths['/v1/artists/{id}/stats/audience']['get']['responses'][200]['content']['application/json'], string>;
type Cell = AudienceAnswer['cells'][number];

const DIMENSIONS: Array<{ value: Dimension; title: string }> = [
  { value: 'country', title: 'Country' },
  { value: 'age', title: 'Age' },
  { value: 'gender', title: 'Gender' },
];

const AGES: Record<string, string> = { '<18': 'Under 18', '60+': '60 and over', unknown: 'Not given' };
const GENDERS: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  other: 'Other',
  prefer_not_to_say: 'Prefer not to say',
  unknown: 'Not given',
};
const regions = new Intl.DisplayNames(['en'], { type: 'region' });

function cellLabel(dimension: Dimension, value: string): string {
  if (dimension === 'age') return AGES[value] ?? value.replace('-', '–');
  if (dimension === 'gender') return GENDERS[value] ?? value;
  try {
    return regions.of(value) ?? value;
  } catch {
    return value;
  }
}

function toBar(dimension: Dimension, cell: Cell, count: 'listeners' | 'streams'): Bar {
  const label = cellLabel(dimension, cell.value);
  if ('suppressed' in cell) return { label, value: null };
  return count === 'listeners' ? { label, value: cell.listeners, share: cell.listener_share } : { label, value: cell.streams, share: cell.stream_share };
}

/** Who listens, by country, age and gender; groups too small to show safely are hidden, and the page says why. */
export function Audience({ id }: { id: string }) {
  const range = useRange();
  const [count, setCount] = useState<'listeners' | 'streams'>('listeners');
  return (
    <ArtistPage id={id} title="Audience" actions={<RangePicker />}>
      <fieldset class="toolbar">
        <legend>Count</legend>
        <div class="segmented">
          <button type="button" aria-pressed={count === 'listeners'} onClick={() => setCount('listeners')}>
            Listeners
          </button>
          <button type="button" aria-pressed={count === 'streams'} onClick={() => setCount('streams')}>
            Streams
          </button>
        </div>
      </fieldset>
      <div class="grid three">
        {DIMENSIONS.map((d) => (
          <Breakdown key={d.value} id={id} dimension={d.value} title={d.title} count={count} range={range} />
        ))}
      </div>
    </ArtistPage>
  );
}

function Breakdown({
  id,
  dimension,
  title,
  count,
  range,
}: {
  id: string;
  dimension: Dimension;
  title: string;
  count: 'listeners' | 'streams';
  range: ReturnType<typeof useRange>;
}) {
  const audience = useApi(`artist/${id}/audience/${dimension}/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/artists/{id}/stats/audience', { params: { path: { id }, query: { ...range.query, dimension, format: 'json' } } })),
  );
  return (
    <article class="card wide-labels" data-testid={`audience-${dimension}`}>
      <h2>{title}</h2>
      <Loaded state={audience} label={`Loading the audience by ${dimension}`}>
        {(a) => {
          if (a.total_listeners === 0) {
            return (
              <Empty title="No listeners in this range yet.">
                Submit a listen with <code>POST /v1/listens</code> and a listener's token (see <a href="/docs">/docs</a>), or pick a longer range.
              </Empty>
            );
          }
          if (a.withheld) {
            return (
              <Empty title="Too few listeners to show any group.">
                Every group had fewer than {a.k} listeners on its days, so none can be shown without risking pointing at someone. A longer range may have more
                to show.
              </Empty>
            );
          }
          const bars = a.cells.map((cell) => toBar(dimension, cell, count));
          const unshown = count === 'listeners' ? a.unattributed_listeners : a.unattributed_streams;
          return (
            <>
              <Bars title={count === 'listeners' ? 'Listeners, and their share of all listeners' : 'Streams, and their share of all streams'} bars={bars} />
              <p class="muted small">
                <span data-testid={`audience-${dimension}-total`} data-value={count === 'listeners' ? a.total_listeners : a.total_streams}>
                  {formatNumber(count === 'listeners' ? a.total_listeners : a.total_streams)}
                </span>{' '}
                {count} from {formatDay(a.from)} to {formatDay(a.to)}
                {unshown > 0 ? `; ${formatNumber(unshown)} not shown under any ${dimension}` : ''}.
              </p>
              {bars.some((b) => b.value === null) || unshown > 0 ? (
                <p class="small hidden-why">
                  Hidden: to protect listeners, a {dimension === 'country' ? 'country' : 'group'} with fewer than {a.k} listeners on a day (and the next
                  smallest, so none can be worked out from the rest) is left out for that day.
                </p>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
