/**
 * Wording for forecast figures: USD bands, "in about 2 days" times, probabilities and the confidence label.
 */
import { agoWords, untilWords } from '@core/words/time-words';
import { formatMoneyAmount } from '@core/money';
import { formatDateTime, type DisplayZone } from './format';

/** P10 / P50 / P90 of a USD figure (the forecast summary's shape). */
export interface AmountBands {
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Formats a forecast figure in whole units of the account's currency (already rounded to the cent by the
 * forecast; the forecast's "Usd" names mean "units of the account's currency").
 *
 * Example: `formatAmount(82.9, 'USD')` → "$82.90"; `formatAmount(82.9, 'CNY')` → "CN¥82.90".
 */
export function formatAmount(units: number, currency: string): string {
  return formatMoneyAmount(units, currency);
}

/**
 * Formats a P10–P90 range of forecast figures; a range whose ends agree to the cent is shown once.
 *
 * Example: `formatAmountRange({ p10: 0, p50: 82.91, p90: 219.3 }, 'USD')` → "$0.00–$219.30".
 */
export function formatAmountRange(bands: AmountBands, currency: string): string {
  const low = formatAmount(bands.p10, currency);
  const high = formatAmount(bands.p90, currency);
  return low === high ? low : `${low}–${high}`;
}

/**
 * Says roughly how far away `ms` is, with core's one wording: "in about 2 days", "3 hours ago", "now".
 */
export function formatAbout(ms: number, nowMs: number): string {
  return ms > nowMs
    ? untilWords(ms, nowMs)
    : agoWords(ms, nowMs) === 'just now'
      ? 'now'
      : agoWords(ms, nowMs);
}

/** A forecast time in words, with its absolute form and machine-readable ISO. */
export interface WhenText {
  relative: string;
  absolute: string;
  iso: string;
}

/**
 * Describes an ISO instant relative to now and in the user's zone.
 *
 * Example: `describeWhen('2026-11-27T17:32:50Z', Date.UTC(2026, 10, 24, 16), utc)` →
 * `{ relative: 'in about 3 days', absolute: 'Fri 27 Nov, 17:32', iso: '2026-11-27T17:32:50.000Z' }`.
 */
export function describeWhen(iso: string, nowMs: number, zone: DisplayZone): WhenText {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO time: ${iso}`);
  return {
    relative: formatAbout(ms, nowMs),
    absolute: formatDateTime(ms, nowMs, zone),
    iso: new Date(ms).toISOString(),
  };
}

/**
 * Formats a probability as a whole percentage, never claiming certainty that rounding invented.
 *
 * Example: `formatProbability(0.892)` → "89%"; `formatProbability(0.998)` → "over 99%"; `0.003` → "under 1%".
 */
export function formatProbability(p: number): string {
  if (p >= 1) return '100%';
  if (p <= 0) return '0%';
  if (p > 0.99) return 'over 99%';
  if (p < 0.01) return 'under 1%';
  return `${Math.round(p * 100)}%`;
}

/** The forecast's confidence as a visible label plus one line saying why. */
export interface ConfidenceText {
  level: 'low' | 'medium' | 'high';
  label: string;
  reason: string;
}

/**
 * Words for the forecast's confidence, from the hours of spend history it used.
 *
 * Example: `describeConfidence('low', 96)` → `{ label: 'Low confidence', reason: '4 days of history — wide range' }`.
 */
export function describeConfidence(level: 'low' | 'medium' | 'high', historyHours: number): ConfidenceText {
  const history =
    historyHours < 48
      ? `${plural(Math.max(0, Math.round(historyHours)), 'hour')}`
      : plural(Math.round(historyHours / 24), 'day');
  const tail =
    level === 'low'
      ? 'wide range'
      : level === 'medium'
        ? 'spend swings from day to day, so the range is moderate'
        : 'a fairly narrow range';
  const label = `${level[0]!.toUpperCase()}${level.slice(1)} confidence`;
  return { level, label, reason: `${history} of history — ${tail}` };
}

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
