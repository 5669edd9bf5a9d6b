import { countryName, formatPercent } from './format.js';
import { sumRange, windowEnding } from './series.js';
import { BINOMIAL_EXACT_MAX_N, addDays, binomialUpperTail, formatInt, isoWeek } from './stats.js';
import type { DailyPoint, InsightCandidate, Severity, Subject } from './types.js';

export interface TrendInput {
  subject: Subject;
  /** Last day of the current week (inclusive), 'YYYY-MM-DD'. */
  asOf: string;
  /** Daily streams per ISO country code. */
  byMarket: Record<string, readonly DailyPoint[]>;
  /** Minimum streams in the current 7 days for a market to be considered (default 100). */
  minVolume?: number;
  /** One-sided significance level per market (default 0.01). */
  alpha?: number;
}

function trendSeverity(pct: number): Severity {
  if (pct >= 300) return 'major';
  if (pct >= 100) return 'notable';
  return 'info';
}

/** Week-over-week rises per market that a conditional binomial (Poisson rate) test finds significant. */
export function detectTrends(input: TrendInput): InsightCandidate[] {
  const { subject, asOf } = input;
  const minVolume = input.minVolume ?? 100;
  const alpha = input.alpha ?? 0.01;
  const current = windowEnding(asOf, 7);
  const previous = windowEnding(addDays(asOf, -7), 7);
  const week = isoWeek(asOf);
  const found: { candidate: InsightCandidate; pct: number; market: string }[] = [];

  for (const [market, series] of Object.entries(input.byMarket)) {
    const a = Math.round(sumRange(series, current[0], current[1]));
    const b = Math.round(sumRange(series, previous[0], previous[1]));
    if (a < minVolume || a <= b) continue;
    // Given n = a + b, a ~ Binomial(n, 1/2) when both weeks share one Poisson rate.
    const n = a + b;
    const pValue = binomialUpperTail(a, n, 0.5);
    if (pValue >= alpha) continue;

    const pct = b > 0 ? ((a - b) / b) * 100 : Number.POSITIVE_INFINITY;
    const where = countryName(market);
    const title =
      b > 0
        ? `Streams of ${subject.name} in ${where} up ${formatPercent(pct)} week over week`
        : `Streams of ${subject.name} in ${where} rose from none to ${formatInt(a)} week over week`;
    const body =
      b > 0
        ? `${subject.name} had ${formatInt(a)} streams in ${where} in the 7 days to ${asOf}, up ${formatPercent(pct)} on the week before (${formatInt(a)} against ${formatInt(b)}).`
        : `${subject.name} had ${formatInt(a)} streams in ${where} in the 7 days to ${asOf}, after none the week before (${formatInt(a)} against 0).`;
    found.push({
      pct,
      market,
      candidate: {
        type: 'trend',
        severity: trendSeverity(pct),
        title,
        body,
        evidence: {
          market,
          metric: 'streams',
          current: a,
          previous: b,
          pct_change: Number.isFinite(pct) ? pct : null,
          p_value: pValue,
          alpha,
          test: n <= BINOMIAL_EXACT_MAX_N ? 'conditional-binomial-exact' : 'conditional-binomial-normal-cc',
          current_window: current,
          previous_window: previous,
        },
        dedupe_key: `trend:${subject.kind}:${subject.id}:country:${market}:${week}`,
        subject,
      },
    });
  }

  found.sort((x, y) => y.pct - x.pct || (x.market < y.market ? -1 : x.market > y.market ? 1 : 0));
  return found.map((f) => f.candidate);
}
