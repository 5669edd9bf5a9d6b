import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's gc extension, called without options: a full, synchronous collection. (With an options object, V8 11's
 * `{ type: 'major' }` freed 13 of the 190 MB that the plain call frees here.)
 */
type Collect = () => void;

let collect: Collect | undefined;

/** Collects and returns the heap in use after. */
function collectNow(): number {
  if (!collect) {
    // Taken from a fresh context with --expose-gc set only for that: no node flag on any command line, and `gc`
    // never becomes a global of the process's own code.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  collect();
  return getHeapStatistics().used_heap_size;
}

export interface IdleCollectorOptions {
  /** How often the process looks at itself, and the shortest time between two collections. */
  everyMs: number;
  /** The longest time between two collections while the process stays idle. */
  maxEveryMs: number;
  /** A collection that frees less than this doubles the wait before the next one (up to maxEveryMs). */
  worthBytes: number;
  /** The event loop must have been busy at most this share of the last period. */
  maxUtilization: number;
  /** Told after each collection what it freed. */
  onCollect?: (freedBytes: number) => void;
}

const DEFAULTS: Omit<IdleCollectorOptions, 'onCollect'> = { everyMs: 10_000, maxEveryMs: 300_000, worthBytes: 16e6, maxUtilization: 0.05 };

/**
 * Full garbage collections when the process is idle. V8 collects the old generation when it fills up, not when
 * the process goes quiet, so what booting, seeding the demo and a burst of work leave behind stays resident:
 * measured on the one-process platform with the demo (test/bench/footprint), 250 MB of heap in use 30 s after
 * ready, of which about 60 MB live. So: one collection now, then one in each period whose event loop was at least
 * 95% idle, as long as collections pay; one that frees little doubles the wait before the next, up to 5 minutes,
 * and one that frees much brings it back to 10 s. A collection of such a heap takes tens of milliseconds.
 * Returns the stopper.
 */
export function collectWhenIdle(options: Partial<IdleCollectorOptions> = {}): () => Promise<void> {
  const { everyMs, maxEveryMs, worthBytes, maxUtilization, onCollect } = { ...DEFAULTS, ...options };
  const collectAndTell = () => {
    const before = getHeapStatistics().used_heap_size;
    const freed = before - collectNow();
    onCollect?.(freed);
    return freed;
  };
  let wait = everyMs;
  let next = Date.now() + wait;
  collectAndTell();
  let mark = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const busy = performance.eventLoopUtilization(mark).utilization;
    mark = performance.eventLoopUtilization();
    if (busy > maxUtilization || Date.now() < next) return;
    const freed = collectAndTell();
    wait = freed >= worthBytes ? everyMs : Math.min(wait * 2, maxEveryMs);
    next = Date.now() + wait;
    mark = performance.eventLoopUtilization();
  }, everyMs);
  timer.unref();
  return async () => clearInterval(timer);
}
