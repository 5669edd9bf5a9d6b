import { api, type Json, unwrap, unwrapJson, useApi } from '../../api.js';
import { formatChange, formatDay, formatNumber } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { setQuery, usePath } from '../../router.js';
import { useSession } from '../../session.js';
import { PanelHead } from '../../components/PanelHead.js';
import { ProductLayout, useInsightKey } from './ProductLayout.js';

type Riser = Json<'getInsightsProductTrends'>['artists'][number];

const MARKETS = ['US', 'GB', 'DE', 'BR', 'SE', 'NO', 'FR', 'ES', 'IT', 'NL', 'JP', 'MX', 'CA', 'AU', 'IN'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const formatP = (p: number) => (p < 0.0001 ? '< 0.0001' : p.toLocaleString('en', { maximumSignificantDigits: 2 }));

function columns(what: string): Column<Riser>[] {
  return [
    {
      key: 'name',
      label: what,
      value: (r) => r.name,
      render: (r) =>
        what === 'Track' ? (
          <>
            {r.name}
            <span class="muted small"> · {r.artist_name}</span>
          </>
        ) : (
          r.name
        ),
    },
    { key: 'current', label: 'Last 7 days', value: (r) => r.current, render: (r) => formatNumber(r.current), numeric: true },
    { key: 'previous', label: 'Week before', value: (r) => r.previous, render: (r) => formatNumber(r.previous), numeric: true },
    {
      key: 'change',
      label: 'Change',
      value: (r) => r.change ?? Number.POSITIVE_INFINITY,
      render: (r) => (r.change === null ? 'new' : formatChange(r.change)),
      numeric: true,
    },
    { key: 'p', label: 'p-value', value: (r) => r.p_value, render: (r) => formatP(r.p_value), numeric: true },
  ];
}

const ARTIST_COLUMNS = columns('Artist');
const TRACK_COLUMNS = columns('Track');

/** Artists and tracks rising significantly in one market, this week against the week before. */
export function Trends() {
  const { user } = useSession();
  const { query } = usePath();
  const market = (query.get('market') ?? user.country ?? 'US').toUpperCase();
  const to = query.get('to') && DAY.test(query.get('to')!) ? query.get('to')! : undefined;
  const minStreams = Number(query.get('min_streams')) > 0 ? Math.floor(Number(query.get('min_streams'))) : undefined;
  const params = { market, ...(to ? { to } : {}), ...(minStreams ? { min_streams: minStreams } : {}) };
  const valid = /^[A-Z]{2}$/.test(market);
  const trends = useApi(useInsightKey(valid ? `product/trends/${market}/${to ?? 'today'}/${minStreams ?? ''}` : null), async () =>
    unwrapJson(await api.GET('/v1/insights/product/trends', { params: { query: { ...params, format: 'json' } } })),
  );
  return (
    <ProductLayout
      title="Trends"
      intro="Artists and tracks rising in a market: the last 7 days against the 7 before, listed when the rise is statistically significant."
    >
      <section class="card" aria-labelledby="market-title">
        <h2 id="market-title">Market</h2>
        <form
          class="inline-fields"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            setQuery({
              market:
                String(data.get('market') ?? '')
                  .trim()
                  .toUpperCase() || null,
              to: String(data.get('to') ?? '') || null,
              min_streams: String(data.get('min_streams') ?? '') || null,
            });
          }}
        >
          <label>
            Market (country code)
            <input name="market" required pattern="[A-Za-z]{2}" maxLength={2} size={4} list="markets" defaultValue={market} key={market} autoComplete="off" />
          </label>
          <datalist id="markets">
            {MARKETS.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <label>
            Week ending
            <input name="to" type="date" defaultValue={to ?? ''} key={to ?? 'today'} />
          </label>
          <label>
            Minimum streams
            <input
              name="min_streams"
              type="number"
              min={1}
              max={1_000_000_000}
              placeholder="100"
              defaultValue={minStreams ? String(minStreams) : ''}
              key={String(minStreams)}
            />
          </label>
          <button type="submit" class="button">
            Show trends
          </button>
        </form>
        {!valid ? (
          <p class="form-error" role="alert">
            A market is a two-letter country code, such as US or BR.
          </p>
        ) : null}
      </section>
      {valid ? (
        <Loaded state={trends} label="Finding trends">
          {(t) => {
            const csv = {
              filename: `trends-${market}-${t.current_to}.csv`,
              load: async () => unwrap(await api.GET('/v1/insights/product/trends', { params: { query: { ...params, format: 'csv' } }, parseAs: 'text' })),
            };
            const none = t.artists.length === 0 && t.tracks.length === 0;
            return (
              <>
                <p class="muted small">
                  {t.market}: {formatDay(t.current_from)} to {formatDay(t.current_to)} against {formatDay(t.previous_from)} to {formatDay(t.previous_to)} (UTC).
                  Listed with at least {formatNumber(t.min_streams)} streams in the last 7 days and p &lt; {t.alpha}. Streams count only on days the market's
                  audience is large enough to show.
                </p>
                {none ? (
                  <Empty title={`Nothing rose significantly in ${t.market} in the 7 days to ${formatDay(t.current_to)}.`}>
                    Try another market, an earlier week ending (a rise shows while it is fresh), or a lower minimum of streams.
                  </Empty>
                ) : (
                  <>
                    <p>
                      <strong data-testid="rising-artists" data-value={t.artists.length}>
                        {t.artists.length}
                      </strong>{' '}
                      artist{t.artists.length === 1 ? '' : 's'} and{' '}
                      <strong data-testid="rising-tracks" data-value={t.tracks.length}>
                        {t.tracks.length}
                      </strong>{' '}
                      track{t.tracks.length === 1 ? '' : 's'} rose significantly.
                    </p>
                    <section class="card" aria-labelledby="artists-title">
                      <PanelHead id="artists-title" title="Rising artists" csv={{ what: 'trends', ...csv }} />
                      {t.artists.length === 0 ? (
                        <p class="muted">No artist rose significantly.</p>
                      ) : (
                        <Table rows={t.artists} columns={ARTIST_COLUMNS} caption="Rising artists" rowKey={(r) => r.id} />
                      )}
                    </section>
                    <section class="card" aria-labelledby="tracks-title">
                      <PanelHead id="tracks-title" title="Rising tracks" />
                      {t.tracks.length === 0 ? (
                        <p class="muted">No track rose significantly.</p>
                      ) : (
                        <Table rows={t.tracks} columns={TRACK_COLUMNS} caption="Rising tracks" rowKey={(r) => r.id} />
                      )}
                    </section>
                  </>
                )}
              </>
            );
          }}
        </Loaded>
      ) : null}
    </ProductLayout>
  );
}
