import type { ContextType, Platform } from '@chorus/db';
import { hashString, Rng, type Seed, WeightedSampler } from './random.js';
import { CONTEXT_TYPES } from './vocabulary.js';
import { ArtistPools, type Listener, type World } from './world.js';

/** A listen as the simulator thinks of it: indexes into the world, not catalog ids. */
export interface SimListen {
  userIndex: number;
  trackIndex: number;
  listened_at: Date;
  ms_played: number;
  context: { type: ContextType; id?: string };
  platform: Platform;
  client: string;
}

/** A planted trend: from `from` (until `to`), the artist's share among listeners of `country` is multiplied by `factor` (as odds). */
export interface Boost {
  artistIndex: number;
  country: string;
  from: Date;
  to?: Date;
  factor: number;
}

export interface GeneratorOptions {
  seed: Seed;
  boost?: Boost | readonly Boost[];
}

export interface GenerateOptions {
  from: Date;
  to: Date;
  /** Scales activity so the window holds about this many listens (else each listener's natural activity). */
  targetListens?: number;
  /** With targetListens: yield exactly that many (a counting pass, then uniform thinning); costs about twice the time. */
  exact?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Sessions are scheduled per 15-minute slice of UTC time. */
const SLICE = 15 * MINUTE;
/** Sessions start this long before `from`, so the window opens with listening already under way. */
const WARM_UP = 3 * HOUR;

/** Session starts by local hour: quiet at night, a morning commute, an evening peak. */
const WEEKDAY_HOURS = [
  0.45, 0.25, 0.12, 0.07, 0.06, 0.12, 0.35, 0.8, 1.0, 0.8, 0.7, 0.72, 0.82, 0.78, 0.74, 0.8, 0.92, 1.05, 1.1, 1.12, 1.15, 1.05, 0.85, 0.62,
];
/** Weekends: a late start, a long afternoon, later nights. */
const WEEKEND_HOURS = [0.65, 0.42, 0.2, 0.1, 0.07, 0.08, 0.15, 0.3, 0.55, 0.8, 0.98, 1.05, 1.08, 1.06, 1.02, 1.0, 1.0, 1.02, 1.05, 1.08, 1.08, 1.0, 0.9, 0.75];
/** Volume by local weekday, Sunday first. */
const DAY_FACTORS = [0.88, 0.97, 0.98, 1.0, 1.02, 1.1, 1.02];

function rhythm(dow: number, hour: number): number {
  return DAY_FACTORS[dow]! * (dow === 0 || dow === 6 ? WEEKEND_HOURS : WEEKDAY_HOURS)[hour]!;
}

const RHYTHM_MEAN = (() => {
  let sum = 0;
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) sum += rhythm(d, h);
  return sum / (7 * 24);
})();

/** Tracks per session: 3 to 30, most sessions short. */
const SESSION_LENGTHS = new WeightedSampler(Array.from({ length: 28 }, (_, i) => 0.87 ** i));
const MEAN_SESSION_LENGTH = Array.from({ length: 28 }, (_, i) => (3 + i) * SESSION_LENGTHS.probability(i)).reduce((a, b) => a + b, 0);

/** Base skip probability by source: radio and editorial playlists get skipped, albums and searches much less. */
const SKIP: Readonly<Record<ContextType, number>> = {
  library: 0.23,
  own_playlist: 0.2,
  playlist: 0.38,
  collaborative_playlist: 0.32,
  album: 0.17,
  artist: 0.26,
  search: 0.14,
  radio: 0.45,
  partner: 0.33,
  other: 0.36,
};
/** Chance that the next track of a session comes from the same source. */
const STAY_IN_CONTEXT = 0.75;
const STREAM_MS = 30_000;

/** Where the session is playing from, with what it needs to pick the next track. */
interface Context {
  type: ContextType;
  id?: string;
  playlist?: number;
  release?: number;
  position?: number;
  artist?: number;
  genre?: string;
}

