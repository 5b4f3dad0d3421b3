// Credit expiring unused along a path: the product looks only at the lots falling due at each slot; the
// plain reference below (the walk-every-lot-every-slot rule) must give the same loss and the same drain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpiringLot, expiredUnusedAmount, expiryOrder } from '@core/forecast/outcomes';
import type { SlotGrid } from '@core/forecast/paths';

const H = 3_600_000;

function naiveExpiredUnused(
  path: Float64Array,
  grid: SlotGrid,
  lots: readonly ExpiringLot[],
  drain: Float64Array,
) {
  drain.set(path);
  const left = lots.map((l) => l.remainingAmount);
  let head = 0;
  let lost = 0;
  for (let i = 0; i < grid.count && head < lots.length; i++) {
    for (let j = head; j < lots.length; j++) {
      if (lots[j]!.expiresAtMs <= grid.startMs[i]! && left[j]! > 0) {
        lost += left[j]!;
        drain[i] = drain[i]! + left[j]!;
        left[j] = 0;
      }
    }
    let spend = path[i]!;
    while (spend > 0 && head < lots.length) {
      const take = Math.min(spend, left[head]!);
      left[head] = left[head]! - take;
      spend -= take;
      if (left[head]! <= 0) head++;
    }
  }
  return lost;
}

const gridOf = (count: number): SlotGrid => ({
  nowMs: 0,
  count,
  startMs: Float64Array.from({ length: count }, (_, i) => i * H),
  hours: new Float64Array(count).fill(1),
  base: new Float64Array(count),
  day: new Int32Array(count),
  dayCount: 1,
});

describe('credit expiring unused', () => {
  it('equals the walk over every lot at every slot: loss and drain, to the last bit', () => {
    const arb = fc.record({
      spend: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 1, maxLength: 80 }),
      lots: fc.array(
        fc.record({
          remainingAmount: fc.oneof(
            fc.double({ min: 0.01, max: 50, noNaN: true }),
            fc.integer({ min: 1, max: 30 }),
          ),
          expiresAtMs: fc.integer({ min: -2, max: 90 }).map((h) => h * H + (h % 3 === 0 ? 1 : 0)),
        }),
        { maxLength: 25 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ spend, lots }) => {
        const path = Float64Array.from(spend);
        const grid = gridOf(path.length);
        const want = new Float64Array(path.length);
        const got = new Float64Array(path.length);
        const lost = naiveExpiredUnused(path, grid, lots, want);
        expect(expiredUnusedAmount(path, grid, lots, got)).toBe(lost);
        expect(expiredUnusedAmount(path, grid, lots, got, expiryOrder(lots))).toBe(lost);
        expect([...got]).toEqual([...want]);
      }),
      { numRuns: 3000 },
    );
  });
});
