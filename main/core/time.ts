/**
 * UTC time arithmetic on epoch milliseconds. Cost buckets are UTC days (OpenAI API reference), so storage
 * and sync work in UTC; display converts to the user's zone at the edge.
 */
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Start of the UTC day containing `ms`. Example: 2026-11-24T15:00Z → 2026-11-24T00:00Z. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Start of the UTC hour containing `ms`. */
export function startOfUtcHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** Start of the UTC calendar month containing `ms`. Example: 2026-11-24T15:00Z → 2026-11-01T00:00Z. */
export function startOfUtcMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the UTC calendar month after the one containing `ms`. */
export function startOfNextUtcMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function utcDayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the UTC month containing `ms`. */
export function utcMonthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Unix seconds of an epoch-milliseconds time (floored). */
export function toUnixSeconds(ms: number): number {
  return Math.floor(ms / SECOND_MS);
}

/**
 * The one source of "now" for the app: every service, the demo simulator and the forecast read it.
 *
 * Hosts pass the real clock; tests and `serve --now` pass one that starts at a chosen instant.
 */
export interface Clock {
  nowMs(): number;
}
