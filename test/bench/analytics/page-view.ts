/** A dashboard page view as realistic.ts plans it and pages.worker.ts sends it (no imports: the worker loads this). */

/** The five requests of a page view, sent together. */
export const PAGE_ENDPOINTS = ['stats', 'timeseries', 'tracks', 'audience', 'sources'] as const;
export type PageEndpoint = (typeof PAGE_ENDPOINTS)[number];
export const RANGE_KINDS = ['24h', '7d', '28d', '365d', 'custom'] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];
export const DIMENSIONS = ['country', 'age', 'gender'] as const;

/** The page views to send, one entry per page view in each array. Days are offsets from the first day with data. */
export interface PagePlan {
  /** Index into the artists, most streamed first. */
  artist: Int32Array;
  /** Index into RANGE_KINDS. */
  range: Uint8Array;
  from: Int16Array;
  to: Int16Array;
  /** Index into DIMENSIONS, for the audience request. */
  dimension: Uint8Array;
}
