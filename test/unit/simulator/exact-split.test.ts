import { describe, expect, it } from 'vitest';
import { splitExact } from '../../../main/simulator/exact-split';

describe('splitExact', () => {
  it('keeps the total exact and the parts proportional', () => {
    const weights = [0.31, 0.2, 0.49, 1e-9];
    const weightSum = weights.reduce((a, b) => a + b, 0);
    for (const total of [0, 1, 7, 999_999, 123_456_789_012]) {
      const parts = splitExact(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / weightSum)).toBeLessThanOrEqual(1));
    }
  });

  it('is deterministic on ties and handles negative totals and zero weights', () => {
    expect(splitExact(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitExact(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitExact(5, [0, 0])).toEqual([5, 0]);
  });

  it('rejects bad input with a clear error', () => {
    expect(() => splitExact(1.5, [1])).toThrow(/integer total/);
    expect(() => splitExact(1, [])).toThrow(/at least one weight/);
    expect(() => splitExact(1, [-1, 2])).toThrow(/>= 0/);
  });
});
