/**
 * The overview's totals: one line per currency, never summed across currencies. A currency the user set a
 * conversion rate for also gets a clearly labelled US-dollar figure at that rate; nothing is converted
 * without one.
 */
import { formatMoney, type Micros } from '@core/money';
import type { ConversionRate } from '@core/schemas';
import type { DisplayZone } from './format';

/** What one account adds to its currency's total. */
export interface TotalPart {
  currency: string;
  creditLeftMicros: Micros | null;
  monthToDateMicros: Micros | null;
  cardMicros: Micros;
}

export interface CurrencyTotal {
  currency: string;
  orgCount: number;
  creditLeft: string;
  monthToDate: string;
  cardBeforeMonthEnd: string;
  /** False when no account in this currency expects a card charge by month end (the figure is then left out). */
  hasCardCharge: boolean;
  /** "≈ $62.59 this month · $280.00 credit left, in US dollars at your rate 1 CNY = $0.14, set Dec 2", or null. */
  converted: string | null;
}

/**
 * Sums each currency on its own, USD first, then the others alphabetically.
 *
 * Example: USD accounts with $10 and $5 this month and a CNY account with CN¥100, rate 1 CNY = $0.14 →
 * a USD line "$15.00" and a CNY line "CN¥100.00" with converted "≈ $14.00 this month · …"; without the rate,
 * `converted` is null.
 */
export function buildCurrencyTotals(
  parts: readonly TotalPart[],
  rates: readonly ConversionRate[],
  zone: DisplayZone = {},
): CurrencyTotal[] {
  const groups = new Map<string, { count: number; credit: Micros; mtd: Micros; card: Micros }>();
  for (const p of parts) {
    const g = groups.get(p.currency) ?? { count: 0, credit: 0, mtd: 0, card: 0 };
    g.count += 1;
    g.credit += p.creditLeftMicros ?? 0;
    g.mtd += p.monthToDateMicros ?? 0;
    g.card += p.cardMicros;
    groups.set(p.currency, g);
  }
  const order = [...groups.keys()].sort((a, b) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)));
  return order.map((currency) => {
    const g = groups.get(currency)!;
    const rate = currency === 'USD' ? undefined : rates.find((r) => r.currency === currency);
    return {
      currency,
      orgCount: g.count,
      creditLeft: formatMoney(g.credit, currency),
      monthToDate: formatMoney(g.mtd, currency),
      cardBeforeMonthEnd: formatMoney(g.card, currency),
      hasCardCharge: g.card > 0,
      converted: rate
        ? `≈ ${formatMoney(convert(g.mtd, rate), 'USD')} this month · ${formatMoney(convert(g.credit, rate), 'USD')} credit left, in US dollars at ${rateWords(rate, zone)}`
        : null,
    };
  });
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
 * Example: `{ currency: 'CNY', usdPerUnit: 0.14, setAtMs: Date.UTC(2026, 11, 2) }` → "your rate 1 CNY = $0.14, set Dec 2".
 */
export function rateWords(rate: ConversionRate, zone: DisplayZone = {}): string {
  const day = new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
    timeZone: zone.timeZone,
    month: 'short',
    day: 'numeric',
  }).format(rate.setAtMs);
  return `your rate 1 ${rate.currency} = ${RATE_FORMAT.format(rate.usdPerUnit)}, set ${day}`;
}
