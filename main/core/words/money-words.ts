/**
 * Money as every surface writes it: in the account's currency, to the cent, and ranged figures rounded
 * by one rule so that a figure and its range read the same wherever they are quoted.
 *
 * Example: `moneyWords(12_300_000, 'CNY')` → "CN¥12.30"; `rangeWords({ low: 95e6, mid: 120e6, high: 150e6 }, 'USD')`
 * → "$120 (likely $95–$150)".
 */
import { formatMoney, type Micros, MICROS_PER_UNIT } from '../money';

/** A figure with the range it likely falls in (low ≤ mid ≤ high), in micro-units. */
export interface MicrosRange {
  low: Micros;
  mid: Micros;
  high: Micros;
}

/** Money in the account's currency to the cent. Example: `moneyWords(-2_500_000, 'USD')` → "-$2.50". */
export function moneyWords(micros: Micros, currency: string): string {
  return formatMoney(micros, currency);
}

/** Ranged figures from this size up are shown in whole units: cents on an uncertain $400 are noise. */
export const WHOLE_UNITS_FROM_MICROS = 100_000_000;

/**
 * The one rounding rule for a figure shown with a range: whole units when the middle is 100 or more, else
 * cents; the low end rounds down and the high end up, so the range never shrinks; the middle to nearest.
 *
 * Example: `roundRange({ low: 384_704_000, mid: 480_515_000, high: 572_381_000 })` →
 * `{ low: 384_000_000, mid: 481_000_000, high: 573_000_000 }`.
 */
export function roundRange(r: MicrosRange): MicrosRange {
  const step = Math.abs(r.mid) >= WHOLE_UNITS_FROM_MICROS ? MICROS_PER_UNIT : 10_000;
  const low = Math.floor(r.low / step) * step;
  const high = Math.ceil(r.high / step) * step;
  const mid = Math.min(Math.max(Math.round(r.mid / step) * step, low), high);
  return { low: low || 0, mid: mid || 0, high: high || 0 };
}

/**
 * Money as a ranged figure shows it: whole units from 100 up (after `roundRange`), else to the cent.
 * Example: 400_000_000 → "$400"; 12_300_000 → "$12.30".
 */
export function roundedMoneyWords(micros: Micros, currency: string): string {
  const text = formatMoney(micros, currency);
  return Math.abs(micros) >= WHOLE_UNITS_FROM_MICROS && micros % MICROS_PER_UNIT === 0
    ? text.replace(/\.00$/, '')
    : text;
}

/** A range no wider than this share of its middle is said as the middle alone. */
const NARROW_RANGE_SHARE = 0.02;

/**
 * A ranged figure in words after `roundRange`: "$481 (likely $384–$573)"; just the middle when the range
 * is one figure or within 1 % of the middle either way ("$36.50", not "$36.50 (likely $36.48–$36.52)"). Example: `rangeWords({ low: 5e6, mid: 5e6, high: 5e6 }, 'USD')` → "$5.00".
 */
export function rangeWords(r: MicrosRange, currency: string): string {
  // An exact figure (no range) is said to the cent.
  if (r.low === r.high) return formatMoney(r.mid, currency);
  const x = roundRange(r);
  const isWhole = Math.abs(r.mid) >= WHOLE_UNITS_FROM_MICROS;
  const say = (m: Micros) =>
    isWhole ? formatMoney(m, currency).replace(/\.00$/, '') : formatMoney(m, currency);
  // A range within 1 % of the middle either way changes nothing a person would do: the middle alone.
  if (x.high - x.low <= NARROW_RANGE_SHARE * Math.abs(x.mid)) return say(x.mid);
  return `${say(x.mid)} (likely ${say(x.low)}–${say(x.high)})`;
}

/**
 * A figure's words split where its trailing likely range starts, so a page can set the most likely value
 * large and the range beneath it. The two parts join back to the very same words.
 *
 * Example: "$402 (likely $393–$411)" → { lead: "$402", range: " (likely $393–$411)" };
 * "$147" → { lead: "$147", range: "" }.
 */
export function splitAtRange(text: string): { lead: string; range: string } {
  const m = /^(.*?)( \(likely [^()]*\))$/.exec(text);
  return m ? { lead: m[1]!, range: m[2]! } : { lead: text, range: '' };
}
