import type { ColumnType, Generated } from 'kysely';
import type { DeviceClass, PartnerKind } from '../app-registry.js';
import type { KeptCell, ListenerWindowDeltas } from './listening.tables.js';

type Day = ColumnType<string, string, string>;
type Counter = ColumnType<number, number | undefined, number>;

/** How an artist's stream reached it: through a verified partner of a kind, or claimed as a partner's without a partner token. */
export type PartnerStreamKind = PartnerKind | 'unverified';

/** An app's device class in the partner rollups; `unspecified` when the app declares none. */
export type RollupDeviceClass = DeviceClass | 'unspecified';

/** An artist's streams by partner kind per day (streams through no partner are artist_daily.streams minus these). */
export interface ArtistPartnerKindDailyTable {
  artist_id: string;
  day: Day;
  kind: PartnerStreamKind;
  streams: Counter;
}

/** Exact listener sets of an artist's verified partner streams, per named partner and day. */
export interface ArtistPartnerDayListenersTable {
  artist_id: string;
  day: Day;
  partner_id: string;
  user_id: string;
  /** The listener's users.ordinal; null on rows written before 2026-12-07T0030 (reads then look it up). */
  user_ordinal: Generated<number | null>;
  streams: number;
  partner_kind: PartnerKind;
}

/** A partner's streams, skips and time played per app, device class and day. */
export interface PartnerAppDailyTable {
  partner_id: string;
  day: Day;
  app_id: string;
  device_class: RollupDeviceClass;
  streams: Counter;
  skips: Counter;
  ms_played: Counter;
}

/** A partner's listener window deltas, per day (2026-12-07T0029): its listener-days are those of any of its apps. */
export interface PartnerListenerWindowsTable extends ListenerWindowDeltas {
  partner_id: string;
  /** One-day windows (2026-12-08T0032): their running sum is each day's listeners. */
  d1: Generated<number>;
}

/** Listener window deltas of one app of a partner in one device class, per day (2026-12-07T0031). */
export interface PartnerAppListenerWindowsTable extends ListenerWindowDeltas {
  partner_id: string;
  app_id: string;
  device_class: RollupDeviceClass;
}

/** Listener window deltas of a partner's device class across its apps, per day (2026-12-07T0031). */
export interface PartnerClassListenerWindowsTable extends ListenerWindowDeltas {
  partner_id: string;
  device_class: RollupDeviceClass;
}

/** Exact listener sets per partner, app and day, with the listener's profile on that day (audience breakdowns). */
export interface PartnerDayListenersTable {
  partner_id: string;
  day: Day;
  app_id: string;
  user_id: string;
  /** The listener's users.ordinal; null on rows written before 2026-12-07T0030 (reads then look it up). */
  user_ordinal: Generated<number | null>;
  streams: number;
  device_class: RollupDeviceClass;
  country: string;
  age_bracket: string;
  gender: string;
}

/** A partner's audience cell of a closed day, kept as an array (see the 2026-12-07T0028 migration). */
export interface PartnerCellSetsTable extends KeptCell {
  partner_id: string;
  dimension: 'country' | 'age' | 'gender';
}

/** Partner-days whose cells are missing or out of date, for the compaction job. */
export interface PartnerDaySetsPendingTable {
  partner_id: string;
  day: Day;
}

/** A partner's streams per artist per day (its top artists). */
export interface PartnerArtistDailyTable {
  partner_id: string;
  day: Day;
  artist_id: string;
  streams: Counter;
}

/** A partner's streams per track per day (its top tracks). */
export interface PartnerTrackDailyTable {
  partner_id: string;
  day: Day;
  track_id: string;
  artist_id: string;
  streams: Counter;
}

export interface AttributionTables {
  artist_partner_kind_daily: ArtistPartnerKindDailyTable;
  artist_partner_day_listeners: ArtistPartnerDayListenersTable;
  partner_app_daily: PartnerAppDailyTable;
  partner_day_listeners: PartnerDayListenersTable;
  partner_listener_windows: PartnerListenerWindowsTable;
  partner_app_listener_windows: PartnerAppListenerWindowsTable;
  partner_class_listener_windows: PartnerClassListenerWindowsTable;
  partner_cell_sets: PartnerCellSetsTable;
  partner_day_sets_pending: PartnerDaySetsPendingTable;
  partner_artist_daily: PartnerArtistDailyTable;
  partner_track_daily: PartnerTrackDailyTable;
}
