import { api, type Json, unwrap, unwrapJson, useApi } from '../../api.js';
import { TimeChart } from '../../components/Chart.js';
import { formatDay, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Stat } from '../../components/Stat.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { PanelHead } from '../../components/PanelHead.js';
import { Period, ProductLayout, useInsightKey } from './ProductLayout.js';

const formatPercentPoints = (value: number | null) => (value === null ? '–' : `${value.toLocaleString('en', { maximumFractionDigits: 1 })}%`);

type Week = Json<'getInsightsProductDiversity'>['weekly'][number];

const WEEK_COLUMNS: Column<Week>[] = [
  { key: 'start', label: 'Week', value: (r) => r.start, render: (r) => `${formatDay(r.start)} to ${formatDay(r.end)}` },
  { key: 'share', label: 'Outside the top 1%', value: (r) => r.share_outside_top, render: (r) => formatPercent(r.share_outside_top), numeric: true },
  { key: 'artists', label: 'Artists streamed', value: (r) => r.artists, render: (r) => formatNumber(r.artists), numeric: true },
  {
    key: 'top',
    label: 'Top 1% is',
    value: (r) => r.top_artists,
    render: (r) => `${formatNumber(r.top_artists)} artist${r.top_artists === 1 ? '' : 's'}`,
    numeric: true,
  },
  { key: 'streams', label: 'Streams', value: (r) => r.total_streams, render: (r) => formatNumber(r.total_streams), numeric: true },
];

/** How much listening goes beyond the most streamed artists, over the range and week by week. */
export function Diversity() {
  const range = useRange();
  const diversity = useApi(useInsightKey(`product/diversity/${range.key}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/diversity', { params: { query: { ...range.query, format: 'json' } } })),
  );
  return (
    <ProductLayout title="Diversity" intro="How much of the listening goes to artists beyond the most streamed 1%." actions={<RangePicker />}>
      <section class="card" aria-labelledby="diversity-title">
        <PanelHead
          id="diversity-title"
          title="Beyond the top 1%"
          csv={{
            what: 'diversity',
            filename: `diversity-${range.key}.csv`,
            load: async () =>
              unwrap(await api.GET('/v1/insights/product/diversity', { params: { query: { ...range.query, format: 'csv' } }, parseAs: 'text' })),
          }}
        />
        <Loaded state={diversity} label="Loading diversity">
          {(d) =>
            d.total_streams === 0 ? (
              <Empty title="No streams in this range.">Pick a longer range.</Empty>
            ) : (
              <>
                <div class="stats-row">
                  <Stat testId="stat-share-outside-top" label="Streams outside the top 1% of artists" measure={d.share_outside_top} format={formatPercent} />
                  <div class="stat">
                    <div class="stat-label">Artists streamed</div>
                    <div class="stat-value" data-testid="artists" data-value={d.artists}>
                      {formatNumber(d.artists)}
                    </div>
                    <div class="stat-change muted">
                      the top 1% is {formatNumber(d.top_artists)} artist{d.top_artists === 1 ? '' : 's'}
                    </div>
                  </div>
                  <div class="stat">
                    <div class="stat-label">Streams</div>
                    <div class="stat-value">{formatNumber(d.total_streams)}</div>
                  </div>
                </div>
                <Period from={d.from} to={d.to} previousFrom={d.previous_from} previousTo={d.previous_to} />
                <p class="muted small">
                  The top 1% is the most streamed hundredth of the artists with a stream in the range (at least one artist); a higher share outside it means
                  listening is less concentrated.
                </p>
              </>
            )
          }
        </Loaded>
      </section>
      <section class="card" aria-labelledby="weekly-title">
        <PanelHead id="weekly-title" title="Week by week" />
        <Loaded state={diversity} label="Loading weeks">
          {(d) =>
            d.weekly.length === 0 ? (
              <p class="muted">No whole or partial ISO week in this range.</p>
            ) : (
              <>
                {d.weekly.length > 1 ? (
                  <TimeChart
                    title="Share of streams outside each week's top 1% (%)"
                    days={d.weekly.map((w) => w.start)}
                    series={[{ label: 'Outside the top 1%', values: d.weekly.map((w) => (w.share_outside_top === null ? null : w.share_outside_top * 100)) }]}
                    format={formatPercentPoints}
                    height={220}
                  />
                ) : null}
                <Table rows={d.weekly} columns={WEEK_COLUMNS} caption="Diversity per ISO week" rowKey={(r) => r.start} />
              </>
            )
          }
        </Loaded>
      </section>
    </ProductLayout>
  );
}
