import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/** A UUID v7: time-ordered, so primary keys stay index-friendly and sort by creation. */
export function uuidv7(now = Date.now()): string {
  // A 12-bit counter in rand_a keeps ids from one process monotonic within a millisecond.
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    seq = randomBytes(2).readUInt16BE(0) & 0x3ff;
  }
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for any syntactically valid UUID (any version). */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
