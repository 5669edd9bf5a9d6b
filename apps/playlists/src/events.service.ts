import { playlistsQueries } from '@chorus/db';
import { ProblemError } from '@chorus/service-kit';
import type { Caller, PlaylistDeps, PlaylistEvent } from './changes.js';
import { playlistChannel } from './changes.js';
import { readAccess } from './playlist.service.js';
import { activityView } from './views.js';

/** Where a stream writes: an HTTP response in production, an array in a unit test. */
export interface EventSink {
  write(chunk: string): void;
  end(): void;
}

export interface EventStreamOptions {
  heartbeatMs: number;
  /** Rows read per query when catching up from the activity log. */
  replayPage?: number;
}

// Changes after which the subscriber may have lost sight of a private playlist.
const ACCESS_CHANGES = new Set(['collaborator_removed', 'collaborator_left', 'playlist_updated', 'ownership_transferred']);

/** One Server-Sent Event: id is the activity seq, event the change type, data the change as JSON. */
export function formatEvent(event: PlaylistEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A subscriber's live view of a playlist's changes, in seq order without gaps or duplicates.
 * It subscribes first and buffers, replays what it missed from the activity log (after Last-Event-ID), then
 * flushes the buffer past the last replayed seq and goes live. A live event that skips seqs (another instance
 * published out of order, or a message was lost) is preceded by the missing rows from the log, and a late one
 * is dropped: the log is the truth, the bus only says "there is more".
 */
export class PlaylistEventStream {
  private lastSent = 0;
  private buffer: PlaylistEvent[] | null = [];
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private unsubscribe: (() => Promise<void>) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly onClose = new Set<() => void>();

  constructor(
    private readonly deps: PlaylistDeps,
    private readonly playlistId: string,
    private readonly caller: Caller | null,
    private readonly sink: EventSink,
    private readonly options: EventStreamOptions,
  ) {}

  /**
   * Starts the stream; `lastEventId` null means live changes only, from now on. `ready` runs once the
   * subscription is in place and the starting point fixed, before anything is sent: only then may the client be
   * told the stream is open, or a change it makes right after could fall before the starting point.
   */
  async open(lastEventId: number | null, ready: () => void = () => {}): Promise<void> {
    this.unsubscribe = await this.deps.bus.subscribe(playlistChannel(this.playlistId), (message) => this.receive(message as PlaylistEvent));
    if (this.closed) return this.release();
    try {
      const { playlist } = await readAccess(this.deps.db, this.caller, this.playlistId);
      // An id from beyond the log (a stale client of a deleted and recreated stream) restarts from now.
      this.lastSent = lastEventId === null ? playlist.last_seq : Math.min(lastEventId, playlist.last_seq);
      ready();
      if (lastEventId !== null) await this.replay(Number.MAX_SAFE_INTEGER - 1);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.closed) return;
    const buffered = (this.buffer ?? []).sort((a, b) => a.seq - b.seq);
    this.buffer = null;
    for (const event of buffered) this.enqueue(event);
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Calls back once the stream has ended, whoever ended it. */
  whenClosed(callback: () => void): void {
    if (this.closed) callback();
    else this.onClose.add(callback);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    void this.release();
    try {
      this.sink.end();
    } catch {
      // The connection is already gone.
    }
    for (const callback of this.onClose) callback();
    this.onClose.clear();
  }

  private async release(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.().catch(() => {});
  }

  private receive(event: PlaylistEvent): void {
    if (this.closed || typeof event?.seq !== 'number') return;
    if (this.buffer) this.buffer.push(event);
    else this.enqueue(event);
  }

  private enqueue(event: PlaylistEvent): void {
    this.chain = this.chain.then(() => this.deliver(event)).catch((error) => this.fail(error));
  }

  private async deliver(event: PlaylistEvent): Promise<void> {
    if (this.closed || event.seq <= this.lastSent) return;
    if (event.type === 'playlist_deleted') {
      this.send(event);
      this.close();
      return;
    }
    if (event.seq > this.lastSent + 1) await this.replay(event.seq - 1);
    if (event.seq <= this.lastSent) return;
    this.send(event);
    if (ACCESS_CHANGES.has(event.type)) await this.recheckAccess();
  }

  /** Sends the logged changes after the last one sent, up to `upTo`. */
  private async replay(upTo: number): Promise<void> {
    const page = this.options.replayPage ?? 500;
    for (;;) {
      if (this.closed) return;
      const rows = await playlistsQueries.activity(this.deps.db, this.playlistId, { afterSeq: this.lastSent, beforeSeq: upTo + 1 }, 'asc', page);
      for (const row of rows) this.send(activityView(row) as PlaylistEvent);
      if (rows.length < page) return;
    }
  }

  private async recheckAccess(): Promise<void> {
    try {
      await readAccess(this.deps.db, this.caller, this.playlistId);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) this.close();
      else throw error;
    }
  }

  private send(event: PlaylistEvent): void {
    this.lastSent = event.seq;
    this.write(formatEvent(event));
  }

  private write(chunk: string): void {
    if (this.closed) return;
    try {
      this.sink.write(chunk);
    } catch {
      this.close();
    }
  }

  private fail(error: unknown): void {
    this.deps.log?.error({ err: error, playlistId: this.playlistId }, 'playlist event stream failed');
    // The client reconnects with Last-Event-ID and catches up from the log.
    this.close();
  }
}
