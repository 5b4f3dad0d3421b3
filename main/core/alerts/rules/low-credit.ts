/**
 * Low credit, by dollars: the estimated balance is below the user's figure ($10 by default).
 *
 * Example: threshold $10, hysteresis 10 % → fires at $9.80; while active, clears only above $11.
 */
import { usd, withHysteresis, dateTimeWords } from '../alert-words';
import type { AlertRule } from './rule';

export const lowCreditRule: AlertRule = (f, r, isActive) => {
  if (!f.balance || f.billingMode !== 'prepaid') return null;
  const limit = isActive ? withHysteresis(r.lowCreditMicros, r.hysteresisPercent, 'up') : r.lowCreditMicros;
  if (f.balance.micros >= limit) return null;
  const isEmpty = f.balance.micros <= 0;
  return {
    kind: 'low-credit',
    severity: isEmpty ? 'critical' : 'warning',
    title: `${f.orgName}: ${isEmpty ? 'credit used up' : 'credit low'}`,
    body: `About ${usd(f.balance.micros)} of credit left (estimate as of ${dateTimeWords(f.balance.asOfMs, f.timeZone)}), below your ${usd(r.lowCreditMicros)} alert.`,
  };
};
