/**
 * Fits the spend model the Monte-Carlo paths are drawn from: a recent daily level and the long-run mean
 * it reverts to, a damped trend, an hour-of-day profile, an optional weekday effect, and the log-scale
 * spreads that make the bands honest. Parameters and their reasons: model-params.ts.
 *
 * Example: 3 days at a steady $24/day give `levelUsdPerDay ≈ 24`, a flat profile, and a `levelLogSd`
 * of about τ/√3 (τ widened by the spread scale) — wide, because three days say little about next week.
 */
import type { HourlySeries } from '../hourly-series';
import { DAY_MS, HOUR_MS } from '../time';

import { type ModelParams, DEFAULT_MODEL_PARAMS } from './model-params';

export { type ModelParams, DEFAULT_MODEL_PARAMS } from './model-params';

const MAX_TREND_LOG_PER_DAY = 0.7;
// However long the horizon, a trend alone never moves the level more than ×3 either way (month-end sanity).
const MAX_TREND_LOG_TOTAL = Math.log(3);
// Weekday effects need at least two of each weekday; they are shrunk toward 1 by this many weeks.
export const WEEKDAY_MIN_DAYS = 14;
export const WEEKDAY_PRIOR_WEEKS = 2;
// Older history adds nothing once recency weights are ~0 and costs time; the profile keeps 8 weeks.
export const MAX_FIT_DAYS = 56;
// The level estimate's log-sd is capped: beyond ×12 either way, wider bands carry no more information.
const MAX_LEVEL_LOG_SD = 2.5;

export interface SpendModel {
  /** Recency-weighted spend level, USD per day. */
  levelPerDay: number;
  /** Plain mean spend over the fitted window, USD per day: what the level reverts to. */
  longRunPerDay: number;
  /** Weight on the recent level per day ahead (the rest goes to the long-run mean). */
  reversionPerDay: number;
  /** Days ahead before the pull toward the long-run mean starts (0.5: the next 24 hours stay at the level). */
  reversionDelayDays: number;
  /** Hour-of-day (UTC) multipliers, mean 1. */
  profile: Float64Array;
  /** Weekday (UTC, 0 = Sunday) multipliers, mean 1, or null with under two weeks of history. */
  weekday: Float64Array | null;
  /** Day-to-day log-sd of daily spend around the level (τ). */
  dayLogSd: number;
  /** Log-sd of the level estimate itself (τ/√effective days, capped). */
  levelLogSd: number;
  driftLogSdPerDay: number;
  /** AR(1) correlation of day deviations, and the hourly burst log-sd. */
  dayCorrelation: number;
  hourLogSd: number;
  /** Band calibration: the paths widen the fitted spreads by `spreadScale`, and downward level and day
   * deviations by `lowTailScale` more (quiet days fall further than busy days rise). */
  spreadScale: number;
  lowTailScale: number;
  /** Damped trend: log-slope per day, the age (days, ≤ 0) the level estimate is centred on, damping. */
  trend: { logPerDay: number; originDays: number; damping: number };
  /** Hours of history used, and the effective number of days behind the level. */
  historyHours: number;
  effectiveDays: number;
}

