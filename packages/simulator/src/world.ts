import type { ContextType, Platform, ReleaseType } from '@chorus/db';
import { Rng, type Seed, WeightedSampler, zipfWeights } from './random.js';
import {
  AGE_MIX,
  CLIENTS,
  CONTEXT_TYPES,
  GENDER_MIX,
  type Gender,
  GENRES,
  LOCAL_TITLES,
  MARKETS,
  type Market,
  type NameStyle,
  PEOPLE,
  RELATED_GENRES,
  SOURCE_WEIGHTS,
  SYLLABLES,
  WORDS,
} from './vocabulary.js';

export interface Listener {
  index: number;
  /** Stable across seeds: `listener-<n>`, n from 1. */
  key: string;
  email: string;
  display_name: string;
  country: string;
  /** The listener's UTC offset, which places their daily rhythm. */
  utc_offset_minutes: number;
  birth_year: number | null;
  gender: Gender | null;
  /** Devices the listener uses, how much, and the client on each (aligned arrays). */
  platforms: Platform[];
  platform_weights: number[];
  clients: string[];
  favourite_genres: string[];
  /** Artist indexes, most loved first. */
  favourite_artists: number[];
  /** Ids of the listener's own playlists. */
  own_playlists: string[];
  /** Indexes into `world.playlists` of the collaborative playlists the listener belongs to. */
  collaborative_playlists: number[];
  /** The listener's source mix, aligned with CONTEXT_TYPES. */
  source_weights: number[];
  /** Mean listening sessions a day (log-normal across listeners: a few listen a lot). */
  sessions_per_day: number;
  /** Share of picks outside the listener's taste. */
  exploration: number;
  /** Multiplies the listener's skip probability. */
  skip_bias: number;
}

export interface Artist {
  index: number;
  key: string;
  name: string;
  country: string;
  genres: string[];
  /** 0 is the most popular artist of the world. */
  rank: number;
  /** Zipf weight from the rank. */
  popularity: number;
  /** How much more the artist is played in its own country. */
  home_bias: number;
  releases: number[];
  tracks: number[];
}

export interface Release {
  index: number;
  artist_index: number;
  title: string;
  type: ReleaseType;
  /** YYYY-MM-DD. */
  release_date: string;
  tracks: number[];
}

export interface Track {
  index: number;
  artist_index: number;
  release_index: number;
  title: string;
  track_number: number;
  duration_ms: number;
  isrc: string;
  /** Zipf weight within the artist's catalog. */
  popularity: number;
}

export interface Playlist {
  index: number;
  id: string;
  name: string;
  type: Extract<ContextType, 'playlist' | 'collaborative_playlist'>;
  genre: string;
  /** Regional playlists ("Top Hits Brazil") have a country. */
  country: string | null;
  popularity: number;
  tracks: number[];
}

export interface World {
  seed: Seed;
  start_year: number;
  listeners: Listener[];
  artists: Artist[];
  releases: Release[];
  tracks: Track[];
  playlists: Playlist[];
}

export interface WorldOptions {
  seed: Seed;
  users: number;
  artists: number;
  tracksPerArtist?: number;
  /** The year ages are counted from and releases come before; default the current UTC year. */
  startYear?: number;
  /** Shared (editorial and collaborative) playlists; default 300. */
  playlists?: number;
  /** Market codes listeners and artists come from (a smaller demo stays dense in each); default every market. */
  markets?: readonly string[];
}

/** Zipf exponent of artist popularity and of tracks within an artist. */
export const ARTIST_ZIPF = 1.05;
export const TRACK_ZIPF = 1.1;

const GENRE_NAMES = Object.keys(GENRES);

