import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '@core/allocate';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const total = fc.integer({ min: -1e13, max: 1e13 });
const floatWeights = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
const intWeights = fc.array(fc.integer({ min: 0, max: 86_400_000 }), { minLength: 1, maxLength: 30 });
const weights = fc.oneof(floatWeights, intWeights);

/** The three splits the code used before `allocate`, kept as references for what the callers got. */
const before = {
  /** Simulator: largest remainder in floating point. */
  largestRemainder(t: number, ws: readonly number[]): number[] {
    const s = sum(ws);
    if (s === 0) return ws.map((_, i) => (i === 0 ? t : 0));
    const sign = t < 0 ? -1 : 1;
    const abs = Math.abs(t);
    const parts = ws.map((w) => Math.floor((abs * w) / s));
    let rest = abs - sum(parts);
    const order = ws
      .map((w, i) => ({ i, frac: (abs * w) / s - Math.floor((abs * w) / s) }))
      .sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!.i]! += 1;
    return parts.map((p) => p * sign);
  },
  /** Ledger hours: cumulative rounding. */
  cumulativeRound(t: number, ws: readonly number[]): number[] {
    const s = sum(ws);
    let cum = 0;
    let given = 0;
    return ws.map((w, i) => {
      cum += w;
      const upTo = i === ws.length - 1 ? t : Math.round(t * (cum / s));
      const part = upTo - given;
      given = upTo;
      return part;
    });
  },
  /** Balance days: cumulative floor, exact in BigInt. */
  cumulativeFloor(t: number, ws: readonly number[]): number[] {
    const s = BigInt(sum(ws));
    let cum = 0n;
    let given = 0;
    return ws.map((w, i) => {
      cum += BigInt(w);
      const upTo = i === ws.length - 1 ? t : Number((BigInt(t) * cum) / s);
      const part = upTo - given;
      given = upTo;
      return part;
    });
  },
};

describe('allocate', () => {
  it('sums exactly to the total', () => {
    fc.assert(fc.property(total, weights, (t, ws) => sum(allocate(t, ws)) === t));
  });

  it('gives each part its proportional share within one micro-unit', () => {
    fc.assert(
      fc.property(total, intWeights, (t, ws) => {
        const s = sum(ws);
        if (s === 0) return;
        allocate(t, ws).forEach((p, i) => {
          // Exact share as a fraction: |p·s − t·w| ≤ s  ⇔  |p − t·w/s| ≤ 1.
          const diff = BigInt(p) * BigInt(s) - BigInt(t) * BigInt(ws[i]!);
          expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(BigInt(s));
        });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), floatWeights, (t, ws) => {
        const s = sum(ws);
        if (s === 0) return;
        allocate(t, ws).forEach((p, i) =>
          expect(Math.abs(p - (t * ws[i]!) / s)).toBeLessThanOrEqual(1 + 1e-6),
        );
      }),
    );
  });

  it('is deterministic: the same inputs give the same parts, ties to the lower index', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        expect(allocate(t, ws)).toEqual(allocate(t, [...ws]));
      }),
    );
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(10, [0.5, 0.25, 0.25])).toEqual([5, 3, 2]);
    expect(allocate(5, [0, 0])).toEqual([5, 0]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
  });

  it('is exact with integer weights past 2^53 (micro-units × milliseconds)', () => {
    // $9,000,000 over three days of milliseconds: the products pass 2^53.
    expect(allocate(9_000_000_000_000, [86_400_000, 86_400_000, 86_400_000])).toEqual([
      3_000_000_000_000, 3_000_000_000_000, 3_000_000_000_000,
    ]);
    expect(allocate(Number.MAX_SAFE_INTEGER, [1, 1])).toEqual([4503599627370496, 4503599627370495]);
  });

  it('rejects what it cannot split, with words', () => {
    expect(() => allocate(1.5, [1])).toThrow(/whole total/);
    expect(() => allocate(1, [])).toThrow(/at least one weight/);
    expect(() => allocate(1, [-1, 2])).toThrow(/>= 0/);
    expect(() => allocate(1, [Number.NaN])).toThrow(/>= 0/);
  });

  describe('against the splits it replaced', () => {
    it('the simulator gets the same parts as before', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), floatWeights, (t, ws) => {
          expect(allocate(t, ws)).toEqual(before.largestRemainder(t, ws).map((p) => p || 0));
        }),
      );
    });

    it('ledger hours and balance days: same total, each part at most one micro-unit from before', () => {
      const positive = (ws: number[]) => ws.some((w) => w > 0);
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), floatWeights.filter(positive), (t, ws) => {
          const old = before.cumulativeRound(t, ws);
          allocate(t, ws).forEach((p, i) => expect(Math.abs(p - old[i]!)).toBeLessThanOrEqual(1));
        }),
      );
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), intWeights.filter(positive), (t, ws) => {
          const old = before.cumulativeFloor(t, ws);
          allocate(t, ws).forEach((p, i) => expect(Math.abs(p - old[i]!)).toBeLessThanOrEqual(1));
        }),
      );
    });
  });
});