/** Fits the model to a history that ends at the forecast's now (slice it with `sliceBefore` first). */
export function fitSpendModel(history: HourlySeries, params: ModelParams = DEFAULT_MODEL_PARAMS): SpendModel {
  const all = history.usd;
  const skip = Math.max(0, all.length - MAX_FIT_DAYS * 24);
  const x = all.subarray(skip);
  const start = history.startMs + skip * HOUR_MS;
  const n = x.length;
  const startHod = Math.floor((start % DAY_MS) / HOUR_MS);
  const profile = fitProfile(x, startHod, params.profilePriorDays, params.profilePower);
  const weekday = n >= WEEKDAY_MIN_DAYS * 24 ? fitWeekday(x, start, profile) : null;

  // 24-hour blocks counted back from the last hour, so each full block holds every hour of the day once
  // and recency weighting does not tilt the hour-of-day mix.
  const blocks = Math.ceil(n / 24);
  let sumW = 0;
  let sumWL = 0;
  let sumWW = 0;
  let sumWB = 0;
  let sumW2 = 0;
  const totals: number[] = [];
  const shares: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k < blocks; k++) {
    const hi = n - 24 * k;
    const lo = Math.max(0, hi - 24);
    let total = 0;
    let share = 0;
    for (let i = lo; i < hi; i++) {
      total += x[i] as number;
      const t = start + i * HOUR_MS;
      share += ((profile[(startHod + i) % 24] as number) * weekdayFactor(weekday, t)) / 24;
    }
    const w = Math.pow(0.5, k / params.windowHalfLifeDays) * share;
    const wl = Math.pow(0.5, k / params.levelHalfLifeDays) * share;
    totals.push(total / share);
    shares.push(share);
    weights.push(w);
    sumW += w;
    sumWL += wl;
    sumWB += wl * (total / share);
    sumWW += w * (total / share);
    // Kish effective size in days: a partial block counts as the share of a day it covers.
    sumW2 += (w * w) / share;
  }
  const level = sumWL > 0 ? sumWB / sumWL : 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) sumX += x[i] as number;
  const longRun = n > 0 ? (sumX / n) * 24 : 0;
  const effectiveDays = sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;

  // Log deviations of each block from the level; the offset keeps zero-spend days finite (a zero day
  // counts as ~1.8 log units low) rather than infinitely surprising.
  const windowLevel = sumW > 0 ? sumWW / sumW : 0;
  const offset = 0.2 * windowLevel;
  let dev2 = 0;
  for (let k = 0; k < blocks; k++) {
    const d = Math.log(((totals[k] as number) + offset) / (windowLevel + offset || 1));
    dev2 += (weights[k] as number) * d * d;
  }
  const observedVar = sumW > 0 ? dev2 / sumW : 0;
  const evidence = Math.max(0, effectiveDays - 1);
  const dayVar =
    (evidence * observedVar + params.priorWeightDays * params.priorDayLogSd ** 2) /
    (evidence + params.priorWeightDays);
  const dayLogSd = Math.sqrt(dayVar);
  const trend = fitTrend(totals, shares, offset, params);
  const levelLogSd = Math.min(MAX_LEVEL_LOG_SD, dayLogSd / Math.sqrt(Math.max(effectiveDays, 1e-3)));
  return {
    levelPerDay: level,
    longRunPerDay: longRun,
    reversionPerDay: params.reversionPerDay,
    reversionDelayDays: params.reversionDelayDays,
    profile,
    weekday,
    dayLogSd,
    levelLogSd,
    driftLogSdPerDay: params.driftLogSdPerDay,
    dayCorrelation: params.dayCorrelation,
    hourLogSd: params.hourLogSd,
    spreadScale: params.spreadScale,
    lowTailScale: params.lowTailScale,
    trend,
    historyHours: all.length,
    effectiveDays,
  };
}

/** The trend multiplier for spend `daysAhead` days after now. Example: slope 0.1, no damping, 1 day → ×1.105. */
export function trendFactor(trend: SpendModel['trend'], daysAhead: number): number {
  if (trend.logPerDay === 0) return 1;
  const ahead = daysAhead - trend.originDays;
  let g = 0;
  let f = 1;
  for (let j = 0; j < Math.ceil(ahead) && f > 1e-4; j++) {
    g += f * trend.logPerDay * Math.min(1, ahead - j);
    f *= trend.damping;
  }
  return Math.exp(Math.max(-MAX_TREND_LOG_TOTAL, Math.min(MAX_TREND_LOG_TOTAL, g)));
}

/**
 * Expected daily spend `daysAhead` days after now at median factors: the trended recent level blended
 * toward the long-run mean, the pull starting `reversionDelayDays` ahead. Example: level 20, long-run 10,
 * no trend, reversion 0.9, delay 0, 1 day → 0.9·20 + 0.1·10 = 19; with delay 0.5, 0.5 days → 20.
 */
export function levelAt(model: SpendModel, daysAhead: number): number {
  const w = Math.pow(model.reversionPerDay, Math.max(0, daysAhead - model.reversionDelayDays));
  return w * model.levelPerDay * trendFactor(model.trend, daysAhead) + (1 - w) * model.longRunPerDay;
}

