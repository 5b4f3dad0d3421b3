/**
 * Hard spend limit approaching: month-to-date spend at `spendLimitPercent` (80 %) of the monthly limit
 * (read from the API, else the one typed in the ledger). When enforced, requests then fail with 429.
 *
 * Example: limit $500, spent $410 → 82 % → fires; while active, holds down to 72 %.
 */
import { moneyWords } from '../../words/money-words';
import type { AlertRule } from './rule';

export const spendLimitRule: AlertRule = (f, r, isActive) => {
  const l = f.spendLimit;
  if (!l || l.limitMicros <= 0) return null;
  const percent = (f.spend.monthToDateMicros / l.limitMicros) * 100;
  const at = isActive ? Math.max(0, r.spendLimitPercent - r.hysteresisPercent) : r.spendLimitPercent;
  if (percent < at) return null;
  const isOver = percent >= 100;
  const enforced = l.isEnforced
    ? 'When it is reached, API requests are refused until the month ends.'
    : 'It is not enforced, so requests keep working past it.';
  return {
    kind: 'spend-limit',
    severity: isOver && l.isEnforced ? 'critical' : 'warning',
    title: `${f.orgName}: ${Math.floor(percent)} % of the monthly spend limit`,
    body: `${moneyWords(f.spend.monthToDateMicros, f.currency)} spent this month of the ${moneyWords(l.limitMicros, f.currency)} limit (${l.source === 'api' ? `read from ${f.providerName}` : 'as you entered it'}). ${enforced}`,
  };
};
