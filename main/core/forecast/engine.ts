/**
 * The forecast: from hourly spend history, the balance and the billing rule, a seeded Monte-Carlo
 * distribution of futures (threshold crossing, reloads and card charges to month end, month-end charge,
 * hard-limit hit, credit expiring unused).
 *
 * Example: $24/day steady for 4 weeks, balance $20, threshold $10 → crossing P50 ≈ 10 h from now,
 * with P10–P90 a few hours either side; with 2 days of history the same inputs give a far wider band.
 */
import type { BillingMode, ReloadRule } from '../billing';
import { nextMonthStartMs } from '../billing';
import type { HourlySeries } from '../hourly-series';
import { sliceBefore } from '../hourly-series';
import type { Micros } from '../money';
import { runAllSteps } from '../steps';
import { HOUR_MS } from '../time';
import {
  type ExpiringLot,
  centralCrossingHours,
  crossingHours,
  expiredUnusedAmount as expiredUnusedAmount,
  expiryOrder,
  simulateReloads,
  spendOver,
} from './outcomes';
import { createSpendDraws, drawsFit, type DrawKey, type DrawsMemo } from './spend-draws';
import { createSpendWalk, drainOf, walkFits, type WalkKey } from './spend-walk';
import { type Bands, bands, countBands, shareAtMost } from './quantiles';
import { type ModelParams, DEFAULT_MODEL_PARAMS } from './spend-model';
import { type ForecastResult, confidenceOf, toBandsMicros, toCentredTimeBands } from './result';
import { validateForecastInput } from './validate';
import { MICROS_PER_UNIT } from '../money';

/**
 * Paths per forecast: P10/P90 from 2,000 draws move by about ±1.5 % of the band between seeds. The P50
 * crossing is computed without draws (the central path), so it does not move at all.
 */
export const DEFAULT_PATHS = 2000;
/** Longest horizon accepted: beyond ~3 months the spend level is a guess, not a forecast. */
export const MAX_HORIZON_HOURS = 24 * 92;

export interface ForecastInput {
  history: HourlySeries;
  nowMs: number;
  balanceMicros: Micros;
  /** Reload threshold; taken from `reload` when a rule is given. Null: no crossing is computed. */
  thresholdMicros: Micros | null;
  reload?: ReloadRule | null;
  mode?: BillingMode;
  horizonHours: number;
  seed: number;
  paths?: number;
  /** Reloads already charged this limit month (for the monthly reload limit). */
  reloadsThisMonth?: { count: number; micros: Micros };
  /** Usage accrued this month (monthly billing's charge, and the hard limit). */
  monthToDateMicros?: Micros;
  /**
   * Monthly billing: the part of this month's usage already on the card (not covered by credit). Given,
   * the charge is this plus future spend beyond the credit (`balanceMicros`); absent, credit covers the
   * whole month.
   */
  cardAccruedMicros?: Micros;
  hardLimitMicros?: Micros | null;
  /** Remaining credit lots in consumption order (grants first, earliest expiry first). */
  lots?: ReadonlyArray<{ remainingMicros: Micros; expiresAtMs: number }>;
  /** Zone whose calendar month ends the "to month end" figures. Default UTC (OpenAI bills in UTC). */
  timeZone?: string;
  /** Model parameters (defaults are the shipped, documented ones). */
  params?: Partial<ModelParams>;
}

/** Paths drawn between two pauses of `forecastSteps` (a few milliseconds of work). */
export const PATHS_PER_STEP = 100;

/** Runs the forecast. Throws a RangeError for inputs that have no meaningful answer. */
export function forecastSpend(input: ForecastInput): ForecastResult {
  return runAllSteps(forecastSteps(input));
}

/**
 * The forecast as a sequence of steps: it pauses (yields) after every `PATHS_PER_STEP` paths, so a host
 * can let other requests run between them (`forecastSpend` runs every step at once). The result is the
 * same either way.
 *
 * With `memo`, the spend paths kept there are walked again when they were drawn for this very history,
 * instant, seed and model (see `spend-draws.ts`), and this forecast's draws are offered to it otherwise:
 * the result is exactly the one computed without it.
 */
