/**
 * Low credit, by amount: the estimated balance is below the user's figure (10.00 of the account's
 * currency by default). Where the provider reports the balance (OpenRouter, DeepSeek), the estimate
 * starts from its newest reading and the words name the provider.
 *
 * Example: threshold $10, hysteresis 10 % → fires at $9.80; while active, clears only above $11.
 * A DeepSeek account at CN¥12.30 under a CN¥20 threshold → "DeepSeek balance is low: CN¥12.30 left".
 */
import type { OrgAlertFacts } from '../alert-facts';
import { withHysteresis } from '../hysteresis';
import { dateTimeWords } from '../../words/date-words';
import { moneyWords } from '../../words/money-words';
import type { AlertRule } from './rule';

export const lowCreditRule: AlertRule = (f, r, isActive) => {
  if (!f.balance || f.billingMode !== 'prepaid') return null;
  const limit = isActive ? withHysteresis(r.lowCreditMicros, r.hysteresisPercent, 'up') : r.lowCreditMicros;
  if (f.balance.micros >= limit) return null;
  const isEmpty = f.balance.micros <= 0;
  const credit = f.answer?.figures['credit-left'];
  const left = credit?.isKnown ? credit.text : moneyWords(f.balance.micros, f.currency);
  const asOf = dateTimeWords(f.balance.asOfMs, f.nowMs, f.timeZone);
  const below = `below your ${moneyWords(r.lowCreditMicros, f.currency)} alert`;
  if (f.balanceSource === 'api') {
    return {
      kind: 'low-credit',
      severity: isEmpty ? 'critical' : 'warning',
      title: `${who(f)} balance ${isEmpty ? 'is used up' : `is low: ${left} left`}`,
      body: `About ${left} left (estimate as of ${asOf}${readingWords(f)}), ${below}.`,
    };
  }
  return {
    kind: 'low-credit',
    severity: isEmpty ? 'critical' : 'warning',
    title: `${f.orgName}: ${isEmpty ? 'credit used up' : 'credit low'}`,
    body: `About ${left} of credit left (estimate as of ${asOf}), ${below}.`,
  };
};

/** "DeepSeek", or "Research: DeepSeek" when the account has a name of its own. */
function who(f: OrgAlertFacts): string {
  return f.orgName === f.providerName ? f.providerName : `${f.orgName}: ${f.providerName}`;
}

/** ", from the CN¥15.00 DeepSeek reported at Tue 1 Dec, 09:00", or "" without a reading. */
function readingWords(f: OrgAlertFacts): string {
  const a = f.apiBalance;
  if (!a) return '';
  return `, from the ${moneyWords(a.micros, f.currency)} ${f.providerName} reported at ${dateTimeWords(a.atMs, f.nowMs, f.timeZone)}`;
}
