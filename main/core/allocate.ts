/**
 * One way to split an amount of money into parts: integer micro-units, proportional to weights, adding up
 * exactly to the total (largest-remainder method, as dinero.js's `allocate`). Ties go to the lower index, so
 * the same inputs always give the same parts.
 *
 * Example: `allocate(100, [1, 1, 1])` → `[34, 33, 33]`; `allocate(-100, [1, 3])` → `[-25, -75]`.
 */

/**
 * Splits the integer `total` into integer parts proportional to `weights` (finite, ≥ 0, at least one).
 * Each part is within one unit of its exact share and the parts sum to `total`. With integer weights the
 * arithmetic is exact at any size (BigInt); with fractional weights it is done in floating point, still
 * summing exactly. With every weight zero, the whole total goes to the first part.
 *
 * Example: `allocate(10, [0.5, 0.25, 0.25])` → `[5, 3, 2]` (the remainders tie; the lower index wins).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`allocate needs a whole total, got ${total}`);
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  let weightSum = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and >= 0, got ${w}`);
    weightSum += w;
  }
  // No weight at all: put everything on the first part rather than invent a distribution.
  if (weightSum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const { parts, remainders } = weights.every(Number.isSafeInteger)
    ? exactShares(abs, weights)
    : floatShares(abs, weights, weightSum);
  let rest = abs - parts.reduce((a, p) => a + p, 0);
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => compare(b.r, a.r) || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const idx = order[k]!.i;
    parts[idx] = parts[idx]! + 1;
  }
  // `|| 0` keeps −0 out of the results.
  return parts.map((p) => p * sign || 0);
}

function compare(a: number | bigint, b: number | bigint): number {
  return a > b ? 1 : a < b ? -1 : 0;
}

/** Integer weights: floor and remainder in BigInt (micro-units × milliseconds pass 2^53 quickly). */
function exactShares(abs: number, weights: readonly number[]) {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  const parts: number[] = [];
  const remainders: bigint[] = [];
  for (const w of weights) {
    const scaled = BigInt(abs) * BigInt(w);
    parts.push(Number(scaled / sum));
    remainders.push(scaled % sum);
  }
  return { parts, remainders };
}

function floatShares(abs: number, weights: readonly number[], weightSum: number) {
  const exact = weights.map((w) => (abs * w) / weightSum);
  return { parts: exact.map(Math.floor), remainders: exact.map((x) => x - Math.floor(x)) };
}
