import type { Redis } from 'ioredis';

export interface NowPlaying {
  track: { id: string; title: string; artist: { id: string; name: string } } | null;
  artist_name: string | null;
  track_name: string | null;
  release_name: string | null;
  started_at: string;
  expires_at: string;
  platform: string;
  client: string | null;
  /** The partner app whose token set it (verified, from the app registry); null or absent for first-party clients. */
  app?: { id: string; name: string; partner_id: string; partner_kind: string; device_class: string | null } | null;
}

/** Where "now playing" lives: Redis in production (shared by instances, expired by Redis), memory otherwise. */
export interface NowPlayingStore {
  set(userId: string, value: NowPlaying, ttlMs: number): Promise<void>;
  get(userId: string): Promise<NowPlaying | null>;
  clear(userId: string): Promise<void>;
}

export class RedisNowPlaying implements NowPlayingStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}
  async set(userId: string, value: NowPlaying, ttlMs: number) {
    await this.redis.set(this.prefix + userId, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
  }
  async get(userId: string) {
    const raw = await this.redis.get(this.prefix + userId);
    return raw ? (JSON.parse(raw) as NowPlaying) : null;
  }
  async clear(userId: string) {
    await this.redis.del(this.prefix + userId);
  }
}

export class MemoryNowPlaying implements NowPlayingStore {
  private readonly entries = new Map<string, { value: NowPlaying; until: number }>();
  async set(userId: string, value: NowPlaying, ttlMs: number) {
    this.entries.set(userId, { value, until: Date.now() + ttlMs });
    // Bound memory: drop expired entries now and then.
    if (this.entries.size % 1024 === 0) for (const [k, e] of this.entries) if (e.until <= Date.now()) this.entries.delete(k);
  }
  async get(userId: string) {
    const entry = this.entries.get(userId);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(userId);
      return null;
    }
    return entry.value;
  }
  async clear(userId: string) {
    this.entries.delete(userId);
  }
}

/** Without a known duration, "now playing" lasts at most ten minutes. */
export const NOW_PLAYING_MAX_MS = 10 * 60_000;

/** How long a now-playing entry lives: the rest of the track when its length is known. */
export function nowPlayingTtl(durationMs: number | null, positionMs: number): number {
  if (durationMs === null) return NOW_PLAYING_MAX_MS;
  return Math.max(1000, durationMs - positionMs);
}
