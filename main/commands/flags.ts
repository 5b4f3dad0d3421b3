/** Parsing of numeric command-line flags, with errors that name the flag. */
import { UsageError } from './io';

/** Parses an amount flag (in the forecast's currency; a leading "$" is allowed); throws UsageError naming the flag. */
export function parseUsd(flag: string, text: string | undefined, options: { min?: number } = {}): number {
  if (text === undefined) throw new UsageError(`--${flag} is required`);
  const value = Number(text.trim().replace(/^\$/, ''));
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${flag} must be an amount such as 120.50 (got "${text}")`);
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
