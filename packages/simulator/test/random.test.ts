import t from 'tap';
import { Rng, WeightedSampler, ZipfSampler } from '../src/index.js';

t.test('the same seed gives the same draws; another seed differs', async (t) => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const da = Array.from({ length: 100 }, () => a.next());
  t.same(
    da,
    Array.from({ length: 100 }, () => b.next()),
  );
  t.notSame(
    da,
    Array.from({ length: 100 }, () => c.next()),
  );
  t.same(Rng.derive(1, 'x', 2).next(), Rng.derive(1, 'x', 2).next());
  t.not(Rng.derive(1, 'x', 2).next(), Rng.derive(1, 'x', 3).next());
  t.same(new Rng('seed').next(), new Rng('seed').next());
  t.ok(da.every((x) => x >= 0 && x < 1));
});

t.test('draws have the right shapes', async (t) => {
  const rng = new Rng(7);
  const n = 50_000;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const normals = Array.from({ length: n }, () => rng.normal(10, 2));
  t.ok(Math.abs(mean(normals) - 10) < 0.05, 'normal mean');
  const sd = Math.sqrt(mean(normals.map((x) => (x - 10) ** 2)));
  t.ok(Math.abs(sd - 2) < 0.05, 'normal sd');
  t.ok(Math.abs(mean(Array.from({ length: n }, () => rng.exponential(3))) - 3) < 0.08, 'exponential mean');
  t.ok(Math.abs(mean(Array.from({ length: n }, () => rng.poisson(4))) - 4) < 0.06, 'poisson mean (small)');
  t.ok(Math.abs(mean(Array.from({ length: 5000 }, () => rng.poisson(500))) - 500) < 2, 'poisson mean (large)');
  const ints = Array.from({ length: n }, () => rng.int(1, 6));
  t.same([...new Set(ints)].sort(), [1, 2, 3, 4, 5, 6], 'int covers both ends');
  const picks = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = rng.weighted(['a', 'b', 'c'], [1, 2, 7]);
    picks.set(x, (picks.get(x) ?? 0) + 1);
  }
  t.ok(Math.abs(picks.get('c')! / n - 0.7) < 0.01, 'weighted pick');
  t.equal(new Set(rng.sample([1, 2, 3, 4, 5, 6, 7, 8], 5)).size, 5, 'sample is without replacement');
  t.throws(() => rng.pick([]));
});

t.test('samplers follow their weights; Zipf is heavy at the head', async (t) => {
  const rng = new Rng(9);
  const sampler = new WeightedSampler([0, 1, 0, 3]);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 40_000; i++) counts[sampler.sample(rng)]!++;
  t.equal(counts[0], 0);
  t.equal(counts[2], 0);
  t.ok(Math.abs(counts[3]! / 40_000 - 0.75) < 0.01);
  const zipf = new ZipfSampler(10_000, 1.05);
  const hits = new Array<number>(10_000).fill(0);
  for (let i = 0; i < 100_000; i++) hits[zipf.sample(rng)]!++;
  const top1 = hits.slice(0, 100).reduce((a, b) => a + b, 0) / 100_000;
  t.ok(top1 > 0.4, `top 1% of ranks draw ${top1.toFixed(2)}`);
  t.ok(Math.abs(hits[0]! / 100_000 - zipf.probability(0)) < 0.01, 'rank 1 matches its probability');
  t.throws(() => new WeightedSampler([0, 0]));
  t.throws(() => new WeightedSampler([1, -1]));
});
