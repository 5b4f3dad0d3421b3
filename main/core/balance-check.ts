/**
 * A balance reading is checked before its step becomes spend. A reading is suspect when a counter goes
 * backwards (usage or credits, which only grow), usage exceeds credits, or the spend since the last
 * reading is far beyond the account's rate; a suspect reading is held, not used, until the next one
 * says which was right: the next agrees with the reading before it (the suspect one was a glitch: it is
 * dropped) or with the held one (it is confirmed: both steps are taken). And whatever is confirmed, one
 * step's spend beyond what any account spends in a day (like the cost path's check) is refused.
 *
 * Example: usage $752 → an answer of `{total_credits: 0, total_usage: 0}` → $753: the zero reading is held,
 * the next agrees with $752, so $1 of spend is counted instead of $752 of phantom spend.
 */
import { stepBetween, type BalancePoint } from './balance-spend';
import { MAX_PLAUSIBLE_ROW_MICROS } from './cost-plausibility';
import { DAY_MS, HOUR_MS } from './time';
import { MICROS_PER_UNIT as MICROS_PER_UNIT } from './money';

/** Spend between two readings below this many micro-units is never suspect (100 of the currency). */
export const JUMP_FLOOR_MICROS = 100e6;
/** A step spending more than this many times the recent hourly rate (per hour passed) is suspect. */
export const JUMP_FACTOR = 20;

/** Why a reading is suspect, in words, or null when it is consistent with the one before. */
export function suspectReading(
  prev: BalancePoint,
  next: BalancePoint,
  avgHourlyMicros: number,
): string | null {
  if (prev.usageMicros !== null && next.usageMicros !== null && next.usageMicros < prev.usageMicros)
    return 'the usage counter went backwards';
  if (prev.creditsMicros !== null && next.creditsMicros !== null && next.creditsMicros < prev.creditsMicros)
    return 'the credits counter went backwards';
  if (next.usageMicros !== null && next.creditsMicros !== null && next.usageMicros > next.creditsMicros)
    return 'usage is above the credits bought';
  const { spendMicros } = stepBetween(prev, next);
  const hours = Math.max(1, (next.atMs - prev.atMs) / HOUR_MS);
  const allowed = Math.max(JUMP_FLOOR_MICROS, JUMP_FACTOR * avgHourlyMicros * hours);
  if (spendMicros > allowed) return 'the spend since the last reading is far above the usual rate';
  return null;
}

/** What to do with a new reading. */
export type ReadingDecision =
  /** Use `steps` (each `[from, to]` becomes spend); `held` is what stays held afterwards (null: nothing). */
  | { action: 'use'; steps: Array<[BalancePoint, BalancePoint]>; dropped: BalancePoint | null }
  /** Keep the reading aside until the next one confirms it; nothing is counted. */
  | { action: 'hold'; reason: string };

/**
 * Decides on `next` given the last used reading `prev` and the reading held aside, if any.
 *
 * Example: prev usage 752, held usage 0, next usage 753 → use [prev → next], drop the held one.
 */
export function decideReading(
  prev: BalancePoint,
  held: BalancePoint | null,
  next: BalancePoint,
  avgHourlyMicros: number,
): ReadingDecision {
  const problem = suspectReading(prev, next, avgHourlyMicros);
  if (problem === null) return { action: 'use', steps: [[prev, next]], dropped: held };
  if (held && suspectReading(held, next, avgHourlyMicros) === null)
    return {
      action: 'use',
      steps: [
        [prev, held],
        [held, next],
      ],
      dropped: null,
    };
  return { action: 'hold', reason: problem };
}

/**
 * Null when a step's spend is plausible, else the reason: more than the cost path accepts for one line
 * item in a day, per day passed (at least one).
 */
export function implausibleStep(prev: BalancePoint, next: BalancePoint): string | null {
  const { spendMicros } = stepBetween(prev, next);
  const days = Math.max(1, (next.atMs - prev.atMs) / DAY_MS);
  return spendMicros > MAX_PLAUSIBLE_ROW_MICROS * days
    ? `a spend of ${(spendMicros / MICROS_PER_UNIT).toFixed(2)} between two balance readings is not plausible`
    : null;
}

/** The average spend per hour of `days` (micro-units per hour), 0 without any. */
export function averageHourly(days: ReadonlyArray<{ micros: number }>): number {
  if (days.length === 0) return 0;
  return days.reduce((a, d) => a + Math.max(0, d.micros), 0) / (days.length * 24);
}
