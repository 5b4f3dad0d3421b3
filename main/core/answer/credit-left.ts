/**
 * The "credit left" figure: the ledger's estimate (from the newest recorded or provider-read balance,
 * less spend since), with its likely range; in words when it cannot be known yet.
 *
 * Example: a $100 balance recorded yesterday and $20 spent since → "$80.00 (likely $78.50–$81.20)".
 */
import type { MoneyView } from '../money-view';
import { PROVIDERS, type ProviderId } from '../provider-info';
import { moneyWords, rangeWords } from '../words/money-words';
import type { AnswerFigure, FigureSource, PaymentKind } from './account-answer';
import { knownFigure, unknownFigure } from './figure-of';

/** Said when no balance is known on an account whose balance the user records. */
export const RECORD_BALANCE_WORDS = 'not known yet — record the balance your billing page shows';

/** The credit-left figure. */
export function creditLeftFigure(money: MoneyView, provider: ProviderId, payment: PaymentKind): AnswerFigure {
  const b = money.balance;
  const currency = money.currency;
  if (!b) {
    if (payment === 'monthly' || payment === 'invoiced')
      return knownFigure('credit-left', {
        valueMicros: 0,
        asOfMs: money.asOfMs,
        source: 'recorded',
        text: 'no credit — usage goes on the card',
      });
    return unknownFigure(
      'credit-left',
      PROVIDERS[provider].source === 'balance'
        ? `not known yet — waiting for the first balance reading from ${PROVIDERS[provider].name}`
        : RECORD_BALANCE_WORDS,
    );
  }
  const isAsRead = b.estimateMicros === b.basis.balanceMicros && b.lowMicros === b.highMicros;
  const source: FigureSource = !isAsRead
    ? 'estimated'
    : (b.basis.observationId ?? '').startsWith('api-')
      ? 'provider'
      : 'recorded';
  const range = { low: b.lowMicros, mid: b.estimateMicros, high: b.highMicros };
  const figure = knownFigure('credit-left', {
    valueMicros: b.estimateMicros,
    range,
    asOfMs: b.asOfMs,
    source,
    text: '',
  });
  return {
    ...figure,
    text: figure.range ? rangeWords(range, currency) : moneyWords(b.estimateMicros, currency),
  };
}
