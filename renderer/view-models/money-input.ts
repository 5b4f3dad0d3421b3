/**
 * Parsing a wall-clock date and time the user types in their zone (a `datetime-local` value) to UTC epoch
 * milliseconds, with clear messages. Amounts are parsed by core's `parseMoneyInput`.
 */
import type { Parsed } from '@core/money-input';

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The `datetime-local` value (minutes) for an instant in a zone.
 *
 * Example: `toLocalInputValue(Date.UTC(2026, 10, 24, 15, 42), 'America/New_York')` → "2026-11-24T10:42".
 */
export function toLocalInputValue(ms: number, timeZone: string | undefined): string {
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}

/**
 * Parses a `datetime-local` value as a wall-clock time in `timeZone` (undefined = the system's).
 *
 * Example: `parseLocalDateTime('2026-11-24T10:42', 'America/New_York')` → `{ ok: true, value: Date.UTC(2026, 10, 24, 15, 42) }`.
 */
export function parseLocalDateTime(
  text: string,
  timeZone: string | undefined,
  label = 'Time',
): Parsed<number> {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return { ok: false, error: `${label}: enter a date and time.` };
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d || h > 23 || mi > 59)
    return { ok: false, error: `${label}: no such date.` };
  // Two passes settle the offset on both sides of a daylight-saving change.
  let ms = wall - zoneOffsetMs(wall, timeZone);
  ms = wall - zoneOffsetMs(ms, timeZone);
  return { ok: true, value: ms };
}
