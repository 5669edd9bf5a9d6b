import type { paths } from '@chorus/sdk';
import { useMemo, useRef, useState } from 'preact/hooks';
import { api, invalidate, unwrap, useApi } from '../../api.js';
import { Bars } from '../../components/Bars.js';
import { TimeChart } from '../../components/Chart.js';
import { Options, ProblemBox, useAction } from '../../components/controls.js';
import { formatAgo, formatChange, formatDateTime, formatDay, formatNumber, formatPercent } from '../../components/format.js';
import { Empty, Loaded } from '../../components/States.js';
import { ArtistPage } from './common.js';

type InsightPage = paths['/v1/artists/{id}/insights']['get']['responses'][200]['content']['application/json'];
type Insight = InsightPage['items'][number];
type Kind = Insight['type'];
type Forecast = paths['/v1/artists/{id}/stats/forecast']['get']['responses'][200]['content']['application/json'];

const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'trend', label: 'Trend' },
  { value: 'milestone', label: 'Milestone' },
  { value: 'anomaly', label: 'Unusual day' },
  { value: 'audience_shift', label: 'Audience shift' },
  { value: 'playlist_momentum', label: 'Playlist momentum' },
  { value: 'forecast', label: 'Forecast' },
];
const kindLabel = (kind: Kind) => KINDS.find((k) => k.value === kind)?.label ?? kind;

