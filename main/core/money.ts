/**
 * Money in integer micro-dollars (1 USD = 1,000,000 µ$), so sums never drift.
 *
 * Example: `toMicros(0.06) === 60_000`; `formatUsd(1_234_560_000) === '$1,234.56'`.
 */
export type Micros = number;

export const MICROS_PER_UNIT = 1_000_000;

/** Converts a USD amount (number or numeric string, as the API sometimes sends) to whole micro-dollars. */
export function toMicros(usd: number | string): Micros {
  const value = typeof usd === 'string' ? Number(usd.trim()) : usd;
  if (!Number.isFinite(value)) throw new RangeError(`not a money amount: ${String(usd)}`);
  return Math.round(value * MICROS_PER_UNIT);
}

/**
 * A whole number of micro-units, checked: throws on a fraction or a value past 2^53 (where sums drift).
 *
 * Example: `micros(2_500_000)` → 2_500_000 (2.50 of its currency); `micros(0.5)` throws.
 */
export function micros(n: number): Micros {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of micro-units: ${n}`);
  return n;
}

/**
 * Micro-units to a decimal amount of the currency (for display, charts and the forecast's floating
 * simulation only; never sum the results). Example: `fromMicros(2_500_000)` → 2.5.
 */
export function fromMicros(amount: Micros): number {
  return amount / MICROS_PER_UNIT;
}

/** Rounds micro-dollars to whole cents, half away from zero. Example: 1_234_567 → 1_230_000. */
export function roundToCents(micros: Micros): Micros {
  const cents = Math.sign(micros) * Math.round(Math.abs(micros) / 10_000);
  return cents * 10_000;
}

const USD_FORMAT = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats micro-dollars as a US-dollar string to the cent. Example: 1_234_560_000 → "$1,234.56". */
export function formatUsd(micros: Micros, format: Intl.NumberFormat = USD_FORMAT): string {
  // `|| 0` turns −0 (e.g. −$0.004 rounded) into 0: "−$0.00" would read as money owed.
  return format.format(roundToCents(micros) / MICROS_PER_UNIT || 0);
}

const MONEY_FORMATS = new Map<string, Intl.NumberFormat>([['USD', USD_FORMAT]]);

/** The en-US currency-style formatter for an ISO 4217 code, to the cent (cached; USD "$", CNY "CN¥"). */
export function moneyFormat(currency: string): Intl.NumberFormat {
  let format = MONEY_FORMATS.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    MONEY_FORMATS.set(currency, format);
  }
  return format;
}

/**
 * Formats micro-units of `currency` (ISO 4217) to the cent, in the 'en-US' currency style; −0 shows as 0.
 * Example: `formatMoney(12_300_000, 'CNY') === 'CN¥12.30'`; `formatMoney(1_234_560_000, 'USD') === '$1,234.56'`;
 * `formatMoney(-2_500_000, 'USD') === '-$2.50'`.
 */
export function formatMoney(micros: number, currency: string): string {
  return formatUsd(micros, moneyFormat(currency));
}

/**
 * Formats a whole-unit amount (a forecast figure already rounded to the cent) in `currency`.
 *
 * Example: `formatMoneyAmount(82.9, 'CNY')` → "CN¥82.90".
 */
export function formatMoneyAmount(units: number, currency: string): string {
  return moneyFormat(currency).format(units || 0);
}

/** The currency's sign as the page shows it. Example: 'CNY' → "CN¥", 'USD' → "$", 'EUR' → "€". */
export function currencySymbol(currency: string): string {
  return (
    moneyFormat(currency)
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value ?? currency
  );
}
