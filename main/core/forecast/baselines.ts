/**
 * The simple rules peers ship, kept next to the forecast so the backtest can compare against them:
 * naive linear (mean spend rate over all history) and the last-24-hour run rate.
 *
 * Example: $48 over 48 h of history and a $12 gap → naive linear crosses in 12 h.
 */
import type { HourlySeries } from '../hourly-series';
import { sliceBefore } from '../hourly-series';

/** Hours until `gapUsd` is spent at a constant rate (Infinity at a zero rate, 0 if already crossed). */
export function linearCrossingHours(ratePerHour: number, gapAmount: number): number {
  if (gapAmount <= 0) return 0;
  return ratePerHour > 0 ? gapAmount / ratePerHour : Infinity;
}

/** Mean USD per hour over all history before `nowMs`. */
export function naiveLinearRate(history: HourlySeries, nowMs: number): number {
  const h = sliceBefore(history, nowMs).usd;
  if (h.length === 0) return 0;
  let total = 0;
  for (const v of h) total += v;
  return total / h.length;
}

/** Mean USD per hour over the last 24 hours before `nowMs` (fewer if history is shorter). */
export function last24hRate(history: HourlySeries, nowMs: number): number {
  const h = sliceBefore(history, nowMs).usd;
  const tail = h.subarray(Math.max(0, h.length - 24));
  if (tail.length === 0) return 0;
  let total = 0;
  for (const v of tail) total += v;
  return total / tail.length;
}
