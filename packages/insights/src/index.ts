export type { DailyPoint, InsightCandidate, InsightType, Severity, Subject } from './types.js';
export {
  addDays,
  binomialLogPmf,
  binomialUpperTail,
  daysBetween,
  erfc,
  formatInt,
  isoWeek,
  logBeta,
  logGamma,
  mad,
  mean,
  median,
  normalCdf,
  normalQuantile,
  quantile,
  stdev,
} from './stats.js';
export { countryName, formatDate, formatPercent } from './format.js';
export { detectTrends, type TrendInput } from './trend.js';
export { detectMilestones, MILESTONE_THRESHOLDS, type MilestoneInput } from './milestones.js';
export { detectAnomaly, type AnomalyInput } from './anomaly.js';
export { detectAudienceShift, type AudienceDimension, type AudienceShiftInput } from './audience-shift.js';
export { detectPlaylistMomentum, type PlaylistAdds, type PlaylistMomentumInput } from './playlist-momentum.js';
export { forecast, forecastInsight, type ForecastPoint, type ForecastResult } from './forecast.js';
export { relatedArtists, type RelatedArtist, type RelatedArtistsInput } from './similarity.js';
