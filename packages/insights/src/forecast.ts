import { formatPercent } from './format.js';
import { sumRange, windowEnding } from './series.js';
import { addDays, formatInt, isoWeek, mean, normalQuantile, quantile, stdev } from './stats.js';
import type { DailyPoint, InsightCandidate, Severity, Subject } from './types.js';

export interface ForecastPoint {
  day: string;
  value: number;
  lower: number;
  upper: number;
}

export interface ForecastResult {
  points: ForecastPoint[];
  method: string;
  level: number;
  /** Sum over the horizon with its own interval (narrower than summing daily bounds when history allows). */
  total: { value: number; lower: number; upper: number };
}

interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

interface HwState {
  level: number;
  trend: number;
  /** Seasonal terms indexed by (series index mod 7). */
  season: number[];
}

const SEASON = 7;
const MIN_POINTS = 14;
/** Residual sets smaller than this give unstable 10%/90% quantiles. */
const MIN_RESIDUALS = 20;
/** Horizons pooled on each side when estimating error quantiles; ±3 covers a full weekday cycle. */
const POOL = 3;
/** One-step errors before this index are dominated by the initial state. */
const SSE_START = SEASON;
const SHORT_HISTORY = 4 * SEASON;
const ORIGIN_START = SEASON;

/** Smoothing parameters plus initial level, trend and six free seasonal terms, fitted to the same data. */
const FITTED_PARAMS = 12;

const GRID = {
  alpha: [0.05, 0.1, 0.2, 0.3, 0.5, 0.8],
  beta: [0, 0.02, 0.1],
  gamma: [0.01, 0.05, 0.15, 0.3],
  phi: [0.8, 0.9, 0.98],
};

function initState(y: readonly number[]): HwState {
  const weeks = Math.min(4, Math.floor(y.length / SEASON));
  const weekMeans: number[] = [];
  for (let w = 0; w < weeks; w++) weekMeans.push(mean(y.slice(w * SEASON, (w + 1) * SEASON)));
  const trend = (weekMeans[1]! - weekMeans[0]!) / SEASON;
  // The first week's mean sits at index 3; step back to index -1 so the first update lands on index 0.
  const level = weekMeans[0]! - 4 * trend;
  const season: number[] = [];
  for (let k = 0; k < SEASON; k++) {
    let s = 0;
    for (let w = 0; w < weeks; w++) s += y[w * SEASON + k]! - weekMeans[w]!;
    season.push(s / weeks);
  }
  return { level, trend, season };
}

function dampSum(phi: number, h: number): number {
  let s = 0;
  let p = 1;
  for (let i = 1; i <= h; i++) {
    p *= phi;
    s += p;
  }
  return s;
}

/** Forecast for index t + h from the state after observing index t. */
function predict(state: HwState, p: HwParams, t: number, h: number): number {
  return state.level + dampSum(p.phi, h) * state.trend + state.season[(t + h) % SEASON]!;
}

/** Additive damped Holt-Winters update (Hyndman's error-correction form); returns the one-step error. */
function update(state: HwState, p: HwParams, t: number, y: number): number {
  const k = t % SEASON;
  const s = state.season[k]!;
  const base = state.level + p.phi * state.trend;
  const err = y - (base + s);
  const level = p.alpha * (y - s) + (1 - p.alpha) * base;
  state.trend = p.beta * (level - state.level) + (1 - p.beta) * p.phi * state.trend;
  state.season[k] = p.gamma * (y - base) + (1 - p.gamma) * s;
  state.level = level;
  return err;
}

function sse(y: readonly number[], p: HwParams): number {
  const state = initState(y);
  let total = 0;
  for (let t = 0; t < y.length; t++) {
    const e = update(state, p, t, y[t]!);
    if (t >= SSE_START) total += e * e;
  }
  return total;
}