/** Builds a deterministic world: the same options give a byte-identical world. */
export function createWorld(options: WorldOptions): World {
  const { seed } = options;
  if (!Number.isInteger(options.users) || options.users < 1) throw new RangeError('users must be a positive integer');
  if (!Number.isInteger(options.artists) || options.artists < 1) throw new RangeError('artists must be a positive integer');
  const tracksPerArtist = options.tracksPerArtist ?? 8;
  if (!Number.isInteger(tracksPerArtist) || tracksPerArtist < 1) throw new RangeError('tracksPerArtist must be a positive integer');
  const startYear = options.startYear ?? new Date().getUTCFullYear();

  const markets = options.markets ? MARKETS.filter((m) => options.markets!.includes(m.code)) : MARKETS;
  if (markets.length === 0 || markets.length !== new Set(options.markets ?? MARKETS.map((m) => m.code)).size) {
    throw new RangeError(`markets must name known market codes (${MARKETS.map((m) => m.code).join(', ')})`);
  }

  // Separate streams per part, so e.g. more listeners do not reshuffle the catalog.
  const catalog = buildCatalog(Rng.derive(seed, 'catalog'), markets, options.artists, tracksPerArtist, startYear, seed);
  const playlists = buildPlaylists(Rng.derive(seed, 'playlists'), markets, catalog, options.playlists ?? 300, startYear);
  const listeners = buildListeners(Rng.derive(seed, 'listeners'), markets, options.users, catalog, playlists, startYear);
  return { seed, start_year: startYear, listeners, ...catalog, playlists };
}

// --- names ---

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function inventedWord(rng: Rng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += rng.pick(SYLLABLES.onset) + rng.pick(SYLLABLES.vowel);
    if (i === syllables - 1 || rng.chance(0.25)) word += rng.pick(SYLLABLES.coda);
  }
  return capitalise(word);
}

function personName(rng: Rng, style: NameStyle): string {
  const people = PEOPLE[style];
  return `${rng.pick(people.first)} ${rng.pick(people.last)}`;
}

function artistName(rng: Rng, style: NameStyle): string {
  const r = rng.next();
  if (r < 0.38) return personName(rng, style);
  if (r < 0.52) return `The ${rng.pick(WORDS.adjective)} ${rng.pick(WORDS.band)}`;
  if (r < 0.7) return inventedWord(rng, rng.int(2, 3));
  if (r < 0.8) return `${rng.pick(WORDS.adjective)} ${rng.pick(WORDS.noun)}`;
  if (r < 0.86) return `${rng.pick(PEOPLE[style].first)} & the ${rng.pick(WORDS.band)}`;
  if (r < 0.93) return `${rng.pick(['DJ', 'Lil', 'MC', 'Young', 'Big', 'Saint'])} ${inventedWord(rng, 2)}`;
  return `${inventedWord(rng, 2)} ${rng.pick(WORDS.noun)}`;
}

function title(rng: Rng, style: NameStyle): string {
  const local = LOCAL_TITLES[style];
  const r = rng.next();
  if (local && r < 0.25) return rng.pick(local);
  if (r < 0.45) return `${rng.pick(WORDS.adjective)} ${rng.pick(WORDS.noun)}`;
  if (r < 0.6) return rng.pick(WORDS.single);
  if (r < 0.72) return `${rng.pick(WORDS.verb)} ${rng.pick(WORDS.noun)}`;
  if (r < 0.82) return `${rng.pick(WORDS.noun)} of ${rng.pick(WORDS.noun)}`;
  if (r < 0.9) return `${rng.pick(WORDS.noun)} in the ${rng.pick(WORDS.noun)}`;
  return `${rng.pick(WORDS.adjective)} ${rng.pick(WORDS.noun)} ${rng.pick(['(Live)', '(Acoustic)', 'Pt. II', '(Reprise)', '(Night Version)'])}`;
}

