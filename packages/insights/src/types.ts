/** One day of a zero-filled daily series; `day` is a UTC calendar date 'YYYY-MM-DD'. */
export interface DailyPoint {
  day: string;
  value: number;
}

/** The artist or track an insight is about. */
export interface Subject {
  kind: 'artist' | 'track';
  id: string;
  name: string;
}

export type InsightType = 'trend' | 'milestone' | 'anomaly' | 'audience_shift' | 'playlist_momentum' | 'forecast';

export type Severity = 'info' | 'notable' | 'major';

/**
 * A candidate insight. `dedupe_key` is deterministic for the same fact; unless it embeds the subject
 * (trend keys do) it is unique per subject, so store it under (subject.kind, subject.id, dedupe_key).
 */
export interface InsightCandidate {
  type: InsightType;
  severity: Severity;
  title: string;
  body: string;
  evidence: Record<string, unknown>;
  dedupe_key: string;
  subject: Subject;
}