function chooseParams(y: readonly number[]): HwParams {
  let best: HwParams = { alpha: 0.2, beta: 0, gamma: 0.05, phi: 0.9 };
  let bestSse = Number.POSITIVE_INFINITY;
  for (const alpha of GRID.alpha)
    for (const beta of GRID.beta)
      for (const gamma of GRID.gamma)
        for (const phi of GRID.phi) {
          const p = { alpha, beta, gamma, phi };
          const s = sse(y, p);
          if (s < bestSse) {
            bestSse = s;
            best = p;
          }
        }
  return best;
}

function meanFallback(series: readonly DailyPoint[], horizon: number, level: number): ForecastResult {
  const last = series[series.length - 1]!.day;
  const values = series.map((p) => p.value);
  const m = Math.max(0, mean(values));
  // Little history says little about the level, so the band is deliberately wide and widens with the horizon.
  const s = Math.max(stdev(values), 0.25 * m, 1);
  const z = normalQuantile(0.5 + level / 2);
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const half = z * s * Math.sqrt(1 + 1 / values.length) * Math.sqrt(1 + h / SEASON);
    points.push({ day: addDays(last, h), value: m, lower: Math.max(0, m - half), upper: m + half });
  }
  const totalHalf = z * s * horizon * Math.sqrt(1 + horizon / SEASON);
  return {
    points,
    method: 'flat-mean',
    level,
    total: { value: m * horizon, lower: Math.max(0, m * horizon - totalHalf), upper: m * horizon + totalHalf },
  };
}

/** Daily forecast by additive damped Holt-Winters (weekly season, grid-fitted) with empirical h-step error intervals. */
export function forecast(series: readonly DailyPoint[], horizon = 28, level = 0.8): ForecastResult {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (series.length === 0) return { points: [], method: 'empty', level, total: { value: 0, lower: 0, upper: 0 } };
  if (series.length < MIN_POINTS) return meanFallback(series, horizon, level);

  const y = series.map((p) => p.value);
  const n = y.length;
  const params = chooseParams(y);
  const state = initState(y);
  const errors: number[][] = Array.from({ length: horizon + 1 }, () => []);
  for (let t = 0; t < n; t++) {
    update(state, params, t, y[t]!);
    if (t < ORIGIN_START) continue;
    for (let h = 1; h <= horizon && t + h < n; h++) errors[h]!.push(y[t + h]! - predict(state, params, t, h));
  }

  const qLo = (1 - level) / 2;
  const qHi = 1 - qLo;
  // In-sample errors come from a model tuned on the same data and understate out-of-sample error;
  // widen by the usual degrees-of-freedom factor (capped so very short histories stay usable).
  const fitted = n - SSE_START;
  const inflate = Math.min(2, Math.sqrt(fitted / Math.max(fitted - FITTED_PARAMS, 1)));
  const bands: ({ lo: number; hi: number } | null)[] = [null];
  for (let h = 1; h <= horizon; h++) {
    const pooled: number[] = [];
    for (let j = Math.max(1, h - POOL); j <= Math.min(horizon, h + POOL); j++) pooled.push(...errors[j]!);
    bands.push(pooled.length >= MIN_RESIDUALS ? { lo: inflate * quantile(pooled, qLo), hi: inflate * quantile(pooled, qHi) } : null);
  }
  // Long horizons on short histories have too few errors: widen the longest reliable band like a random walk.
  const oneStep = errors[1]!;
  if (oneStep.length < 3) return meanFallback(series, horizon, level);
  const z = normalQuantile(qHi);
  const sigma = inflate * Math.sqrt(mean(oneStep.map((e) => e * e)));
  let anchor = 0;
  for (let h = 1; h <= horizon; h++) {
    if (bands[h]) {
      anchor = h;
      continue;
    }
    const base = anchor > 0 ? bands[anchor]! : { lo: -z * sigma, hi: z * sigma };
    const scale = Math.sqrt(h / Math.max(anchor, 1));
    bands[h] = { lo: base.lo * scale, hi: base.hi * scale };
  }

  const last = series[n - 1]!.day;
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const raw = predict(state, params, n - 1, h);
    const band = bands[h]!;
    const value = Math.max(0, raw);
    points.push({
      day: addDays(last, h),
      value,
      lower: Math.max(0, Math.min(raw + band.lo, value)),
      upper: Math.max(raw + band.hi, value),
    });
  }

  const totalValue = points.reduce((s, p) => s + p.value, 0);
  // Overlapping in-sample windows give too few independent horizon sums for empirical quantiles, so the
  // total uses the model's own variance: each future shock also moves every later day by c_j.
  let variance = 0;
  let carried = 0;
  const c: number[] = [0];
  for (let j = 1; j < horizon; j++) {
    c.push(params.alpha * (1 + params.beta * dampSum(params.phi, j)) + (j % SEASON === 0 ? params.gamma : 0));
  }
  for (let i = horizon; i >= 1; i--) {
    // Shock on day i affects days i..horizon: 1 + c_1 + ... + c_{horizon - i}.
    variance += (1 + carried) ** 2;
    carried += c[horizon - i + 1] ?? 0;
  }
  const totalHalf = z * sigma * Math.sqrt(variance);
  // Under four weeks the fitted trend is shaky enough that only the conservative sum of daily bounds holds up.
  const short = n < SHORT_HISTORY;
  const total = {
    value: totalValue,
    lower: short ? points.reduce((s, p) => s + p.lower, 0) : Math.max(0, totalValue - totalHalf),
    upper: short ? points.reduce((s, p) => s + p.upper, 0) : totalValue + totalHalf,
  };
  const f = (x: number): string => String(Math.round(x * 100) / 100);
  return {
    points,
    method: `holt-winters-additive-damped(alpha=${f(params.alpha)},beta=${f(params.beta)},gamma=${f(params.gamma)},phi=${f(params.phi)})`,
    level,
    total,
  };
}

