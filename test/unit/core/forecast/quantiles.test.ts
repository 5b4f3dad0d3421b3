import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countBands, discreteQuantileSorted, quantileSorted } from '@core/forecast/quantiles';

describe('discrete quantiles for counts', () => {
  it('is always one of the samples, so counts stay whole', () => {
    expect(discreteQuantileSorted([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(countBands([17, 18, 9, 33, 17, 18, 20, 12, 25, 18])).toEqual({ p10: 9, p50: 18, p90: 25 });
  });

  it('matches the definition: the smallest sample with at least a share q at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const sorted = [...values].sort((a, b) => a - b);
          const got = discreteQuantileSorted(sorted, q);
          expect(values).toContain(got);
          const atOrBelow = (x: number) => values.filter((v) => v <= x).length / values.length;
          expect(atOrBelow(got)).toBeGreaterThanOrEqual(q - 1e-9);
          const below = sorted.filter((v) => v < got);
          if (below.length > 0) expect(atOrBelow(below[below.length - 1]!)).toBeLessThan(q + 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
