/**
 * Display formatting for times: stored values are UTC epoch milliseconds; the user sees their own zone.
 */
import { displayZone, systemTimeZone } from '@core/time-zone';
import { dateTimeWords } from '@core/words/date-words';
import { agoWords, untilWords } from '@core/words/time-words';

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

/** The IANA zone the page shows times in: the user's setting, else the system's. */
export function zoneName(zone: DisplayZone): string {
  return displayZone(zone.timeZone, systemTimeZone());
}

/**
 * An instant in core's one date-time wording (`@core/words/date-words`, the same as alerts, tray and command
 * line), in the user's zone; the year is said when it is not the current one.
 *
 * Example: `formatDateTime(Date.UTC(2026, 10, 24, 15, 42), now, { timeZone: 'UTC' })` → "Tue 24 Nov, 15:42".
 */
export function formatDateTime(ms: number, nowMs: number, zone: DisplayZone = {}): string {
  if (!isShowableInstant(ms)) return UNREADABLE_DATE;
  return dateTimeWords(ms, nowMs, zoneName(zone));
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
 * Says how far `ms` is from `nowMs` with core's one wording; a past instant is never in the future tense.
 *
 * Example: `formatRelative(now - 5 * 60_000, now)` → "5 minutes ago"; `formatRelative(now + 3 * DAY_MS, now)` →
 * "in about 3 days".
 */
export function formatRelative(ms: number, nowMs: number): string {
  return ms > nowMs ? untilWords(ms, nowMs) : agoWords(ms, nowMs);
}
