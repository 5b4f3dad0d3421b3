/**
 * Cell text for exported CSV: money as exact decimals from micro-dollars, times as ISO strings, and text
 * cells neutralised against spreadsheet formula injection (OWASP "CSV Injection").
 *
 * Example: `usdText(-1_500_000) === '-1.500000'` (a number, left alone); `safeText('=HYPERLINK(…)')`
 * → `"'=HYPERLINK(…)"`; `safeText('-5')` → `"'-5"` (a name, not a number).
 */
import { DateTime } from 'luxon';
import type { Micros } from '../money';
import { MICROS_PER_UNIT } from '../money';

// OWASP: a cell starting with one of these may be run as a formula by Excel, LibreOffice or Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet will show as text: formula-like starts get a leading apostrophe. */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Micro-dollars as an exact decimal USD string with six places (no float on the way).
 * Example: 12_345_678 → "12.345678"; -5 → "-0.000005"; 0 → "0.000000".
 */
export function usdText(micros: Micros): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const whole = Math.floor(abs / MICROS_PER_UNIT);
  const frac = String(abs % MICROS_PER_UNIT).padStart(6, '0');
  return `${sign}${whole}.${frac}`;
}

/** Micro-dollars as a USD number for JSON (exact for any amount below 2^53 µ$). Example: 1_500_000 → 1.5. */
export function usdNumber(micros: Micros): number {
  return micros / MICROS_PER_UNIT;
}

// Rows come in time order, so consecutive cells mostly share an instant: remembering the last one spares
// a Date and a string per row (a year of a large org is ~250,000 rows).
let lastIsoMs = NaN;
let lastIso = '';
let lastDateMs = NaN;
let lastDate = '';

/** UTC ISO time without milliseconds. Example: 0 → "1970-01-01T00:00:00Z". */
export function utcIso(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIso = new Date(ms).toISOString().replace('.000Z', 'Z');
    lastIsoMs = ms;
  }
  return lastIso;
}

/** UTC date. Example: Date.UTC(2026, 10, 18, 15) → "2026-11-18". */
export function utcDate(ms: number): string {
  if (ms !== lastDateMs) {
    lastDate = new Date(ms).toISOString().slice(0, 10);
    lastDateMs = ms;
  }
  return lastDate;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV field per RFC 4180: quoted when it holds a quote, comma or line break (or edge spaces a
 * spreadsheet would trim), quotes doubled. Example: `Acme, "Labs"` → `"Acme, ""Labs"""`.
 */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The same instant in the user's zone, ISO with its offset (so a spreadsheet user sees local clock time and
 * the offset says which). Example: Date.UTC(2026, 10, 18, 15), 'Europe/Berlin' → "2026-11-18T16:00:00+01:00".
 */
export function zonedIso(ms: number, zone: string): string {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.isValid ? (dt.toISO({ suppressMilliseconds: true }) ?? utcIso(ms)) : utcIso(ms);
}
