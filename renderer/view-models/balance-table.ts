/**
 * The balance chart said as a table: one row per day — the balance at the day's end (recorded or estimated
 * up to now, the most likely forecast after) and the likely range. Prepaid balances are floored at zero, as
 * on the chart.
 */
import { formatMoney, MICROS_PER_UNIT } from '@core/money';
import type { BalanceSeries, Point } from './balance-series';
import type { DisplayZone } from './format';

export interface BalanceTableRow {
  day: string;
  value: string;
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
 * One row per day of the chart.
 *
 * @example a forecast from Dec 7 to Jan 1 → 26 rows, "Dec 7 · $703.78 · —", "Dec 8 · $676.00 · $650.00–$700.00"…
 */
export function buildBalanceTable(
  series: BalanceSeries,
  zone: DisplayZone,
  currency: string,
): BalanceTableRow[] {
  const isBalance = series.kind === 'balance';
  const money = (usd: number) =>
    formatMoney(Math.round((isBalance ? Math.max(0, usd) : usd) * MICROS_PER_UNIT), currency);
  const dayOf = new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
    timeZone: zone.timeZone,
    month: 'short',
    day: 'numeric',
  });
  const rows: BalanceTableRow[] = [];
  const DAY = 86_400_000;
  const lastActual = series.actual.at(-1)?.x ?? series.startMs;
  for (let x = series.startMs + DAY - 1; x < series.endMs + DAY; x += DAY) {
    const end = Math.min(x, series.endMs);
    const isPast = end <= lastActual;
    const value = isPast ? at(series.actual, end) : at(series.middle, end);
    if (value === null) continue;
    const low = isPast ? null : at(series.low, end);
    const high = isPast ? null : at(series.high, end);
    rows.push({
      day: dayOf.format(end),
      value: money(value),
      range: low !== null && high !== null ? `${money(low)}–${money(high)}` : '—',
    });
    if (end === series.endMs) break;
  }
  return rows;
}