/** Rounds to three significant figures so prose does not promise false precision. */
function roughly(n: number): string {
  if (n < 1000) return formatInt(n);
  const digits = Math.floor(Math.log10(n)) + 1;
  const unit = 10 ** (digits - 3);
  return formatInt(Math.round(n / unit) * unit);
}

const FORECAST_DAYS = 28;

/** A 'forecast' insight: expected streams over the next 28 days with an 80% interval; null with under 14 days of history. */
export function forecastInsight(subject: Subject, series: readonly DailyPoint[], asOf: string): InsightCandidate | null {
  const history = series.filter((p) => p.day <= asOf);
  if (history.length < MIN_POINTS) return null;
  const result = forecast(history, FORECAST_DAYS, 0.8);
  const [from, to] = windowEnding(asOf, FORECAST_DAYS);
  const lastPeriod = sumRange(history, from, to);
  const { value, lower, upper } = result.total;
  const change = lastPeriod > 0 ? ((value - lastPeriod) / lastPeriod) * 100 : null;
  const severity: Severity = change !== null && Math.abs(change) >= 25 ? 'notable' : 'info';
  const changeText =
    change === null
      ? ''
      : ` That is ${formatPercent(Math.abs(change))} ${change >= 0 ? 'more' : 'less'} than the ${formatInt(lastPeriod)} of the last 28 days.`;
  return {
    type: 'forecast',
    severity,
    title: `${subject.name} on course for about ${roughly(value)} streams in the next 28 days`,
    body: `Expected streams of ${subject.name} over the next 28 days: about ${roughly(value)} (80% interval ${roughly(lower)} to ${roughly(upper)}).${changeText}`,
    evidence: {
      as_of: asOf,
      horizon_days: FORECAST_DAYS,
      level: result.level,
      expected_total: value,
      lower_total: lower,
      upper_total: upper,
      last_28_days: lastPeriod,
      method: result.method,
      history_days: history.length,
    },
    dedupe_key: `forecast:${isoWeek(asOf)}`,
    subject,
  };
}
