/**
 * Seeded randomness: xoshiro128** (fast, 128-bit state, passes BigCrush) seeded through splitmix32, so any
 * integer or string seed gives a well-mixed state. Everything the simulator draws goes through an Rng, which
 * is what makes a world and its traffic reproducible byte for byte.
 */

/** A 32-bit hash of a string (FNV-1a), for deriving seeds from labels. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export type Seed = number | string;

function seedNumber(seed: Seed): number {
  return typeof seed === 'number' ? (Math.trunc(seed) ^ Math.trunc(seed / 2 ** 32)) >>> 0 : hashString(seed);
}

/** A seeded pseudo-random generator with the draws the simulator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: Seed) {
    const mix = splitmix32(seedNumber(seed));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** An independent generator derived from this one's seed material and a label; does not advance this one. */
  static derive(seed: Seed, ...labels: Array<string | number>): Rng {
    let h = seedNumber(seed);
    for (const label of labels) h = Math.imul(h ^ hashString(String(label)), 0x9e3779b1) >>> 0;
    return new Rng(h);
  }

  /** A fresh generator seeded from this one's next draw. */
  fork(): Rng {
    return new Rng(this.nextUint32());
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer uniform in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One element with probability proportional to its weight (linear scan: for short lists; see WeightedSampler). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** `count` distinct elements, in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Normal (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    let u = 0;
    while (u === 0) u = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given parameters of the underlying normal: heavy-tailed positive amounts. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Poisson with mean lambda: Knuth's product method for small means, a rounded normal for large ones. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 60) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Draws indexes in O(log n) by binary search over precomputed cumulative weights. */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new RangeError(`weight ${i} is not a non-negative number`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new RangeError('weights must not all be zero');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** The probability of index i. */
  probability(i: number): number {
    const prev = i > 0 ? this.cumulative[i - 1]! : 0;
    return (this.cumulative[i]! - prev) / this.total;
  }

  sample(rng: Rng): number {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Zipf weights 1/rank^s for ranks 1..n (index 0 is the most popular). */
export function zipfWeights(n: number, s = 1.05): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / (i + 1) ** s;
  return w;
}

/** A Zipf(s) sampler over ranks 0..n-1. */
export class ZipfSampler extends WeightedSampler {
  constructor(
    n: number,
    readonly s = 1.05,
  ) {
    super(zipfWeights(n, s));
  }
}
