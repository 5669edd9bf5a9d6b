import { addDays, daysBetween } from '@chorus/insights';
import { type FieldError, problems } from '@chorus/service-kit';

/**
 * Named ranges: whole UTC days (rollups are daily). 24h is the last whole UTC day, yesterday, so that it compares
 * like with like: today so far set against the whole of yesterday would read as a fall every morning, and the
 * same hours of yesterday cannot be read from daily rollups. Today so far is the live counter's (or from=to=today).
 * 7d and longer end today: today and the 6 (27, 89, 364) days before.
 */
export const RANGE_NAMES = ['24h', '7d', '28d', '90d', '365d', 'all'] as const;
export type RangeName = (typeof RANGE_NAMES)[number];

const RANGE_DAYS: Record<Exclude<RangeName, 'all'>, number> = { '24h': 1, '7d': 7, '28d': 28, '90d': 90, '365d': 365 };

export const DEFAULT_RANGE: RangeName = '28d';
/** Longest custom range: three years of days (one of them a leap year). */
export const MAX_RANGE_DAYS = 1096;
/** Monthly listeners are counted over a rolling 28 days (as Spotify for Artists does). */
export const MONTH_DAYS = 28;

export interface RangeInput {
  range?: RangeName | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A resolved range and the period of the same length right before it; all days inclusive, 'YYYY-MM-DD'. */
export interface ResolvedRange {
  range: RangeName | 'custom';
  from: string;
  to: string;
  days: number;
  previous_from: string;
  previous_to: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day 'YYYY-MM-DD'. */
export function isCalendarDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/** Today as a UTC calendar day. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const queryError = (name: string, detail: string): FieldError => ({ pointer: `/${name}`, detail, in: 'querystring' });

/**
 * Resolves `range` or `from`/`to` (never both; from and to together) into days. `firstDay` is where range=all
 * starts: the subject's first day with data, or its creation day; the caller looks it up only for `all`. No
 * range spans more than MAX_RANGE_DAYS.
 */
export function resolveRange(input: RangeInput, today: string, firstDay?: string): ResolvedRange {
  const errors: FieldError[] = [];
  if (input.range !== undefined && (input.from !== undefined || input.to !== undefined)) {
    errors.push(queryError(input.from !== undefined ? 'from' : 'to', 'give either range, or from and to'));
  }
  if ((input.from === undefined) !== (input.to === undefined)) {
    errors.push(queryError(input.from === undefined ? 'from' : 'to', 'from and to go together'));
  }
  for (const name of ['from', 'to'] as const) {
    const day = input[name];
    if (day !== undefined && !isCalendarDay(day)) errors.push(queryError(name, 'must be a calendar day, YYYY-MM-DD'));
  }
  if (errors.length) throw problems.validation(errors, 'The range is not valid.');

  let from: string;
  let to: string;
  let name: RangeName | 'custom';
  if (input.from !== undefined && input.to !== undefined) {
    ({ from, to } = input as { from: string; to: string });
    name = 'custom';
    if (to > today) errors.push(queryError('to', `must not be after today (${today}, UTC)`));
    if (from > to) errors.push(queryError('from', 'must not be after to'));
    else if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) errors.push(queryError('from', `the range may span at most ${MAX_RANGE_DAYS} days (3 years)`));
    if (errors.length) throw problems.validation(errors, 'The range is not valid.');
  } else {
    name = input.range ?? DEFAULT_RANGE;
    to = name === '24h' ? addDays(today, -1) : today;
    if (name === 'all') {
      // `all` is capped, not refused: it starts at the first day with data, but never more than MAX_RANGE_DAYS
      // before `to`. Refusing would make a named range fail for every subject older than the cap (its clients
      // cannot know in advance), while a custom range past the cap is refused because its caller chose the span.
      // The cap keeps what one request costs bounded whatever the age of the data; the answer's `from` says
      // where it starts.
      const earliest = addDays(today, -(MAX_RANGE_DAYS - 1));
      from = firstDay === undefined || firstDay >= today ? today : firstDay < earliest ? earliest : firstDay;
    } else {
      from = addDays(to, -(RANGE_DAYS[name] - 1));
    }
  }
  const days = daysBetween(from, to) + 1;
  return { range: name, from, to, days, previous_from: addDays(from, -days), previous_to: addDays(from, -1) };
}

export type Granularity = 'day' | 'week' | 'month';

/** One bucket of a series: `key` is its calendar start (a Monday, a 1st), start and end are clipped to the range. */
export interface Bucket {
  key: string;
  start: string;
  end: string;
}

function bucketStart(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 8)}01`;
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // ISO: Monday = 0
  return addDays(day, -dow);
}

function nextBucket(key: string, granularity: Granularity): string {
  if (granularity === 'day') return addDays(key, 1);
  if (granularity === 'week') return addDays(key, 7);
  const d = new Date(`${key}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Every bucket that overlaps [from, to], in order: days, ISO weeks (Monday to Sunday) or calendar months. */
export function bucketsOf(from: string, to: string, granularity: Granularity): Bucket[] {
  const out: Bucket[] = [];
  for (let key = bucketStart(from, granularity); key <= to; ) {
    const next = nextBucket(key, granularity);
    const last = addDays(next, -1);
    out.push({ key, start: key < from ? from : key, end: last > to ? to : last });
    key = next;
  }
  return out;
}

/** Zero-fills a sparse series onto the buckets of the range. */
export function zeroFill(buckets: readonly Bucket[], values: ReadonlyArray<{ bucket: string; value: number }>) {
  const byKey = new Map(values.map((v) => [v.bucket, v.value]));
  return buckets.map((b) => ({ start: b.start, end: b.end, value: byKey.get(b.key) ?? 0 }));
}
