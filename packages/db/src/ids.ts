import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * Entropy is drawn from the CSPRNG 64 KiB at a time and handed out in slices: one call to the system per
 * 4,096 ids instead of two per id (ingestion makes a thousand ids per request).
 */
const POOL_BYTES = 64 * 1024;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let poolAt = POOL_BYTES;

function entropy(bytes: number): number {
  if (poolAt + bytes > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += bytes;
  return at;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const h = (n: number) => HEX[n & 0xff]!;

/** A UUID v7: time-ordered, so primary keys stay index-friendly and sort by creation. */
export function uuidv7(now = Date.now()): string {
  // A 12-bit counter in rand_a keeps ids from one process monotonic within a millisecond.
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    seq = pool.readUInt16BE(entropy(2)) & 0x3ff;
  }
  const r = entropy(8);
  const high = Math.floor(now / 0x1000000);
  const low = now % 0x1000000;
  return (
    `${h(high >>> 16)}${h(high >>> 8)}${h(high)}${h(low >>> 16)}-${h(low >>> 8)}${h(low)}-` +
    `${h(0x70 | (seq >> 8))}${h(seq)}-${h((pool[r]! & 0x3f) | 0x80)}${h(pool[r + 1]!)}-` +
    `${h(pool[r + 2]!)}${h(pool[r + 3]!)}${h(pool[r + 4]!)}${h(pool[r + 5]!)}${h(pool[r + 6]!)}${h(pool[r + 7]!)}`
  );
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for any syntactically valid UUID (any version). */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** The creation time (epoch ms) a UUID v7 carries in its first 48 bits; undefined for any other id. */
export function uuidv7Time(id: string): number | undefined {
  if (!isUuid(id) || id[14] !== '7') return undefined;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
