/**
 * Latin-hypercube standard normals: N draws, one from each 1/N probability stratum, in seeded random
 * order. Used for the few normals that dominate a path (the level), so quantiles from 2,000 paths are
 * as steady as from many more plain draws.
 *
 * Example: `stratifiedNormals(4, random)` holds one value from each of (−∞,−0.67], (−0.67,0], (0,0.67], (0.67,∞).
 */
import type { Random } from '../random';

/** N stratified standard normal deviates, shuffled. */
export function stratifiedNormals(count: number, random: Random): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = inverseNormalCdf((k + random()) / count);
  for (let k = count - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    const t = out[k] as number;
    out[k] = out[j] as number;
    out[j] = t;
  }
  return out;
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormalCdf(p: number): number {
  const q = Math.min(1 - 1e-15, Math.max(1e-15, p));
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) /
      ((((d0 * r + d1) * r + d2) * r + d3) * r + 1)
    );
  }
  if (q > 1 - 0.02425) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return (
      -(((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) /
      ((((d0 * r + d1) * r + d2) * r + d3) * r + 1)
    );
  }
  const r = q - 0.5;
  const s = r * r;
  return (
    ((((((a0 * s + a1) * s + a2) * s + a3) * s + a4) * s + a5) * r) /
    (((((b0 * s + b1) * s + b2) * s + b3) * s + b4) * s + 1)
  );
}
