import { api, unwrap, unwrapJson, useApi } from '../../api.js';
import { formatDay, formatNumber, formatPercent } from '../../components/format.js';
import { Loaded } from '../../components/States.js';
import { setQuery, usePath } from '../../router.js';
import { PanelHead } from '../../components/PanelHead.js';
import { ProductLayout, useInsightKey } from './ProductLayout.js';

const SIZES = [4, 8, 12, 26, 52];

/** 0 to 5 by tenths of the share, for the cell's shade (classes, not inline styles: the page's CSP allows none). */
function heat(share: number): number {
  return Math.min(5, Math.ceil(share * 10));
}

/** Weekly sign-up cohorts and the share of each still streaming 1, 2, … weeks later. */
export function Retention() {
  const { query } = usePath();
  const asked = Number(query.get('cohorts'));
  const cohorts = SIZES.includes(asked) ? asked : 8;
  const retention = useApi(useInsightKey(`product/retention/${cohorts}`), async () =>
    unwrapJson(await api.GET('/v1/insights/product/retention', { params: { query: { cohorts, format: 'json' } } })),
  );
  return (
    <ProductLayout title="Retention" intro="Of the people who signed up in a week, how many streamed again in each week after.">
      <section class="card" aria-labelledby="cohorts-title">
        <PanelHead
          id="cohorts-title"
          title="Weekly cohorts"
          csv={{
            what: 'retention cohorts',
            filename: `retention-${cohorts}-weeks.csv`,
            load: async () => unwrap(await api.GET('/v1/insights/product/retention', { params: { query: { cohorts, format: 'csv' } }, parseAs: 'text' })),
          }}
        >
          <label>
            Weeks{' '}
            <select value={String(cohorts)} onChange={(event) => setQuery({ cohorts: event.currentTarget.value === '8' ? null : event.currentTarget.value })}>
              {SIZES.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </PanelHead>
        <Loaded state={retention} label="Loading cohorts">
          {(r) => {
            const signups = r.cohorts.reduce((sum, c) => sum + c.size, 0);
            const measured = r.cohorts.some((c) => c.retention.some((v) => v !== null));
            return (
              <>
                <p class="small">
                  <strong data-testid="signups" data-value={signups}>
                    {formatNumber(signups)}
                  </strong>{' '}
                  sign-ups in the {r.weeks} ISO weeks to {formatDay(r.today)} (UTC).
                  {!measured && signups > 0 ? ' No cohort has finished a week after its sign-up week yet: its shares appear as those weeks end.' : ''}
                  {signups === 0 ? ' Nobody signed up in these weeks: choose more weeks.' : ''}
                </p>
                <div class="table-scroll">
                  <table class="data-table cohorts">
                    <caption class="visually-hidden">Share of each weekly sign-up cohort with a stream in each following week</caption>
                    <thead>
                      <tr>
                        <th scope="col">Sign-up week</th>
                        <th scope="col" class="num">
                          People
                        </th>
                        {Array.from({ length: r.weeks }, (_, i) => (
                          <th scope="col" class="num" key={i}>
                            Week {i + 1}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {r.cohorts.map((c) => (
                        <tr key={c.week}>
                          <th scope="row">
                            {c.week} <span class="muted small">{formatDay(c.week_start)}</span>
                          </th>
                          <td class="num" data-testid={`cohort-size-${c.week}`} data-value={c.size}>
                            {formatNumber(c.size)}
                          </td>
                          {c.retention.map((share, i) => (
                            <td
                              key={i}
                              class={share === null ? 'num heat-none' : `num heat-${heat(share)}`}
                              title={
                                share === null ? 'not over yet, or nobody in the cohort' : `${formatNumber(c.active[i] ?? null)} of ${formatNumber(c.size)}`
                              }
                            >
                              {share === null ? '–' : formatPercent(share)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p class="muted small">
                  A cell is the share of the cohort with at least one stream in that ISO week after its sign-up week; – until that week has ended.
                </p>
              </>
            );
          }}
        </Loaded>
      </section>
    </ProductLayout>
  );
}
