import { CONTEXT_TYPES, type ContextType, PARTNER_KINDS, STREAM_PARTNER_KINDS, type StreamPartnerKind } from '@chorus/db';

/**
 * Why a change is null: the previous period ends before the subject's first data (nothing to compare with), or
 * begins before it (it holds only part of a period: a change against it would read as a rise of thousands of
 * percent), or its value is 0 or none (no base), or there is no current value (a rate without plays).
 */
export type ChangeReason = 'no_data_in_previous_period' | 'previous_period_before_first_data' | 'no_previous_value' | 'no_current_value';

/** How much of a previous period the subject's data covers: all of it, part of it (the data began inside it), none. */
export type Coverage = 'full' | 'partial' | 'none';

/** Coverage of the days [from, to] by data that begins on `firstDay` (undefined: no data at all). */
export function coverageOf(from: string, to: string, firstDay: string | undefined): Coverage {
  if (firstDay === undefined || to < firstDay) return 'none';
  return from < firstDay ? 'partial' : 'full';
}

const COVERAGE_REASON: Record<Exclude<Coverage, 'full'>, ChangeReason> = {
  none: 'no_data_in_previous_period',
  partial: 'previous_period_before_first_data',
};

/** A number for the range, the same number for the period before, and the relative change between them. */
export interface Metric {
  value: number;
  previous: number;
  /** (value - previous) / previous; null when the periods cannot be compared (see change_reason). */
  change: number | null;
  change_reason: ChangeReason | null;
}

/** A rate for the range and the period before (null when there was nothing to divide by), and its relative change. */
export interface RateMetric {
  value: number | null;
  previous: number | null;
  change: number | null;
  change_reason: ChangeReason | null;
}

/** A count and its change against the previous period, which the subject's data covers as `coverage` says. */
export function metric(value: number, previous: number, coverage: Coverage = 'full'): Metric {
  if (coverage !== 'full') return { value, previous, change: null, change_reason: COVERAGE_REASON[coverage] };
  if (previous === 0) return { value, previous, change: null, change_reason: 'no_previous_value' };
  return { value, previous, change: (value - previous) / previous, change_reason: null };
}

/** numerator / denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** A rate and its change against the previous period, as for metric(). */
export function rateMetric(value: number | null, previous: number | null, coverage: Coverage = 'full'): RateMetric {
  if (coverage !== 'full') return { value, previous, change: null, change_reason: COVERAGE_REASON[coverage] };
  if (previous === null || previous === 0) return { value, previous, change: null, change_reason: 'no_previous_value' };
  if (value === null) return { value, previous, change: null, change_reason: 'no_current_value' };
  return { value, previous, change: (value - previous) / previous, change_reason: null };
}

/** Skips as a share of all plays: skips / (streams + skips). */
export function skipRate(streams: number, skips: number): number | null {
  return ratio(skips, streams + skips);
}

/** Every context a listen can be played from, in the order answers list them. */
export const SOURCES = CONTEXT_TYPES;

/** Sources grouped the way artists read them (after Spotify for Artists' source-of-streams families). */
export const SOURCE_FAMILIES = {
  own_library_and_playlists: ['library', 'own_playlist'],
  others_playlists: ['playlist'],
  collaborative: ['collaborative_playlist'],
  artist_profile_and_catalog: ['album', 'artist'],
  search: ['search'],
  radio: ['radio'],
  partner_devices: ['partner'],
  other: ['other'],
} as const satisfies Record<string, readonly ContextType[]>;

export type SourceFamily = keyof typeof SOURCE_FAMILIES;

export interface SourceShare {
  source: string;
  streams: number;
  share: number | null;
  previous_streams: number;
  previous_share: number | null;
}

export interface FamilyShare {
  family: SourceFamily;
  sources: string[];
  streams: number;
  share: number | null;
  previous_streams: number;
  previous_share: number | null;
}

/**
 * Shares of streams by source for the range and the previous period: every known source (zeros included), then
 * any value the rollups hold beyond them; families sum their sources, and unknown values fall into `other`.
 */
