/**
 * Display formatting for times: stored values are UTC epoch milliseconds; the user sees their own zone.
 */
import { HOUR_MS, MINUTE_MS, SECOND_MS, DAY_MS } from '@core/time';

/** Display options shared by the formatters: locale and IANA zone (undefined = the system's). */
export interface DisplayZone {
  locale?: string;
  timeZone?: string;
}

/** The largest instant a `Date` can hold (±8.64e15 ms); beyond it every date format throws. */
const MAX_DATE_MS = 8.64e15;
/** What the page shows for an instant it cannot format, instead of failing the whole page. */
export const UNREADABLE_DATE = 'an unreadable date';

/** Whether `ms` is an instant a `Date` can hold (an entry from a hand-edited file may not be). */
export function isShowableInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/** `ms` as ISO text, or "" when no `Date` can hold it. */
export function isoOf(ms: number): string {
  return isShowableInstant(ms) ? new Date(ms).toISOString() : '';
}

/**
 * Formats an instant as a short local date and time.
 *
 * Example: `formatDateTime(Date.UTC(2026, 10, 24, 15, 42), { locale: 'en-US', timeZone: 'UTC' })` → "Nov 24, 3:42 PM".
 */
export function formatDateTime(ms: number, zone: DisplayZone = {}): string {
  if (!isShowableInstant(ms)) return UNREADABLE_DATE;
  return new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
    timeZone: zone.timeZone,
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms);
}

/**
 * Formats the UTC day a cost bucket covers (buckets are UTC days, so no zone shift applies).
 *
 * Example: `formatUtcDay(Date.UTC(2026, 10, 24))` → "Nov 24".
 */
export function formatUtcDay(dayStartMs: number, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(
    dayStartMs,
  );
}

/**
 * Formats the UTC calendar month that starts at `monthStartMs`.
 *
 * Example: `formatUtcMonth(Date.UTC(2026, 10, 1))` → "November 2026".
 */
export function formatUtcMonth(monthStartMs: number, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    monthStartMs,
  );
}

/**
 * Says how far `ms` is from `nowMs` in words, past or future.
 *
 * Example: `formatRelative(now - 5 * 60_000, now)` → "5 min ago"; `formatRelative(now + 30_000, now)` → "in 30 s".
 */
export function formatRelative(ms: number, nowMs: number): string {
  const delta = ms - nowMs;
  const abs = Math.abs(delta);
  if (abs < 5 * SECOND_MS) return 'just now';
  let amount: string;
  if (abs < MINUTE_MS) amount = `${Math.round(abs / SECOND_MS)} s`;
  else if (abs < HOUR_MS) amount = `${Math.round(abs / MINUTE_MS)} min`;
  else if (abs < DAY_MS) amount = `${Math.round(abs / HOUR_MS)} h`;
  else amount = `${Math.round(abs / DAY_MS)} d`;
  return delta < 0 ? `${amount} ago` : `in ${amount}`;
}
