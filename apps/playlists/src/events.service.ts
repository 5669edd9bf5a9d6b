import { playlistsQueries } from '@chorus/db';
import { ProblemError } from '@chorus/service-kit';
import { publicActivity } from './activity.rules.js';
import { peopleOf, visibleActivities } from './activity.service.js';
import type { Caller, PlaylistDeps, PlaylistEvent } from './changes.js';
import { playlistChannel } from './changes.js';
import { readAccess } from './playlist.service.js';
import { isCollaborator } from './roles.js';
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

// Changes after which the subscriber may have lost sight of a private playlist, or become or stopped being a
// collaborator (which decides whether they see the full change log or its public view).
const ACCESS_CHANGES = new Set(['collaborator_added', 'collaborator_removed', 'collaborator_left', 'playlist_updated', 'ownership_transferred']);

/** Why the server ended a stream, told to the client in a last `closed` event (reconnect with a fresh token, or stop). */
export type CloseReason = 'token_expired' | 'access_revoked';

/** One Server-Sent Event: id is the activity seq, event the change type, data the change as JSON. */
export function formatEvent(event: PlaylistEvent): string {
  const { people: _people, ...shown } = event;
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(shown)}\n\n`;
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
  /** True once the client has been told the stream is open: only then may a last event be written. */
  private started = false;
  /** Whether the caller is a collaborator (full change log) or not (its public view); re-read on access changes. */
  private collaborator = false;
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
      const { playlist, standing } = await readAccess(this.deps.db, this.caller, this.playlistId);
      this.collaborator = isCollaborator(standing);
      // An id from beyond the log (a stale client of a deleted and recreated stream) restarts from now.
      this.lastSent = lastEventId === null ? playlist.last_seq : Math.min(lastEventId, playlist.last_seq);
      ready();
      this.started = true;
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

  /** Ends the stream; with a reason, the client is told it in a last `closed` event. */
  close(reason?: CloseReason): void {
    if (this.closed) return;
    if (reason && this.started) this.write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
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
      await this.sendAsSeen(event);
      this.close();
      return;
    }
    if (event.seq > this.lastSent + 1) await this.replay(event.seq - 1);
    if (event.seq <= this.lastSent) return;
    await this.sendAsSeen(event);
    if (ACCESS_CHANGES.has(event.type)) await this.recheckAccess();
  }

  /** Sends a live event as the caller may see it: whole to a collaborator, its public view (or nothing) to anyone else. */
  private async sendAsSeen(event: PlaylistEvent): Promise<void> {
    if (this.collaborator) {
      this.send(event);
      return;
    }
    const shown = publicActivity(event, new Map(Object.entries(event.people ?? (await this.peopleFor(event)))));
    if (shown) this.send(shown);
    else this.lastSent = event.seq;
  }

  /** The people an event names, when its writer did not look them up (a private playlist turned public meanwhile). */
  private async peopleFor(event: PlaylistEvent): Promise<Record<string, { handle: string; display_name: string }>> {
    return Object.fromEntries(await peopleOf(this.deps.db, [event]));
  }

  /** Sends the logged changes after the last one sent, up to `upTo`. */
  private async replay(upTo: number): Promise<void> {
    const page = this.options.replayPage ?? 500;
    for (;;) {
      if (this.closed) return;
      const rows = await playlistsQueries.activity(this.deps.db, this.playlistId, { afterSeq: this.lastSent, beforeSeq: upTo + 1 }, 'asc', page);
      const shown = await visibleActivities(this.deps.db, rows.map(activityView), this.collaborator);
      for (const event of shown) this.send(event as PlaylistEvent);
      // Rows the public view leaves out (invitations) are passed over, not sent again.
      const last = rows.at(-1);
      if (last && last.seq > this.lastSent) this.lastSent = last.seq;
      if (rows.length < page) return;
    }
  }

  private async recheckAccess(): Promise<void> {
    try {
      const { standing } = await readAccess(this.deps.db, this.caller, this.playlistId);
      this.collaborator = isCollaborator(standing);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) this.close('access_revoked');
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
