/**
 * The one parser of money the user types — page fields, command-line flags, alert thresholds: "$700",
 * "1,000.50", "12 USD", "CN¥12" alike, in the account's currency, to whole micro-units, with a message
 * that says what to type when it is not an amount.
 */
import { currencySymbol, type Micros, MICROS_PER_UNIT } from './money';

/** A parsed value or the message to show next to the field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface MoneyInputOptions {
  /** What the field is called in messages ("The balance"). */
  label: string;
  allowNegative?: boolean;
  allowZero?: boolean;
  /** The account's currency (ISO 4217); USD when absent. */
  currency?: string;
  /** Decimals accepted (2, cents, for page fields; up to 6 where an exact figure is pasted). */
  maxDecimals?: 2 | 6;
}

const AMOUNT_PATTERN = /^([-−])?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;
// "12,50" or "1.234,50": a comma used as the decimal separator.
const COMMA_DECIMAL = /^[-−]?\s*\$?\s*(\d{1,3}(\.\d{3})+|\d+),\d{1,2}$/;

/**
 * Parses an amount as typed ("$1,234.56", "US$ 12.5", "12 USD", "-3") into whole micro-dollars, to the
 * cent. A comma decimal ("12,50") or another currency is refused with a message saying what to type.
 *
 * Example: `parseMoneyInput('$1,234.5', { label: 'Amount' })` → `{ ok: true, value: 1_234_500_000 }`;
 * `'12.345'` → error "Amount: use at most two decimals (cents)."; `'12,50'` → error "Amount: use a point
 * for cents (12.50); a comma only separates thousands (1,250.50)."
 */
export function parseMoneyInput(text: string, options: MoneyInputOptions): Parsed<Micros> {
  const currency = options.currency ?? 'USD';
  if (currency !== 'USD') return parseOtherCurrency(text, options, currency);
  const trimmed = text
    .trim()
    .replace(/^(US\$|USD)\s*/i, '$')
    .replace(/\s*USD$/i, '')
    .trim();
  if (trimmed === '') return { ok: false, error: `${options.label}: enter an amount in US dollars.` };
  if (/[€£¥₹]|EUR|GBP|CNY|RMB/i.test(trimmed)) {
    return {
      ok: false,
      error: `${options.label}: amounts are in US dollars, the currency this account is billed in.`,
    };
  }
  return parseDigits(text, trimmed, options, '$');
}

/**
 * Parses an amount in another currency the same way: the currency's own sign or code may be typed
 * ("CN¥1,234.50", "¥12", "12 CNY"); dollars or any other currency are refused.
 *
 * Example: `parseMoneyInput('¥1,234.5', { label: 'Amount', currency: 'CNY' })` → `{ ok: true, value: 1_234_500_000 }`;
 * `'$12'` → error "Amount: amounts are in CNY, the currency this account is billed in."
 */
function parseOtherCurrency(text: string, options: MoneyInputOptions, currency: string): Parsed<Micros> {
  const signs = [currencySymbol(currency), currency, ...(currency === 'CNY' ? ['RMB', '¥', '元'] : [])];
  let trimmed = text.trim();
  for (const sign of signs) {
    const escaped = sign.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    trimmed = trimmed
      .replace(new RegExp(`^([-−]?)\\s*${escaped}\\s*`, 'i'), '$1')
      .replace(new RegExp(`\\s*${escaped}$`, 'i'), '')
      .trim();
  }
  if (trimmed === '') return { ok: false, error: `${options.label}: enter an amount in ${currency}.` };
  if (/[$€£¥₹]|[A-Z]{3}/i.test(trimmed)) {
    return {
      ok: false,
      error: `${options.label}: amounts are in ${currency}, the currency this account is billed in.`,
    };
  }
  return parseDigits(text, trimmed, options, currencySymbol(currency));
}

function parseDigits(
  text: string,
  trimmed: string,
  options: MoneyInputOptions,
  sign: string,
): Parsed<Micros> {
  if (COMMA_DECIMAL.test(trimmed)) {
    const fixed = trimmed
      .replace(/\./g, '')
      .replace(',', '.')
      .replace(/^[-−]?\s*\$?\s*/, '');
    return {
      ok: false,
      error: `${options.label}: use a point for cents (${fixed}); a comma only separates thousands (1,250.50).`,
    };
  }
  const m = AMOUNT_PATTERN.exec(trimmed);
  if (!m || (m[2] === undefined && !m[3])) {
    return {
      ok: false,
      error: `${options.label}: "${text.trim()}" is not ${sign === '$' ? 'a dollar amount' : 'an amount'} (e.g. 25 or 1,250.50).`,
    };
  }
  const [, minus, whole = '0', fraction = ''] = m;
  const places = options.maxDecimals ?? 2;
  if (fraction.length > places)
    return {
      ok: false,
      error:
        places === 2
          ? `${options.label}: use at most two decimals (cents).`
          : `${options.label}: use at most ${places} decimals.`,
    };
  // Integer arithmetic on the digits: no float rounding on the way to micro-dollars.
  // Integer arithmetic on the digits, straight to micro-units.
  const units = Number(whole.replace(/,/g, ''));
  const micros = units * MICROS_PER_UNIT + Number(fraction.padEnd(6, '0'));
  if (!Number.isSafeInteger(micros) || units > 1e9) {
    return { ok: false, error: `${options.label}: that amount is too large.` };
  }
  const value = (minus ? -1 : 1) * micros;
  if (value < 0 && !options.allowNegative)
    return { ok: false, error: `${options.label} cannot be negative.` };
  if (value === 0 && !options.allowZero)
    return { ok: false, error: `${options.label} must be more than ${sign}0.` };
  return { ok: true, value: value === 0 ? 0 : value };
}

/** The micro-dollars as a plain input value: 12_500_000 → "12.50", 0 → "0". */
export function microsToInput(micros: Micros): string {
  const cents = Math.round(micros / 10_000);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}
