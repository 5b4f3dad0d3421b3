/**
 * Hourly spend series: one value (USD) per UTC hour, contiguous from `startMs`.
 *
 * The forecast works on this shape because hourly usage buckets are the finest resolution the API gives
 * for money-like figures (usage API `1h` buckets, priced). Example: `{ startMs: Date.UTC(2025, 3, 1),
 * usd: Float64Array.of(1.5, 0, 2) }` covers 2025-04-01T00:00Z–03:00Z with $3.50 in total.
 */
import { HOUR_MS } from './time';

export interface HourlySeries {
  /** Start of the first hour (UTC, hour-aligned epoch ms). */
  startMs: number;
  /** Spend per hour in USD; index i covers [startMs + i·1h, startMs + (i+1)·1h). */
  usd: Float64Array;
}

/** Builds a validated series; throws a RangeError naming the first bad hour. */
export function createHourlySeries(startMs: number, usd: ArrayLike<number>): HourlySeries {
  if (!Number.isFinite(startMs) || startMs % HOUR_MS !== 0) {
    throw new RangeError(`history must start on a whole UTC hour (got ${String(startMs)})`);
  }
  const values = Float64Array.from(usd);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v) || v < 0) {
      const at = new Date(startMs + i * HOUR_MS).toISOString();
      throw new RangeError(`spend at ${at} is ${String(v)}: expected a non-negative number`);
    }
  }
  return { startMs, usd: values };
}

/** End (exclusive) of the series. */
export function seriesEndMs(series: HourlySeries): number {
  return series.startMs + series.usd.length * HOUR_MS;
}

/** The hours that start before `endMs` (rows at or after it are the future, never history). */
export function sliceBefore(series: HourlySeries, endMs: number): HourlySeries {
  const count = Math.max(0, Math.min(series.usd.length, Math.ceil((endMs - series.startMs) / HOUR_MS)));
  return { startMs: series.startMs, usd: series.usd.subarray(0, count) };
}
