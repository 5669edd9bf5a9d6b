import type { ServerResponse } from 'node:http';
import { analyticsQueries, type Db } from '@chorus/db';
import { type Bus, callAt, LISTENING_CHANGED, type ListeningChanged, type Principal, TEAM_CHANGED, type TeamChanged } from '@chorus/service-kit';
import type { LiveEvent } from './analytics.schemas.js';
import { todayUtc } from './ranges.rules.js';

export interface LiveOptions {
  /** At most one query per artist per this many ms; changes in between are coalesced into the next one. */
  minIntervalMs: number;
  heartbeatMs: number;
  /** The reconnect delay clients are told (`retry:`). */
  retryMs: number;
  /** A client that lets this much pile up unread is dropped. */
  maxBufferedBytes: number;
}

export const LIVE_DEFAULTS: LiveOptions = { minIntervalMs: 1000, heartbeatMs: 15_000, retryMs: 3000, maxBufferedBytes: 1 << 20 };

/** Who a stream was opened for, and what ends it besides the client. */
export interface Viewer {
  principal: Principal;
  /** When the access token the stream was opened with expires (ms since the epoch); null: never. */
  expiresAt: number | null;
  /** Gives the stream's slot back to the limiter; called once, when the stream ends. */
  release: () => void;
}

/** Whether a viewer may still watch an artist (their team role may have changed since the stream opened). */
export type AccessCheck = (principal: Principal, artistId: string) => Promise<boolean>;

/** Why the hub ended a stream, told to the client in a last `closed` event so it knows whether to reconnect. */
export type CloseReason = 'token_expired' | 'access_revoked';

interface ArtistState<E> {
  clients: Map<ServerResponse, Viewer | undefined>;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  dirty: boolean;
  lastQueryAt: number;
  last: E | undefined;
}

/** What a hub counts live: whose counts a change names, how today's counts are read, and whether team changes concern it. */
export interface LiveSource<E extends { day: string }> {
  idsOf(message: ListeningChanged): readonly string[];
  today(db: Db, id: string, day: string): Promise<E>;
  /** Artist teams announce their changes (TEAM_CHANGED); other subjects' viewers are re-checked when their token expires. */
  teamChanges: boolean;
}

/** Artists: today's streams of the artist and of each of its tracks. */
export const ARTIST_LIVE: LiveSource<LiveEvent> = {
  idsOf: (message) => message.artists,
  today: async (db, artistId, day) => {
    const counts = await analyticsQueries.liveToday(db, artistId, day);
    return { artist_id: artistId, day, streams: counts.streams, tracks: counts.tracks, at: new Date().toISOString() };
  },
  teamChanges: true,
};

/**
 * Live counters over Server-Sent Events. One subscription per app to the listening-change channel of the bus
 * (Redis pub/sub in production, so a change applied by any worker reaches every API instance); each message
 * is fanned out to the clients watching the artists it names. Per artist at most one query a second runs,
 * however many clients watch or changes arrive: changes within the interval coalesce into one query.
 */
