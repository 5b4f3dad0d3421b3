/**
 * Small wording helpers the rules share: dates in the user's zone, money, "in N hours/days".
 *
 * Example: `inWords(30 * 3_600_000)` → "in about 30 hours"; `inWords(3 * 86_400_000)` → "in about 3 days".
 */
import { formatMoney, type Micros } from '../money';
import { DAY_MS, HOUR_MS } from '../time';
import type { MicrosBands } from './alert-types';

/** "Tue 1 Dec, 14:00" in `zone`. */
export function dateTimeWords(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(ms);
}

/** "Tue 1 Dec" in `zone`. */
export function dateWords(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).format(ms);
}

/** A duration from now, rounded to what a person says. */
export function inWords(deltaMs: number): string {
  if (deltaMs <= 0) return 'now';
  if (deltaMs < 2 * HOUR_MS) return `in about ${Math.max(1, Math.round(deltaMs / 60_000))} minutes`;
  if (deltaMs < 2 * DAY_MS) return `in about ${Math.round(deltaMs / HOUR_MS)} hours`;
  return `in about ${Math.round(deltaMs / DAY_MS)} days`;
}

/** "$120.00 (likely $95.00–$150.00)" in `currency`; the middle only when the range is a single figure. */
export function rangeWords(b: MicrosBands, currency: string): string {
  const mid = formatMoney(b.p50, currency);
  return b.p10 === b.p90
    ? mid
    : `${mid} (likely ${formatMoney(b.p10, currency)}–${formatMoney(b.p90, currency)})`;
}

/** Money in the account's currency. Example: `money(12_300_000, 'CNY')` → "CN¥12.30". */
export const money = (m: Micros, currency: string): string => formatMoney(m, currency);

/**
 * The threshold a figure must pass to end an episode: `threshold × (1 ± percent/100)`.
 *
 * Example: low credit at $10 with 10 % hysteresis → an active alert clears only above $11.
 */
export function withHysteresis(threshold: number, percent: number, direction: 'up' | 'down'): number {
  const f = percent / 100;
  return direction === 'up' ? threshold * (1 + f) : threshold * (1 - f);
}
