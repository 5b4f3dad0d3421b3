/**
 * Splits an integer total into integer parts proportional to weights, keeping the sum exact
 * (largest-remainder method, ties to the lower index so the result is deterministic).
 *
 * Example: `splitExact(100, [1, 1, 1])` → `[34, 33, 33]`; the parts always sum to the total.
 */
export function splitExact(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total)) throw new RangeError(`splitExact needs an integer total, got ${total}`);
  if (weights.length === 0) throw new RangeError('splitExact needs at least one weight');
  const weightSum = weights.reduce((a, w) => {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and >= 0, got ${w}`);
    return a + w;
  }, 0);
  // No weight at all: put everything on the first part rather than invent a distribution.
  if (weightSum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = weights.map((w) => Math.floor((abs * w) / weightSum));
  let rest = abs - parts.reduce((a, p) => a + p, 0);
  const order = weights
    .map((w, i) => ({ i, frac: (abs * w) / weightSum - Math.floor((abs * w) / weightSum) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const idx = order[k]!.i;
    parts[idx] = parts[idx]! + 1;
  }
  return parts.map((p) => p * sign);
}
