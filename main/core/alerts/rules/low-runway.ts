/**
 * Low credit, by days of runway: at the forecast's usual spend per day, the credit lasts fewer days than
 * the user's figure (3 by default).
 *
 * Example: $30 left at $15/day → 2.0 days of runway < 3 → fires; while active, clears above 3.3 days.
 */
import { autoReloadWord } from '../../provider-info';
import { DAY_MS } from '../../time';
import { withHysteresis } from '../hysteresis';
import { dateWords } from '../../words/date-words';
import { moneyWords } from '../../words/money-words';
import type { AlertRule } from './rule';

/** Days the balance lasts at `perDay` (Infinity without spend). Example: (30e6, 15e6) → 2. */
export function runwayDays(balanceMicros: number, perDayMicros: number): number {
  if (perDayMicros <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, balanceMicros) / perDayMicros;
}

/**
 * Prepaid credit without auto-reload, quoted from the account's answer: fires when the most likely run-out
 * date is within `runsOutDays` (7 by default); while active, holds until it is 10 % further out.
 *
 * Example: $145 left at about $35 a day → runs out around Thu 10 Dec, in 3 days < 7 → "Acme: credit runs out
 * around Thu 10 Dec (likely Tue 8 Dec – Wed 16 Dec)".
 */
function runsOutCondition(f: Parameters<AlertRule>[0], r: Parameters<AlertRule>[1], isActive: boolean) {
  const a = f.answer;
  if (!a || (a.payment.kind !== 'prepaid' && a.payment.kind !== 'provider-balance')) return undefined;
  const runsOut = a.figures['runs-out'];
  if (runsOut.atMs === null) return null;
  const days = isActive ? withHysteresis(r.runsOutDays, r.hysteresisPercent, 'up') : r.runsOutDays;
  const inMs = runsOut.atMs - f.nowMs;
  if (inMs > days * DAY_MS) return null;
  const credit = a.figures['credit-left'];
  return {
    kind: 'low-runway' as const,
    severity: inMs < DAY_MS ? ('critical' as const) : ('warning' as const),
    title: `${f.orgName}: credit runs out ${runsOut.text}`,
    body: `${credit.text} of credit left${credit.note ? ` (${credit.note})` : ''} and no ${autoReloadWord(f.provider)}: at the usual spend it runs out ${runsOut.text}.`,
  };
}

export const lowRunwayRule: AlertRule = (f, r, isActive) => {
  const quoted = runsOutCondition(f, r, isActive);
  if (quoted !== undefined) return quoted;
  if (!f.balance || f.billingMode !== 'prepaid' || f.spendPerDayMicros === null) return null;
  const days = runwayDays(f.balance.micros, f.spendPerDayMicros);
  const limit = isActive ? withHysteresis(r.lowRunwayDays, r.hysteresisPercent, 'up') : r.lowRunwayDays;
  if (!(days < limit)) return null;
  const runsOut = f.nowMs + days * DAY_MS;
  return {
    kind: 'low-runway',
    severity: days < 1 ? 'critical' : 'warning',
    title: `${f.orgName}: credit lasts about ${days.toFixed(1)} days`,
    body: `At the usual ${moneyWords(f.spendPerDayMicros, f.currency)} a day, the ${moneyWords(f.balance.micros, f.currency)} left runs out around ${dateWords(runsOut, f.nowMs, f.timeZone)} (estimate).`,
  };
};
