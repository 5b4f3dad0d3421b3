import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountFormatError, decimalToMicros } from '@core/decimal-amount';

describe('decimalToMicros', () => {
  it('reads whole units and cents exactly', () => {
    expect(decimalToMicros('110.00', 0)).toBe(110_000_000);
    expect(decimalToMicros('123.4567', -2)).toBe(1_234_567);
    expect(decimalToMicros('0.00005', -2)).toBe(1);
    expect(decimalToMicros('0.000049', -2)).toBe(0);
    expect(decimalToMicros('-12.5', 0)).toBe(-12_500_000);
    expect(decimalToMicros('.5', 0)).toBe(500_000);
    expect(decimalToMicros('7', -2)).toBe(70_000);
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', ' ', 'abc', '1,000.00', '1e3', 'NaN', '12.3.4', '$5', '--1'])
      expect(() => decimalToMicros(bad, 0)).toThrow(AmountFormatError);
  });

  it('agrees with integer arithmetic on cents (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 9999 }),
        (cents, tenThousandths) => {
          const text = `${cents}.${String(tenThousandths).padStart(4, '0')}`;
          // cents.tttt → micros = cents × 10,000 + tttt
          expect(decimalToMicros(text, -2)).toBe(cents * 10_000 + tenThousandths);
        },
      ),
    );
  });
});
