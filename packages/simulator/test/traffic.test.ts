import { createHash } from 'node:crypto';
import t from 'tap';
import { AGE_BRACKETS, ageBracket } from '@chorus/db';
import { CONTEXT_TYPES, createWorld, ListenGenerator, PLATFORMS, type SimListen, toNativeListen } from '../src/index.js';

const world = createWorld({ seed: 5, users: 4000, artists: 300, startYear: 2026 });
// Two weeks from a Monday.
const from = new Date('2026-03-02T00:00:00Z');
const to = new Date('2026-03-16T00:00:00Z');

function digest(listens: Iterable<SimListen>, limit = Number.POSITIVE_INFINITY): string {
  const hash = createHash('sha256');
  let n = 0;
  for (const l of listens) {
    hash.update(JSON.stringify(l));
    if (++n >= limit) break;
  }
  return hash.digest('hex');
}

t.test('the same seed gives an identical stream; another seed differs', async (t) => {
  const window = { from, to: new Date('2026-03-04T00:00:00Z'), targetListens: 20_000 };
  const a = digest(new ListenGenerator(world, { seed: 1 }).generate(window));
  t.equal(digest(new ListenGenerator(createWorld({ seed: 5, users: 4000, artists: 300, startYear: 2026 }), { seed: 1 }).generate(window)), a);
  t.not(digest(new ListenGenerator(world, { seed: 2 }).generate(window)), a);
});

t.test('exact mode yields exactly the target, in order, inside the window', async (t) => {
  const listens = [...new ListenGenerator(world, { seed: 3 }).generate({ from, to: new Date('2026-03-05T00:00:00Z'), targetListens: 12_345, exact: true })];
  t.equal(listens.length, 12_345);
  t.ok(listens.every((l, i) => i === 0 || l.listened_at >= listens[i - 1]!.listened_at));
  t.ok(listens[0]!.listened_at >= from && listens.at(-1)!.listened_at < new Date('2026-03-05T00:00:00Z'));
  // Thinning is uniform: the last day holds about a third.
  const lastDay = listens.filter((l) => l.listened_at >= new Date('2026-03-04T00:00:00Z')).length / listens.length;
  t.ok(lastDay > 0.28 && lastDay < 0.4, `last day share ${lastDay.toFixed(3)}`);
});

t.test('distributions over 200k listens', async (t) => {
  const generator = new ListenGenerator(world, { seed: 9 });
  const listens = [...generator.generate({ from, to, targetListens: 200_000 })];
  t.ok(listens.length > 180_000 && listens.length < 220_000, `${listens.length} listens near the target`);

  let ordered = true;
  let inside = true;
  let skips = 0;
  let night = 0;
  let evening = 0;
  const tracks = new Map<number, number>();
  const contexts = new Set<string>();
  const platforms = new Set<string>();
  const countries = new Set<string>();
  const brackets = new Set<string>();
  const perUser = new Map<number, SimListen>();
  let sessionGapsOk = true;
  listens.forEach((l, i) => {
    if (i > 0 && l.listened_at < listens[i - 1]!.listened_at) ordered = false;
    if (l.listened_at < from || l.listened_at >= to) inside = false;
    if (l.ms_played < 30_000) skips++;
    tracks.set(l.trackIndex, (tracks.get(l.trackIndex) ?? 0) + 1);
    contexts.add(l.context.type);
    platforms.add(l.platform);
    const listener = world.listeners[l.userIndex]!;
    countries.add(listener.country);
    brackets.add(ageBracket(listener.birth_year, l.listened_at));
    const hour = new Date(l.listened_at.getTime() + listener.utc_offset_minutes * 60_000).getUTCHours();
    if (hour >= 2 && hour < 5) night++;
    if (hour >= 18 && hour < 21) evening++;
    if (l.ms_played > world.tracks[l.trackIndex]!.duration_ms) sessionGapsOk = false;
    if (['playlist', 'collaborative_playlist', 'own_playlist'].includes(l.context.type) && !l.context.id) sessionGapsOk = false;
    perUser.set(l.userIndex, l);
  });
  t.ok(ordered, 'listens come in time order');
  t.ok(inside, 'all inside [from, to)');
  t.ok(sessionGapsOk, 'ms_played within the track; playlist contexts carry an id');
  const skipShare = skips / listens.length;
  t.ok(skipShare >= 0.2 && skipShare <= 0.3, `skip share ${skipShare.toFixed(3)}`);
  const sorted = [...tracks.values()].sort((a, b) => b - a);
  const top = sorted.slice(0, Math.ceil(world.tracks.length * 0.01)).reduce((a, b) => a + b, 0) / listens.length;
  t.ok(top > 0.15, `top 1% of tracks take ${(top * 100).toFixed(1)}%`);
  t.same([...contexts].sort(), [...CONTEXT_TYPES].sort(), 'every context type appears');
  t.same([...platforms].sort(), [...PLATFORMS].sort(), 'every platform appears');
  t.ok(countries.size >= 12, `${countries.size} countries`);
  for (const b of AGE_BRACKETS) t.ok(brackets.has(b), `age bracket ${b} appears`);
  // Per hour: night is three hours, evening three hours.
  t.ok(night / evening < 0.3, `night/evening ${(night / evening).toFixed(3)}`);
  t.ok(perUser.size > 2000, `${perUser.size} listeners active`);
});

