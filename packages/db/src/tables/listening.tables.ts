import type { ColumnType, Generated } from 'kysely';
import type { DeviceClass, PartnerKind } from '../app-registry.js';
import type { CONTEXT_TYPES, PLATFORMS } from '../vocabulary.js';

type Day = ColumnType<string, string, string>;
type Counter = ColumnType<number, number | undefined, number>;

export type BatchSource = 'native' | 'listenbrainz' | 'rematch';
export type ContextType = (typeof CONTEXT_TYPES)[number];
export type Platform = (typeof PLATFORMS)[number];
/** Artist streams are broken down by these; by age bracket and gender they are read from artist_day_listeners. */
export type BreakdownDimension = 'country' | 'source' | 'platform';

export interface IngestBatchesTable {
  id: string;
  user_id: string;
  source: BatchSource;
  status: ColumnType<'pending' | 'applied', 'pending' | 'applied' | undefined, 'pending' | 'applied'>;
  event_count: number;
  min_listened_at: ColumnType<Date, Date | string, Date | string>;
  max_listened_at: ColumnType<Date, Date | string, Date | string>;
  created_at: Generated<Date>;
  applied_at: Date | null;
  attempts: Counter;
  /** The partner app whose access token submitted the batch (null for first-party clients), and its partner. */
  app_id: ColumnType<string | null, string | null | undefined, string | null>;
  partner_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ListensTable {
  id: string;
  user_id: string;
  listened_at: ColumnType<Date, Date | string, Date | string>;
  track_key: string;
  track_id: string | null;
  artist_id: string | null;
  batch_id: string;
  ms_played: number;
  is_stream: boolean;
  context_type: ContextType;
  context_id: string | null;
  platform: Platform;
  client: string | null;
  country: string;
  age_bracket: string;
  gender: string;
  artist_name: string | null;
  track_name: string | null;
  release_name: string | null;
  isrc: string | null;
  duration_ms: number | null;
  match_key: string | null;
  received_at: Generated<Date>;
  /**
   * Verified attribution: the partner app whose token submitted the listen, its partner, the partner's kind and
   * the app's device class, from the app registry at ingestion. All null for first-party clients.
   */
  app_id: ColumnType<string | null, string | null | undefined, string | null>;
  partner_id: ColumnType<string | null, string | null | undefined, string | null>;
  partner_kind: ColumnType<PartnerKind | null, PartnerKind | null | undefined, PartnerKind | null>;
  device_class: ColumnType<DeviceClass | null, DeviceClass | null | undefined, DeviceClass | null>;
}

export interface ListenFeedbackTable {
  user_id: string;
  track_id: string;
  score: number;
  day: Day;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface DailyCounters {
  day: Day;
  streams: Counter;
  skips: Counter;
  ms_played: Counter;
  saves: Counter;
  playlist_adds: Counter;
}

export interface ArtistDailyTable extends DailyCounters {
  artist_id: string;
}

export interface TrackDailyTable extends DailyCounters {
  track_id: string;
  artist_id: string;
}

export interface ArtistDailyBreakdownTable {
  artist_id: string;
  day: Day;
  dimension: BreakdownDimension;
  value: string;
  streams: Counter;
}

export interface TrackDailyBreakdownTable {
  track_id: string;
  day: Day;
  /** Markets only. */
  dimension: 'country';
  value: string;
  streams: Counter;
}

export interface PlaylistContextDailyTable {
  artist_id: string;
  track_id: string;
  day: Day;
  context_type: ContextType;
  context_id: string;
  streams: Counter;
}

export interface ArtistDayListenersTable {
  artist_id: string;
  day: Day;
  user_id: string;
  /** The listener's users.ordinal; null on rows written before 2026-12-07T0030 (reads then look it up). */
  user_ordinal: Generated<number | null>;
  streams: number;
  country: string;
  age_bracket: string;
  gender: string;
}

/**
 * For each window length (7, 28, 90 or 365 days), the delta whose prefix sum up to a day is the exact number of
 * distinct listeners of the window ending that day (see the 2026-12-06T0023 migration).
 */
export interface ListenerWindowDeltas {
  day: Day;
  d7: Generated<number>;
  d28: Generated<number>;
  d90: Generated<number>;
  d365: Generated<number>;
}

/** An artist's listener window deltas, per day. */
export interface ArtistListenerWindowsTable extends ListenerWindowDeltas {
  artist_id: string;
}

/** A track's listener window deltas of its folded days, kept by the compaction job (2026-12-08T0033): no week. */
export interface TrackListenerWindowsTable extends Omit<ListenerWindowDeltas, 'd7'> {
  track_id: string;
}

/** Each listener's last folded day with a track (users.ordinal). */
export interface TrackListenerLastTable {
  track_id: string;
  user_ordinal: number;
  day: Day;
}

/** How far a track's listener windows are folded: its day sets up to `through`. */
export interface TrackWindowsFoldedTable {
  track_id: string;
  through: Day;
}

export interface TrackDayListenersTable {
  track_id: string;
  day: Day;
  user_id: string;
  /** The listener's users.ordinal; null on rows written before 2026-12-07T0030 (reads then look it up). */
  user_ordinal: Generated<number | null>;
  streams: number;
}

/** A track's listeners of one closed day, as user ordinals (see the 2026-12-07T0024 migration). */
export interface TrackDaySetsTable {
  track_id: string;
  day: Day;
  users: number[];
}

/** Track-days whose set is missing or out of date, for the compaction job. */
export interface TrackDaySetsPendingTable {
  track_id: string;
  day: Day;
}

/** A kept day-cell of a closed day (one subject, dimension, day and value): its streams, its listeners' ordinals, its ranks. */
export interface KeptCell {
  day: Day;
  value: string;
  streams: Counter;
  users: number[];
  /** The fewest listeners of a cell of the same subject, dimension and day (whether it is shown: audienceQueries' isShown). */
  least_listeners: number;
  /** The listeners of that day's cells before this one, smallest first. */
  listeners_before: number;
}

/** An artist's day-cell of a closed day. */
export interface ArtistCellSetsTable extends KeptCell {
  artist_id: string;
  /** An audience dimension, or the partner kind of a named-partner cell (value: the partner's id). */
  dimension: 'country' | 'age' | 'gender' | 'automotive' | 'telecom' | 'device' | 'app';
}

/** Artist-days whose cells are missing or out of date, for the compaction job. */
export interface ArtistDaySetsPendingTable {
  artist_id: string;
  day: Day;
}

export interface ListenerDailyTable {
  user_id: string;
  day: Day;
  streams: Counter;
  skips: Counter;
  ms_played: Counter;
}

/** Wall-clock time one listener's stored listens cover in one UTC hour (see listeningQueries.insertBatch). */
export interface ListenerHourUsageTable {
  user_id: string;
  hour: ColumnType<Date, Date | string, Date | string>;
  ms: ColumnType<number, number, number>;
}

export type RefusalReason = 'over_real_time';

/** Listens refused at ingestion, per UTC day of the refusal, reason and API. */
export interface IngestRefusalsDailyTable {
  day: Day;
  reason: RefusalReason;
  source: 'native' | 'listenbrainz';
  listens: Counter;
  batches: Counter;
}

/** The ListenBrainz `latest-import` mark (unix seconds) per listener and import service. */
export interface ListenImportMarksTable {
  user_id: string;
  service: string;
  latest_import: ColumnType<number, number, number>;
  updated_at: Generated<Date>;
}

export interface ListeningTables {
  ingest_batches: IngestBatchesTable;
  listens: ListensTable;
  listen_feedback: ListenFeedbackTable;
  artist_daily: ArtistDailyTable;
  track_daily: TrackDailyTable;
  artist_daily_breakdown: ArtistDailyBreakdownTable;
  track_daily_breakdown: TrackDailyBreakdownTable;
  playlist_context_daily: PlaylistContextDailyTable;
  artist_day_listeners: ArtistDayListenersTable;
  artist_listener_windows: ArtistListenerWindowsTable;
  track_day_listeners: TrackDayListenersTable;
  track_day_sets: TrackDaySetsTable;
  track_day_sets_pending: TrackDaySetsPendingTable;
  track_listener_windows: TrackListenerWindowsTable;
  track_listener_last: TrackListenerLastTable;
  track_windows_folded: TrackWindowsFoldedTable;
  artist_cell_sets: ArtistCellSetsTable;
  artist_day_sets_pending: ArtistDaySetsPendingTable;
  listener_daily: ListenerDailyTable;
  listener_hour_usage: ListenerHourUsageTable;
  ingest_refusals_daily: IngestRefusalsDailyTable;
  listen_import_marks: ListenImportMarksTable;
}
