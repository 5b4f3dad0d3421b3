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
import { MICROS_PER_UNIT, type Micros } from '../money';
import type { ConversionRate } from '../schemas';
import { dateWords } from '../words/date-words';
import { moneyWords, roundedMoneyWords, roundRange, WHOLE_UNITS_FROM_MICROS } from '../words/money-words';
import type { AccountAnswer } from './account-answer';

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

interface Group {
  count: number;
  credit: Micros;
  mtd: Micros;
  cardLikely: Micros;
  cardUpTo: Micros;
  cardUnknown: number;
}

/** Micro-units of the rate's currency in micro-dollars, rounded to the micro-dollar. Example: 100e6 CNY at 0.14 → 14e6. */
export function convert(micros: Micros, rate: ConversionRate): Micros {
  return Math.round(micros * rate.usdPerUnit);
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

/** "likely $400, up to $1,203"; "up to $803" when nothing is likely; "nothing expected". */
function cardWords(g: Group, currency: string): string {
  const accounts = `${g.cardUnknown} account${g.cardUnknown === 1 ? '' : 's'}`;
  if (g.cardUpTo <= 0) return g.cardUnknown > 0 ? `not known yet for ${accounts}` : 'nothing expected';
  const unknown = g.cardUnknown > 0 ? ` (not known yet for ${accounts})` : '';
  // The total follows the one rounding rule too: whole units from 100 up (likely to nearest, up-to rounded up).
  const isWhole = g.cardUpTo >= WHOLE_UNITS_FROM_MICROS;
  const likely = isWhole ? Math.round(g.cardLikely / MICROS_PER_UNIT) * MICROS_PER_UNIT : g.cardLikely;
  const most = isWhole ? Math.ceil(g.cardUpTo / MICROS_PER_UNIT) * MICROS_PER_UNIT : g.cardUpTo;
  const say = (m: Micros) => roundedMoneyWords(m, currency);
  const upTo = `up to ${say(most)}`;
  if (likely <= 0) return `${upTo}; likely none${unknown}`;
  return likely === most ? `${say(likely)}${unknown}` : `likely ${say(likely)}, ${upTo}${unknown}`;
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
  const groups = new Map<string, Group>();
  for (const a of counted) {
    const g = groups.get(a.currency) ?? {
      count: 0,
      credit: 0,
      mtd: 0,
      cardLikely: 0,
      cardUpTo: 0,
      cardUnknown: 0,
    };
    g.count += 1;
    g.credit += a.figures['credit-left'].valueMicros ?? 0;
    g.mtd += a.figures['this-month'].valueMicros ?? 0;
    const card = a.figures['card-by-month-end'];
    if (!card.isKnown) g.cardUnknown += 1;
    else {
      // Each account's figure as it is said (after the one rounding rule), so the total adds what is shown.
      const mid = card.valueMicros ?? 0;
      const r = card.range ? roundRange(card.range) : { low: mid, mid, high: mid };
      g.cardLikely += r.mid;
      g.cardUpTo += r.high;
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
      creditLeft: moneyWords(g.credit, currency),
      monthToDate: moneyWords(g.mtd, currency),
      cardBeforeMonthEnd: cardWords(g, currency),
      hasCardCharge: g.cardUpTo > 0 || g.cardUnknown > 0,
      converted: rate
        ? `≈ ${moneyWords(convert(g.mtd, rate), 'USD')} this month · ${moneyWords(convert(g.credit, rate), 'USD')} credit left, in US dollars at ${rateWords(rate, nowMs, zone)}`
        : null,
    };
  });
}
