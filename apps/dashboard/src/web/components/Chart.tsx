import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCompact, formatDay, formatNumber } from './format.js';

const DAY = 86_400;
/** Tick spacings uPlot may choose on the time axis: a day and up. */
const DAY_INCREMENTS = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 365 * DAY];
const shortDay = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export interface Series {
  label: string;
  /** Values per x, null where there is none. */
  values: Array<number | null>;
  color?: string;
  dashed?: boolean;
}

/**
 * A time series (uPlot: canvas, about 50 KB, draws a year of days in a few milliseconds). `days` are the buckets'
 * first days (YYYY-MM-DD, UTC). The same numbers are one click away as a table, for screen readers and for checking.
 */
export function TimeChart({
  days,
  series,
  title,
  height = 260,
  format = formatNumber,
}: {
  days: string[];
  series: Series[];
  title: string;
  height?: number;
  format?: (v: number | null) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  // Callers build new arrays of the same numbers on every render: the chart is drawn again only when the numbers change.
  const drawn = JSON.stringify([days, series]);
  useEffect(() => {
    const [days, series] = JSON.parse(drawn) as [string[], Series[]];
    const element = box.current;
    if (!element || asTable) return;
    const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const styles = getComputedStyle(document.documentElement);
    const palette = [styles.getPropertyValue('--chart-1').trim() || '#5b4bdb', styles.getPropertyValue('--chart-2').trim() || '#9a9aa8'];
    const axis = {
      stroke: styles.getPropertyValue('--muted').trim() || '#666',
      grid: { stroke: styles.getPropertyValue('--grid').trim() || '#eee', width: 1 },
    };
    // From the data to the chart's first drawn frame (the draw hook below), for test/bench/web.
    const started = performance.now();
    const plot = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { live: true },
        hooks: {
          // The first frame drawn: what test/bench/web measures.
          draw: [
            (u) => {
              if (!u.root.dataset.drawn) performance.measure('chorus:chart', { start: started, detail: { points: days.length } });
              u.root.dataset.drawn = '1';
            },
          ],
        },
        cursor: { points: { size: 6 } },
        // Counts start at zero: an axis cut above it would make a small dip look like a collapse.
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] } },
        // Buckets are whole UTC days (or weeks, months): ticks fall on days, never on hours, however short the range.
        axes: [
          { ...axis, incrs: DAY_INCREMENTS, values: (_u, ticks) => ticks.map((t) => shortDay.format(new Date(t * 1000))) },
          { ...axis, values: (_u, ticks) => ticks.map((t) => formatCompact(t)), size: 56 },
        ],
        series: [
          { label: 'Day', value: (_u, ts) => (ts === null ? '' : formatDay(new Date(ts * 1000).toISOString())) },
          ...series.map((s, i) => ({
            label: s.label,
            stroke: s.color ?? palette[i % palette.length],
            width: 2,
            dash: s.dashed ? [6, 4] : undefined,
            fill: i === 0 ? `${palette[0]}1a` : undefined,
            value: (_u: uPlot, v: number | null) => format(v),
            points: { show: days.length <= 40 },
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [drawn, height, asTable, format]);

  return (
    <figure class="chart">
      <figcaption>
        <span>{title}</span>
        <button type="button" class="link-button" onClick={() => setAsTable(!asTable)} aria-pressed={asTable}>
          {asTable ? 'Show chart' : 'Show as table'}
        </button>
      </figcaption>
      {asTable ? (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((s) => (
                  <th scope="col" class="num" key={s.label}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d}>
                  <td>{formatDay(d)}</td>
                  {series.map((s) => (
                    <td class="num" key={s.label}>
                      {format(s.values[i] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div
          ref={box}
          class="chart-canvas"
          role="img"
          aria-label={`${title}: ${days.length} points from ${days[0] ? formatDay(days[0]) : ''} to ${days.at(-1) ? formatDay(days.at(-1)!) : ''}`}
        />
      )}
    </figure>
  );
}
