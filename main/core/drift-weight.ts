/**
 * How much the drift of a recorded balance matters (observed − estimated), the one rule every surface uses:
 * within the estimate's range or under a day of spend is minor; over 10 % of the balance or 3 days of spend
 * is major; in between it is notable.
 *
 * Example: drift $14.99 on a $700 balance spending $25 a day → minor (under a day of spend); $120 → major
 * (almost 5 days of spend).
 */
import { toMicros, type Micros } from './money';

export type DriftWeight = 'minor' | 'notable' | 'major';

/**
 * The weight of a drift; `dailyUnits` is the typical daily spend in whole units of the account's currency, as
 * the forecast's model gives it (`levelUsdPerDay`), or null when not known.
 */
export function driftWeight(
  r: { driftMicros: Micros; observedMicros: Micros; isConsistent: boolean },
  dailyUnits: number | null,
): DriftWeight {
  const abs = Math.abs(r.driftMicros);
  const day = dailyUnits !== null && dailyUnits > 0 ? toMicros(dailyUnits) : null;
  const balance = Math.max(Math.abs(r.observedMicros), 1);
  if (r.isConsistent || (day !== null && abs < day)) return 'minor';
  if (abs > 0.1 * balance || (day !== null && abs > 3 * day)) return 'major';
  return 'notable';
}