interface Session {
  seq: number;
  listener: number;
  rng: Rng;
  remaining: number;
  at: number;
  platform: number;
  context: Context | null;
}

/** A binary min-heap of sessions by (next listen time, sequence): ties resolve the same way every run. */
class SessionHeap {
  private readonly items: Session[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Session | undefined {
    return this.items[0];
  }

  private less(a: Session, b: Session): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  push(s: Session): void {
    const items = this.items;
    items.push(s);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Session | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

interface ZoneGroup {
  offsetMs: number;
  listeners: number[];
  sampler: WeightedSampler;
  /** Sum of the group's sessions per day. */
  rate: number;
}

interface PlaylistPool {
  pool: number[];
  sampler: WeightedSampler;
}

interface ActiveBoost {
  artist: number;
  country: string;
  from: number;
  to: number;
  factor: number;
}

/**
 * Generates listening traffic for a world: sessions placed by each listener's daily and weekly rhythm in
 * their local time, tracks chosen mostly from the listener's taste and otherwise by global popularity with
 * a home-market bias. Deterministic: the same seed, world and window give the same stream. Each session
 * draws from its own generator, so a planted boost changes only the listens it touches.
 */
export class ListenGenerator {
  private readonly pools: ArtistPools;
  private readonly artistTracks: WeightedSampler[];
  private readonly releaseWeights: number[];
  private readonly groups: ZoneGroup[];
  private readonly playlistsByGenre = new Map<string, PlaylistPool>();
  private readonly playlistsByCountry = new Map<string, PlaylistPool>();
  private readonly playlistsAll: PlaylistPool | null;
  private readonly favouriteWeights: number[][];
  private readonly boosts: ActiveBoost[];
  private readonly seed: Seed;

  constructor(
    readonly world: World,
    options: GeneratorOptions,
  ) {
    this.seed = options.seed;
    const boosts = options.boost === undefined ? [] : Array.isArray(options.boost) ? options.boost : [options.boost as Boost];
    this.boosts = boosts.map((b) => {
      if (!world.artists[b.artistIndex]) throw new RangeError(`boost names artist ${b.artistIndex}, which the world does not have`);
      if (!(b.factor >= 0)) throw new RangeError('boost factor must be a non-negative number');
      return { artist: b.artistIndex, country: b.country, from: b.from.getTime(), to: b.to?.getTime() ?? Number.POSITIVE_INFINITY, factor: b.factor };
    });
    this.pools = new ArtistPools(world.artists);
    this.artistTracks = world.artists.map((a) => new WeightedSampler(a.tracks.map((t) => world.tracks[t]!.popularity)));
    this.releaseWeights = world.releases.map((r) => r.tracks.reduce((sum, t) => sum + world.tracks[t]!.popularity, 0));
    this.favouriteWeights = world.listeners.map((l) => l.favourite_artists.map((_, k) => 1 / (k + 1) ** 0.9));

    const byOffset = new Map<number, number[]>();
    for (const l of world.listeners) {
      const list = byOffset.get(l.utc_offset_minutes) ?? [];
      list.push(l.index);
      byOffset.set(l.utc_offset_minutes, list);
    }
    this.groups = [...byOffset.entries()]
      .sort(([a], [b]) => a - b)
      .map(([offset, listeners]) => {
        const weights = listeners.map((i) => world.listeners[i]!.sessions_per_day);
        return { offsetMs: offset * MINUTE, listeners, sampler: new WeightedSampler(weights), rate: weights.reduce((a, b) => a + b, 0) };
      });

    const editorial = world.playlists.filter((p) => p.type === 'playlist' && p.tracks.length > 0);
    const poolOf = (list: typeof editorial): PlaylistPool => ({ pool: list.map((p) => p.index), sampler: new WeightedSampler(list.map((p) => p.popularity)) });
    this.playlistsAll = editorial.length ? poolOf(editorial) : null;
    for (const genre of new Set(editorial.map((p) => p.genre))) this.playlistsByGenre.set(genre, poolOf(editorial.filter((p) => p.genre === genre)));
    for (const country of new Set(editorial.flatMap((p) => (p.country ? [p.country] : [])))) {
      this.playlistsByCountry.set(country, poolOf(editorial.filter((p) => p.country === country)));
    }
  }

  /** Mean tracks per session. */
  static readonly meanSessionLength = MEAN_SESSION_LENGTH;

  /** Listens expected in [from, to) at the listeners' natural activity. */
  expectedListens(from: Date, to: Date): number {
    return this.expectedSessions(from.getTime(), to.getTime()) * MEAN_SESSION_LENGTH;
  }

  /** Listens in time order, all inside [from, to). */
  *generate(options: GenerateOptions): Generator<SimListen> {
    const from = options.from.getTime();
    const to = options.to.getTime();
    if (!(to > from)) throw new RangeError('generate needs from < to');
    const target = options.targetListens;
    if (target === undefined) {
      yield* this.run(from, to, 1);
      return;
    }
    if (!(target >= 0)) throw new RangeError('targetListens must be a non-negative number');
    const expected = this.expectedListens(options.from, options.to);
    if (expected === 0 || target === 0) return;
    let scale = target / expected;
    if (!options.exact) {
      yield* this.run(from, to, scale);
      return;
    }
    // Aim a little high, count, and rescale until the window holds at least the target; then keep exactly
    // `target` of them by selection sampling, which keeps each listen with the same probability.
    scale *= 1.03;
    let count = this.count(from, to, scale);
    for (let i = 0; i < 8 && count < target; i++) {
      scale *= (target / Math.max(1, count)) * 1.03;
      count = this.count(from, to, scale);
    }
    const thin = Rng.derive(this.seed, 'thin', from, to, target);
    let need = Math.min(target, count);
    let left = count;
    for (const listen of this.run(from, to, scale)) {
      if (thin.next() * left < need) {
        need--;
        yield listen;
      }
      left--;
      if (need === 0) return;
    }
  }

  /**
   * An endless stream in simulated time from `from`, at about `listensPerDay` listens a simulated day
   * (natural activity when absent). Cold by default (no warm-up), for a caller that takes listens at its own
   * pace and re-times them; warm (sessions already under way at `from`) for one that plays them at their times.
   */
  *stream(from: Date, listensPerDay?: number, warm = false): Generator<SimListen> {
    const start = from.getTime();
    const natural = this.expectedListens(from, new Date(start + DAY));
    if (natural === 0) return;
    const scale = listensPerDay === undefined ? 1 : listensPerDay / natural;
    if (!(scale > 0)) return;
    yield* this.run(start, Number.POSITIVE_INFINITY, scale, warm ? WARM_UP : 0);
  }

  private count(from: number, to: number, scale: number): number {
    let n = 0;
    for (const _ of this.run(from, to, scale)) n++;
    return n;
  }

  private expectedSessions(from: number, to: number): number {
    let sum = 0;
    for (let slice = Math.floor(from / SLICE) * SLICE; slice < to; slice += SLICE) {
      const overlap = Math.min(to, slice + SLICE) - Math.max(from, slice);
      for (const g of this.groups) sum += (g.rate * this.rhythmAt(slice, g.offsetMs) * overlap) / DAY;
    }
    return sum;
  }

  private rhythmAt(utcMs: number, offsetMs: number): number {
    const local = new Date(utcMs + offsetMs);
    return rhythm(local.getUTCDay(), local.getUTCHours()) / RHYTHM_MEAN;
  }

  private *run(from: number, to: number, scale: number, warmUp = WARM_UP): Generator<SimListen> {
    const schedule = Rng.derive(this.seed, 'schedule', from, to);
    const heap = new SessionHeap();
    let seq = 0;
    const start = from - warmUp;
    let slice = Math.floor(start / SLICE) * SLICE;
    for (;;) {
      // Every session starting before `slice` is in the heap, so anything due earlier can go out in order.
      for (let top = heap.peek(); top && top.at < slice; top = heap.peek()) {
        const listen = this.step(heap.pop()!, heap, to);
        if (listen && listen.listened_at.getTime() >= from) yield listen;
      }
      if (slice >= to) break;
      const sliceStart = Math.max(slice, start);
      const sliceEnd = Math.min(slice + SLICE, to);
      for (const g of this.groups) {
        const expected = (scale * g.rate * this.rhythmAt(slice, g.offsetMs) * (sliceEnd - sliceStart)) / DAY;
        const n = schedule.poisson(expected);
        for (let k = 0; k < n; k++) {
          const listener = g.listeners[g.sampler.sample(schedule)]!;
          const at = Math.floor(sliceStart + schedule.next() * (sliceEnd - sliceStart));
          const rng = schedule.fork();
          const remaining = 3 + SESSION_LENGTHS.sample(schedule);
          heap.push({ seq: seq++, listener, rng, remaining, at, platform: this.platformFor(this.world.listeners[listener]!, rng, at), context: null });
        }
      }
      slice += SLICE;
    }
  }

  /** Plays the session's next track, re-queues the session if it goes on, and returns the listen. */
  private step(session: Session, heap: SessionHeap, to: number): SimListen | null {
    if (session.at >= to) return null;
    const listener = this.world.listeners[session.listener]!;
    const { rng } = session;
    const { context, track } = this.choose(session, listener);
    session.context = context;
    const t = this.world.tracks[track]!;
    const favourite = listener.favourite_artists.includes(t.artist_index);
    const skipP = Math.min(0.9, SKIP[context.type] * listener.skip_bias * (favourite ? 0.65 : 1));
    let msPlayed: number;
    if (rng.chance(skipP)) msPlayed = Math.min(STREAM_MS - 1, Math.floor(500 + rng.exponential(8_000)));
    else msPlayed = rng.chance(0.8) ? t.duration_ms : rng.int(STREAM_MS, t.duration_ms);
    const listen: SimListen = {
      userIndex: session.listener,
      trackIndex: track,
      listened_at: new Date(session.at),
      ms_played: msPlayed,
      context: context.id === undefined ? { type: context.type } : { type: context.type, id: context.id },
      platform: listener.platforms[session.platform]!,
      client: listener.clients[session.platform]!,
    };
    session.remaining--;
    if (session.remaining > 0) {
      session.at += msPlayed + (msPlayed < STREAM_MS ? rng.int(150, 1200) : rng.int(0, 2500));
      heap.push(session);
    }
    return listen;
  }

  /** The next source and track, redrawn by rejection while a boost is active, so the boosted artist's odds are multiplied by its factor. */
  private choose(session: Session, listener: Listener): { context: Context; track: number } {
    const boosts = this.activeBoosts(listener.country, session.at);
    let pick = this.draw(session, listener);
    if (boosts.length === 0) return pick;
    let max = 1;
    for (const b of boosts) if (b.factor > 1) max *= b.factor;
    for (let attempt = 0; attempt < 200; attempt++) {
      const artist = this.world.tracks[pick.track]!.artist_index;
      let weight = 1;
      for (const b of boosts) if (b.artist === artist) weight *= b.factor;
      if (session.rng.next() * max < weight) return pick;
      pick = this.draw(session, listener);
    }
    return pick;
  }

  private activeBoosts(country: string, at: number): ActiveBoost[] {
    if (this.boosts.length === 0) return [];
    return this.boosts.filter((b) => b.country === country && at >= b.from && at < b.to);
  }

  private draw(session: Session, listener: Listener): { context: Context; track: number } {
    const { rng } = session;
    let context = session.context;
    const albumDone = context?.type === 'album' && (context.position ?? 0) >= this.world.releases[context.release!]!.tracks.length;
    if (!context || albumDone || !rng.chance(STAY_IN_CONTEXT)) context = this.newContext(listener, rng);
    switch (context.type) {
      case 'album': {
        const release = this.world.releases[context.release!]!;
        const position = context.position ?? 0;
        return { context: { ...context, position: position + 1 }, track: release.tracks[position]! };
      }
      case 'playlist':
      case 'collaborative_playlist': {
        const playlist = this.world.playlists[context.playlist!]!;
        return { context, track: rng.pick(playlist.tracks) };
      }
      case 'artist':
        return { context, track: this.trackOf(context.artist!, rng) };
      case 'radio':
        return {
          context,
          track: rng.chance(0.75) ? this.trackOf(this.pools.draw(rng, context.genre ?? null, listener.country), rng) : this.tasteTrack(listener, rng),
        };
      case 'search':
        return { context, track: rng.chance(0.55) ? this.globalTrack(listener, rng) : this.tasteTrack(listener, rng) };
      case 'other':
        return { context, track: rng.chance(0.6) ? this.globalTrack(listener, rng) : this.tasteTrack(listener, rng) };
      default:
        return { context, track: this.tasteTrack(listener, rng) };
    }
  }

  private newContext(listener: Listener, rng: Rng): Context {
    const type = rng.weighted(CONTEXT_TYPES, listener.source_weights);
    switch (type) {
      case 'own_playlist':
        return listener.own_playlists.length ? { type, id: rng.pick(listener.own_playlists) } : { type: 'library' };
      case 'playlist': {
        const playlist = this.pickPlaylist(listener, rng);
        return playlist === null ? { type: 'library' } : { type, id: this.world.playlists[playlist]!.id, playlist };
      }
      case 'collaborative_playlist': {
        const candidates = listener.collaborative_playlists.filter((p) => this.world.playlists[p]!.tracks.length > 0);
        if (!candidates.length) return { type: 'library' };
        const playlist = rng.pick(candidates);
        return { type, id: this.world.playlists[playlist]!.id, playlist };
      }
      case 'album': {
        const artist = this.world.artists[rng.chance(0.6) ? this.favouriteArtist(listener, rng) : this.pools.draw(rng, null, listener.country)]!;
        const release = rng.weighted(
          artist.releases,
          artist.releases.map((r) => this.releaseWeights[r]!),
        );
        // Most album plays start at the top; some jump to a favourite track.
        const tracks = this.world.releases[release]!.tracks;
        const position = rng.chance(0.7) ? 0 : rng.int(0, tracks.length - 1);
        return { type, release, position };
      }
      case 'artist':
        return { type, artist: rng.chance(0.5) ? this.favouriteArtist(listener, rng) : this.pools.draw(rng, null, listener.country) };
      case 'radio':
        return { type, genre: rng.pick(listener.favourite_genres) };
      default:
        return { type };
    }
  }

  private pickPlaylist(listener: Listener, rng: Rng): number | null {
    const r = rng.next();
    const pool =
      (r < 0.6 ? this.playlistsByGenre.get(rng.pick(listener.favourite_genres)) : undefined) ??
      (r >= 0.6 && r < 0.85 ? this.playlistsByCountry.get(listener.country) : undefined) ??
      this.playlistsAll;
    return pool ? pool.pool[pool.sampler.sample(rng)]! : null;
  }

  private favouriteArtist(listener: Listener, rng: Rng): number {
    if (listener.favourite_artists.length === 0) return this.pools.draw(rng, null, listener.country);
    return rng.weighted(listener.favourite_artists, this.favouriteWeights[listener.index]!);
  }

  /** Mostly a favourite artist; otherwise an artist of a favourite genre, or anyone popular. */
  private tasteTrack(listener: Listener, rng: Rng): number {
    if (!rng.chance(listener.exploration)) return this.trackOf(this.favouriteArtist(listener, rng), rng);
    const genre = rng.chance(0.7) ? rng.pick(listener.favourite_genres) : null;
    return this.trackOf(this.pools.draw(rng, genre, listener.country), rng);
  }

  private globalTrack(listener: Listener, rng: Rng): number {
    return this.trackOf(this.pools.draw(rng, null, listener.country), rng);
  }

  private trackOf(artist: number, rng: Rng): number {
    return this.world.artists[artist]!.tracks[this.artistTracks[artist]!.sample(rng)]!;
  }

  /** The device for a session: the listener's mix, with cars at commute hours and TVs and speakers in the evening. */
  private platformFor(listener: Listener, rng: Rng, at: number): number {
    const hour = new Date(at + listener.utc_offset_minutes * MINUTE).getUTCHours();
    const commute = (hour >= 7 && hour <= 9) || (hour >= 16 && hour <= 19);
    const evening = hour >= 18 && hour <= 23;
    const weights = listener.platforms.map((p, i) => {
      const w = listener.platform_weights[i]!;
      if (p === 'car') return commute ? w * 2.5 : w * 0.5;
      if (p === 'tv' || p === 'speaker') return evening ? w * 1.8 : w;
      return w;
    });
    return rng.weighted(
      listener.platforms.map((_, i) => i),
      weights,
    );
  }
}

// --- native API JSON ---

/** A listen in the native API's JSON (POST /v1/listens). */
export interface NativeListen {
  track_id?: string;
  isrc?: string;
  artist_name?: string;
  track_name?: string;
  release_name?: string;
  listened_at: string;
  ms_played: number;
  context?: { type: ContextType; id?: string };
  platform: Platform;
  client?: string;
}

/** How a listen names its track: by catalog id, by ISRC, by names, or a deterministic mix (50/25/25). */
export type NativeStyle = 'id' | 'isrc' | 'names' | 'mixed';

/** Catalog ids by track index: an array or a map. */
export type TrackIds = ReadonlyArray<string | undefined> | ReadonlyMap<number, string>;

function trackIdOf(trackIds: TrackIds | undefined, index: number): string | undefined {
  if (!trackIds) return undefined;
  return trackIds instanceof Map ? trackIds.get(index) : (trackIds as ReadonlyArray<string | undefined>)[index];
}

/** The style a listen gets under 'mixed': a hash of who, what and when, so the same listen always looks the same. */
export function mixedStyleOf(listen: SimListen): Exclude<NativeStyle, 'mixed'> {
  const h = hashString(`${listen.userIndex}:${listen.trackIndex}:${listen.listened_at.getTime()}`) % 4;
  return h < 2 ? 'id' : h === 2 ? 'isrc' : 'names';
}

/** Turns a simulated listen into native API JSON; listens styled 'id' without a known catalog id fall back to the ISRC. */
export function toNativeListen(listen: SimListen, world: World, style: NativeStyle = 'mixed', trackIds?: TrackIds): NativeListen {
  const track = world.tracks[listen.trackIndex];
  if (!track) throw new RangeError(`no track ${listen.trackIndex} in the world`);
  const chosen = style === 'mixed' ? mixedStyleOf(listen) : style;
  const id = chosen === 'id' ? trackIdOf(trackIds, listen.trackIndex) : undefined;
  const rest = {
    listened_at: listen.listened_at.toISOString(),
    ms_played: listen.ms_played,
    context: listen.context.id === undefined ? { type: listen.context.type } : { type: listen.context.type, id: listen.context.id },
    platform: listen.platform,
    client: listen.client,
  };
  if (id !== undefined) return { track_id: id, ...rest };
  if (chosen === 'names') {
    return { artist_name: world.artists[track.artist_index]!.name, track_name: track.title, release_name: world.releases[track.release_index]!.title, ...rest };
  }
  return { isrc: track.isrc, ...rest };
}
