/**
 * The auto-reload figures: the next reload (the chance it comes before the billing month ends, its most
 * likely date, what one reload charges) and the card charges by month end as a distribution — the chance
 * of none, the likely count and amount — never the mean of a coin flip.
 *
 * Example: a 56 % chance of one $400 reload → "about even odds of one $400 reload before Thu 31 Dec (56%)";
 * 8 reloads (likely 3–21) of $40 → "8 reloads (likely 3–21), about $320 before Thu 31 Dec".
 */
import { reloadChargeMicros } from '../reload-charge';
import { toMicros } from '../money';
import type { MoneyView } from '../money-view';
import { chanceOfWords, NEAR_CERTAIN, percentWords } from '../words/chance-words';
import { dateWords } from '../words/date-words';
import { moneyWords, rangeWords, roundRange, roundedMoneyWords } from '../words/money-words';
import type { AccountAnswer, AnswerFigure, CardDistribution, PaymentKind } from './account-answer';
import { ANSWER_WINDOW_DAYS } from './answer-input';
import { knownFigure, notKnownBecause, unknownFigure } from './figure-of';

/** The day before the month-end instant, as the user reads "before …". */
function lastDayWords(monthEndMs: number, nowMs: number, zone: string): string {
  return dateWords(monthEndMs - 1, nowMs, zone);
}

export interface ReloadFigures {
  nextReload: AnswerFigure;
  cardByMonthEnd: AnswerFigure;
  detail: AccountAnswer['nextReload'];
  distribution: CardDistribution | null;
}

const reloadCountWords = (n: number) => `${n} reload${n === 1 ? '' : 's'}`;

/** Next reload and card by month end, for every way of paying. */
export function reloadFigures(
  money: MoneyView,
  payment: PaymentKind,
  creditKnown: boolean,
  zone: string,
): ReloadFigures {
  const now = money.asOfMs;
  const fc = money.forecast;
  const cur = money.currency;
  const base = { asOfMs: now, source: 'estimated' as const };
  if (payment === 'not-set') {
    const why = 'not known yet — say how this account pays';
    return {
      nextReload: unknownFigure('next-reload', why),
      cardByMonthEnd: unknownFigure('card-by-month-end', why),
      detail: null,
      distribution: null,
    };
  }
  if (payment !== 'prepaid-auto-reload') {
    const nextReload = knownFigure('next-reload', { ...base, text: 'no auto-reload set' });
    if (payment === 'prepaid' || payment === 'provider-balance')
      return {
        nextReload,
        cardByMonthEnd: knownFigure('card-by-month-end', {
          ...base,
          valueMicros: 0,
          text: 'nothing — no auto-reload is set',
        }),
        detail: null,
        distribution: null,
      };
    const charge = fc?.monthEnd.cardChargeAmount;
    if (!fc || !charge)
      return {
        nextReload,
        cardByMonthEnd: unknownFigure('card-by-month-end', notKnownBecause(money.forecastNote)),
        detail: null,
        distribution: null,
      };
    const monthEndMs = Date.parse(fc.monthEnd.at);
    const range = { low: toMicros(charge.p10), mid: toMicros(charge.p50), high: toMicros(charge.p90) };
    return {
      nextReload,
      cardByMonthEnd: knownFigure('card-by-month-end', {
        ...base,
        valueMicros: range.mid,
        range,
        atMs: monthEndMs,
        // One figure: when it is charged is the label's and the short line's ("billed after Thu 31 Dec").
        text: rangeWords(range, cur),
      }),
      detail: null,
      distribution: null,
    };
  }
  const rule = money.ledger.billing.reload;
  const perReload = rule ? reloadChargeMicros(rule.action, rule.thresholdMicros) : 0;
  if (!creditKnown || !fc || !fc.reloads) {
    const why = creditKnown
      ? notKnownBecause(money.forecastNote)
      : 'not known yet — the credit left is not known';
    return {
      nextReload: unknownFigure('next-reload', why),
      cardByMonthEnd: unknownFigure('card-by-month-end', why),
      detail: null,
      distribution: null,
    };
  }
  const r = fc.reloads;
  const monthEndMs = Date.parse(r.until);
  const before = `before ${lastDayWords(monthEndMs, now, zone)}`;
  const p50 = fc.crossing?.p50 ? Date.parse(fc.crossing.p50) : null;
  const per = roundedMoneyWords(perReload, cur);
  const chance = r.probabilityAny;
  const nextText =
    p50 === null
      ? `not within ${ANSWER_WINDOW_DAYS} days`
      : // A near-certain reload needs no chance said; otherwise the chance it lands before the month ends.
        `around ${dateWords(p50, now, zone)}, ${moneyWords(perReload, cur)}${chance >= NEAR_CERTAIN ? '' : ` (${percentWords(chance)} chance ${before})`}`;
  const amount = {
    low: toMicros(r.cardChargesAmount.p10),
    mid: toMicros(r.cardChargesAmount.p50),
    high: toMicros(r.cardChargesAmount.p90),
  };
  const count = { low: r.count.p10, mid: r.count.p50, high: r.count.p90 };
  const distribution: CardDistribution = {
    chanceNone: 1 - chance,
    count,
    perChargeMicros: perReload,
    amount,
    monthEndMs,
  };
  let cardText: string;
  if (chance < 0.05) cardText = `no reload expected ${before}`;
  else if (count.high <= 1)
    cardText = `${chanceOfWords(chance)} of one ${per} reload ${before} (${percentWords(chance)})`;
  else if (count.mid <= 1)
    cardText = `${chanceOfWords(chance)} of a reload ${before} (${percentWords(chance)}), likely ${count.low}–${count.high} reloads of ${per}`;
  else
    cardText = `${reloadCountWords(count.mid)} (likely ${count.low}–${count.high}), about ${roundedMoneyWords(roundRange(amount).mid, cur)} ${before}`;
  return {
    nextReload: knownFigure('next-reload', { ...base, valueMicros: perReload, atMs: p50, text: nextText }),
    cardByMonthEnd: knownFigure('card-by-month-end', {
      ...base,
      valueMicros: amount.mid,
      range: amount,
      atMs: monthEndMs,
      text: cardText,
    }),
    detail: { chanceBeforeMonthEnd: chance, atMs: p50, perReloadMicros: perReload },
    distribution,
  };
}
