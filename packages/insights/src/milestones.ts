import { formatDate } from './format.js';
import { formatInt } from './stats.js';
import type { InsightCandidate, Severity, Subject } from './types.js';

export const MILESTONE_THRESHOLDS = [1_000, 10_000, 100_000, 1_000_000] as const;

export interface MilestoneInput {
  subject: Subject;
  metric: 'streams' | 'listeners';
  previousTotal: number;
  currentTotal: number;
  /** Day the new total was observed, 'YYYY-MM-DD'. */
  at: string;
}

function milestoneSeverity(threshold: number): Severity {
  if (threshold >= 100_000) return 'major';
  if (threshold >= 10_000) return 'notable';
  return 'info';
}

/** One candidate per threshold crossed between the two totals (previousTotal < T <= currentTotal). */
export function detectMilestones(input: MilestoneInput): InsightCandidate[] {
  const { subject, metric, previousTotal, currentTotal, at } = input;
  return MILESTONE_THRESHOLDS.filter((t) => previousTotal < t && t <= currentTotal).map((t) => ({
    type: 'milestone',
    severity: milestoneSeverity(t),
    title: `${subject.name} passed ${formatInt(t)} ${metric}`,
    body: `${subject.name} reached ${formatInt(currentTotal)} ${metric} on ${formatDate(at)}, passing ${formatInt(t)} (up from ${formatInt(previousTotal)}).`,
    evidence: { metric, threshold: t, previous_total: previousTotal, current_total: currentTotal, at },
    // No date in the key: a threshold is crossed once in a subject's lifetime.
    dedupe_key: `milestone:${metric}:${t}`,
    subject,
  }));
}
