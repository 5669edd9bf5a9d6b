import { countryName } from './format.js';
import { formatInt, isoWeek } from './stats.js';
import type { InsightCandidate, Severity, Subject } from './types.js';

export type AudienceDimension = 'country' | 'age' | 'gender';

export interface AudienceShiftInput {
  subject: Subject;
  dimension: AudienceDimension;
  /** Listener counts per cell in the current period. */
  current: Record<string, number>;
  /** Listener counts per cell in the previous period. */
  previous: Record<string, number>;
  asOf: string;
}

/** |z| for a two-sided p < 0.001. */
const Z_CRITICAL = 3.29;
const MIN_SHARE_CHANGE = 0.05;
const MIN_TOTAL = 200;

function total(counts: Record<string, number>): number {
  let sum = 0;
  for (const v of Object.values(counts)) sum += v;
  return sum;
}

function cellPhrase(dimension: AudienceDimension, cell: string): string {
  if (dimension === 'country') return `listeners in ${countryName(cell)}`;
  if (dimension === 'age') return `listeners aged ${cell}`;
  return `${cell.replace(/_/g, ' ')} listeners`;
}

function pctText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function shiftSeverity(points: number): Severity {
  if (points >= 15) return 'major';
  if (points >= 10) return 'notable';
  return 'info';
}

/** Cells whose share of the audience moved by at least 5 points with a two-proportion z-test at p < 0.001. */
export function detectAudienceShift(input: AudienceShiftInput): InsightCandidate[] {
  const { subject, dimension, current, previous, asOf } = input;
  const n1 = total(current);
  const n0 = total(previous);
  if (n1 < MIN_TOTAL || n0 < MIN_TOTAL) return [];
  const week = isoWeek(asOf);
  const cells = [...new Set([...Object.keys(current), ...Object.keys(previous)])].sort();
  const out: { candidate: InsightCandidate; absDelta: number }[] = [];

  for (const cell of cells) {
    const c1 = current[cell] ?? 0;
    const c0 = previous[cell] ?? 0;
    const p1 = c1 / n1;
    const p0 = c0 / n0;
    const delta = p1 - p0;
    if (Math.abs(delta) < MIN_SHARE_CHANGE) continue;
    const pooled = (c1 + c0) / (n1 + n0);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
    if (se === 0) continue;
    const z = delta / se;
    if (Math.abs(z) < Z_CRITICAL) continue;

    // Rounded to a tenth so float noise (0.35 - 0.2 = 0.1499…) cannot cross a severity boundary.
    const points = Math.round(Math.abs(delta) * 1000) / 10;
    const dir = delta > 0 ? 'up' : 'down';
    const phrase = cellPhrase(dimension, cell);
    out.push({
      absDelta: Math.abs(delta),
      candidate: {
        type: 'audience_shift',
        severity: shiftSeverity(points),
        title: `${subject.name}: share of ${phrase} ${dir} ${points} points`,
        body: `${pctText(p1)} of ${subject.name}'s audience this period were ${phrase}, against ${pctText(p0)} before (${formatInt(c1)} of ${formatInt(n1)} against ${formatInt(c0)} of ${formatInt(n0)}).`,
        evidence: {
          dimension,
          cell,
          current_count: c1,
          current_total: n1,
          previous_count: c0,
          previous_total: n0,
          current_share: p1,
          previous_share: p0,
          share_change: delta,
          z,
        },
        dedupe_key: `audience_shift:${dimension}:${cell}:${week}`,
        subject,
      },
    });
  }
  out.sort((a, b) => b.absDelta - a.absDelta);
  return out.map((o) => o.candidate);
}
