import { describe, expect, it } from 'vitest';
import type { BillingConfig } from '@core/billing';
import { reloadRuleProblem } from '@core/reload-rule-check';

const billing = (amountMicros: number): BillingConfig => ({
  mode: 'prepaid',
  hardLimitMicros: null,
  timeZone: 'UTC',
  reload: {
    enabled: true,
    thresholdMicros: 1_000_000e6,
    action: { kind: 'add-fixed', amountMicros },
    monthlyLimit: null,
  },
});

describe('a reload rule that cannot lift the balance', () => {
  it('is named, with the usage and the smallest amount that works', () => {
    expect(reloadRuleProblem(billing(1), 16_000_000)).toBe(
      'A reload of $0.000001 cannot lift the balance over the $1,000,000.00 threshold: the card would be charged again and again. Your usage is about $16.00 an hour. Choose at least $16.00.',
    );
  });
  it('accepts an amount of at least $1 and an hour of usage', () => {
    expect(reloadRuleProblem(billing(16_000_000), 16_000_000)).toBeNull();
    expect(reloadRuleProblem(billing(1_000_000), 0)).toBeNull();
    expect(reloadRuleProblem(billing(999_999), 0)).toMatch(/Choose at least \$1\.00\./);
  });
  it('leaves restore-to rules and no rule alone', () => {
    expect(reloadRuleProblem({ ...billing(1), reload: null }, 1e9)).toBeNull();
  });
});