export function* forecastSteps(
  input: ForecastInput,
  memo: DrawsMemo | null = null,
): Generator<void, ForecastResult, void> {
  validateForecastInput(input, MAX_HORIZON_HOURS);
  const zone = input.timeZone ?? 'UTC';
  const mode = input.mode ?? 'prepaid';
  const paths = input.paths ?? DEFAULT_PATHS;
  const monthEndMs = nextMonthStartMs(input.nowMs, zone);
  const horizonSlots = Math.ceil(
    (input.nowMs + input.horizonHours * HOUR_MS - Math.floor(input.nowMs / HOUR_MS) * HOUR_MS) / HOUR_MS,
  );
  const monthSlots = Math.ceil((monthEndMs - Math.floor(input.nowMs / HOUR_MS) * HOUR_MS) / HOUR_MS);
  const key: DrawKey = {
    history: sliceBefore(input.history, input.nowMs),
    nowMs: input.nowMs,
    slots: Math.max(horizonSlots, monthSlots),
    seed: input.seed,
    paths,
    params: { ...DEFAULT_MODEL_PARAMS, ...input.params },
  };
  const kept = memo?.get() ?? null;
  const draws = kept && drawsFit(kept, key) ? kept : createSpendDraws(key);
  const { model, grid } = draws;

  const rule = input.reload && input.reload.enabled ? input.reload : null;
  const threshold = rule ? rule.thresholdMicros : input.thresholdMicros;
  const gapAmount = threshold === null ? null : (input.balanceMicros - threshold) / MICROS_PER_UNIT;
  const monthStarts = monthStartSlots(grid.startMs, input.nowMs, zone);
  const lots: ExpiringLot[] = (input.lots ?? []).map((l) => ({
    remainingAmount: l.remainingMicros / MICROS_PER_UNIT,
    expiresAtMs: l.expiresAtMs,
  }));
  const monthToDateAmount = (input.monthToDateMicros ?? 0) / MICROS_PER_UNIT;
  const limitAmount = input.hardLimitMicros != null ? input.hardLimitMicros / MICROS_PER_UNIT : null;

  // Without a balance or rule: kept from an earlier forecast over the same draws, or walked here.
  const walkKey: WalkKey = {
    lots,
    monthSlots,
    limitGapAmount: limitAmount === null ? null : limitAmount - monthToDateAmount,
  };
  const keptWalk = memo?.walks?.get() ?? null;
  const walk = keptWalk && walkFits(keptWalk, draws, walkKey) ? keptWalk : null;
  const newWalk = walk === null && memo?.walks ? createSpendWalk(draws, walkKey) : null;
  const monthSpend = walk?.monthSpend ?? newWalk?.monthSpend ?? new Float64Array(paths);
  const limitHit = walk?.limitHit ?? newWalk?.limitHit ?? new Float64Array(paths);
  const expired = walk?.expired ?? newWalk?.expired ?? new Float64Array(paths);
  // With the balance and the rule.
  const crossing = new Float64Array(paths);
  const reloadCount = new Float64Array(paths);
  const reloadCharged = new Float64Array(paths);
  let limitReached = 0;
  const reloadMonthStarts = monthStarts.filter((st) => st < monthSlots);
  const monthGrid = { ...grid, count: monthSlots };
  const path = new Float64Array(grid.count);
  // What leaves the balance: spend plus credit expiring unused (the same array as `path` without lots).
  const drainOfPath = lots.length > 0 ? new Float64Array(grid.count) : path;
  const byExpiry = expiryOrder(lots);
  for (let p = 0; p < paths; p++) {
    if (p > 0 && p % PATHS_PER_STEP === 0) yield;
    let drain: Float64Array = drainOfPath;
    if (walk) drain = drainOf(walk, p);
    else {
      draws.path(p, path);
      if (lots.length > 0) expired[p] = expiredUnusedAmount(path, grid, lots, drain, byExpiry);
      monthSpend[p] = spendOver(path, monthSlots);
      if (walkKey.limitGapAmount !== null)
        limitHit[p] = crossingHours(path, monthGrid, walkKey.limitGapAmount);
      newWalk?.drains.set(drain, p * grid.count);
    }
    crossing[p] = gapAmount === null ? Infinity : crossingHours(drain, grid, gapAmount);
    if (rule) {
      const r = simulateReloads(drain, {
        balanceAmount: input.balanceMicros / MICROS_PER_UNIT,
        thresholdAmount: rule.thresholdMicros / MICROS_PER_UNIT,
        action: rule.action,
        limit: rule.monthlyLimit,
        monthSoFar: input.reloadsThisMonth ?? { count: 0, micros: 0 },
        monthStarts: reloadMonthStarts,
        countUntil: monthSlots,
      });
      reloadCount[p] = r.count;
      reloadCharged[p] = r.chargedAmount;
      if (r.limitReached) limitReached++;
    }
  }

  if (draws !== kept && draws.isComplete()) memo?.set(draws);
  if (newWalk && draws.isComplete()) memo?.walks?.set(newWalk);
  const horizonEndMs = input.nowMs + input.horizonHours * HOUR_MS;
  const monthCharge: Bands | null =
    mode === 'prepaid'
      ? null
      : bands(
          monthSpend.map((s) =>
            monthChargeAmount(s, monthToDateAmount, input.balanceMicros, input.cardAccruedMicros),
          ),
        );
  return {
    nowMs: input.nowMs,
    horizonHours: input.horizonHours,
    seed: input.seed,
    paths,
    mode,
    confidence: confidenceOf(model),
    model: {
      levelPerDay: model.levelPerDay,
      dayLogSd: model.dayLogSd,
      levelLogSd: model.levelLogSd,
      historyHours: model.historyHours,
      hasWeekdayEffect: model.weekday !== null,
    },
    crossing:
      threshold === null
        ? null
        : {
            thresholdMicros: threshold,
            isAlreadyBelow: input.balanceMicros < threshold,
            ...toCentredTimeBands(
              crossing,
              centralCrossingHours(grid, gapAmount ?? 0, lots),
              input.nowMs,
              horizonEndMs,
            ),
            probabilityWithinHorizon: shareAtMost(crossing, input.horizonHours),
          },
    monthEnd: {
      atMs: monthEndMs,
      spendMicros: toBandsMicros(bands(monthSpend)),
      chargeMicros: monthCharge ? toBandsMicros(monthCharge) : null,
    },
    reloads: rule
      ? {
          untilMs: monthEndMs,
          count: countBands(reloadCount),
          chargedMicros: toBandsMicros(bands(reloadCharged)),
          probabilityAny: 1 - shareAtMost(reloadCount, 0),
          probabilityLimitReached: limitReached / paths,
        }
      : null,
    spendLimit:
      limitAmount === null || input.hardLimitMicros == null
        ? null
        : {
            limitMicros: input.hardLimitMicros,
            ...toCentredTimeBands(
              limitHit,
              centralCrossingHours(monthGrid, limitAmount - monthToDateAmount),
              input.nowMs,
              monthEndMs,
            ),
            probabilityThisMonth: shareAtMost(limitHit, (monthEndMs - input.nowMs) / HOUR_MS),
          },
    expiringUnusedMicros: lots.length > 0 ? toBandsMicros(bands(expired)) : null,
  };
}

// Credit covers only usage after it was added: usage already on the card stays there.
function monthChargeAmount(
  futureAmount: number,
  monthToDateAmount: number,
  balance: Micros,
  card: Micros | undefined,
): number {
  const credit = Math.max(0, balance / MICROS_PER_UNIT);
  if (card === undefined) return Math.max(0, monthToDateAmount + futureAmount - credit);
  return card / MICROS_PER_UNIT + Math.max(0, futureAmount - credit);
}

function monthStartSlots(starts: Float64Array, nowMs: number, zone: string): number[] {
  // Slot i opens a new limit month when a month boundary (in the billing zone) falls at or before its start.
  const out: number[] = [];
  let boundary = nextMonthStartMs(nowMs, zone);
  for (let i = 0; i < starts.length; i++) {
    if (boundary <= (starts[i] as number)) {
      out.push(i);
      while (boundary <= (starts[i] as number)) boundary = nextMonthStartMs(boundary, zone);
    }
  }
  return out;
}
