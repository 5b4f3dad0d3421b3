/**
 * A compact, JSON-able view of a forecast for sync snapshots, the UI and the `forecast` command:
 * ISO times (null = not within the window) and USD rounded to cents.
 *
 * Example: `summarizeForecast(r).crossing` → `{ p10: '2025-04-04T09:12:00.000Z', p50: …, p90: null,
 * probabilityWithinHorizon: 0.83 }`.
 */
import { MICROS_PER_UNIT, roundToCents } from '../money';
import type { Bands } from './quantiles';
import type { ForecastResult } from './result';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const usd = (micros: number): number => roundToCents(micros) / MICROS_PER_UNIT;
const usdBands = (b: Bands): Bands => ({ p10: usd(b.p10), p50: usd(b.p50), p90: usd(b.p90) });
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The summary shape (see module doc). */
export type ForecastSummary = ReturnType<typeof summarizeForecast>;

/** Shapes a forecast result for display and storage. */
export function summarizeForecast(r: ForecastResult) {
  return {
    now: new Date(r.nowMs).toISOString(),
    horizonHours: r.horizonHours,
    mode: r.mode,
    confidence: r.confidence,
    paths: r.paths,
    crossing: r.crossing
      ? {
          p10: iso(r.crossing.p10Ms),
          p50: iso(r.crossing.p50Ms),
          p90: iso(r.crossing.p90Ms),
          probabilityWithinHorizon: round3(r.crossing.probabilityWithinHorizon),
          thresholdAmount: usd(r.crossing.thresholdMicros),
          isAlreadyBelow: r.crossing.isAlreadyBelow,
        }
      : null,
    reloads: r.reloads
      ? {
          until: new Date(r.reloads.untilMs).toISOString(),
          count: r.reloads.count,
          cardChargesAmount: usdBands(r.reloads.chargedMicros),
          probabilityAny: round3(r.reloads.probabilityAny),
          probabilityLimitReached: round3(r.reloads.probabilityLimitReached),
        }
      : null,
    monthEnd: {
      at: new Date(r.monthEnd.atMs).toISOString(),
      spendAmount: usdBands(r.monthEnd.spendMicros),
      cardChargeAmount: r.monthEnd.chargeMicros ? usdBands(r.monthEnd.chargeMicros) : null,
    },
    spendLimit: r.spendLimit
      ? {
          limitAmount: usd(r.spendLimit.limitMicros),
          p10: iso(r.spendLimit.p10Ms),
          p50: iso(r.spendLimit.p50Ms),
          p90: iso(r.spendLimit.p90Ms),
          probabilityThisMonth: round3(r.spendLimit.probabilityThisMonth),
        }
      : null,
    expiringUnusedAmount: r.expiringUnusedMicros ? usdBands(r.expiringUnusedMicros) : null,
    model: {
      levelPerDay: Math.round(r.model.levelPerDay * 100) / 100,
      historyHours: r.model.historyHours,
      dayLogSd: round3(r.model.dayLogSd),
      levelLogSd: round3(r.model.levelLogSd),
      hasWeekdayEffect: r.model.hasWeekdayEffect,
    },
  };
}
