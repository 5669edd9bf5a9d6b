import type { Seed } from './random.js';
import { type Boost, ListenGenerator, type NativeListen, type NativeStyle, type SimListen, type TrackIds, toNativeListen } from './traffic.js';
import type { World } from './world.js';

export interface BackgroundTrafficOptions {
  /** Hands one listener's listens to the app (e.g. straight into ingestion); may be async. */
  submit: (userIndex: number, listens: NativeListen[], userId: string | undefined) => unknown;
  world: World;
  /** Listens per second, re-timed to the wall clock; default 2. Ignored in real time. */
  rate?: number;
  /**
   * Real time: listens keep the times the generator gives them, from now on, at the world's natural volume: the
   * same listens per hour, daily rhythm included, as a history generated at natural volume for the same world.
   */
  realTime?: boolean;
  seed?: Seed;
  /** Catalog ids by track index, for listens that name their track by id. */
  trackIds?: TrackIds;
  /** Account ids by listener index: when given, only listeners with an id get listens. */
  userIds?: ReadonlyArray<string | undefined> | ReadonlyMap<number, string>;
  style?: NativeStyle;
  boost?: Boost | readonly Boost[];
  intervalMs?: number;
  /** Where tick failures go; default a one-line console warning. */
  onError?: (error: unknown) => void;
}

export interface BackgroundTraffic {
  stop(): Promise<void>;
}

function idOf(ids: BackgroundTrafficOptions['userIds'], index: number): string | undefined {
  if (!ids) return undefined;
  return ids instanceof Map ? ids.get(index) : (ids as ReadonlyArray<string | undefined>)[index];
}

/**
 * Keeps a trickle of fresh listens flowing for the embedded demo: every tick it takes the listens due at
 * `rate` a second from the simulator, stamps them with the wall clock and submits them per listener.
 * A failing tick is reported and the next one runs as usual; timers are unref'd so they never hold the
 * process open.
 */
export function startBackgroundTraffic(options: BackgroundTrafficOptions): BackgroundTraffic {
  const rate = options.rate ?? 2;
  const intervalMs = options.intervalMs ?? 1000;
  if (!(rate >= 0)) throw new RangeError('rate must be a non-negative number');
  const onError = options.onError ?? ((error: unknown) => console.warn(`background traffic: ${error instanceof Error ? error.message : String(error)}`));
  const generator = new ListenGenerator(options.world, { seed: options.seed ?? 1, ...(options.boost ? { boost: options.boost } : {}) });
  const started = Date.now();
  const stream = options.realTime ? generator.stream(new Date(started), undefined, true) : generator.stream(new Date(started), Math.max(1, rate * 86_400));
  const style = options.style ?? 'mixed';
  let taken = 0;
  let pending = stream.next();
  let running: Promise<void> | null = null;
  let stopped = false;

  /** The listens due by now, with the times they are sent with. */
  const due = (): SimListen[] => {
    const listens: SimListen[] = [];
    const now = Date.now();
    if (options.realTime) {
      for (; !pending.done && pending.value.listened_at.getTime() <= now; pending = stream.next()) listens.push(pending.value);
      return listens;
    }
    // Due by the clock, not by ticks: a late or skipped tick catches up instead of losing listens.
    const count = Math.floor((rate * (now - started)) / 1000) - taken;
    taken += count;
    for (let i = 0; i < count && !pending.done; i++, pending = stream.next()) {
      // Spread over the past interval: fresh, never in the future.
      listens.push({ ...pending.value, listened_at: new Date(now - intervalMs + Math.floor((i * intervalMs) / Math.max(1, count))) });
    }
    return listens;
  };

  const tick = async () => {
    const byUser = new Map<number, NativeListen[]>();
    for (const listen of due()) {
      const userId = idOf(options.userIds, listen.userIndex);
      if (options.userIds && userId === undefined) continue;
      const list = byUser.get(listen.userIndex) ?? [];
      list.push(toNativeListen(listen, options.world, style, options.trackIds));
      byUser.set(listen.userIndex, list);
    }
    const results = await Promise.allSettled([...byUser].map(async ([user, list]) => options.submit(user, list, idOf(options.userIds, user))));
    for (const r of results) if (r.status === 'rejected') onError(r.reason);
  };

  const timer = setInterval(() => {
    // A slow submit skips ticks rather than piling them up.
    if (stopped || running) return;
    running = tick()
      .catch((error: unknown) => {
        try {
          onError(error);
        } catch {
          // a broken logger must not break the timer either
        }
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
