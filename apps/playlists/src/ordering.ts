/**
 * Fractional ordering keys: strings that sort (byte-wise, PostgreSQL COLLATE "C") in playlist order, so an insert
 * or a move gives one row a key between its new neighbours and never renumbers the others.
 *
 * A key is an integer part followed by an optional fraction, both in base 62 (0-9, A-Z, a-z: ASCII order).
 * The integer part's first character says how many digits follow ('a' one, 'b' two, ... 'z' 26; 'Z' one,
 * 'Y' two, ... 'A' 26 for the keys below 'a0'), so appending or prepending steps an integer and keys stay short;
 * only repeated inserts into the same gap grow the fraction, about one character per six inserts.
 * The fraction never ends in '0', so every gap between two keys holds another key.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const ZERO = DIGITS[0]!;
const TOP = DIGITS[BASE - 1]!;

/** A key longer than this asks for a rebalance of the playlist's keys. */
export const MAX_KEY_LENGTH = 40;

function digit(char: string | undefined): number {
  const value = char === undefined ? -1 : DIGITS.indexOf(char);
  if (value < 0) throw new Error(`not a base-62 digit: ${char}`);
  return value;
}

/** Number of characters of the integer part (head included) announced by its head. */
function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  throw new Error(`not an ordering key head: ${head}`);
}

function split(key: string): [integer: string, fraction: string] {
  const length = integerLength(key[0] ?? '');
  if (key.length < length) throw new Error(`ordering key too short: ${key}`);
  return [key.slice(0, length), key.slice(length)];
}

/** True for a well-formed key. */
export function isValidKey(key: string): boolean {
  try {
    const [integer, fraction] = split(key);
    for (const c of integer.slice(1) + fraction) digit(c);
    return !fraction.endsWith(ZERO) && key !== `A${ZERO.repeat(26)}`;
  } catch {
    return false;
  }
}

/** A digit string strictly between fractions a and b (b null: 1), with no trailing zero. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Keep the common prefix (reading a missing digit of a as zero) and recurse into the first difference.
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const low = a ? digit(a[0]) : 0;
  const high = b !== null ? digit(b[0]) : BASE;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  // Adjacent digits: b's first digit alone is in between when b goes on; else extend a.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[low]! + midpoint(a.slice(1), null);
}

function increment(integer: string): string | null {
  const head = integer[0]!;
  const digits = [...integer.slice(1)];
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== TOP) {
      digits[i] = DIGITS[digit(digits[i]) + 1]!;
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  // Every digit overflowed: the next head.
  if (head === 'z') return null;
  if (head === 'Z') return `a${ZERO}`;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  const length = integerLength(next) - 1;
  return next + ZERO.repeat(length);
}

function decrement(integer: string): string | null {
  const head = integer[0]!;
  const digits = [...integer.slice(1)];
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== ZERO) {
      digits[i] = DIGITS[digit(digits[i]) - 1]!;
      return head + digits.join('');
    }
    digits[i] = TOP;
  }
  if (head === 'A') return null;
  if (head === 'a') return `Z${TOP}`;
  const previous = String.fromCharCode(head.charCodeAt(0) - 1);
  const length = integerLength(previous) - 1;
  return previous + TOP.repeat(length);
}

/** A key strictly between a and b; null stands for the start (a) or the end (b) of the list. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && b !== null && a >= b) throw new Error(`keys out of order: ${a} >= ${b}`);
  if (a === null && b === null) return `a${ZERO}`;
  if (a === null) {
    const [integer, fraction] = split(b!);
    if (fraction) return integer;
    const lower = decrement(integer);
    if (lower === null) return integer + midpoint('', fraction);
    return lower;
  }
  const [integerA, fractionA] = split(a);
  if (b === null) {
    const next = increment(integerA);
    return next ?? integerA + midpoint(fractionA, null);
  }
  const [integerB, fractionB] = split(b);
  if (integerA === integerB) return integerA + midpoint(fractionA, fractionB);
  const next = increment(integerA);
  if (next !== null && next < b) return next;
  return integerA + midpoint(fractionA, null);
}

/**
 * n keys in order strictly between a and b. Open ends step integers (short keys for appends);
 * a closed gap is bisected, so 100 keys in one gap cost about two characters more than the gap's ends.
 */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [keyBetween(a, b)];
  if (b === null) {
    const out: string[] = [];
    let previous = a;
    for (let i = 0; i < n; i++) {
      previous = keyBetween(previous, null);
      out.push(previous);
    }
    return out;
  }
  if (a === null) {
    const out: string[] = [];
    let next: string | null = b;
    for (let i = 0; i < n; i++) {
      next = keyBetween(null, next);
      out.push(next);
    }
    return out.reverse();
  }
  const half = Math.floor(n / 2);
  const middle = keyBetween(a, b);
  return [...keysBetween(a, middle, half), middle, ...keysBetween(middle, b, n - half - 1)];
}

/** Fresh, short, evenly stepped keys for a whole list (creation, replace, rebalance). */
export function evenKeys(n: number): string[] {
  return keysBetween(null, null, n);
}

/** True when newly written keys grew past the bound and the playlist's keys should be rewritten. */
export function needsRebalance(keys: readonly string[]): boolean {
  return keys.some((key) => key.length > MAX_KEY_LENGTH);
}