export class LiveHub<E extends { day: string } = LiveEvent> {
  private readonly artists = new Map<string, ArtistState<E>>();
  private unsubscribe: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private seq = 0;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly log: { warn(obj: object, msg: string): void },
    private readonly options: LiveOptions = LIVE_DEFAULTS,
    private readonly mayWatch: AccessCheck = async () => true,
    private readonly source: LiveSource<E> = ARTIST_LIVE as unknown as LiveSource<E>,
  ) {}

  async start(): Promise<void> {
    const changes = await this.bus.subscribe(LISTENING_CHANGED, (message) => this.onChange(message as ListeningChanged));
    // Access is checked when a stream opens; a team change (a member removed or demoted) is checked again here.
    const team = this.source.teamChanges ? await this.bus.subscribe(TEAM_CHANGED, (message) => void this.onTeamChange(message as TeamChanged)) : undefined;
    this.unsubscribe = async () => {
      await Promise.allSettled([changes(), team?.()]);
    };
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Ends every stream and drops the subscription (before the server closes, so it does not wait on them). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    for (const state of this.artists.values()) {
      clearTimeout(state.timer);
      for (const res of state.clients.keys()) res.end();
    }
    this.artists.clear();
    await this.unsubscribe?.().catch(() => {});
  }

  /**
   * Today's counts for a client that connects: the last count when it is recent and nothing changed since,
   * else a new one, which counts toward the artist's one-query-a-second budget.
   */
  async snapshot(artistId: string): Promise<E> {
    const state = this.stateOf(artistId);
    if (state.last && state.last.day === todayUtc() && Date.now() - state.lastQueryAt < this.options.minIntervalMs && !state.dirty) return state.last;
    return this.query(artistId, state);
  }

  /**
   * Starts a stream: headers, the reconnect hint and the first event; later events come from changes. The
   * stream ends when the client leaves, when the viewer's token expires, or when a team change takes their
   * access away; the viewer's slot is released once, however it ends.
   */
  open(artistId: string, res: ServerResponse, first: E, headers: Record<string, unknown>, viewer?: Viewer): void {
    // The client may have left while its first count was read: its 'close' has been and gone.
    if (res.destroyed || !res.socket || res.socket.destroyed) {
      viewer?.release();
      return;
    }
    let cancelExpiry = () => {};
    res.once('close', () => {
      cancelExpiry();
      this.remove(artistId, res);
      viewer?.release();
    });
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${this.options.retryMs}\n\n`);
    this.write(res, first);
    if (this.stopped) {
      res.end();
      return;
    }
    this.stateOf(artistId).clients.set(res, viewer);
    if (viewer?.expiresAt != null) cancelExpiry = callAt(viewer.expiresAt, () => this.end(res, 'token_expired'));
  }

  /** Ends one stream, telling the client why. */
  private end(res: ServerResponse, reason: CloseReason): void {
    if (res.writableEnded) return;
    res.end(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
  }

  /** Re-checks the streams of the member whose standing on the artist changed; those who lost access are ended. */
  private async onTeamChange(message: TeamChanged): Promise<void> {
    if (!message || typeof message.artistId !== 'string' || typeof message.userId !== 'string') return;
    const state = this.artists.get(message.artistId);
    if (!state) return;
    for (const [res, viewer] of state.clients) {
      if (!viewer || viewer.principal.userId !== message.userId) continue;
      let allowed = false;
      try {
        allowed = await this.mayWatch(viewer.principal, message.artistId);
      } catch (error) {
        // Fail closed: the client reconnects and is checked afresh.
        this.log.warn({ err: error, artistId: message.artistId }, 'live access re-check failed');
      }
      if (!allowed) this.end(res, 'access_revoked');
    }
  }

  /** How many streams are open (for tests and metrics). */
  get connections(): number {
    let n = 0;
    for (const state of this.artists.values()) n += state.clients.size;
    return n;
  }

  private stateOf(artistId: string): ArtistState<E> {
    let state = this.artists.get(artistId);
    if (!state) {
      state = { clients: new Map(), timer: undefined, running: false, dirty: false, lastQueryAt: 0, last: undefined };
      this.artists.set(artistId, state);
    }
    return state;
  }

  private remove(artistId: string, res: ServerResponse): void {
    const state = this.artists.get(artistId);
    if (!state) return;
    state.clients.delete(res);
    if (state.clients.size === 0 && !state.running) {
      clearTimeout(state.timer);
      this.artists.delete(artistId);
    }
  }

  private onChange(message: ListeningChanged): void {
    if (!message) return;
    const ids = this.source.idsOf(message);
    if (!Array.isArray(ids)) return;
    for (const artistId of ids) {
      const state = this.artists.get(artistId);
      if (state) this.schedule(artistId, state);
    }
  }

  private schedule(artistId: string, state: ArtistState<E>): void {
    state.dirty = true;
    if (state.running || state.timer) return; // the query in flight or already scheduled will pick this change up
    const wait = Math.max(0, state.lastQueryAt + this.options.minIntervalMs - Date.now());
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.refresh(artistId, state);
    }, wait);
  }

  private async refresh(artistId: string, state: ArtistState<E>): Promise<void> {
    if (this.artists.get(artistId) !== state) return;
    state.running = true;
    state.dirty = false;
    try {
      const event = await this.query(artistId, state);
      for (const res of state.clients.keys()) this.write(res, event);
    } catch (error) {
      this.log.warn({ err: error, artistId }, 'live counter query failed');
    } finally {
      state.running = false;
      if (state.dirty && this.artists.get(artistId) === state) this.schedule(artistId, state);
    }
  }

  private async query(artistId: string, state: ArtistState<E>): Promise<E> {
    state.lastQueryAt = Date.now();
    const event = await this.source.today(this.db, artistId, todayUtc());
    state.last = event;
    return event;
  }

  private write(res: ServerResponse, event: E): void {
    if (res.writableEnded) return;
    if (res.writableLength > this.options.maxBufferedBytes) {
      res.destroy();
      return;
    }
    res.write(`id: ${++this.seq}\nevent: streams\ndata: ${JSON.stringify(event)}\n\n`);
  }

  private beat(): void {
    for (const [artistId, state] of this.artists) {
      for (const res of state.clients.keys()) if (!res.writableEnded) res.write(': heartbeat\n\n');
      // A state made for a connect that never became a stream (the client left early) is dropped here.
      if (state.clients.size === 0 && !state.running && !state.timer) this.artists.delete(artistId);
    }
  }
}
