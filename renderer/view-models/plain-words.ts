/**
 * Words a person uses for the forecast's figures: "likely $420–$1,370", "end of November", "Dec 3 – Dec 9",
 * and what the billing mode means for where usage goes.
 */
import { formatAmount, type AmountBands } from './money-format';
import type { DisplayZone } from './format';

/**
 * The likely range of a figure in words; null when both ends agree to the cent (the figure says it all).
 *
 * Example: `likelyWords({ p10: 420, p50: 800, p90: 1370 }, 'USD')` → "likely $420.00–$1,370.00".
 */
export function likelyWords(bands: AmountBands, currency: string): string | null {
  const low = formatAmount(bands.p10, currency);
  const high = formatAmount(bands.p90, currency);
  return low === high ? null : `likely ${low}–${high}`;
}

/**
 * The billing month that ends at `monthEndIso` (the first instant of the next month in the billing zone),
 * said as its end. The month is named in the billing zone, not the display zone: OpenAI's months are UTC,
 * and the last instant of November UTC is already 1 December in Kolkata.
 *
 * Example: `monthEndWords('2026-12-01T00:00:00Z', 'UTC')` → "end of November".
 */
export function monthEndWords(monthEndIso: string, billingTimeZone = 'UTC', zone: DisplayZone = {}): string {
  const lastMoment = Date.parse(monthEndIso) - 1;
  const month = new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
    timeZone: billingTimeZone,
    month: 'long',
  }).format(lastMoment);
  return `end of ${month}`;
}

/**
 * A short date range ("Dec 3 – Dec 9", "Dec 3" when both ends fall on one day, "after Dec 3" without an end).
 *
 * Example: `dayRangeWords(Date.UTC(2026, 11, 3), Date.UTC(2026, 11, 9, 5), { timeZone: 'UTC' })` → "Dec 3 – Dec 9".
 */
export function dayRangeWords(fromMs: number, toMs: number | null, zone: DisplayZone = {}): string {
  const day = (ms: number) =>
    new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
      timeZone: zone.timeZone,
      month: 'short',
      day: 'numeric',
    }).format(ms);
  if (toMs === null) return `after ${day(fromMs)}`;
  return day(fromMs) === day(toMs) ? day(fromMs) : `${day(fromMs)} – ${day(toMs)}`;
}
