/** Parsing of numeric command-line flags, with errors that name the flag. */
import { isSaneInstant } from '@core/sane-values';
import { parseMoneyInput } from '@core/money-input';
import { UsageError } from './io';
import { MICROS_PER_UNIT } from '@core/money';

/**
 * Parses an amount flag with the page's parser ("$700", "1,000.50", "12 USD" alike) in `currency` (USD when
 * absent); returns whole units. Throws UsageError naming the flag.
 *
 * Example: `parseAmountFlag('balance', '$1,000.50')` → 1000.5.
 */
export function parseAmountFlag(
  flag: string,
  text: string | undefined,
  options: { min?: number; currency?: string } = {},
): number {
  if (text === undefined) throw new UsageError(`--${flag} is required`);
  const parsed = parseMoneyInput(text, {
    label: `--${flag}`,
    currency: options.currency ?? 'USD',
    allowNegative: true,
    allowZero: true,
    // Figures copied from an export or the app carry micro-units.
    maxDecimals: 6,
  });
  if (!parsed.ok) throw new UsageError(`${parsed.error} (got "${text}")`);
  const value = parsed.value / MICROS_PER_UNIT;
  if (options.min !== undefined && value < options.min)
    throw new UsageError(`--${flag} must be at least ${options.min}`);
  return value;
}

/** Parses an integer flag within bounds. */
export function parseIntFlag(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

/** `--now` takes an ISO instant with a zone (Z or ±hh:mm), so the same flag means the same instant anywhere. */
export function parseNowFlag(raw: string): number {
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw) || !Number.isFinite(ms))
    throw new UsageError(
      `--now must be an ISO date and time with a zone, e.g. 2026-12-31T23:30:00Z, not '${raw}'.`,
    );
  if (!isSaneInstant(ms)) throw new UsageError(`--now must be between 2015 and 2200, not '${raw}'.`);
  return ms;
}
