/**
 * Dates and times as every surface writes them, in the user's zone: "Sat 19 Dec", "Sat 19 Dec, 09:23";
 * the year is added when it is not the current one ("Fri 19 Dec 2025").
 *
 * Example: `dateWords(Date.UTC(2026, 11, 19), Date.UTC(2026, 11, 7), 'UTC')` → "Sat 19 Dec".
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, withYear: boolean, withTime: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withYear}|${withTime}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      timeZone: zone,
    });
    FORMATS.set(key, f);
  }
  return f;
}

const YEAR_FORMATS = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone, kept: building an `Intl` formatter is slow and holds native memory, and every
// date said asks for the year twice.
function yearIn(ms: number, zone: string): string {
  let f = YEAR_FORMATS.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: zone });
    YEAR_FORMATS.set(zone, f);
  }
  return f.format(ms);
}

function isOtherYear(ms: number, nowMs: number, zone: string): boolean {
  return yearIn(ms, zone) !== yearIn(nowMs, zone);
}

/** "Sat 19 Dec" (or "Fri 19 Dec 2025" outside the current year) in `zone`. */
export function dateWords(ms: number, nowMs: number, zone: string): string {
  return format(zone, isOtherYear(ms, nowMs, zone), false)
    .format(ms)
    .replace(',', '');
}

/** "Mon 7 Dec, 09:23" (the year added outside the current year) in `zone`. */
export function dateTimeWords(ms: number, nowMs: number, zone: string): string {
  const withYear = isOtherYear(ms, nowMs, zone);
  const parts = format(zone, withYear, true).formatToParts(ms);
  const pick = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const day = `${pick('weekday')} ${pick('day')} ${pick('month')}${withYear ? ` ${pick('year')}` : ''}`;
  return `${day}, ${pick('hour')}:${pick('minute')}`;
}

/**
 * A range of days: "Wed 16 Dec – Mon 21 Dec", one day when both ends fall on it, "after Wed 16 Dec" without
 * an end. Example: `dayRangeWords(a, null, now, 'UTC')` → "after Wed 16 Dec".
 */
export function dayRangeWords(fromMs: number, toMs: number | null, nowMs: number, zone: string): string {
  const from = dateWords(fromMs, nowMs, zone);
  if (toMs === null) return `after ${from}`;
  const to = dateWords(toMs, nowMs, zone);
  return from === to ? from : `${from} – ${to}`;
}