/** Words for the evidence fields the insight finders write (packages/insights); any other field gets its own name. */
const EVIDENCE: Record<string, string> = {
  as_of: 'History up to',
  at: 'Day',
  current: 'This week',
  previous: 'Week before',
  pct_change: 'Change',
  p_value: 'p-value',
  alpha: 'Significance level',
  current_window: 'This week',
  previous_window: 'Week before',
  current_total: 'Total now',
  previous_total: 'Total before',
  current_count: 'Listeners now',
  previous_count: 'Listeners before',
  current_share: 'Share now',
  previous_share: 'Share before',
  share_change: 'Change in share',
  z: 'z-score',
  expected: 'Expected',
  value: 'Actual',
  expected_total: 'Expected streams',
  lower_total: 'Interval low',
  upper_total: 'Interval high',
  last_28_days: 'Last 28 days',
  level: 'Interval coverage',
  adds_last_7: 'Playlist adds, last 7 days',
  adds_prev_7: 'Playlist adds, 7 days before',
  collaborative_last_7: 'Collaborative adds, last 7 days',
  collaborative_prev_7: 'Collaborative adds, 7 days before',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const decimal = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

function evidenceLabel(key: string): string {
  const words = EVIDENCE[key] ?? key.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function evidenceValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.map((v) => evidenceValue(key, v)).join(' to ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (key === 'pct_change') return formatChange(value / 100);
    if (key === 'share_change') return formatChange(value);
    if (key.endsWith('share') || key === 'level' || key === 'alpha' || key === 'ratio')
      return key === 'ratio' ? `×${decimal.format(value)}` : formatPercent(value);
    if (key === 'p_value') return value < 0.001 ? value.toExponential(1) : decimal.format(value);
    return Number.isInteger(value) || Math.abs(value) >= 100 ? formatNumber(value) : decimal.format(value);
  }
  if (typeof value === 'string') {
    if (DAY.test(value)) return formatDay(value);
    if ((key === 'market' || key === 'country') && /^[A-Z]{2}$/.test(value)) return regions.of(value) ?? value;
    return value;
  }
  return JSON.stringify(value);
}

/** The artist's insights (trends, milestones, unusual days, audience shifts…) with read state, the streams forecast, and related artists. */
export function Insights({ id }: { id: string }) {
  return (
    <ArtistPage id={id} title="Insights">
      <Feed id={id} />
      <ForecastCard id={id} />
      <RelatedCard id={id} />
    </ArtistPage>
  );
}

function Feed({ id }: { id: string }) {
  const [kind, setKind] = useState<Kind | ''>('');
  const [unreadOnly, setUnreadOnly] = useState(false);
  // Older pages, fetched on demand; they belong to one kind filter and are dropped with it.
  const [older, setOlder] = useState<{ kind: Kind | ''; items: Insight[]; cursor: string | null } | null>(null);
  const [readNow, setReadNow] = useState<Set<string>>(new Set());
  const action = useAction();
  const first = useApi(`artist/${id}/insights/${kind || 'all'}`, async () =>
    unwrap(await api.GET('/v1/artists/{id}/insights', { params: { path: { id }, query: { limit: 20, ...(kind ? { type: kind } : {}) } } })),
  );
  const more = older?.kind === kind ? older : null;
  const heading = useRef<HTMLHeadingElement>(null);

  const loadOlder = (cursor: string) =>
    action.run('older', async () => {
      const page = unwrap(
        await api.GET('/v1/artists/{id}/insights', { params: { path: { id }, query: { limit: 20, cursor, ...(kind ? { type: kind } : {}) } } }),
      );
      setOlder({ kind, items: [...(more?.items ?? []), ...page.items], cursor: page.next_cursor });
    });
  const markRead = (insight: Insight) =>
    action.run(`read-${insight.id}`, async () => {
      unwrap(await api.POST('/v1/artists/{id}/insights/{insight_id}/read', { params: { path: { id, insight_id: insight.id } } }));
      setReadNow(new Set(readNow).add(insight.id));
      invalidate(`artist/${id}/insights/`);
      // The button that had focus is gone: keep the person on the insight (or the feed, when unread ones only are shown).
      requestAnimationFrame(() => (document.getElementById(`insight-${insight.id}`) ?? heading.current)?.focus());
    });

  return (
    <article class="card">
      <div class="card-head">
        <h2 ref={heading} tabIndex={-1}>
          Insights
        </h2>
        <div class="filters">
          <label>
            Kind{' '}
            <select
              value={kind}
              onChange={(event) => {
                setKind(event.currentTarget.value as Kind | '');
                setOlder(null);
              }}
            >
              <option value="">All kinds</option>
              <Options list={KINDS} />
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.currentTarget.checked)} /> Unread only
          </label>
        </div>
      </div>
      <ProblemBox error={action.error} />
      <Loaded state={first} label="Loading the insights">
        {(page) => {
          const all = [...page.items, ...(more?.items ?? [])].map((i) => (readNow.has(i.id) ? { ...i, read: true } : i));
          const shown = unreadOnly ? all.filter((i) => !i.read) : all;
          const cursor = more ? more.cursor : page.next_cursor;
          return (
            <>
              {all.length === 0 ? (
                kind ? (
                  <Empty title={`No ${kindLabel(kind).toLowerCase()} insights yet.`}>Choose "All kinds" to see the others.</Empty>
                ) : (
                  <Empty title="No insights yet.">
                    Every day Chorus looks through the artist's numbers for trends, milestones, unusual days, audience shifts and playlist momentum; what it
                    finds shows here the day after. It needs listens first: <code>POST /v1/listens</code>.
                  </Empty>
                )
              ) : shown.length === 0 ? (
                <Empty title="All caught up.">Every insight shown is read{cursor ? '; older ones may not be: show older insights below' : ''}.</Empty>
              ) : (
                <ul class="entries">
                  {shown.map((insight) => (
                    <InsightItem key={insight.id} insight={insight} busy={action.busy === `read-${insight.id}`} onRead={() => markRead(insight)} />
                  ))}
                </ul>
              )}
              {cursor ? (
                <button type="button" class="button secondary" disabled={action.busy === 'older'} onClick={() => loadOlder(cursor)}>
                  {action.busy === 'older' ? 'Loading…' : 'Show older insights'}
                </button>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </article>
  );
}

function InsightItem({ insight, busy, onRead }: { insight: Insight; busy: boolean; onRead: () => void }) {
  const titleId = `insight-${insight.id}`;
  const evidence = Object.entries(insight.evidence ?? {}).filter(([key]) => key !== 'method' && key !== 'test');
  return (
    <li class={insight.read ? 'insight' : 'insight unread'} data-testid="insight" data-id={insight.id} data-read={String(insight.read)}>
      <div class="entry-head">
        <span class="badge">{kindLabel(insight.type)}</span>
        {insight.severity !== 'info' ? <span class={insight.severity === 'major' ? 'badge bad' : 'badge ok'}>{insight.severity}</span> : null}
        {insight.read ? null : <span class="badge unread-badge">unread</span>}
        <time class="muted small" dateTime={insight.created_at} title={formatDateTime(insight.created_at)}>
          {formatAgo(insight.created_at)}
        </time>
      </div>
      <h3 id={titleId} tabIndex={-1}>
        {insight.title}
      </h3>
      <p>{insight.body}</p>
      <div class="insight-actions">
        {evidence.length > 0 ? (
          <details>
            <summary>The numbers behind it</summary>
            <dl class="evidence">
              {evidence.map(([key, value]) => (
                <div key={key}>
                  <dt>{evidenceLabel(key)}</dt>
                  <dd>{evidenceValue(key, value)}</dd>
                </div>
              ))}
            </dl>
          </details>
        ) : null}
        {insight.read ? null : (
          <button type="button" class="button secondary small" aria-describedby={titleId} disabled={busy} onClick={onRead}>
            Mark as read
          </button>
        )}
      </div>
    </li>
  );
}

function ForecastCard({ id }: { id: string }) {
  const forecast = useApi(`artist/${id}/forecast`, async () => unwrap(await api.GET('/v1/artists/{id}/stats/forecast', { params: { path: { id } } })));
  return (
    <article class="card">
      <h2>Forecast</h2>
      <Loaded state={forecast} label="Loading the forecast">
        {(f) =>
          f.points.length === 0 || f.total.upper === 0 ? (
            <Empty title="Nothing to forecast yet.">
              The forecast is fitted on the artist's daily streams; it appears once there are listens to learn from.
            </Empty>
          ) : (
            <ForecastChart f={f} />
          )
        }
      </Loaded>
    </article>
  );
}

function ForecastChart({ f }: { f: Forecast }) {
  const level = formatPercent(f.level);
  const { days, series } = useMemo(() => {
    const bound = getComputedStyle(document.documentElement).getPropertyValue('--chart-2').trim() || '#8a8a99';
    return {
      days: f.points.map((p) => p.day),
      series: [
        { label: 'Expected streams', values: f.points.map((p) => p.streams) },
        { label: `Lower bound (${level})`, values: f.points.map((p) => p.lower), dashed: true, color: bound },
        { label: `Upper bound (${level})`, values: f.points.map((p) => p.upper), dashed: true, color: bound },
      ],
    };
  }, [f, level]);
  return (
    <>
      <p>
        About{' '}
        <strong data-testid="forecast-total" data-value={f.total.streams}>
          {formatNumber(f.total.streams)}
        </strong>{' '}
        streams over the next {f.horizon_days} days ({level} interval: {formatNumber(f.total.lower)} to {formatNumber(f.total.upper)}).
      </p>
      <TimeChart title={`Expected streams per day, with the ${level} prediction interval`} days={days} series={series} height={220} />
      <p class="muted small model">
        Fitted on daily streams up to {formatDay(f.as_of)}; the dashed lines hold the day's streams {level} of the time. Model: {f.method}.
      </p>
    </>
  );
}

function RelatedCard({ id }: { id: string }) {
  const related = useApi(`artist/${id}/related`, async () =>
    unwrap(await api.GET('/v1/artists/{id}/related', { params: { path: { id }, query: { limit: 10 } } })),
  );
  return (
    <article class="card wide-labels">
      <h2>Fans also like</h2>
      <Loaded state={related} label="Loading related artists">
        {(r) =>
          r.items.length === 0 ? (
            <Empty title="No related artists yet.">
              Related artists are worked out every day from who listens to whom over the last 90 days
              {r.computed_at ? '' : '; the first run has not happened yet'}.
            </Empty>
          ) : (
            <>
              <Bars title="Audience similarity" bars={r.items.map((a) => ({ label: a.name, value: a.score }))} format={formatPercent} />
              <p class="muted small">
                How alike the audiences are (cosine similarity of who listened, last 90 days){r.computed_at ? `, as of ${formatDateTime(r.computed_at)}` : ''}.
              </p>
            </>
          )
        }
      </Loaded>
    </article>
  );
}
