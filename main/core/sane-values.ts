/**
 * The ranges every stored value must be in, in one place: the API's argument schemas, the file schemas,
 * restore and load all use these, so a value refused on one path is refused on every path.
 *
 * * Instants: from 2015-01-01 to 2200-01-01 UTC (no API account predates 2015; beyond 2200 is a typing slip,
 *   and well inside what a JavaScript `Date` can hold, so every date formats).
 * * Time zones: names `Intl` knows (e.g. "Europe/Berlin"), so month ends and alerts can be computed.
 * * Names: no control characters (they hide text in the page, CSV files and terminals).
 * * Base URLs: http or https only.
 *
 * Example: `SaneInstantSchema.safeParse(9e15).success` → false; `isKnownTimeZone('Mars/Olympus')` → false.
 */
import { z } from 'zod';
import { isKnownTimeZone } from './time-zone';

export { isKnownTimeZone, saneZone } from './time-zone';

/** The earliest instant stored: 2015-01-01T00:00:00Z. */
export const MIN_INSTANT_MS = Date.UTC(2015, 0, 1);
/** The latest instant stored: 2200-01-01T00:00:00Z. */
export const MAX_INSTANT_MS = Date.UTC(2200, 0, 1);

const INSTANT_WORDS = 'a date between 2015 and 2200';

/** Whether `ms` is a whole-millisecond instant in the stored range. */
export function isSaneInstant(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isInteger(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

/** An instant in the stored range (whole milliseconds since 1970, UTC). */
export const SaneInstantSchema = z
  .number()
  .int()
  .min(MIN_INSTANT_MS, `must be ${INSTANT_WORDS}`)
  .max(MAX_INSTANT_MS, `must be ${INSTANT_WORDS}`);

/** A time zone `Intl` knows. */
export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, {
    error: (issue) =>
      `'${String(issue.input)}' is not a time zone (use a name such as UTC or Europe/Berlin).`,
  });

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Whether `text` holds a control character (newline, escape, …). */
export function hasControlChars(text: string): boolean {
  return new RegExp(CONTROL_CHARS.source).test(text);
}

/** `text` with its control characters removed. Example: "Acme\u001b[31m" → "Acme[31m". */
export function withoutControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/** An organization name: 1–80 characters, no control characters. */
export const PlainNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the organization a name.')
  .max(80)
  .refine((n) => !hasControlChars(n), 'The name cannot contain control characters.');

const URL_SHAPE = z.string().max(2000).url();

/** Whether `url` parses as an http or https address. */
export function isHttpUrl(url: unknown): boolean {
  return URL_SHAPE.safeParse(url).success && /^https?:\/\/[^/]/i.test(url as string);
}

/** An http or https base URL (no `javascript:`, `file:` or other schemes). */
export const HttpUrlSchema = z
  .string()
  .max(2000)
  .refine(isHttpUrl, 'The address must start with http:// or https://.');
