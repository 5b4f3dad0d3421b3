import { describe, expect, it } from 'vitest';
import { keyLimitWords, type KeyLimit } from '@core/spend-limits';

const base: KeyLimit = {
  limitMicros: 50_000_000,
  remainingMicros: 12_500_000,
  reset: 'monthly',
  usageMicros: 37_500_000,
  isFreeTier: false,
};

describe('keyLimitWords', () => {
  it('names the limit, its period and what is left of it', () => {
    expect(keyLimitWords(base)).toBe('Key credit limit: $50.00 each month, $12.50 left this month');
    expect(keyLimitWords({ ...base, reset: 'daily' })).toBe(
      'Key credit limit: $50.00 each day, $12.50 left today',
    );
    expect(keyLimitWords({ ...base, reset: 'weekly' })).toBe(
      'Key credit limit: $50.00 each week, $12.50 left this week',
    );
  });

  it('a limit that never resets, one without a remaining figure, none, and not read yet', () => {
    expect(keyLimitWords({ ...base, reset: null })).toBe('Key credit limit: $50.00, $12.50 left');
    expect(keyLimitWords({ ...base, remainingMicros: null })).toBe('Key credit limit: $50.00 each month');
    expect(keyLimitWords({ ...base, limitMicros: null, remainingMicros: null, reset: null })).toBe(
      'Key credit limit: none set',
    );
    expect(keyLimitWords(undefined)).toBe('Key credit limit: not read yet');
  });
});
