import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consumptionOrder } from '@core/billing';
import { addLot, createPurse } from '@core/credit-lots';

describe('adding a lot to a purse', () => {
  it('keeps the lots in the order a full sort would give, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b', 'c', 'd'),
            kind: fc.constantFrom('grant', 'purchase'),
            atMs: fc.integer({ min: 0, max: 5 }),
            micros: fc.integer({ min: 1, max: 10 }),
            expiresAtMs: fc.integer({ min: 0, max: 5 }),
          }),
          { maxLength: 30 },
        ),
        (lots) => {
          const purse = createPurse();
          let sorted: typeof lots = [];
          for (const [i, lot] of lots.entries()) {
            const tagged = { ...lot, note: i };
            addLot(purse, tagged as never);
            sorted = consumptionOrder([...sorted, tagged]);
          }
          expect(purse.lots.map((l) => (l as unknown as { note: number }).note)).toEqual(
            sorted.map((l) => (l as unknown as { note: number }).note),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
