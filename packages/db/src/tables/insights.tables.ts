import type { ColumnType, Generated } from 'kysely';

type Day = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

export type InsightSubjectKind = 'artist' | 'track';
export type InsightKind = 'trend' | 'milestone' | 'anomaly' | 'audience_shift' | 'playlist_momentum' | 'forecast';
export type InsightSeverity = 'info' | 'notable' | 'major';

export interface InsightsTable {
  id: string;
  artist_id: string;
  subject_kind: InsightSubjectKind;
  subject_id: string;
  type: InsightKind;
  severity: InsightSeverity;
  title: string;
  body: string;
  evidence: Json<Record<string, unknown>>;
  dedupe_key: string;
  created_at: Generated<Date>;
}

export interface InsightReadsTable {
  insight_id: string;
  user_id: string;
  read_at: Generated<Date>;
}

export interface InsightStateTable {
  subject_kind: InsightSubjectKind;
  subject_id: string;
  metric: string;
  artist_id: string;
  value: number;
  updated_at: Generated<Date>;
}

export interface ArtistRelatedTable {
  artist_id: string;
  related_artist_id: string;
  score: number;
  overlap: number;
  computed_at: Timestamp;
}

/** One forecast day: the expected value and its prediction interval. */
export interface StoredForecastPoint {
  day: string;
  value: number;
  lower: number;
  upper: number;
}

export interface ArtistForecastsTable {
  artist_id: string;
  computed_at: Timestamp;
  as_of: Day;
  method: string;
  level: number;
  points: Json<StoredForecastPoint[]>;
  total: Json<{ value: number; lower: number; upper: number }>;
}

export interface InsightsTables {
  insights: InsightsTable;
  insight_reads: InsightReadsTable;
  insight_state: InsightStateTable;
  artist_related: ArtistRelatedTable;
  artist_forecasts: ArtistForecastsTable;
}
