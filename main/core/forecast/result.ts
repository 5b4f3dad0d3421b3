/**
 * The forecast's result type and the small conversions that shape it (hours → times, USD → micros).
 *
 * Example: crossing samples of [5, 10, ∞] hours from 12:00 with a 168 h horizon give P10 ≈ 13:00 and
 * P90 = null (not within the horizon).
 */
import type { BillingMode } from '../billing';
import type { Micros } from '../money';
import { HOUR_MS } from '../time';
import { type Bands, bands } from './quantiles';
import type { SpendModel } from './spend-model';
import { MICROS_PER_UNIT } from '../money';

export type Confidence = 'low' | 'medium' | 'high';

export interface TimeBands {
  /** Epoch ms, or null when that quantile falls beyond the window (or never happens). */
  p10Ms: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface ForecastResult {
  nowMs: number;
  horizonHours: number;
  seed: number;
  paths: number;
  mode: BillingMode;
  /** How far to trust the bands: low with under a week of history or very erratic spend. */
  confidence: Confidence;
  model: {
    levelPerDay: number;
    dayLogSd: number;
    levelLogSd: number;
    historyHours: number;
    hasWeekdayEffect: boolean;
  };
  crossing:
    | (TimeBands & { thresholdMicros: Micros; isAlreadyBelow: boolean; probabilityWithinHorizon: number })
    | null;
  /** Month end in the billing zone: spend until then and, on monthly billing, the card charge. */
  monthEnd: { atMs: number; spendMicros: Bands; chargeMicros: Bands | null };
  /** Prepaid with auto-reload: reloads (card charges) until month end. */
  reloads: {
    untilMs: number;
    count: Bands;
    chargedMicros: Bands;
    probabilityAny: number;
    probabilityLimitReached: number;
  } | null;
  /** When month-to-date spend would reach the hard spend limit (this month). */
  spendLimit: (TimeBands & { limitMicros: Micros; probabilityThisMonth: number }) | null;
  expiringUnusedMicros: Bands | null;
}

/**
 * Turns hour offsets from now into P10/P50/P90 times (null past `windowEndMs`), with the P50 given (the deterministic central crossing) and the Monte-Carlo samples
 * giving P10 and P90; the P50 is kept inside [P10, P90]. Example: samples 5…15 h, centre 9 h → P50 at +9 h.
 */
export function toCentredTimeBands(
  hoursFromNow: Float64Array,
  centreHours: number,
  nowMs: number,
  windowEndMs: number,
): TimeBands {
  const b = bands(hoursFromNow);
  const p50 = Math.min(Math.max(centreHours, b.p10), b.p90);
  const at = (h: number): number | null => {
    if (!Number.isFinite(h)) return null;
    const ms = Math.round(nowMs + h * HOUR_MS);
    return ms <= windowEndMs ? ms : null;
  };
  return { p10Ms: at(b.p10), p50Ms: at(p50), p90Ms: at(b.p90) };
}

/** USD bands → whole micro-dollars. */
export function toBandsMicros(b: Bands): Bands {
  return {
    p10: Math.round(b.p10 * MICROS_PER_UNIT),
    p50: Math.round(b.p50 * MICROS_PER_UNIT),
    p90: Math.round(b.p90 * MICROS_PER_UNIT),
  };
}

/** Confidence label from history length and how erratic the spend is. */
export function confidenceOf(model: SpendModel): Confidence {
  const days = model.historyHours / 24;
  // The level's own log-sd is the honest summary: it falls with more (and steadier) history.
  if (days < 7 || model.levelLogSd > 0.3) return 'low';
  if (days >= 28 && model.levelLogSd <= 0.15) return 'high';
  return 'medium';
}
