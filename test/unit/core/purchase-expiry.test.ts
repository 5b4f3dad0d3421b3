// Purchased credit expires a year after purchase on the same UTC calendar date; the product computes it
// with plain UTC arithmetic, checked here against luxon's calendar (29 February → 28 February).
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { purchaseExpiryMs } from '@core/lot-order';

const luxonYearAfter = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).plus({ years: 1 }).toMillis();

describe('a purchase expires a year later', () => {
  it('on the date luxon gives, for any instant from 1900 to 2300', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) }), (ms) => {
        expect(purchaseExpiryMs(ms)).toBe(luxonYearAfter(ms));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on 28 February after a leap day, and across a year end', () => {
    expect(purchaseExpiryMs(Date.UTC(2024, 1, 29, 13, 5))).toBe(Date.UTC(2025, 1, 28, 13, 5));
    expect(purchaseExpiryMs(Date.UTC(2023, 1, 28, 23, 59, 59, 999))).toBe(
      Date.UTC(2024, 1, 28, 23, 59, 59, 999),
    );
    expect(purchaseExpiryMs(Date.UTC(2024, 11, 31, 23))).toBe(Date.UTC(2025, 11, 31, 23));
  });
});
