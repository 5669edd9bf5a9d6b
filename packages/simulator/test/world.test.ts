import t from 'tap';
import { AGE_BRACKETS, ageBracket } from '@chorus/db';
import { createWorld } from '../src/index.js';

const options = { seed: 11, users: 1500, artists: 120, startYear: 2026 };

t.test('the same seed gives a byte-identical world; another seed differs', async (t) => {
  const a = JSON.stringify(createWorld(options));
  t.equal(JSON.stringify(createWorld(options)), a);
  t.not(JSON.stringify(createWorld({ ...options, seed: 12 })), a);
});

t.test('listeners look like an audience', async (t) => {
  const world = createWorld(options);
  t.equal(world.listeners.length, 1500);
  const l = world.listeners[0]!;
  t.equal(l.key, 'listener-1');
  t.equal(l.email, 'listener-1@sim.chorus.test');
  t.equal(new Set(world.listeners.map((x) => x.email)).size, 1500, 'emails are unique');
  const countries = new Set(world.listeners.map((x) => x.country));
  t.ok(countries.size >= 12, `${countries.size} countries`);
  for (const c of ['US', 'GB', 'DE', 'SE', 'BR', 'MX', 'JP', 'FR', 'IN', 'NG', 'KR', 'ES']) t.ok(countries.has(c), c);
  const brackets = new Set(world.listeners.map((x) => ageBracket(x.birth_year, new Date(Date.UTC(2026, 5, 1)))));
  for (const b of AGE_BRACKETS) t.ok(brackets.has(b), `bracket ${b}`);
  const genders = new Set(world.listeners.map((x) => x.gender));
  for (const g of ['female', 'male', 'non_binary', 'other', 'prefer_not_to_say', null]) t.ok(genders.has(g as never), `gender ${g}`);
  for (const x of world.listeners) {
    if (x.favourite_artists.length < 3 || x.favourite_genres.length < 1) t.fail(`${x.key} has too little taste`);
    if (x.platforms.length !== x.clients.length || x.platforms.length !== x.platform_weights.length) t.fail(`${x.key} device arrays misaligned`);
    if (!(x.sessions_per_day > 0)) t.fail(`${x.key} never listens`);
  }
  const activity = world.listeners.map((x) => x.sessions_per_day).sort((a, b) => b - a);
  const top10 = activity.slice(0, 150).reduce((a, b) => a + b, 0) / activity.reduce((a, b) => a + b, 0);
  t.ok(top10 > 0.25, `the most active 10% hold ${(top10 * 100).toFixed(0)}% of sessions (heavy tail)`);
});

t.test('the catalog is consistent, unique and valid', async (t) => {
  const world = createWorld({ ...options, artists: 400, tracksPerArtist: 10 });
  t.equal(world.tracks.length, 4000);
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
  t.equal(new Set(world.artists.map((a) => fold(a.name))).size, 400, 'artist names are unique, even folded');
  t.ok(
    world.artists.some((a) => /\p{M}/u.test(a.name.normalize('NFKD'))),
    'some names carry accents',
  );
  t.equal(new Set(world.tracks.map((x) => x.isrc)).size, 4000, 'ISRCs are unique');
  t.ok(
    world.tracks.every((x) => /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(x.isrc)),
    'ISRCs are well formed',
  );
  t.ok(
    world.tracks.every((x) => x.duration_ms >= 120_000 && x.duration_ms <= 420_000),
    'durations 2 to 7 minutes',
  );
  t.same(new Set(world.artists.map((a) => a.rank)).size, 400, 'ranks are a permutation');
  const types = new Set(world.releases.map((r) => r.type));
  t.ok(types.has('album') && types.has('single') && types.has('ep'));
  for (const artist of world.artists) {
    const titles = artist.tracks.map((i) => fold(world.tracks[i]!.title));
    if (new Set(titles).size !== titles.length) t.fail(`${artist.name} repeats a title`);
    for (const r of artist.releases) {
      const release = world.releases[r]!;
      if (release.artist_index !== artist.index) t.fail('release owner');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(release.release_date) || release.release_date >= '2026-01-01') t.fail(`release date ${release.release_date}`);
      release.tracks.forEach((tr, i) => {
        if (world.tracks[tr]!.track_number !== i + 1 || world.tracks[tr]!.release_index !== r) t.fail('track numbering');
      });
    }
  }
  const playlists = world.playlists;
  t.equal(playlists.length, 300);
  t.ok(playlists.some((p) => p.type === 'collaborative_playlist') && playlists.some((p) => p.type === 'playlist'));
  t.equal(new Set(playlists.map((p) => p.id)).size, 300, 'playlist ids are unique');
  t.ok(
    playlists.every((p) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(p.id)),
    'playlist ids are UUIDv7-shaped',
  );
});

t.test('bad options are refused', async (t) => {
  t.throws(() => createWorld({ seed: 1, users: 0, artists: 1 }));
  t.throws(() => createWorld({ seed: 1, users: 1, artists: 1.5 }));
});

t.test('markets: listeners, artists and regional playlists come only from the markets named', async (t) => {
  const world = createWorld({ seed: 7, users: 300, artists: 12, playlists: 40, markets: ['US', 'BR'] });
  t.same(new Set(world.listeners.map((l) => l.country)), new Set(['US', 'BR']));
  t.ok(world.artists.every((a) => a.country === 'US' || a.country === 'BR'));
  t.ok(world.playlists.every((p) => p.country === null || p.country === 'US' || p.country === 'BR'));
  t.throws(() => createWorld({ seed: 7, users: 10, artists: 2, markets: ['XX'] }), RangeError);
  t.throws(() => createWorld({ seed: 7, users: 10, artists: 2, markets: [] }), RangeError);
});
