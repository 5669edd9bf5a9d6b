import { createTestApp, createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { makeArtist, makeRelease, makeTrack, testEnv } from './support.js';

t.test('search', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const owner = await createUser(deps);
  const search = async (query: string) => {
    const res = await app.inject({ url: `/v1/search?${query}` });
    t.equal(res.statusCode, 200, `${query}: ${res.body.slice(0, 200)}`);
    return res.json();
  };
  const names = (items: Array<{ name?: string; title?: string }>) => items.map((i) => i.name ?? i.title);

  const bjork = await makeArtist(deps, owner, { name: 'Björk', country: 'IS' });
  await makeArtist(deps, owner, { name: 'Ode to Bjork' });
  await makeArtist(deps, owner, { name: 'Björkestra' });
  await makeArtist(deps, owner, { name: 'BJÖRK ÅSTRÖM' });
  const debut = await makeRelease(deps, owner, bjork.id, { title: 'Debut', type: 'album' });
  await makeTrack(deps, owner, debut.id, { title: 'Human Behaviour' });

  t.test('case- and accent-insensitive on both sides', async (t) => {
    for (const q of ['bjork', 'BJÖRK', 'Bjo%CC%88rk', 'jör', '%20%20bJoRk%20']) {
      const found = await search(`q=${q}&type=artist`);
      t.ok(names(found.artists).includes('Björk'), `"${decodeURIComponent(q)}" finds Björk`);
    }
    t.same(names((await search('q=ASTROM')).artists), ['BJÖRK ÅSTRÖM']);
  });

  t.test('ranked: exact, then prefix, then contains; by name within each', async (t) => {
    const found = await search('q=bjork&type=artist');
    t.same(names(found.artists), ['Björk', 'BJÖRK ÅSTRÖM', 'Björkestra', 'Ode to Bjork']);
    t.same(found.artists[0], { id: bjork.id, name: 'Björk', verified: false, country: 'IS', genres: [] });
    const limited = await search('q=bjork&type=artist&limit=2');
    t.same(names(limited.artists), ['Björk', 'BJÖRK ÅSTRÖM'], 'limit keeps the best');
  });

  t.test('% and _ are literal', async (t) => {
    await makeArtist(deps, owner, { name: '100% Pure' });
    await makeArtist(deps, owner, { name: '1000 Pure' });
    await makeArtist(deps, owner, { name: 'snake_case' });
    await makeArtist(deps, owner, { name: 'snakeXcase' });
    await makeArtist(deps, owner, { name: 'back\\slash' });
    t.same(names((await search('q=100%25&type=artist')).artists), ['100% Pure']);
    t.same(names((await search('q=e_c&type=artist')).artists), ['snake_case']);
    t.same(names((await search('q=%25&type=artist')).artists), ['100% Pure']);
    t.same(names((await search('q=_&type=artist')).artists), ['snake_case']);
    t.same(names((await search('q=k%5Cs&type=artist')).artists), ['back\\slash']);
  });

  t.test('type filter answers only the kinds asked; releases and tracks carry their artist', async (t) => {
    const all = await search('q=de');
    t.same(Object.keys(all).sort(), ['artists', 'releases', 'tracks']);
    t.same(all.releases, [
      { id: debut.id, title: 'Debut', type: 'album', release_date: '2024-05-17', artist: { id: bjork.id, name: 'Björk', verified: false } },
    ]);
    t.same(names(all.artists), ['Ode to Bjork']);
    const tracks = await search('q=behav&type=track');
    t.same(Object.keys(tracks), ['tracks']);
    t.match(tracks.tracks, [{ title: 'Human Behaviour', artist: { id: bjork.id, name: 'Björk' }, release: { id: debut.id, title: 'Debut' } }]);
    const two = await search('q=debut&type=release,track');
    t.same(Object.keys(two).sort(), ['releases', 'tracks']);
    t.same(names(two.releases), ['Debut']);
    t.same(two.tracks, []);
  });

  t.test('bad queries are 400 with a pointer', async (t) => {
    for (const [query, pointer] of [
      ['', '/q'],
      ['q=', '/q'],
      ['q=%20%20%20', '/q'],
      [`q=${'x'.repeat(101)}`, '/q'],
      ['q=a&type=artists', '/type'],
      ['q=a&type=artist,', '/type'],
      ['q=a&type=', '/type'],
      ['q=a&limit=0', '/limit'],
      ['q=a&limit=51', '/limit'],
      ['q=a&limit=ten', '/limit'],
      ['q=a&sort=name', '/sort'],
    ] as const) {
      const res = await app.inject({ url: `/v1/search?${query}` });
      t.equal(res.statusCode, 400, query);
      t.ok(
        res.json().errors?.some((e: { pointer: string }) => e.pointer === pointer),
        `${query}: ${pointer} in ${JSON.stringify(res.json().errors)}`,
      );
    }
  });
});
