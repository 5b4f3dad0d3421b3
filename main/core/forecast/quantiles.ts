/**
 * Quantiles of Monte-Carlo samples, with `Infinity` standing for "did not happen within the horizon".
 *
 * Example: `quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) === 2.5` (linear interpolation, type 7).
 */

/** The q-quantile (0..1) of an ascending array; Infinity when it lands on a censored sample. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return pos === lo ? a : b === Infinity ? Infinity : a;
  return a + (b - a) * (pos - lo);
}

export interface Bands {
  p10: number;
  p50: number;
  p90: number;
}

/** P10/P50/P90 of samples (sorts a copy). */
export function bands(samples: ArrayLike<number>): Bands {
  const sorted = Float64Array.from(samples).sort();
  return {
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
  };
}

/**
 * The q-quantile of an ascending array that is always one of its samples: the smallest value with at
 * least a share q of the samples at or below it (inverse of the empirical distribution). Counts stay
 * whole numbers. Example: `discreteQuantileSorted([1, 2, 3, 4], 0.5) === 2` (not 2.5).
 */
export function discreteQuantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(n * Math.min(1, Math.max(0, q)) - 1e-9));
  return sorted[rank - 1] as number;
}

/** P10/P50/P90 of whole-number samples (reload counts): each band is a count that occurred. */
export function countBands(samples: ArrayLike<number>): Bands {
  const sorted = Float64Array.from(samples).sort();
  return {
    p10: discreteQuantileSorted(sorted, 0.1),
    p50: discreteQuantileSorted(sorted, 0.5),
    p90: discreteQuantileSorted(sorted, 0.9),
  };
}

/** Share of samples that are finite and ≤ limit. */
export function shareAtMost(samples: ArrayLike<number>, limit: number): number {
  if (samples.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < samples.length; i++) if ((samples[i] as number) <= limit) count++;
  return count / samples.length;
}

/** The q-quantile of plain numbers (sorts a copy); NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}