// Weighted least squares of log daily totals on age, with the same recency weights as the level.
function fitTrend(
  totals: number[],
  shares: number[],
  offset: number,
  params: ModelParams,
): SpendModel['trend'] {
  const full = totals.filter((_, k) => (shares[k] as number) > 0.999 || k < totals.length - 1).length;
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < full; k++) {
    const w = Math.pow(0.5, k / params.levelHalfLifeDays);
    sw += w;
    sx += w * -k;
    sy += w * Math.log((totals[k] as number) + offset + 1e-12);
  }
  const mx = sw > 0 ? sx / sw : 0;
  const my = sw > 0 ? sy / sw : 0;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < full; k++) {
    const w = Math.pow(0.5, k / params.levelHalfLifeDays);
    sxy += w * (-k - mx) * (Math.log((totals[k] as number) + offset + 1e-12) - my);
    sxx += w * (-k - mx) ** 2;
  }
  const evidence = Math.max(0, full - 2);
  const raw = sxx > 0 && offset > 0 ? sxy / sxx : 0;
  const slope = (raw * evidence) / (evidence + params.trendPriorDays || 1);
  const logPerDay = Math.max(-MAX_TREND_LOG_PER_DAY, Math.min(MAX_TREND_LOG_PER_DAY, slope));
  return { logPerDay, originDays: mx, damping: params.trendDamping };
}

/** The weekday multiplier at time `t` (1 without a weekday model). */
export function weekdayFactor(weekday: Float64Array | null, t: number): number {
  if (weekday === null) return 1;
  return weekday[new Date(t).getUTCDay()] as number;
}

function fitProfile(x: Float64Array, startHod: number, priorDays: number, power: number): Float64Array {
  const sum = new Float64Array(24);
  const count = new Float64Array(24);
  for (let i = 0; i < x.length; i++) {
    const h = (startHod + i) % 24;
    sum[h] = (sum[h] as number) + (x[i] as number);
    count[h] = (count[h] as number) + 1;
  }
  const rate = new Float64Array(24);
  let mean = 0;
  let seen = 0;
  for (let h = 0; h < 24; h++) {
    if ((count[h] as number) > 0) {
      rate[h] = (sum[h] as number) / (count[h] as number);
      mean += rate[h] as number;
      seen++;
    }
  }
  mean = seen > 0 ? mean / seen : 0;
  const profile = new Float64Array(24).fill(1);
  if (mean <= 0) return profile;
  let norm = 0;
  for (let h = 0; h < 24; h++) {
    const c = count[h] as number;
    const raw = c > 0 ? (rate[h] as number) / mean : 1;
    profile[h] = Math.pow((c * raw + priorDays) / (c + priorDays), power);
    norm += profile[h] as number;
  }
  for (let h = 0; h < 24; h++) profile[h] = ((profile[h] as number) * 24) / norm;
  return profile;
}

function fitWeekday(x: Float64Array, start: number, profile: Float64Array): Float64Array {
  const sum = new Float64Array(7);
  const expected = new Float64Array(7);
  const days = new Float64Array(7);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const t = start + i * HOUR_MS;
    const wd = new Date(t).getUTCDay();
    sum[wd] = (sum[wd] as number) + (x[i] as number);
    expected[wd] = (expected[wd] as number) + (profile[new Date(t).getUTCHours()] as number) / 24;
    days[wd] = (days[wd] as number) + 1 / 24;
    total += x[i] as number;
  }
  let expectedTotal = 0;
  for (let d = 0; d < 7; d++) expectedTotal += expected[d] as number;
  const out = new Float64Array(7).fill(1);
  if (total <= 0) return out;
  const perUnit = total / expectedTotal;
  let norm = 0;
  for (let d = 0; d < 7; d++) {
    const e = expected[d] as number;
    const raw = e > 0 ? (sum[d] as number) / (e * perUnit) : 1;
    const weeks = days[d] as number;
    out[d] = (weeks * raw + WEEKDAY_PRIOR_WEEKS) / (weeks + WEEKDAY_PRIOR_WEEKS);
    norm += out[d] as number;
  }
  for (let d = 0; d < 7; d++) out[d] = ((out[d] as number) * 7) / norm;
  return out;
}
