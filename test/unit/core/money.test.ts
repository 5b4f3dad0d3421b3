import { describe, expect, it } from 'vitest';
import { fromMicros, micros, toMicros } from '@core/money';

describe('micro-unit helpers', () => {
  it('checks whole micro-units and converts back to a decimal amount of any currency', () => {
    expect(micros(2_500_000)).toBe(2_500_000);
    expect(() => micros(0.5)).toThrow(/not a whole number of micro-units/);
    expect(() => micros(2 ** 53)).toThrow(/micro-units/);
    expect(fromMicros(2_500_000)).toBe(2.5);
    expect(fromMicros(toMicros('12.30'))).toBe(12.3);
  });
});
