export * from './app-registry.js';
export * from './arrays.js';
export * from './attribution.js';
export * from './connection.js';
export * from './ids.js';
export * from './migrate.js';
export * from './text.js';
export * from './vocabulary.js';
export type * from './tables/index.js';
export { keysQueries } from './queries/keys.queries.js';
export { type ArtistIdOrColumn, catalogQueries, type ArtistRow } from './queries/catalog.queries.js';
export { identityQueries, type ProfileChanges, type UserWrite } from './queries/identity.queries.js';
export { listeningQueries, type ListenRow, type ChangedSubjects } from './queries/listening.queries.js';
export { listenerQueries, type HistoryRow } from './queries/listener.queries.js';
export { feedbackQueries } from './queries/feedback.queries.js';
export { matchingQueries, type MatchedTrack } from './queries/matching.queries.js';
export { listenbrainzQueries, type LbListenRow } from './queries/listenbrainz.queries.js';
export { integrityQueries } from './queries/integrity.queries.js';
export { playlistsQueries } from './queries/playlists.queries.js';
export {
  insightsQueries,
  insightView,
  type InsightView,
  type FeedRow,
  type ForecastRow,
  type InsightRow,
  type NewForecast,
  type NewInsight,
  type RelatedRow,
  type Watermark,
} from './queries/insights.queries.js';
export { AUDIENCE_DIMENSIONS, audienceQueries, type AudienceDimension, type AudienceSums } from './queries/audience.queries.js';
export { analyticsQueries, type StatsSubject, type StatsWindows } from './queries/analytics.queries.js';
export {
  ARTIST_WINDOWS,
  LISTENER_WINDOW_DAYS,
  listenerWindowQueries,
  PARTNER_APP_WINDOWS,
  PARTNER_CLASS_WINDOWS,
  PARTNER_WINDOW_DAYS,
  PARTNER_WINDOW_SUBJECTS,
  PARTNER_WINDOWS,
  type WindowSubject,
} from './queries/listener-windows.queries.js';
export { daySetQueries } from './queries/day-sets.queries.js';
export { TRACK_WINDOWS, trackWindowQueries } from './queries/track-windows.queries.js';
export { partnerStatsQueries } from './queries/partner-stats.queries.js';
export {
  type AppConnectionRow,
  type ConnectionSeriesMetric,
  connectionPeriods,
  connectionStatsQueries,
  type LevelScope,
} from './queries/connection-stats.queries.js';
export { opsQueries } from './queries/ops.queries.js';
export { demoQueries, type DemoFeedbackRow, type DemoPlaylistRows } from './queries/demo.queries.js';
export {
  partnersQueries,
  appForClient,
  isAllowed,
  type PartnerAppPatch,
  type PartnerAppView,
  type PartnerRow,
  type PartnerWithRole,
  type RegisteredApp,
  type UsageDelta,
} from './queries/partners.queries.js';
export { oauthQueries, type ConnectionView } from './queries/oauth.queries.js';
export {
  webhooksQueries,
  recordTrackPlaylisted,
  SUBSCRIBABLE_EVENT_TYPES,
  WEBHOOK_EVENT_OWNERS,
  type ConnectionEventData,
  type PlaylistChange,
  type PlaylistUpdatedData,
  type WebhookAppRef,
  type DeliveryLogRow,
  type InsightCreatedData,
  type MilestoneReachedData,
  type NewWebhookEvent,
  type PingData,
  type StatsDailyData,
  type TrackPlaylistedData,
  type WebhookArtistRef,
  type WebhookEndpointRow,
  type WebhookEventData,
  type WebhookEventType,
  type WebhookOwner,
  type WebhookPayload,
  type WebhookSubjectRef,
} from './queries/webhooks.queries.js';
