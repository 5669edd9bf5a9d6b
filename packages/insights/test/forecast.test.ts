import { mulberry32, normal, poisson } from '@chorus/test-kit';
import t from 'tap';
import type { Subject } from '../src/index.js';
import { forecast, forecastInsight } from '../src/index.js';
import { seriesFrom } from './support/series.js';

const artist: Subject = { kind: 'artist', id: 'ar_1', name: 'Nova Lake' };

/** Weekly seasonality, a gentle trend and overdispersed Poisson noise, with varied scale and shape. */
function syntheticSeries(rand: () => number, days: number): number[] {
  const base = 200 + rand() * 4800;
  const slope = rand() * 0.006 - 0.002;
  const amp = 0.1 + rand() * 0.4;
  const cv = 0.03 + rand() * 0.1;
  const phase = Math.floor(rand() * 7);
  return Array.from({ length: days }, (_, d) => {
    const dow = (d + phase) % 7;
    const season = dow >= 5 ? 1 - amp : 1 + amp * 0.4 * (dow === 4 ? 1.5 : 0.75);
    return poisson(rand, Math.max(0, base * (1 + slope * d) * season * (1 + cv * normal(rand))));
  });
}

t.test('80% intervals cover held-out days at a sensible rate and points are accurate', async (t) => {
  const rand = mulberry32(42);
  let covered = 0;
  let total = 0;
  let apeSum = 0;
  let apeCount = 0;
  for (let s = 0; s < 100; s++) {
    const values = syntheticSeries(rand, 120);
    const f = forecast(seriesFrom('2026-01-01', values.slice(0, 92)), 28, 0.8);
    t.equal(f.points.length, 28);
    f.points.forEach((p, i) => {
      const actual = values[92 + i]!;
      total++;
      if (actual >= p.lower && actual <= p.upper) covered++;
      if (actual > 0) {
        apeSum += Math.abs(p.value - actual) / actual;
        apeCount++;
      }
    });
  }
  const coverage = covered / total;
  const mape = apeSum / apeCount;
  t.comment(`coverage ${coverage.toFixed(3)}, MAPE ${mape.toFixed(3)}`);
  t.ok(coverage >= 0.7 && coverage <= 0.92, `coverage ${coverage}`);
  t.ok(mape < 0.25, `MAPE ${mape}`);
});

t.test('shape of the result', async (t) => {
  const rand = mulberry32(3);
  const series = seriesFrom('2026-01-01', syntheticSeries(rand, 60));
  const f = forecast(series, 10, 0.9);
  t.equal(f.level, 0.9);
  t.match(f.method, /^holt-winters-additive-damped\(/);
  t.same(
    f.points.map((p) => p.day),
    Array.from({ length: 10 }, (_, i) => `2026-03-${String(2 + i).padStart(2, '0')}`),
    'days continue after the last observed day',
  );
  for (const p of f.points) t.ok(p.lower <= p.value && p.value <= p.upper && p.lower >= 0);
  const wide = forecast(series, 10, 0.95).points;
  t.ok(
    wide.every((p, i) => p.upper - p.lower >= f.points[i]!.upper - f.points[i]!.lower - 1e-9),
    'higher level, wider band',
  );
  t.ok(f.total.lower <= f.total.value && f.total.value <= f.total.upper);
  t.throws(() => forecast(series, 0));
  t.throws(() => forecast(series, 28, 1));
});

t.test('seasonality is carried forward', async (t) => {
  const values = Array.from({ length: 70 }, (_, i) => (i % 7 >= 5 ? 500 : 1000));
  const f = forecast(seriesFrom('2026-01-05', values), 14); // starts on a Monday
  f.points.forEach((p, i) => {
    const weekend = (70 + i) % 7 >= 5;
    t.ok(Math.abs(p.value - (weekend ? 500 : 1000)) < 25, `${p.day}: ${p.value.toFixed(1)}`);
  });
});

t.test('never negative, even on a collapsing series', async (t) => {
  const values = Array.from({ length: 42 }, (_, i) => Math.max(0, 600 - i * 15));
  const f = forecast(seriesFrom('2026-01-01', values), 28);
  t.ok(f.points.every((p) => p.value >= 0 && p.lower >= 0 && p.upper >= p.value));
  const zeros = forecast(seriesFrom('2026-01-01', Array(30).fill(0)), 7);
  t.ok(zeros.points.every((p) => p.value === 0 && p.lower === 0));
});

t.test('short histories fall back to a flat mean with a wide band', async (t) => {
  const f = forecast(seriesFrom('2026-01-01', [100, 120, 80, 110, 90]), 28);
  t.equal(f.method, 'flat-mean');
  t.equal(f.points.length, 28);
  t.equal(f.points[0]!.day, '2026-01-06');
  t.ok(Math.abs(f.points[0]!.value - 100) < 1e-9);
  t.ok(f.points[27]!.upper - f.points[27]!.lower > f.points[0]!.upper - f.points[0]!.lower, 'widens with horizon');
  t.ok(f.points[0]!.upper - f.points[0]!.lower >= 50, 'at least ±25% of the mean');
  t.same(forecast([]).points, []);
});

t.test('forecastInsight summarises the next 28 days', async (t) => {
  const values = Array.from({ length: 70 }, (_, i) => (i % 7 >= 5 ? 500 : 1000));
  const series = seriesFrom('2026-09-01', values);
  const asOf = series[69]!.day;
  t.equal(asOf, '2026-11-09');
  const c = forecastInsight(artist, series, asOf);
  t.ok(c);
  t.equal(c!.type, 'forecast');
  t.equal(c!.dedupe_key, `forecast:2026-W46`);
  t.equal(c!.title, 'Nova Lake on course for about 24,000 streams in the next 28 days');
  t.match(c!.body, /80% interval [\d,]+ to [\d,]+/);
  t.equal(c!.severity, 'info');
  const ev = c!.evidence as { expected_total: number; lower_total: number; upper_total: number; last_28_days: number };
  t.ok(ev.lower_total <= ev.expected_total && ev.expected_total <= ev.upper_total);
  t.equal(ev.last_28_days, 24_000);

  t.equal(forecastInsight(artist, series.slice(0, 10), series[9]!.day), null, 'too little history');
  const early = forecastInsight(artist, series, series[40]!.day);
  t.equal(early!.evidence.history_days, 41, 'days after asOf are ignored');
});
