import { mulberry32, poisson } from '@chorus/test-kit';
import t from 'tap';
import type { Subject } from '../src/index.js';
import { detectTrends, formatInt } from '../src/index.js';
import { seriesFrom } from './support/series.js';

const artist: Subject = { kind: 'artist', id: 'ar_1', name: 'Nova Lake' };
const asOf = '2026-11-20';
const start = '2026-11-07'; // 14 days ending on asOf

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

t.test('pure noise: stationary Poisson markets rarely trend', async (t) => {
  const rand = mulberry32(20261120);
  let found = 0;
  for (let i = 0; i < 200; i++) {
    const values = Array.from({ length: 28 }, () => poisson(rand, 200));
    const series = seriesFrom('2026-10-24', values);
    found += detectTrends({ subject: artist, asOf, byMarket: { SE: series } }).length;
  }
  t.comment(`noise trend candidates: ${found} of 200`);
  // One-sided alpha 0.01 over 200 independent markets: about 2 expected by chance.
  t.ok(found <= 5, `at most 5 false trends, got ${found}`);
});

t.test('a planted rise is found with its numbers; a small market is not', async (t) => {
  const rand = mulberry32(7);
  const se = [...Array.from({ length: 7 }, () => poisson(rand, 50)), ...Array.from({ length: 7 }, () => poisson(rand, 170))];
  const is = [...Array.from({ length: 7 }, () => poisson(rand, 2)), ...Array.from({ length: 7 }, () => poisson(rand, 10))];
  const flat = Array.from({ length: 14 }, () => poisson(rand, 300));
  const out = detectTrends({
    subject: artist,
    asOf,
    byMarket: { SE: seriesFrom(start, se), IS: seriesFrom(start, is), DE: seriesFrom(start, flat) },
  });
  t.equal(out.length, 1, 'only Sweden');
  const c = out[0]!;
  const a = sum(se.slice(7));
  const b = sum(se.slice(0, 7));
  const pct = Math.round(((a - b) / b) * 100);
  t.ok(pct > 150 && pct < 350, `planted change near 240%, got ${pct}%`);
  t.equal(c.type, 'trend');
  t.equal(c.title, `Streams of Nova Lake in Sweden up ${formatInt(pct)}% week over week`);
  t.match(c.body, `(${formatInt(a)} against ${formatInt(b)})`);
  t.equal(c.severity, pct >= 300 ? 'major' : 'notable');
  t.equal(c.dedupe_key, 'trend:artist:ar_1:country:SE:2026-W47');
  t.same(c.subject, artist);
  t.match(c.evidence, { market: 'SE', current: a, previous: b, test: 'conditional-binomial-normal-cc' });
  t.ok((c.evidence.p_value as number) < 1e-6);
  t.ok(sum(is.slice(7)) < 100, 'Iceland stays under the default minimum volume');
});

t.test('exact path, windows and thresholds', async (t) => {
  // Previous week 20, current week 60: n = 80 takes the exact binomial path.
  const values = [3, 3, 3, 3, 3, 3, 2, 9, 9, 9, 9, 8, 8, 8];
  const series = seriesFrom(start, values);
  const found = detectTrends({ subject: artist, asOf, byMarket: { BR: series }, minVolume: 50 });
  t.equal(found.length, 1);
  t.match(found[0]!.evidence, { current: 60, previous: 20, test: 'conditional-binomial-exact' });
  t.equal(found[0]!.title, 'Streams of Nova Lake in Brazil up 200% week over week');
  t.equal(found[0]!.severity, 'notable');
  t.same(detectTrends({ subject: artist, asOf, byMarket: { BR: series } }), [], 'default minVolume 100 filters it');
  t.same(detectTrends({ subject: artist, asOf, byMarket: { BR: series }, minVolume: 50, alpha: 1e-12 }), [], 'alpha applies');

  // Days outside the two windows must not count.
  const padded = seriesFrom('2026-10-01', [...Array(37).fill(1000), ...values, 5000]);
  const inWindow = detectTrends({ subject: artist, asOf, byMarket: { BR: padded }, minVolume: 50 });
  t.match(inWindow[0]!.evidence, { current: 60, previous: 20 });

  const falling = seriesFrom(start, [...values].reverse());
  t.same(detectTrends({ subject: artist, asOf, byMarket: { BR: falling }, minVolume: 10 }), [], 'falls are not reported');
});

t.test('new market and unknown codes', async (t) => {
  const series = seriesFrom(start, [0, 0, 0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 20, 20]);
  const [c] = detectTrends({ subject: artist, asOf, byMarket: { QQ: series } });
  t.ok(c);
  t.equal(c!.title, 'Streams of Nova Lake in QQ rose from none to 140 week over week');
  t.equal(c!.severity, 'major');
  t.equal(c!.evidence.pct_change, null);
});
