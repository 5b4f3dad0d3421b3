/**
 * Exact parsing of money amounts that APIs send as decimal strings (Anthropic cost amounts in cents,
 * DeepSeek balances in yuan or dollars), straight to integer micro-units without a float in between.
 */

/** A money amount string the provider sent that is not a number. */
export class AmountFormatError extends Error {
  override name = 'AmountFormatError';
}

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d*))?$|^([-+]?)\.(\d+)$/;

/**
 * Micro-units of `text`, a decimal in units of 10^`exponent` of the currency (0 = whole units, -2 = cents),
 * rounded half away from zero at the micro-unit. Throws AmountFormatError on anything else (exponents,
 * thousands separators, empty strings, NaN).
 *
 * Examples: `decimalToMicros('110.00', 0)` → 110_000_000; `decimalToMicros('123.4567', -2)` (cents)
 * → 1_234_567; `decimalToMicros('0.00005', -2)` → 1 (half a micro rounds away from zero).
 */
export function decimalToMicros(text: string, exponent: 0 | -2): number {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new AmountFormatError(`'${text.slice(0, 40)}' is not an amount`);
  const sign = (m[1] ?? m[4]) === '-' ? -1 : 1;
  const whole = m[2] ?? '0';
  const frac = m[3] ?? m[5] ?? '';
  // micro-units = digits × 10^(6 + exponent − fracLength), done on strings so nothing rounds early.
  const shift = 6 + exponent;
  const digits = (whole + frac).replace(/^0+(?=\d)/, '');
  const scale = shift - frac.length;
  let micros: bigint;
  if (scale >= 0) {
    micros = BigInt(digits) * 10n ** BigInt(scale);
  } else {
    const div = 10n ** BigInt(-scale);
    const n = BigInt(digits);
    micros = n / div + ((n % div) * 2n >= div ? 1n : 0n);
  }
  const value = Number(micros) * sign;
  if (!Number.isSafeInteger(value)) throw new AmountFormatError(`'${text.slice(0, 40)}' is too large`);
  return value || 0;
}
