/**
 * Spend and top-ups read from a balance that the provider's API reports (OpenRouter, DeepSeek): what
 * happened between two readings. Pure; money in integer micro-units of the account's currency.
 */
import { allocate } from './allocate';
import { DAY_MS, startOfUtcDay } from './time';

/** One reading of the balance, as stored. */
export interface BalancePoint {
  atMs: number;
  balanceMicros: number;
  /** Everything ever bought (OpenRouter `total_credits`), when the API says. */
  creditsMicros: number | null;
  /** Everything ever spent (OpenRouter `total_usage`), when the API says. */
  usageMicros: number | null;
}

/** What happened between two readings. */
export interface BalanceStep {
  spendMicros: number;
  topUpMicros: number;
  /** The spend spread evenly over the time between the readings, per UTC day (days with nothing left out). */
  days: Array<{ dayStartMs: number; micros: number }>;
  /** How the spend was read: from the usage counter, or from the balance's fall (a top-up then hides spend). */
  basis: 'usage' | 'balance';
}

/**
 * The step from `prev` to `next`. With usage counters (OpenRouter) spend is their difference and a
 * top-up is the growth in credits; without (DeepSeek), a fall in balance is spend and a rise is a top-up
 * (spend in the same interval is then hidden inside the rise, and counted as zero).
 *
 * Example: balance 50 → 47.5 without counters over 12:00–13:00 → spend 2.5, top-up 0, one day of 2.5.
 * Example: usage 10 → 12, credits 100 → 150 → spend 2, top-up 50.
 */
export function stepBetween(prev: BalancePoint, next: BalancePoint): BalanceStep {
  let spend: number;
  let topUp: number;
  let basis: BalanceStep['basis'];
  if (prev.usageMicros !== null && next.usageMicros !== null) {
    basis = 'usage';
    spend = Math.max(0, next.usageMicros - prev.usageMicros);
    topUp =
      prev.creditsMicros !== null && next.creditsMicros !== null
        ? Math.max(0, next.creditsMicros - prev.creditsMicros)
        : Math.max(0, next.balanceMicros - prev.balanceMicros + spend);
  } else {
    basis = 'balance';
    const delta = next.balanceMicros - prev.balanceMicros;
    spend = Math.max(0, -delta);
    topUp = Math.max(0, delta);
  }
  return { spendMicros: spend, topUpMicros: topUp, days: splitOverDays(spend, prev.atMs, next.atMs), basis };
}

/**
 * `micros` spread evenly over `[startMs, endMs)` by UTC day, in whole micro-units that add up exactly
 * (allocated by the time in each day: `allocate`). An empty interval puts everything on `endMs`'s day.
 *
 * Example: 100 over 18:00 day 1 → 06:00 day 2 → [50 on day 1, 50 on day 2].
 */
export function splitOverDays(
  micros: number,
  startMs: number,
  endMs: number,
): Array<{ dayStartMs: number; micros: number }> {
  if (micros === 0) return [];
  if (endMs <= startMs) return [{ dayStartMs: startOfUtcDay(endMs), micros }];
  const days: Array<{ dayStartMs: number; ms: number }> = [];
  for (let day = startOfUtcDay(startMs); day < endMs; day += DAY_MS)
    days.push({ dayStartMs: day, ms: Math.min(endMs, day + DAY_MS) - Math.max(startMs, day) });
  const parts = allocate(
    micros,
    days.map((d) => d.ms),
  );
  return days.map((d, i) => ({ dayStartMs: d.dayStartMs, micros: parts[i]! })).filter((d) => d.micros !== 0);
}
