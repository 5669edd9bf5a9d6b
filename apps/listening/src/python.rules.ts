/**
 * The few Python built-ins whose exact behaviour ListenBrainz clients rely on (`str.strip()`, `int()`), written
 * as single linear scans: every input here is hostile and unbounded until checked, and a backtracking regular
 * expression over a long run of one character is quadratic (an 80 KB track name once held the event loop for
 * 6.7 s).
 */

/** Python's `str.isspace()` for one UTF-16 code unit (every such character is in the BMP). JS `trim()` differs: it strips U+FEFF. */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python's `str.strip()`: two indexes walk in from both ends. */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPySpace(s.charCodeAt(start))) start++;
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** True when `s` has more than `max` characters as Python's `len` counts them (code points); it stops counting at `max + 1`. */
export function longerThan(s: string, max: number): boolean {
  if (s.length <= max) return false;
  if (s.length > 2 * max) return true; // a code point is at most two code units
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++n > max) return true;
  }
  return false;
}

const ZERO = 0x30;
const NINE = 0x39;
const UNDERSCORE = 0x5f;

/** Digits past leading zeros beyond which an integer is outside every range a caller checks (2^64 has 20). */
const MAX_SIGNIFICANT_DIGITS = 24;

/**
 * Python's `int(value)` for a parsed JSON value, or null where Python raises: a number is truncated toward zero;
 * a string must be a base-10 integer literal as `int(str)` reads it (surrounding `str.isspace()` characters,
 * one optional sign, digits with single underscores between them: " -1_700 " is -1700, "1.5" and "0x10" are
 * refused). Chorus: booleans are refused (Python's int(True) is 1), and only ASCII digits are read (Python also
 * reads other Unicode decimal digits). A literal beyond 24 significant digits is ±Infinity: past every range
 * check, without converting a huge string. Values beyond 2^53 lose precision, which no range check minds.
 */
export function pyInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) + 0 : null; // + 0 turns -0 into 0
  if (typeof value !== 'string') return null;
  let start = 0;
  let end = value.length;
  while (start < end && isPySpace(value.charCodeAt(start))) start++;
  while (end > start && isPySpace(value.charCodeAt(end - 1))) end--;
  let negative = false;
  const sign = value.charCodeAt(start);
  if (sign === 0x2b || sign === 0x2d) {
    negative = sign === 0x2d;
    start++;
  }
  if (start >= end) return null;
  let significant = '';
  let tooLong = false;
  let previousDigit = false;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      previousDigit = true;
      if (tooLong || (c === ZERO && significant === '')) continue;
      if (significant.length >= MAX_SIGNIFICANT_DIGITS) tooLong = true;
      else significant += value[i];
      continue;
    }
    // An underscore only between two digits.
    if (c !== UNDERSCORE || !previousDigit || i + 1 >= end) return null;
    const next = value.charCodeAt(i + 1);
    if (next < ZERO || next > NINE) return null;
    previousDigit = false;
  }
  const n = tooLong ? Number.POSITIVE_INFINITY : significant === '' ? 0 : Number(significant);
  return negative ? -n + 0 : n;
}
