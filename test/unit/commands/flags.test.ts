import { describe, expect, it } from 'vitest';
import { parseAmountFlag } from '../../../main/commands/flags';
import { UsageError } from '../../../main/commands/io';
import { parseMoneyInput } from '@core/money-input';

describe('amount flags read money as the page does', () => {
  it('accepts "$700", "1,000.50" and "12 USD" alike', () => {
    expect(parseAmountFlag('balance', '$700')).toBe(700);
    expect(parseAmountFlag('balance', '1,000.50')).toBe(1000.5);
    expect(parseAmountFlag('balance', '12 USD')).toBe(12);
    expect(parseAmountFlag('balance', 'CN¥12.30', { currency: 'CNY' })).toBe(12.3);
  });
  it('agrees with the page field on every amount it accepts', () => {
    for (const text of ['$700', '1,000.50', '12 USD', '0.07', '-3']) {
      const page = parseMoneyInput(text, { label: 'x', allowNegative: true, allowZero: true });
      expect(page.ok && page.value / 1e6).toBe(parseAmountFlag('balance', text));
    }
  });
  it('says what to type, naming the flag', () => {
    expect(() => parseAmountFlag('threshold', '12,50')).toThrow(UsageError);
    expect(() => parseAmountFlag('threshold', '12,50')).toThrow(
      /--threshold: use a point for cents \(12\.50\)/,
    );
    expect(() => parseAmountFlag('threshold', 'abc')).toThrow(/--threshold: "abc" is not a dollar amount/);
    expect(() => parseAmountFlag('threshold', '-1', { min: 0 })).toThrow(/--threshold must be at least 0/);
  });
});
