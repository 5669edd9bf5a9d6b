import { mulberry32, normal, poisson } from '@chorus/test-kit';
import t from 'tap';
import type { DailyPoint, Subject } from '../src/index.js';
import { detectAnomaly } from '../src/index.js';
import { seriesFrom } from './support/series.js';

const artist: Subject = { kind: 'artist', id: 'ar_1', name: 'Nova Lake' };
// 2026-10-05 is a Monday, so index % 7 of 5 and 6 are weekends.
const START = '2026-10-05';

/** Weekdays around 2,000 streams, weekends 40% lower, with day-to-day overdispersion. */
function seasonalSeries(seed: number, days: number): number[] {
  const rand = mulberry32(seed);
  return Array.from({ length: days }, (_, i) => {
    const weekend = i % 7 >= 5;
    const mu = 2000 * (weekend ? 0.6 : 1) * (1 + 0.05 * normal(rand));
    return poisson(rand, mu);
  });
}

t.test('pure noise flags almost nothing', async (t) => {
  const rand = mulberry32(99);
  let lastDayFlags = 0;
  let anyDayFlags = 0;
  let tested = 0;
  for (let s = 0; s < 200; s++) {
    const series = seriesFrom(
      START,
      Array.from({ length: 56 }, () => poisson(rand, 200)),
    );
    lastDayFlags += detectAnomaly({ subject: artist, series }).length;
    for (let i = 28; i < series.length; i++) {
      tested++;
      anyDayFlags += detectAnomaly({ subject: artist, series, day: series[i]!.day }).length;
    }
  }
  t.comment(`noise anomalies: ${lastDayFlags} of 200 last days, ${anyDayFlags} of ${tested} days`);
  t.ok(lastDayFlags <= 2, `last-day flags ${lastDayFlags}`);
  t.ok(anyDayFlags / tested < 0.002, `false flag rate ${anyDayFlags}/${tested}`);
});

t.test('a planted spike and a planted drop are found with their direction', async (t) => {
  const values = seasonalSeries(1, 35);
  // Index 31 is a Wednesday.
  const spiked = [...values];
  spiked[31] = values[31]! * 10;
  const spikeSeries = seriesFrom(START, spiked);
  const spikeDay = spikeSeries[31]!.day;
  const [spike, ...more] = detectAnomaly({ subject: artist, series: spikeSeries, day: spikeDay });
  t.equal(more.length, 0);
  t.ok(spike, 'spike found');
  t.equal(spike!.evidence.direction, 'spike');
  t.equal(spike!.dedupe_key, `anomaly:${spikeDay}:spike`);
  t.equal(spike!.title, `Unusual spike in streams of Nova Lake on Nov 5, 2026`);
  t.equal(spike!.severity, 'major');
  t.ok((spike!.evidence.z as number) > 10);
  t.match(spike!.body, 'for that weekday over the previous 28 days');

  const dropped = [...values];
  dropped[34] = Math.round(values[34]! * 0.05);
  const dropSeries = seriesFrom(START, dropped);
  const [drop] = detectAnomaly({ subject: artist, series: dropSeries }); // last day by default
  t.ok(drop, 'drop found');
  t.equal(drop!.evidence.direction, 'drop');
  t.equal(drop!.dedupe_key, `anomaly:${dropSeries[34]!.day}:drop`);
  t.ok((drop!.evidence.z as number) < -3.5);

  t.same(detectAnomaly({ subject: artist, series: dropSeries, threshold: 1000 }), [], 'threshold applies');
});

t.test('a normal weekend dip is not an anomaly', async (t) => {
  let flagged = 0;
  let weekends = 0;
  for (let seed = 10; seed < 30; seed++) {
    const series = seriesFrom(START, seasonalSeries(seed, 63));
    for (let i = 28; i < series.length; i++) {
      if (i % 7 < 5) continue;
      weekends++;
      flagged += detectAnomaly({ subject: artist, series, day: series[i]!.day }).length;
    }
  }
  t.equal(flagged, 0, `weekend days flagged: ${flagged} of ${weekends}`);
});

t.test('tiny or short series produce nothing', async (t) => {
  const rand = mulberry32(5);
  const tiny: DailyPoint[] = seriesFrom(START, [...Array.from({ length: 28 }, () => poisson(rand, 2)), 40]);
  t.same(detectAnomaly({ subject: artist, series: tiny }), [], 'median below 5');
  t.same(detectAnomaly({ subject: artist, series: seriesFrom(START, [100, 100, 100, 5000]) }), [], 'too little history');
  t.same(detectAnomaly({ subject: artist, series: [] }), []);
  t.same(detectAnomaly({ subject: artist, series: tiny, day: '2030-01-01' }), [], 'day not in series');
});

t.test('a flat baseline uses the MAD floor instead of dividing by zero', async (t) => {
  const flat = seriesFrom(START, [...Array(28).fill(1000), 1040]);
  t.same(detectAnomaly({ subject: artist, series: flat }), [], '+4% on a flat line is not a spike');
  const jump = seriesFrom(START, [...Array(28).fill(1000), 1400]);
  const [c] = detectAnomaly({ subject: artist, series: jump });
  t.ok(c, '+40% on a flat line is');
  t.ok(Number.isFinite(c!.evidence.z as number));
});
