/**
 * Quiet hours: local clock times in the user's zone (luxon), so they follow DST and run across midnight.
 *
 * Example: quiet 22:00–07:00 in Europe/Berlin; 2026-03-29T00:30Z is 01:30 local (CET) → quiet;
 * 2026-03-29T05:30Z is 07:30 local (CEST, after the spring change) → not quiet.
 */
import { DateTime } from 'luxon';

/** Minutes after local midnight of "HH:mm" (24-hour), or null if it is not such a time. Example: "07:30" → 450. */
export function parseClock(text: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Whether `nowMs` falls inside quiet hours `[start, end)` on the local clock of `zone`. An end before the
 * start runs across midnight. Local clock time is used, so on a DST change the quiet period is as long as
 * the wall clock says (an hour shorter or longer in real time).
 */
export function isQuietAt(
  nowMs: number,
  quiet: { start: string; end: string } | null,
  zone: string,
): boolean {
  if (!quiet) return false;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === null || end === null || start === end) return false;
  const local = DateTime.fromMillis(nowMs, { zone });
  const zoned = local.isValid ? local : DateTime.fromMillis(nowMs, { zone: 'utc' });
  const minute = zoned.hour * 60 + zoned.minute;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The first instant at or after `nowMs` when quiet hours are over (for "held until 07:00" wording); `nowMs`
 * itself when not quiet. Walks in 15-minute steps (quiet hours are at most a day long).
 */
export function quietEndsAt(
  nowMs: number,
  quiet: { start: string; end: string } | null,
  zone: string,
): number {
  const step = 15 * 60_000;
  let t = nowMs;
  for (let i = 0; i < 4 * 25 && isQuietAt(t, quiet, zone); i++) t = (Math.floor(t / step) + 1) * step;
  return t;
}
