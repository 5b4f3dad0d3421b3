/**
 * Low credit, by days of runway: at the forecast's usual spend per day, the credit lasts fewer days than
 * the user's figure (3 by default).
 *
 * Example: $30 left at $15/day → 2.0 days of runway < 3 → fires; while active, clears above 3.3 days.
 */
import { DAY_MS } from '../../time';
import { dateWords, money, withHysteresis } from '../alert-words';
import type { AlertRule } from './rule';

/** Days the balance lasts at `perDay` (Infinity without spend). Example: (30e6, 15e6) → 2. */
export function runwayDays(balanceMicros: number, perDayMicros: number): number {
  if (perDayMicros <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, balanceMicros) / perDayMicros;
}

export const lowRunwayRule: AlertRule = (f, r, isActive) => {
  if (!f.balance || f.billingMode !== 'prepaid' || f.spendPerDayMicros === null) return null;
  const days = runwayDays(f.balance.micros, f.spendPerDayMicros);
  const limit = isActive ? withHysteresis(r.lowRunwayDays, r.hysteresisPercent, 'up') : r.lowRunwayDays;
  if (!(days < limit)) return null;
  const runsOut = f.nowMs + days * DAY_MS;
  return {
    kind: 'low-runway',
    severity: days < 1 ? 'critical' : 'warning',
    title: `${f.orgName}: credit lasts about ${days.toFixed(1)} days`,
    body: `At the usual ${money(f.spendPerDayMicros, f.currency)} a day, the ${money(f.balance.micros, f.currency)} left runs out around ${dateWords(runsOut, f.timeZone)} (estimate).`,
  };
};
