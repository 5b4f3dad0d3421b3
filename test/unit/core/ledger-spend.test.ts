import { describe, expect, it } from 'vitest';
import { spendSlices } from '@core/ledger-spend';
import { DAY_MS, HOUR_MS } from '@core/time';

const DAY = Date.UTC(2026, 11, 6);

describe('spendSlices', () => {
  it('shares a day with a fractional amount out in whole micro-units that sum to it, rounded', () => {
    const slices = spendSlices([{ dayStartMs: DAY, micros: 7_699_999.999999999 }], DAY, DAY + DAY_MS);
    expect(slices).toHaveLength(24);
    expect(slices.every((s) => Number.isInteger(s.micros))).toBe(true);
    expect(slices.reduce((sum, s) => sum + s.micros, 0)).toBe(7_700_000);
  });

  it('ends the last slice at now, mid-hour', () => {
    const now = DAY + 5 * HOUR_MS + HOUR_MS / 2;
    const slices = spendSlices([], DAY, now, { nowcastMicros: 5_500_000 });
    expect(slices.at(-1)!.endMs).toBe(now);
    expect(slices.reduce((sum, s) => sum + s.micros, 0)).toBe(5_500_000);
  });
});