/** Case- and accent-insensitive key, the way the catalog matches names. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function unique(rng: Rng, used: Set<string>, make: () => string): string {
  const claim = (candidate: string) => {
    const key = nameKey(candidate);
    if (used.has(key)) return false;
    used.add(key);
    return true;
  };
  for (let attempt = 0; attempt < 30; attempt++) {
    const candidate = make();
    if (claim(candidate)) return candidate;
  }
  const base = make();
  for (let n = 2; ; n++) {
    const candidate = `${base} ${rng.pick(['', 'No. ', 'Vol. '])}${n}`.replace(/\s+/g, ' ');
    if (claim(candidate)) return candidate;
  }
}

/** A UUID-shaped (version 7 layout) id drawn from the rng: stable playlist ids for listen contexts. */
function seededUuid(rng: Rng, ms: number): string {
  const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
  const time = hex(ms, 12);
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const c = rng.nextUint32();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(a & 0xfff, 3)}-${hex(0x8000 | ((a >>> 12) & 0x3fff), 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`;
}

// --- markets and genres ---

/**
 * Draws artists by popularity, optionally within a genre, with the home-market bias of a listener's country:
 * weight = popularity x (home_bias when the artist is from that country). Samplers are built on first use.
 */
export class ArtistPools {
  private readonly byGenre = new Map<string, number[]>();
  private readonly all: number[];
  private readonly samplers = new Map<string, { pool: number[]; sampler: WeightedSampler }>();

  constructor(private readonly artists: readonly Artist[]) {
    this.all = artists.map((a) => a.index);
    for (const artist of artists) {
      for (const g of artist.genres) {
        const list = this.byGenre.get(g) ?? [];
        list.push(artist.index);
        this.byGenre.set(g, list);
      }
    }
  }

  hasGenre(genre: string): boolean {
    return this.byGenre.has(genre);
  }

  /** An artist index; any genre when `genre` is null or has no artists, no home bias when `country` is null. */
  draw(rng: Rng, genre: string | null, country: string | null): number {
    const pool = (genre !== null ? this.byGenre.get(genre) : undefined) ?? this.all;
    const key = `${pool === this.all ? '*' : genre}|${country ?? '*'}`;
    let entry = this.samplers.get(key);
    if (!entry) {
      const weights = pool.map((a) => {
        const artist = this.artists[a]!;
        return artist.popularity * (country !== null && artist.country === country ? artist.home_bias : 1);
      });
      entry = { pool, sampler: new WeightedSampler(weights) };
      this.samplers.set(key, entry);
    }
    return entry.pool[entry.sampler.sample(rng)]!;
  }
}

/** Genre weights in a market; artists lean on their scene harder than listeners do (power 2). */
function genreWeights(market: Market, power = 1): number[] {
  return GENRE_NAMES.map((g) => GENRES[g]! * (market.genres[g] ?? 1) ** power);
}

// --- catalog ---

type Catalog = Pick<World, 'artists' | 'releases' | 'tracks'>;

/** Three alphanumerics from the seed, so different seeds mostly mint different ISRCs. */
function registrantOf(seed: Seed, block: number): string {
  const h = Rng.derive(seed, 'isrc', block).nextUint32();
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return chars[h % 26]! + chars[(h >>> 5) % 36]! + chars[(h >>> 11) % 36]!;
}

function pad(n: number, digits: number): string {
  return String(n).padStart(digits, '0');
}

function buildCatalog(rng: Rng, markets: readonly Market[], artistCount: number, tracksPerArtist: number, startYear: number, seed: Seed): Catalog {
  const artists: Artist[] = [];
  const releases: Release[] = [];
  const tracks: Track[] = [];
  const usedNames = new Set<string>();
  const marketWeights = markets.map((m) => m.artists);
  // Popularity ranks are a permutation, so an artist's index says nothing about how popular it is.
  const ranks = rng.sample(
    Array.from({ length: artistCount }, (_, i) => i),
    artistCount,
  );
  const popularity = zipfWeights(artistCount, ARTIST_ZIPF);

  for (let a = 0; a < artistCount; a++) {
    const market = rng.weighted(markets, marketWeights);
    const name = unique(rng, usedNames, () => artistName(rng, market.style));
    const primary = rng.weighted(GENRE_NAMES, genreWeights(market, 2));
    const genres = [primary];
    const related = RELATED_GENRES[primary] ?? [];
    if (related.length && rng.chance(0.7)) genres.push(rng.pick(related));
    const rank = ranks[a]!;
    const artist: Artist = {
      index: a,
      key: `artist-${a + 1}`,
      name,
      country: market.code,
      genres,
      rank,
      popularity: popularity[rank]!,
      home_bias: market.homeBias * rng.uniform(0.6, 1.5),
      releases: [],
      tracks: [],
    };
    artists.push(artist);

    // Releases, oldest first, between a career start and the year before startYear.
    const careerStart = startYear - 1 - Math.min(15, Math.floor(rng.exponential(4)));
    const usedTitles = new Set<string>();
    let remaining = tracksPerArtist;
    const plan: Array<{ type: ReleaseType; size: number }> = [];
    while (remaining > 0) {
      let type: ReleaseType = 'single';
      let size = 1;
      if (remaining >= 6 && rng.chance(0.55)) {
        type = 'album';
        size = Math.min(remaining, rng.int(6, 12));
      } else if (remaining >= 3 && rng.chance(0.4)) {
        type = 'ep';
        size = Math.min(remaining, rng.int(3, 5));
      } else if (remaining >= 2 && rng.chance(0.3)) {
        size = 2;
      }
      plan.push({ type, size });
      remaining -= size;
    }
    const spanDays = Math.max(1, (startYear - careerStart) * 365 - 1);
    const offsets = plan.map(() => rng.int(0, spanDays)).sort((x, y) => x - y);
    plan.forEach(({ type, size }, i) => {
      const date = new Date(Date.UTC(careerStart, 0, 1) + offsets[i]! * 86_400_000);
      const release: Release = {
        index: releases.length,
        artist_index: a,
        title: '',
        type,
        release_date: date.toISOString().slice(0, 10),
        tracks: [],
      };
      releases.push(release);
      artist.releases.push(release.index);
      for (let n = 1; n <= size; n++) {
        const index = tracks.length;
        const trackTitle = unique(rng, usedTitles, () => title(rng, market.style));
        // Registrant varies with the seed and, past 100,000 tracks, the block; the designation is the index.
        const isrc = `${market.code}${registrantOf(seed, Math.floor(index / 100_000))}${pad(date.getUTCFullYear() % 100, 2)}${pad(index % 100_000, 5)}`;
        tracks.push({
          index,
          artist_index: a,
          release_index: release.index,
          title: trackTitle,
          track_number: n,
          duration_ms: Math.round(Math.min(419_000, Math.max(120_000, rng.normal(205_000, 45_000)))),
          isrc,
          popularity: 0,
        });
        release.tracks.push(index);
        artist.tracks.push(index);
      }
      // A single is named after its lead track; albums and EPs get a title of their own.
      release.title = type === 'single' ? tracks[release.tracks[0]!]!.title : unique(rng, usedTitles, () => title(rng, market.style));
    });

    // Hits are more often singles; then Zipf over the artist's tracks.
    const order = artist.tracks
      .map((t) => ({ t, key: rng.next() * (releases[tracks[t]!.release_index]!.type === 'single' ? 0.5 : 1) }))
      .sort((x, y) => x.key - y.key);
    const weights = zipfWeights(order.length, TRACK_ZIPF);
    order.forEach(({ t }, i) => {
      tracks[t]!.popularity = weights[i]!;
    });
  }
  return { artists, releases, tracks };
}

// --- playlists ---

function buildPlaylists(rng: Rng, markets: readonly Market[], catalog: Catalog, count: number, startYear: number): Playlist[] {
  const playlists: Playlist[] = [];
  const pools = new ArtistPools(catalog.artists);
  const genres = GENRE_NAMES.filter((g) => pools.hasGenre(g));
  const popularity = zipfWeights(count, 0.9);
  const ranks = rng.sample(
    Array.from({ length: count }, (_, i) => i),
    count,
  );
  const usedNames = new Set<string>();
  const baseMs = Date.UTC(startYear - 2, 0, 1);
  for (let p = 0; p < count; p++) {
    const collaborative = rng.chance(0.3);
    const regional = !collaborative && rng.chance(0.3);
    const market = regional
      ? rng.weighted(
          markets,
          markets.map((m) => m.listeners),
        )
      : null;
    const genre = market
      ? rng.weighted(GENRE_NAMES, genreWeights(market))
      : rng.weighted(
          genres,
          genres.map((g) => GENRES[g]!),
        );
    const size = rng.int(20, 60);
    const seen = new Set<number>();
    const items: number[] = [];
    for (let i = 0; i < size * 3 && items.length < size; i++) {
      // Playlists list the bigger artists of their genre (and region) more often.
      const artist = catalog.artists[pools.draw(rng, genre, market?.code ?? null)]!;
      const track = rng.weighted(
        artist.tracks,
        artist.tracks.map((t) => catalog.tracks[t]!.popularity),
      );
      if (!seen.has(track)) {
        seen.add(track);
        items.push(track);
      }
    }
    const name = unique(rng, usedNames, () => {
      if (collaborative)
        return `${rng.pick(['Road Trip', 'Office', 'Party', 'Gym', 'Wedding', 'Sunday', 'Study', 'House'])} ${rng.pick(['Mix', 'Jams', 'Crew', 'Bangers', 'Vibes'])} ${rng.int(1, 99)}`;
      if (market) return `${rng.pick(['Top Hits', 'Fresh Finds', 'Hot Now', 'Viral'])} ${market.code} · ${capitalise(genre)}`;
      return `${rng.pick(WORDS.adjective)} ${capitalise(genre)} ${rng.pick(['Essentials', 'Mix', 'Radar', 'Classics', 'Chill', 'Workout'])}`;
    });
    playlists.push({
      index: p,
      id: seededUuid(rng, baseMs + rng.int(0, 700 * 86_400_000)),
      name,
      type: collaborative ? 'collaborative_playlist' : 'playlist',
      genre,
      country: market?.code ?? null,
      popularity: popularity[ranks[p]!]! * (collaborative ? 0.2 : 1),
      tracks: items,
    });
  }
  return playlists;
}

// --- listeners ---

function buildListeners(rng: Rng, markets: readonly Market[], count: number, catalog: Catalog, playlists: Playlist[], startYear: number): Listener[] {
  const listeners: Listener[] = [];
  const marketWeights = markets.map((m) => m.listeners);
  const collaborative = playlists.filter((p) => p.type === 'collaborative_playlist');
  const pools = new ArtistPools(catalog.artists);
  const baseMs = Date.UTC(startYear - 1, 0, 1);

  for (let i = 0; i < count; i++) {
    const market = rng.weighted(markets, marketWeights);
    const offset = rng.weighted(
      market.offsets.map(([o]) => o),
      market.offsets.map(([, w]) => w),
    );
    const [minAge, maxAge] = rng.weighted(
      AGE_MIX,
      AGE_MIX.map(([, , w]) => w),
    );
    const birthYear = rng.chance(0.05) ? null : startYear - rng.int(minAge, maxAge);
    const gender = rng.weighted(
      GENDER_MIX.map(([g]) => g),
      GENDER_MIX.map(([, w]) => w),
    );

    // Devices: one phone, and perhaps a computer, a car, a speaker, a TV or something else.
    const platforms: Platform[] = [rng.chance(market.ios) ? 'ios' : 'android'];
    const weights = [rng.uniform(4, 10)];
    const extra: Array<[Platform, number, number]> = [
      [rng.chance(0.5) ? 'desktop' : 'web', 0.55, 2.5],
      ['car', 0.3, 1],
      ['speaker', 0.25, 1.2],
      ['tv', 0.1, 0.6],
      ['other', 0.06, 0.4],
    ];
    for (const [platform, share, weight] of extra) {
      if (rng.chance(share)) {
        platforms.push(platform);
        weights.push(weight * rng.uniform(0.3, 2));
      }
    }
    const clients = platforms.map((p) => rng.pick(CLIENTS[p]));

    // Taste: one to three genres, then favourite artists mostly from them, home artists first.
    const genreCount = rng.weighted([1, 2, 3], [3, 4, 3]);
    const gw = genreWeights(market);
    const favouriteGenres: string[] = [];
    while (favouriteGenres.length < genreCount) {
      const g = rng.weighted(GENRE_NAMES, gw);
      if (!favouriteGenres.includes(g)) favouriteGenres.push(g);
    }
    const favourites: number[] = [];
    const favouriteCount = rng.int(3, 10);
    for (let attempt = 0; attempt < favouriteCount * 4 && favourites.length < favouriteCount; attempt++) {
      const artist = pools.draw(rng, rng.chance(0.8) ? rng.pick(favouriteGenres) : null, market.code);
      if (!favourites.includes(artist)) favourites.push(artist);
    }
    // Narrow genres can run dry: top up with anyone, so every listener has a few favourites.
    const minimum = Math.min(3, catalog.artists.length);
    while (favourites.length < minimum) {
      const artist = rng.int(0, catalog.artists.length - 1);
      if (!favourites.includes(artist)) favourites.push(artist);
    }

    const ownPlaylists = Array.from({ length: rng.weighted([0, 1, 2, 3], [2, 4, 3, 2]) }, () => seededUuid(rng, baseMs + rng.int(0, 360 * 86_400_000)));
    const memberships: number[] = [];
    if (collaborative.length && rng.chance(0.35)) {
      for (const p of rng.sample(collaborative, rng.int(1, 3))) memberships.push(p.index);
    }

    const hasDevice = platforms.some((p) => p === 'car' || p === 'speaker' || p === 'tv');
    const sourceWeights = CONTEXT_TYPES.map((type) => {
      let w = SOURCE_WEIGHTS[type] * rng.logNormal(0, 0.45);
      if (type === 'own_playlist' && ownPlaylists.length === 0) w = 0;
      if (type === 'collaborative_playlist') w = memberships.length ? w * 3 : 0;
      if (type === 'partner') w *= hasDevice ? 3 : 0.5;
      return w;
    });

    const style = market.style;
    const first = rng.pick(PEOPLE[style].first);
    listeners.push({
      index: i,
      key: `listener-${i + 1}`,
      email: `listener-${i + 1}@sim.chorus.test`,
      display_name: rng.chance(0.6) ? `${first} ${rng.pick(PEOPLE[style].last).charAt(0)}.` : `${first.toLowerCase()}${rng.int(1, 99)}`,
      country: market.code,
      utc_offset_minutes: offset,
      birth_year: birthYear,
      gender,
      platforms,
      platform_weights: weights.map((w) => Math.round(w * 1000) / 1000),
      clients,
      favourite_genres: favouriteGenres,
      favourite_artists: favourites,
      own_playlists: ownPlaylists,
      collaborative_playlists: memberships,
      source_weights: sourceWeights.map((w) => Math.round(w * 1000) / 1000),
      sessions_per_day: Math.round(Math.min(12, Math.max(0.05, rng.logNormal(Math.log(0.9), 0.9))) * 1000) / 1000,
      exploration: Math.round(rng.uniform(0.1, 0.45) * 1000) / 1000,
      skip_bias: Math.round(rng.logNormal(0, 0.3) * 1000) / 1000,
    });
  }
  return listeners;
}
