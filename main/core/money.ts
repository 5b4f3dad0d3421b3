/**
 * Money in integer micro-units of a currency (1 unit = 1,000,000 µ), so sums never drift.
 *
 * Two forms, by where the money is:
 * * `Micros` — a plain integer count of micro-units. Used inside one account's computation (its ledger
 *   replay, its forecast, its balance, its alerts), where every amount is in the account's one currency,
 *   named once on the account. Nothing there can meet another currency, so the number alone is enough.
 * * `Amount` — micro-units that carry their currency (`{ micros, currency }`). Used wherever accounts
 *   meet (totals across accounts, figures as they leave core for scripts and webhooks): `addAmounts`,
 *   `subtractAmounts` and `sumAmounts` refuse to add CN¥ to $, as dinero.js's `add` does.
 *
 * Example: `toMicros(0.06) === 60_000`; `formatUsd(1_234_560_000) === '$1,234.56'`;
 * `addAmounts(amount(1e6, 'USD'), amount(1e6, 'CNY'))` throws a `CurrencyMismatchError`.
 */
export type Micros = number;

export const MICROS_PER_UNIT = 1_000_000;

/** Converts an amount of a currency (number or numeric string, as the API sometimes sends) to whole micro-units. */
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

/** Rounds micro-units to whole cents, half away from zero. Example: 1_234_567 → 1_230_000. */
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

/** An ISO 4217 currency code, upper case: 'USD', 'CNY'. */
export type Currency = string;

/**
 * Micro-units that carry their currency, for money where accounts meet (see the top of this file).
 *
 * A plain frozen object rather than a type brand: currencies are known only at run time (a DeepSeek account
 * says CNY or USD through its API), so a brand could not tell CN¥ from $ at compile time anyway; the check
 * that counts is the one `addAmounts` makes at run time. A plain object also crosses IPC, HTTP and JSON as is.
 *
 * Example: `amount(12_300_000, 'CNY')` → `{ micros: 12_300_000, currency: 'CNY' }` (CN¥12.30).
 */
export interface Amount {
  readonly micros: Micros;
  readonly currency: Currency;
}

/** Two amounts in different currencies were added, subtracted or summed: a programming error, never rounded over. */
export class CurrencyMismatchError extends Error {
  override name = 'CurrencyMismatchError';
  constructor(
    readonly expected: Currency,
    readonly got: Currency,
  ) {
    super(`cannot combine ${got} with ${expected}: amounts in different currencies are never added`);
  }
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * An amount, checked: whole micro-units within 2^53, and a three-letter upper-case currency code; −0 becomes 0.
 *
 * Example: `amount(2_500_000, 'USD')` → $2.50; `amount(0.5, 'USD')` and `amount(1, 'usd')` throw.
 */
export function amount(value: number, currency: Currency): Amount {
  if (!CURRENCY_CODE.test(currency)) throw new RangeError(`not an ISO 4217 currency code: ${currency}`);
  return Object.freeze({ micros: micros(value) || 0, currency });
}

/** Nothing, in `currency`. Example: `zeroAmount('CNY')` → CN¥0.00. */
export function zeroAmount(currency: Currency): Amount {
  return amount(0, currency);
}

/**
 * `a` itself when it is in `currency`; else throws `CurrencyMismatchError` (for a rate, a limit or a
 * group that holds one currency only).
 *
 * Example: `inCurrency(amount(1e6, 'CNY'), 'CNY')` → CN¥1.00; `inCurrency(amount(1e6, 'CNY'), 'USD')` throws.
 */
export function inCurrency(a: Amount, currency: Currency): Amount {
  if (a.currency !== currency) throw new CurrencyMismatchError(currency, a.currency);
  return a;
}

function sameCurrency(a: Amount, b: Amount): Currency {
  return inCurrency(b, a.currency).currency;
}

/**
 * `a + b`; throws `CurrencyMismatchError` when their currencies differ, and RangeError past 2^53 micro-units.
 *
 * Example: `addAmounts(amount(1e6, 'USD'), amount(2_500_000, 'USD'))` → $3.50.
 */
export function addAmounts(a: Amount, b: Amount): Amount {
  return amount(a.micros + b.micros, sameCurrency(a, b));
}

/**
 * `a − b`; throws `CurrencyMismatchError` when their currencies differ.
 *
 * Example: `subtractAmounts(amount(1e6, 'CNY'), amount(2_500_000, 'CNY'))` → −CN¥1.50.
 */
export function subtractAmounts(a: Amount, b: Amount): Amount {
  return amount(a.micros - b.micros, sameCurrency(a, b));
}

/**
 * The sum of `amounts`, all in `currency` (zero when there are none); throws `CurrencyMismatchError` on
 * the first amount in another currency. The currency is named, not taken from the first amount, so an
 * empty list still has one and a list of the wrong currency is refused.
 *
 * Example: `sumAmounts('USD', [amount(10e6, 'USD'), amount(5e6, 'USD')])` → $15.00.
 */
export function sumAmounts(currency: Currency, amounts: Iterable<Amount>): Amount {
  let total = zeroAmount(currency);
  for (const a of amounts) total = addAmounts(total, a);
  return total;
}
