import t from 'tap';
import { recentlyQueued } from '../src/jobs/aggregate.job.js';

t.test('recentlyQueued: an id queued within the window is not queued again; after it, or once forgotten, it is', async (t) => {
  let now = 1_000_000;
  const recent = recentlyQueued(20_000, () => now);
  t.same(recent.take(['a', 'b']), ['a', 'b'], 'new ids are taken');
  now += 5_000;
  t.same(recent.take(['a', 'c', 'b']), ['c'], 'within the window only the new one');
  now += 15_000;
  t.same(recent.take(['a', 'c']), ['a'], 'a is 20 s old: taken again; c (15 s) is not');
  recent.forget(['c']);
  t.same(recent.take(['c']), ['c'], 'a forgotten id (its queuing failed) is taken at the next change');
  t.same(recentlyQueued(0, () => now).take(['a', 'a']), ['a', 'a'], 'a window of zero (no delay) takes everything, every time');
});

t.test('recentlyQueued: what it remembers stays bounded', async (t) => {
  let now = 0;
  const recent = recentlyQueued(1_000, () => now);
  for (let i = 0; i < 250_000; i++) {
    now += 1;
    recent.take([`artist-${i}`]);
  }
  // Every id is older than the window except the last thousand: they are all still refused, the old ones taken.
  t.same(recent.take(['artist-249999', 'artist-0']), ['artist-0']);
});