t.test('a session plays back to back', async (t) => {
  const listens = [...new ListenGenerator(world, { seed: 4 }).generate({ from, to: new Date('2026-03-03T00:00:00Z') })];
  const byUser = new Map<number, SimListen[]>();
  for (const l of listens) byUser.set(l.userIndex, [...(byUser.get(l.userIndex) ?? []), l]);
  let backToBack = 0;
  let pairs = 0;
  for (const list of byUser.values()) {
    for (let i = 1; i < list.length; i++) {
      pairs++;
      const gap = list[i]!.listened_at.getTime() - list[i - 1]!.listened_at.getTime() - list[i - 1]!.ms_played;
      if (gap >= 0 && gap <= 2500) backToBack++;
    }
  }
  t.ok(backToBack / pairs > 0.75, `${((100 * backToBack) / pairs).toFixed(1)}% of a listener's consecutive listens follow on within 2.5 s`);
});

t.test('a planted boost multiplies the artist’s share in its market', async (t) => {
  const window = { from, to, targetListens: 120_000 };
  const boostFrom = new Date('2026-03-09T00:00:00Z');
  const base = [...new ListenGenerator(world, { seed: 21 }).generate(window)];
  const inMarket = (l: SimListen) => world.listeners[l.userIndex]!.country === 'US' && l.listened_at >= boostFrom;
  const byArtist = new Map<number, number>();
  const market = base.filter(inMarket);
  for (const l of market) {
    const a = world.tracks[l.trackIndex]!.artist_index;
    byArtist.set(a, (byArtist.get(a) ?? 0) + 1);
  }
  // An artist with about a 1% share of the market.
  const [artist] = [...byArtist.entries()].sort((x, y) => Math.abs(x[1] / market.length - 0.01) - Math.abs(y[1] / market.length - 0.01))[0]!;
  const factor = 3;
  const boosted = [...new ListenGenerator(world, { seed: 21, boost: { artistIndex: artist, country: 'US', from: boostFrom, factor } }).generate(window)];
  const share = (list: SimListen[], pick: (l: SimListen) => boolean) => {
    const sel = list.filter(pick);
    return sel.filter((l) => world.tracks[l.trackIndex]!.artist_index === artist).length / sel.length;
  };
  const before = share(base, inMarket);
  const after = share(boosted, inMarket);
  const expected = factor / (factor * before + 1 - before);
  t.ok(
    after / before > expected * 0.75 && after / before < expected * 1.25,
    `share ${before.toFixed(4)} -> ${after.toFixed(4)}: x${(after / before).toFixed(2)} (expected x${expected.toFixed(2)})`,
  );
  const elsewhere = (l: SimListen) => world.listeners[l.userIndex]!.country !== 'US' && l.listened_at >= boostFrom;
  const ratioElsewhere = share(boosted, elsewhere) / share(base, elsewhere);
  t.ok(ratioElsewhere > 0.8 && ratioElsewhere < 1.25, `other markets unchanged (x${ratioElsewhere.toFixed(2)})`);
  const earlier = (list: SimListen[]) => list.filter((l) => l.listened_at < boostFrom);
  t.equal(digest(earlier(boosted)), digest(earlier(base)), 'listens before the boost are identical');
});

t.test('native JSON: id, isrc or names, mixed deterministically about 50/25/25', async (t) => {
  const listens = [...new ListenGenerator(world, { seed: 8 }).generate({ from, to: new Date('2026-03-03T00:00:00Z'), targetListens: 8000 })];
  const trackIds = world.tracks.map((tr) => `00000000-0000-7000-8000-${String(tr.index).padStart(12, '0')}`);
  const styles = { id: 0, isrc: 0, names: 0 };
  for (const l of listens) {
    const native = toNativeListen(l, world, 'mixed', trackIds);
    if (JSON.stringify(toNativeListen(l, world, 'mixed', trackIds)) !== JSON.stringify(native)) t.fail('the same listen styles the same way');
    if (native.track_id) styles.id++;
    else if (native.isrc) styles.isrc++;
    else if (native.artist_name && native.track_name) styles.names++;
    if (native.listened_at !== l.listened_at.toISOString() || native.ms_played !== l.ms_played || native.platform !== l.platform) t.fail('fields carried over');
  }
  const n = listens.length;
  t.ok(Math.abs(styles.id / n - 0.5) < 0.03 && Math.abs(styles.isrc / n - 0.25) < 0.03 && Math.abs(styles.names / n - 0.25) < 0.03, JSON.stringify(styles));
  const l = listens[0]!;
  const track = world.tracks[l.trackIndex]!;
  t.same(toNativeListen(l, world, 'isrc'), {
    isrc: track.isrc,
    listened_at: l.listened_at.toISOString(),
    ms_played: l.ms_played,
    context: l.context,
    platform: l.platform,
    client: l.client,
  });
  const named = toNativeListen(l, world, 'names');
  t.equal(named.artist_name, world.artists[track.artist_index]!.name);
  t.equal(named.track_name, track.title);
  t.equal(named.release_name, world.releases[track.release_index]!.title);
  t.ok(toNativeListen(l, world, 'id').isrc, 'id style without a catalog id falls back to the ISRC');
  t.match(named.listened_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
});
