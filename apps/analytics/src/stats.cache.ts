/**
 * A small in-process cache of statistics answers, so dashboards polling the same artist cost one query per
 * change instead of one per request. Entries are dropped as soon as the workers announce a change for the
 * artist (LISTENING_CHANGED, through Redis pub/sub on every instance), and expire after `ttlMs` anyway
 * (playlist adds and day boundaries are not announced per artist). Concurrent misses for one answer share one
 * computation, so an expiry under load costs one query, not one per waiting request. An answer computed while
 * its artist changed is handed to the requests that were waiting for it but not kept. Access decisions are
 * cached briefly, per caller and subject, and only when they allow.
 */
/** A computation in flight; one its artist changed during is stale: not stored, nor shared after the change. */
interface Pending {
  promise: Promise<unknown>;
  artistId: string;
  stale: boolean;
}

/** What a lookup found: a stored answer, one already being computed (shared), or nothing (a new computation). */
export type CacheOutcome = 'hit' | 'shared' | 'miss';

export class StatsCache {
  private readonly answers = new Map<string, { value: unknown; until: number; artistId: string }>();
  private readonly byArtist = new Map<string, Set<string>>();
  private readonly allowed = new Map<string, number>();
  /** Computations in flight, by key. */
  private readonly pending = new Map<string, Pending>();

  readonly accessTtlMs: number;
  private readonly maxEntries: number;
  private readonly counted: (outcome: CacheOutcome) => void;

  constructor(
    readonly ttlMs: number,
    options: {
      accessTtlMs?: number;
      maxEntries?: number;
      /** Told each lookup's outcome (chorus_cache_lookups_total). */
      counted?: (outcome: CacheOutcome) => void;
    } = {},
  ) {
    this.accessTtlMs = options.accessTtlMs ?? Math.min(ttlMs, 5000);
    this.maxEntries = options.maxEntries ?? 20_000;
    this.counted = options.counted ?? (() => {});
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached answer for `key`, or the computation already in flight for it, or a new one, stored when done. */
  async answer<T>(artistId: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const now = Date.now();
    const hit = this.answers.get(key);
    if (hit && hit.until > now) {
      this.counted('hit');
      return hit.value as T;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) {
      this.counted('shared');
      return inFlight.promise as Promise<T>;
    }
    this.counted('miss');
    const entry = { artistId, stale: false } as Pending;
    const promise = compute()
      .then((value) => {
        if (!entry.stale) this.store(artistId, key, value, now);
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
      });
    entry.promise = promise;
    this.pending.set(key, entry);
    return promise;
  }

  private store(artistId: string, key: string, value: unknown, computedAt: number): void {
    if (this.answers.size >= this.maxEntries) this.evictOldest();
    this.answers.set(key, { value, until: computedAt + this.ttlMs, artistId });
    let keys = this.byArtist.get(artistId);
    if (!keys) {
      keys = new Set();
      this.byArtist.set(artistId, keys);
    }
    keys.add(key);
  }

  /**
   * The answer for `key` to one caller, for a `compute` that checks the caller's access itself (every statistics
   * read does, inside its own statement or first). A stored or shared answer is handed out only once `access.check`
   * passed for this caller (remembered briefly, see access); a new computation is its own check, so a miss, and
   * every request when the cache is off, costs no statement for access alone. A caller a computation answered is
   * remembered as allowed.
   */
  async answerChecked<T>(
    access: { callerId: string; subjectId: string; check: () => Promise<unknown> },
    artistId: string,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (!this.enabled) return compute();
    if ((this.answers.get(key)?.until ?? 0) > Date.now() || this.pending.has(key)) {
      await this.access(access.callerId, access.subjectId, access.check);
      return this.answer(artistId, key, compute);
    }
    const value = await this.answer(artistId, key, compute);
    this.allow(access.callerId, access.subjectId);
    return value;
  }

  /** Runs `check` unless the same caller passed it for the same subject moments ago (answerChecked, cache on). */
  private async access(callerId: string, subjectId: string, check: () => Promise<unknown>): Promise<void> {
    const key = `${callerId}:${subjectId}`;
    const until = this.allowed.get(key);
    if (until !== undefined && until > Date.now()) return;
    await check();
    this.allow(callerId, subjectId);
  }

  private allow(callerId: string, subjectId: string): void {
    if (this.allowed.size >= this.maxEntries) this.allowed.clear();
    this.allowed.set(`${callerId}:${subjectId}`, Date.now() + this.accessTtlMs);
  }

  /** Forgets that a caller passed the access check for a subject (their standing on its team changed). */
  forgetAccess(callerId: string, subjectId: string): void {
    this.allowed.delete(`${callerId}:${subjectId}`);
  }

  /** Forgets every answer about these artists (their rollups changed). */
  invalidate(artistIds: readonly string[]): void {
    if (this.pending.size > 0) {
      const changed = new Set(artistIds);
      for (const [key, entry] of this.pending) {
        if (!changed.has(entry.artistId)) continue;
        entry.stale = true;
        this.pending.delete(key);
      }
    }
    for (const artistId of artistIds) {
      const keys = this.byArtist.get(artistId);
      if (!keys) continue;
      for (const key of keys) this.answers.delete(key);
      this.byArtist.delete(artistId);
    }
  }

  private evictOldest(): void {
    // Maps iterate in insertion order: drop the oldest tenth.
    let n = Math.ceil(this.maxEntries / 10);
    for (const [key, entry] of this.answers) {
      this.answers.delete(key);
      this.byArtist.get(entry.artistId)?.delete(key);
      if (--n <= 0) break;
    }
  }
}
