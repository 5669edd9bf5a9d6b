import { mulberry32, randInt } from '@chorus/test-kit';
import t from 'tap';
import { relatedArtists } from '../src/index.js';

t.test('planted clusters come back as each other’s top related', async (t) => {
  const rand = mulberry32(2026);
  const listeners = new Map<string, Set<string>>();
  const clusters = 8;
  const perCluster = 5;
  for (let c = 0; c < clusters; c++) {
    for (let k = 0; k < perCluster; k++) listeners.set(`c${c}a${k}`, new Set());
  }
  // Each cluster has its own fan base; fans pick several artists of their cluster.
  for (let c = 0; c < clusters; c++) {
    for (let f = 0; f < 300; f++) {
      for (let k = 0; k < perCluster; k++) if (rand() < 0.5) listeners.get(`c${c}a${k}`)!.add(`fan${c}_${f}`);
    }
  }
  // Background listeners spread across everything, with one very popular artist.
  for (let l = 0; l < 3000; l++) {
    const n = randInt(rand, 1, 4);
    for (let i = 0; i < n; i++) {
      const id = rand() < 0.3 ? 'c0a0' : `c${randInt(rand, 0, clusters - 1)}a${randInt(rand, 0, perCluster - 1)}`;
      listeners.get(id)!.add(`bg${l}`);
    }
  }
  const related = relatedArtists({ listenersByArtist: listeners, limit: 10 });
  t.equal(related.size, clusters * perCluster);
  for (const [artist, list] of related) {
    const cluster = artist.slice(0, artist.indexOf('a'));
    const top = list.slice(0, perCluster - 1).map((r) => r.artist_id);
    t.ok(
      top.every((id) => id.startsWith(`${cluster}a`)),
      `${artist}: top ${perCluster - 1} are its cluster (${top.join(', ')})`,
    );
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      t.ok(a.score > b.score || (a.score === b.score && a.artist_id < b.artist_id), 'sorted by score then id');
    }
  }
});

t.test('pairs below minOverlap never appear; scores are cosine', async (t) => {
  const range = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
  const listenersByArtist = new Map<string, string[]>([
    ['a', range('u', 0, 20)],
    ['b', [...range('u', 0, 5), ...range('v', 0, 15)]], // 5 shared with a
    ['c', [...range('u', 10, 14), ...range('w', 0, 30)]], // 4 shared with a
    ['d', ['u0', 'u0', 'u1']], // duplicates are one listener
  ]);
  const related = relatedArtists({ listenersByArtist, minOverlap: 5 });
  t.same(related.get('a'), [{ artist_id: 'b', score: 5 / Math.sqrt(20 * 20), overlap: 5 }]);
  t.same(related.get('c'), []);
  t.same(related.get('d'), []);
  t.notOk(
    [...related.values()].flat().some((r) => r.overlap < 5),
    'no reported pair shares fewer than minOverlap listeners',
  );
  const loose = relatedArtists({ listenersByArtist, minOverlap: 2, limit: 1 });
  // d shares only 2 listeners with a, but they are all of d's: cosine ranks it above b (5 of 20).
  t.same(loose.get('a'), [{ artist_id: 'd', score: 2 / Math.sqrt(20 * 2), overlap: 2 }], 'limit keeps the best');
  t.same(
    loose.get('d')!.map((r) => r.artist_id),
    ['a'],
    'd: 2 of 2 listeners shared with a',
  );
  t.equal(loose.get('d')![0]!.overlap, 2);
});

t.test('listeners above the per-listener cap add no overlap', async (t) => {
  const listenersByArtist = new Map<string, string[]>();
  for (let a = 0; a < 5; a++) listenersByArtist.set(`a${a}`, ['omni1', 'omni2', 'omni3', 'omni4', 'omni5', 'omni6']);
  t.equal(relatedArtists({ listenersByArtist }).get('a0')!.length, 4);
  t.same(relatedArtists({ listenersByArtist, maxArtistsPerListener: 4 }).get('a0'), []);
});

t.test('scales to 5,000 artists and 20,000 listeners', async (t) => {
  const rand = mulberry32(11);
  const artists = 5000;
  const listenersByArtist = new Map<string, string[]>();
  for (let a = 0; a < artists; a++) listenersByArtist.set(`ar${a}`, []);
  // Listeners follow 5-80 artists, biased toward a popular head and a home genre of 100 artists.
  for (let l = 0; l < 20_000; l++) {
    const n = randInt(rand, 5, 80);
    const genre = randInt(rand, 0, 49) * 100;
    for (let i = 0; i < n; i++) {
      const a = rand() < 0.3 ? Math.floor(rand() ** 3 * artists) : genre + randInt(rand, 0, 99);
      listenersByArtist.get(`ar${a}`)!.push(`l${l}`);
    }
  }
  const started = performance.now();
  const related = relatedArtists({ listenersByArtist });
  const ms = performance.now() - started;
  t.comment(`relatedArtists on 5,000 × 20,000: ${ms.toFixed(0)} ms`);
  // Its time is reported, not asserted: speed is judged by benchmarks, not by a timed unit test on a shared machine.
  t.equal(related.size, artists, 'every artist answered');
});
