import { CONTEXT_TYPES, type ContextType } from '@chorus/db';

/** A number for the range, the same number for the period before, and the relative change between them. */
export interface Metric {
  value: number;
  previous: number;
  /** (value - previous) / previous; null when previous is 0 (no base to compare with). */
  change: number | null;
}

/** A rate for the range and the period before (null when there was nothing to divide by), and its relative change. */
export interface RateMetric {
  value: number | null;
  previous: number | null;
  change: number | null;
}

export function metric(value: number, previous: number): Metric {
  return { value, previous, change: previous === 0 ? null : (value - previous) / previous };
}

/** numerator / denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function rateMetric(value: number | null, previous: number | null): RateMetric {
  return { value, previous, change: value === null || previous === null || previous === 0 ? null : (value - previous) / previous };
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
  const values: string[] = [...SOURCES, ...rows.map((r) => r.value).filter((v) => !(SOURCES as readonly string[]).includes(v)).sort()];
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