export function sourceShares(rows: ReadonlyArray<{ value: string; current: number; previous: number }>) {
  const byValue = new Map(rows.map((r) => [r.value, r]));
  const values: string[] = [
    ...SOURCES,
    ...rows
      .map((r) => r.value)
      .filter((v) => !(SOURCES as readonly string[]).includes(v))
      .sort(),
  ];
  const total = rows.reduce((s, r) => s + r.current, 0);
  const previousTotal = rows.reduce((s, r) => s + r.previous, 0);
  const sources: SourceShare[] = values.map((source) => {
    const r = byValue.get(source);
    const streams = r?.current ?? 0;
    const previous = r?.previous ?? 0;
    return { source, streams, share: ratio(streams, total), previous_streams: previous, previous_share: ratio(previous, previousTotal) };
  });
  const known = new Set<string>(SOURCES);
  const families: FamilyShare[] = (Object.entries(SOURCE_FAMILIES) as Array<[SourceFamily, readonly string[]]>).map(([family, members]) => {
    const included = family === 'other' ? values.filter((v) => v === 'other' || !known.has(v)) : [...members];
    const streams = sources.filter((s) => included.includes(s.source)).reduce((n, s) => n + s.streams, 0);
    const previous = sources.filter((s) => included.includes(s.source)).reduce((n, s) => n + s.previous_streams, 0);
    return { family, sources: included, streams, share: ratio(streams, total), previous_streams: previous, previous_share: ratio(previous, previousTotal) };
  });
  return { total_streams: total, previous_total_streams: previousTotal, sources, families };
}

export interface PartnerKindShare {
  kind: StreamPartnerKind;
  verified: boolean;
  streams: number;
  share: number | null;
  previous_streams: number;
  previous_share: number | null;
}

/**
 * Streams by partner kind for the range and the previous period, every kind listed: `rows` hold the written
 * kinds (verified kinds and unverified) and `total`, the subject's streams; `none` is the total minus the kinds.
 */
export function partnerKindShares(rows: ReadonlyArray<{ kind: string; current: number; previous: number }>): PartnerKindShare[] {
  const total = rows.find((r) => r.kind === 'total') ?? { current: 0, previous: 0 };
  const kinds = rows.filter((r) => r.kind !== 'total');
  const of = (kind: string, key: 'current' | 'previous') => kinds.find((r) => r.kind === kind)?.[key] ?? 0;
  const through = (key: 'current' | 'previous') => kinds.reduce((n, r) => n + r[key], 0);
  return STREAM_PARTNER_KINDS.map((kind) => {
    // Never below zero, even if a concurrent write were read half-way: none is a remainder.
    const streams = kind === 'none' ? Math.max(0, total.current - through('current')) : of(kind, 'current');
    const previous = kind === 'none' ? Math.max(0, total.previous - through('previous')) : of(kind, 'previous');
    return {
      kind,
      verified: (PARTNER_KINDS as readonly string[]).includes(kind),
      streams,
      share: ratio(streams, total.current),
      previous_streams: previous,
      previous_share: ratio(previous, total.previous),
    };
  });
}

export type NamedPartnerShare =
  | { partner_id: string; name: string | null; kind: string; listeners: number; streams: number; share: number | null }
  | { partner_id: string; name: string | null; kind: string; suppressed: true };

/**
 * Named partners as answered: those with a shown day-cell with their numbers, most streams first (ties by id);
 * then those with streams but none shown, suppressed, by id.
 */
export function namedPartnerShares(
  rows: ReadonlyArray<{ partner_id: string; name: string | null; kind: string; listeners: number; streams: number; shown: boolean }>,
  totalStreams: number,
): NamedPartnerShare[] {
  const byId = (a: { partner_id: string }, b: { partner_id: string }) => (a.partner_id < b.partner_id ? -1 : a.partner_id > b.partner_id ? 1 : 0);
  const shown = rows
    .filter((r) => r.shown)
    .sort((a, b) => b.streams - a.streams || byId(a, b))
    .map((r) => ({ partner_id: r.partner_id, name: r.name, kind: r.kind, listeners: r.listeners, streams: r.streams, share: ratio(r.streams, totalStreams) }));
  const hidden = rows
    .filter((r) => !r.shown)
    .sort(byId)
    .map((r) => ({ partner_id: r.partner_id, name: r.name, kind: r.kind, suppressed: true as const }));
  return [...shown, ...hidden];
}
