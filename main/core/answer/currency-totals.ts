/**
 * The overview's totals, from the accounts' answers: one line per currency, never summed across currencies,
 * real accounts only once one exists (demo accounts are never added into a real total). Card charges by month
 * end are not added as means — a sum of coin flips is not a charge anyone sees — but said as what is likely
 * and what it could reach: "likely $400, up to $1,203".
 *
 * A currency the user set a conversion rate for also gets a clearly labelled US-dollar figure at that rate;
 * nothing is converted without one.
 *
 * Example: a reload account with about even odds of one $400 reload (likely $0–$400) and a monthly account
 * with $803 (likely $700–$803) → card by month end "likely $803, up to $1,203".
 */
import {
  addAmounts,
  amount,
  inCurrency,
  MICROS_PER_UNIT,
  zeroAmount,
  type Amount,
  type Currency,
} from '../money';
import type { ConversionRate } from '../schemas';
import { dateWords } from '../words/date-words';
import { moneyWords, roundedMoneyWords, roundRange, WHOLE_UNITS_FROM_MICROS } from '../words/money-words';
import type { AccountAnswer } from './account-answer';
import { figureAmount } from './figure-of';

export interface CurrencyTotal {
  currency: string;
  orgCount: number;
  creditLeft: string;
  monthToDate: string;
  /** "likely $400, up to $1,203", "nothing expected", with the accounts not known yet named by count. */
  cardBeforeMonthEnd: string;
  /** False when no account in this currency may see a card charge by month end (the figure is then left out). */
  hasCardCharge: boolean;
  /** "≈ $62.59 this month · $280.00 credit left, in US dollars at your rate 1 CNY = $0.14, set Wed 2 Dec", or null. */
  converted: string | null;
}

/** One currency's running totals: every sum an `Amount`, so an account in another currency is refused, not added. */
interface Group {
  count: number;
  credit: Amount;
  mtd: Amount;
  cardLikely: Amount;
  cardUpTo: Amount;
  cardUnknown: number;
}

function emptyGroup(currency: Currency): Group {
  const zero = zeroAmount(currency);
  return { count: 0, credit: zero, mtd: zero, cardLikely: zero, cardUpTo: zero, cardUnknown: 0 };
}

/**
 * An amount in the rate's currency in US dollars, rounded to the micro-dollar; an amount in any other
 * currency than the rate's is refused (CurrencyMismatchError).
 *
 * Example: CN¥100 at 1 CNY = $0.14 → `{ micros: 14_000_000, currency: 'USD' }`.
 */
export function convert(money: Amount, rate: ConversionRate): Amount {
  return amount(Math.round(inCurrency(money, rate.currency).micros * rate.usdPerUnit), 'USD');
}

const RATE_FORMAT = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/**
 * The rate as the user set it, with the day it was set.
 *
 * Example: `{ currency: 'CNY', usdPerUnit: 0.14, setAtMs: Date.UTC(2026, 11, 2) }` → "your rate 1 CNY = $0.14, set Wed 2 Dec".
 */
export function rateWords(rate: ConversionRate, nowMs: number, zone: string): string {
  return `your rate 1 ${rate.currency} = ${RATE_FORMAT.format(rate.usdPerUnit)}, set ${dateWords(rate.setAtMs, nowMs, zone)}`;
}

/** Money words for an amount in its own currency. */
function words(a: Amount): string {
  return moneyWords(a.micros, a.currency);
}

/** "likely $400, up to $1,203"; "up to $803" when nothing is likely; "nothing expected". */
function cardWords(g: Group): string {
  const accounts = `${g.cardUnknown} account${g.cardUnknown === 1 ? '' : 's'}`;
  const upTo = g.cardUpTo.micros;
  if (upTo <= 0) return g.cardUnknown > 0 ? `not known yet for ${accounts}` : 'nothing expected';
  const unknown = g.cardUnknown > 0 ? ` (not known yet for ${accounts})` : '';
  // The total follows the one rounding rule too: whole units from 100 up (likely to nearest, up-to rounded up).
  const isWhole = upTo >= WHOLE_UNITS_FROM_MICROS;
  const likelyMicros = g.cardLikely.micros;
  const likely = isWhole ? Math.round(likelyMicros / MICROS_PER_UNIT) * MICROS_PER_UNIT : likelyMicros;
  const most = isWhole ? Math.ceil(upTo / MICROS_PER_UNIT) * MICROS_PER_UNIT : upTo;
  const say = (m: number) => roundedMoneyWords(m, g.cardUpTo.currency);
  const upToWords = `up to ${say(most)}`;
  if (likely <= 0) return `${upToWords}; likely none${unknown}`;
  return likely === most ? `${say(likely)}${unknown}` : `likely ${say(likely)}, ${upToWords}${unknown}`;
}

/**
 * Totals each currency on its own, USD first, then the others alphabetically.
 *
 * Example: USD accounts with $10 and $5 this month and a CNY account with CN¥100, rate 1 CNY = $0.14 →
 * a USD line "$15.00" and a CNY line "CN¥100.00" with converted "≈ $14.00 this month · …".
 */
export function currencyTotals(
  answers: readonly AccountAnswer[],
  rates: readonly ConversionRate[],
  nowMs: number,
  zone: string,
): CurrencyTotal[] {
  const real = answers.filter((a) => !a.isDemo);
  const counted = real.length > 0 ? real : answers;
  const groups = new Map<Currency, Group>();
  for (const a of counted) {
    const g = groups.get(a.currency) ?? emptyGroup(a.currency);
    const zero = zeroAmount(a.currency);
    g.count += 1;
    g.credit = addAmounts(g.credit, figureAmount(a, 'credit-left') ?? zero);
    g.mtd = addAmounts(g.mtd, figureAmount(a, 'this-month') ?? zero);
    const card = a.figures['card-by-month-end'];
    if (!card.isKnown) g.cardUnknown += 1;
    else {
      // Each account's figure as it is said (after the one rounding rule), so the total adds what is shown.
      const mid = figureAmount(a, 'card-by-month-end')?.micros ?? 0;
      const r = card.range ? roundRange(card.range) : { low: mid, mid, high: mid };
      g.cardLikely = addAmounts(g.cardLikely, amount(r.mid, a.currency));
      g.cardUpTo = addAmounts(g.cardUpTo, amount(r.high, a.currency));
    }
    groups.set(a.currency, g);
  }
  const order = [...groups.keys()].sort((a, b) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)));
  return order.map((currency) => {
    const g = groups.get(currency)!;
    const rate = currency === 'USD' ? undefined : rates.find((r) => r.currency === currency);
    return {
      currency,
      orgCount: g.count,
      creditLeft: words(g.credit),
      monthToDate: words(g.mtd),
      cardBeforeMonthEnd: cardWords(g),
      hasCardCharge: g.cardUpTo.micros > 0 || g.cardUnknown > 0,
      converted: rate
        ? `≈ ${words(convert(g.mtd, rate))} this month · ${words(convert(g.credit, rate))} credit left, in US dollars at ${rateWords(rate, nowMs, zone)}`
        : null,
    };
  });
}
