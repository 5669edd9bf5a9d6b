/**
 * A small in-process cache of statistics answers, so dashboards polling the same artist cost one query per
 * change instead of one per request. Entries are dropped as soon as the workers announce a change for the
 * artist (LISTENING_CHANGED, through Redis pub/sub on every instance), and expire after `ttlMs` anyway
 * (playlist adds and day boundaries are not announced per artist). Access decisions are cached briefly,
 * per caller and subject, and only when they allow.
 */
export class StatsCache {
  private readonly answers = new Map<string, { value: unknown; until: number; artistId: string }>();
  private readonly byArtist = new Map<string, Set<string>>();
  private readonly allowed = new Map<string, number>();

  constructor(
    readonly ttlMs: number,
    readonly accessTtlMs = Math.min(ttlMs, 5000),
    private readonly maxEntries = 20_000,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached answer for `key`, or computes, stores and returns it. */
  async answer<T>(artistId: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const now = Date.now();
    const hit = this.answers.get(key);
    if (hit && hit.until > now) return hit.value as T;
    const value = await compute();
    if (this.answers.size >= this.maxEntries) this.evictOldest();
    this.answers.set(key, { value, until: now + this.ttlMs, artistId });
    let keys = this.byArtist.get(artistId);
    if (!keys) {
      keys = new Set();
      this.byArtist.set(artistId, keys);
    }
    keys.add(key);
    return value;
  }

  /** Runs `check` unless the same caller passed it for the same subject moments ago. */
  async access(callerId: string, subjectId: string, check: () => Promise<unknown>): Promise<void> {
    if (!this.enabled) {
      await check();
      return;
    }
    const key = `${callerId}:${subjectId}`;
    const until = this.allowed.get(key);
    if (until !== undefined && until > Date.now()) return;
    await check();
    if (this.allowed.size >= this.maxEntries) this.allowed.clear();
    this.allowed.set(key, Date.now() + this.accessTtlMs);
  }

  /** Forgets every answer about these artists (their rollups changed). */
  invalidate(artistIds: readonly string[]): void {
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
