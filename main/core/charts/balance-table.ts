/**
 * The balance chart said as a table: one row per day — the balance at the day's end (recorded or estimated
 * up to now, the most likely forecast after) and the likely range, in the account's currency.
 */
import type { Micros } from '../money';
import { formatMoney } from '../money';
import { DAY_MS } from '../time';
import { dateWords } from '../words/date-words';
import type { Point } from './balance-lines';

export interface BalanceTableRow {
  /** The instant the row's figures are for (the day's end, or the chart's end). */
  atMs: number;
  day: string;
  valueMicros: Micros;
  value: string;
  /** "$650.00–$700.00", or "—" for a day already past. */
  range: string;
}

/** The value of a step series at `x` (the last point at or before it), or null before its first point. */
function at(points: readonly Point[], x: number): number | null {
  let found: number | null = null;
  for (const p of points) {
    if (p.x > x) break;
    found = p.y;
  }
  return found;
}

/**
 * One row per day of the chart, its points already in whole micro-units (and floored at zero for a balance).
 *
 * Example: a forecast from Dec 7 to Jan 1 → 26 rows, "Mon 7 Dec · $703.78 · —", "Tue 8 Dec · $676.00 ·
 * $650.00–$700.00"…
 */
export function balanceTableRows(
  chart: {
    startMs: number;
    endMs: number;
    actual: readonly Point[];
    middle: readonly Point[];
    low: readonly Point[];
    high: readonly Point[];
  },
  currency: string,
  timeZone: string,
  nowMs: number,
): BalanceTableRow[] {
  const money = (micros: number) => formatMoney(micros, currency);
  const rows: BalanceTableRow[] = [];
  const lastActual = chart.actual.at(-1)?.x ?? chart.startMs;
  for (let x = chart.startMs + DAY_MS - 1; x < chart.endMs + DAY_MS; x += DAY_MS) {
    const end = Math.min(x, chart.endMs);
    const isPast = end <= lastActual;
    const value = isPast ? at(chart.actual, end) : at(chart.middle, end);
    if (value === null) continue;
    const low = isPast ? null : at(chart.low, end);
    const high = isPast ? null : at(chart.high, end);
    rows.push({
      atMs: end,
      day: dateWords(end, nowMs, timeZone),
      valueMicros: value,
      value: money(value),
      range: low !== null && high !== null ? `${money(low)}–${money(high)}` : '—',
    });
    if (end === chart.endMs) break;
  }
  return rows;
}
