/**
 * Turns stored spend (daily cost buckets + hourly usage) into what the ledger and the forecast read:
 * daily totals, the hourly usage shape of each day, and an hourly spend series in USD.
 *
 * Cost buckets are UTC days (OpenAI API reference); usage is hourly but counts tokens, not money. So a
 * day's cost is spread over its hours by that day's usage shape, or evenly where no usage was kept.
 * Example: a $24 day whose usage weights are all in 09:00–17:00 becomes $3/h for those 8 hours.
 */
import { createHourlySeries, type HourlySeries } from './hourly-series';
import { fromMicros, type Micros } from './money';
import type { CostDay, UsageRow } from './sync-data';
import { costDayTotal } from './sync-data';
import { DAY_MS, HOUR_MS, startOfUtcDay, startOfUtcHour } from './time';

export interface DailyTotal {
  dayStartMs: number;
  micros: Micros;
}

// Output tokens cost about 4× input tokens at OpenAI list prices (e.g. gpt-4o $2.50 vs $10 per 1M), so
// they weigh 4× in the hourly shape; requests alone would over-weight many small calls.
const OUTPUT_TOKEN_WEIGHT = 4;

/** One total per stored cost day, sorted by day. */
export function dailyTotals(days: readonly CostDay[]): DailyTotal[] {
  return days
    .map((d) => ({ dayStartMs: d.dayStartMs, micros: costDayTotal(d) }))
    .sort((a, b) => a.dayStartMs - b.dayStartMs);
}

/** Per UTC day, 24 hourly usage weights (input + 4 × output tokens). Days without usage are absent. */
export function hourlyShapes(usage: readonly UsageRow[]): Map<number, number[]> {
  const shapes = new Map<number, number[]>();
  for (const row of usage) {
    const day = startOfUtcDay(row.hourStartMs);
    let shape = shapes.get(day);
    if (!shape) shapes.set(day, (shape = new Array<number>(24).fill(0)));
    const hour = Math.floor((row.hourStartMs - day) / HOUR_MS);
    shape[hour] = (shape[hour] ?? 0) + row.inputTokens + OUTPUT_TOKEN_WEIGHT * row.outputTokens;
  }
  return shapes;
}

/**
 * Hourly spend in USD from `fromMs` (floored to its UTC day) up to the hour containing `nowMs` (excluded).
 * Today's partial bucket is spread over today's finished hours only.
 */
export function hourlySpendSeries(
  totals: readonly DailyTotal[],
  shapes: ReadonlyMap<number, readonly number[]>,
  fromMs: number,
  nowMs: number,
): HourlySeries {
  const start = startOfUtcDay(fromMs);
  const end = startOfUtcHour(nowMs);
  const hours = Math.max(0, Math.round((end - start) / HOUR_MS));
  const usd = new Float64Array(hours);
  for (const { dayStartMs, micros } of totals) {
    if (dayStartMs < start || dayStartMs >= end || micros === 0) continue;
    const first = Math.round((dayStartMs - start) / HOUR_MS);
    const count = Math.min(
      24,
      hours - first,
      Math.round((Math.min(dayStartMs + DAY_MS, end) - dayStartMs) / HOUR_MS),
    );
    if (count <= 0) continue;
    const shape = shapes.get(dayStartMs)?.slice(0, count);
    const weightSum = shape?.reduce((a, b) => a + b, 0) ?? 0;
    for (let h = 0; h < count; h++) {
      const share = weightSum > 0 ? (shape![h] ?? 0) / weightSum : 1 / count;
      usd[first + h] = fromMicros(micros) * share;
    }
  }
  return createHourlySeries(start, usd);
}
