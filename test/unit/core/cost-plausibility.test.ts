import { describe, expect, it } from 'vitest';
import { implausibleCost, keepVanishedDays } from '@core/cost-plausibility';

const day = (d: number, micros: number[]) => ({
  dayStartMs: Date.UTC(2026, 10, d),
  rows: micros.map((m) => ({ projectId: 'p', lineItem: 'x', micros: m })),
});

describe('cost plausibility', () => {
  it('names an implausible amount and accepts ordinary ones, refunds included', () => {
    expect(implausibleCost([day(30, [-5_000_000e6])])).toBe(
      'an amount of −$5,000,000.00 on 2026-11-30 is not plausible',
    );
    expect(implausibleCost([day(30, [41e6, -12e6])])).toBeNull();
  });
  it('keeps a day that had rows when a new answer has none', () => {
    const { days, kept } = keepVanishedDays([day(1, []), day(2, [5e6])], [day(1, [41e6]), day(2, [3e6])]);
    expect(days).toEqual([day(1, [41e6]), day(2, [5e6])]);
    expect(kept).toEqual([Date.UTC(2026, 10, 1)]);
  });
});
