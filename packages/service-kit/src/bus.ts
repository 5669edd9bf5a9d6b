import { EventEmitter } from 'node:events';
import { errorReporter, type WarnLog } from '@chorus/jobs';
import { Redis } from 'ioredis';

export type BusHandler = (message: unknown) => void;

/** Pub/sub for live updates: Redis across instances in production, in-process in the embedded default. */
export interface Bus {
  publish(channel: string, message: unknown): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export class MemoryBus implements Bus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: unknown): Promise<void> {
    // Round-trip through JSON so subscribers see exactly what a Redis subscriber would.
    const copy = JSON.parse(JSON.stringify(message));
    queueMicrotask(() => this.emitter.emit(channel, copy));
  }

  async subscribe(channel: string, handler: BusHandler) {
    this.emitter.on(channel, handler);
    return async () => {
      this.emitter.off(channel, handler);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisBus implements Bus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<BusHandler>>();

  constructor(url: string, prefix = 'chorus:', log?: WarnLog) {
    this.pub = new Redis(url, { keyPrefix: undefined, lazyConnect: false, maxRetriesPerRequest: 3 });
    this.sub = new Redis(url, { maxRetriesPerRequest: null });
    this.prefix = prefix;
    this.sub.on('message', (channel: string, raw: string) => {
      const set = this.handlers.get(channel.slice(this.prefix.length));
      if (!set) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      for (const handler of set) handler(message);
    });
    // Connection errors are retried by ioredis; an unhandled 'error' event would crash the process.
    this.pub.on('error', errorReporter(log, 'redis pub/sub (publisher)'));
    this.sub.on('error', errorReporter(log, 'redis pub/sub (subscriber)'));
  }

  private readonly prefix: string;

  async publish(channel: string, message: unknown): Promise<void> {
    await this.pub.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: BusHandler) {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.sub.subscribe(this.prefix + channel);
    }
    set.add(handler);
    return async () => {
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(channel);
        await this.sub.unsubscribe(this.prefix + channel).catch(() => {});
      }
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
