/**
 * What an account whose provider reports its balance keeps of the readings: the last one (to measure the
 * next step from), the last of each UTC day (the balance's history, shown as "from the API"), and the
 * top-ups seen. Small and bounded, since it is rewritten at every poll.
 */
import type { BalancePoint, BalanceStep } from './balance-spend';
import { DAY_MS, startOfUtcDay } from './time';

export interface BalanceLog {
  /** The currency every amount is in. */
  currency: string;
  /** The first reading ever (spend history starts there). */
  first: BalancePoint | null;
  last: BalancePoint | null;
  /** The last reading of each UTC day, oldest first, at most `DAILY_KEEP_DAYS`. */
  daily: BalancePoint[];
  /** Rises of the balance (top-ups), oldest first, at most `TOP_UPS_KEEP`. */
  topUps: Array<{ atMs: number; micros: number }>;
  /** A suspect reading kept aside until the next one confirms or drops it (see balance-check.ts). */
  held?: BalancePoint | null;
}

export const DAILY_KEEP_DAYS = 400;
export const TOP_UPS_KEEP = 200;

export const EMPTY_BALANCE_LOG = (currency: string): BalanceLog => ({
  currency,
  first: null,
  last: null,
  daily: [],
  topUps: [],
});

/**
 * The log after `point` (and the step from the previous reading, if there was one).
 *
 * Example: a log whose daily list ends with yesterday's reading, given a reading at 10:00 today → the
 * daily list gains today's entry; a second reading at 11:00 replaces it.
 */
export function recordReading(log: BalanceLog, point: BalancePoint, step: BalanceStep | null): BalanceLog {
  const day = startOfUtcDay(point.atMs);
  const daily = log.daily.filter((p) => startOfUtcDay(p.atMs) !== day && p.atMs < point.atMs);
  daily.push(point);
  const oldest = day - (DAILY_KEEP_DAYS - 1) * DAY_MS;
  const topUps =
    step && step.topUpMicros > 0
      ? [...log.topUps, { atMs: point.atMs, micros: step.topUpMicros }]
      : log.topUps;
  return {
    currency: log.currency,
    held: null,
    first: log.first ?? point,
    last: point,
    daily: daily.filter((p) => p.atMs >= oldest),
    topUps: topUps.slice(-TOP_UPS_KEEP),
  };
}

/**
 * The readings the ledger uses as observations "from the API": the last of each day within `sinceMs`
 * and the newest. Example: three days of readings → three points, the newest last.
 */
export function observedPoints(log: BalanceLog, sinceMs: number): BalancePoint[] {
  const points = log.daily.filter((p) => p.atMs >= sinceMs);
  if (log.last && !points.some((p) => p.atMs === log.last!.atMs)) points.push(log.last);
  return points.sort((a, b) => a.atMs - b.atMs);
}
