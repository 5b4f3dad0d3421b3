import { describe, expect, it } from 'vitest';
import { microsToInput, parseMoneyInput } from '@core/money-input';
import { parseLocalDateTime, toLocalInputValue } from '../../../../renderer/view-models/money-input';

describe('parseMoneyInput', () => {
  it('reads amounts as people type them, exactly to the micro-dollar', () => {
    expect(parseMoneyInput('$1,234.5', { label: 'Amount' })).toEqual({ ok: true, value: 1_234_500_000 });
    expect(parseMoneyInput(' 12 ', { label: 'Amount' })).toEqual({ ok: true, value: 12_000_000 });
    expect(parseMoneyInput('0.07', { label: 'Amount' })).toEqual({ ok: true, value: 70_000 });
    expect(parseMoneyInput('.5', { label: 'Amount' })).toEqual({ ok: true, value: 500_000 });
    expect(parseMoneyInput('US$ 1,234.50', { label: 'Amount' })).toEqual({ ok: true, value: 1_234_500_000 });
    expect(parseMoneyInput('12.50 USD', { label: 'Amount' })).toEqual({ ok: true, value: 12_500_000 });
    expect(parseMoneyInput('-$1,234.50', { label: 'Balance', allowNegative: true })).toEqual({
      ok: true,
      value: -1_234_500_000,
    });
    expect(parseMoneyInput('-1.20', { label: 'Balance', allowNegative: true })).toEqual({
      ok: true,
      value: -1_200_000,
    });
    expect(parseMoneyInput('−3', { label: 'Balance', allowNegative: true })).toEqual({
      ok: true,
      value: -3_000_000,
    });
  });

  it('says what is wrong with a bad amount, naming the field', () => {
    const error = (text: string, opts = {}) => {
      const r = parseMoneyInput(text, { label: 'Amount', ...opts });
      return r.ok ? null : r.error;
    };
    expect(error('')).toBe('Amount: enter an amount in US dollars.');
    expect(error('ten')).toMatch(/^Amount: "ten" is not a dollar amount/);
    expect(error('12.345')).toBe('Amount: use at most two decimals (cents).');
    expect(error('1,23')).toBe(
      'Amount: use a point for cents (1.23); a comma only separates thousands (1,250.50).',
    );
    expect(error('$1.234,50')).toBe(
      'Amount: use a point for cents (1234.50); a comma only separates thousands (1,250.50).',
    );
    expect(error('€12')).toBe('Amount: amounts are in US dollars, the currency this account is billed in.');
    expect(error('12 EUR')).toBe(
      'Amount: amounts are in US dollars, the currency this account is billed in.',
    );
    expect(error('-$5', { label: 'Amount' })).toBe('Amount cannot be negative.');
    expect(error('-5')).toBe('Amount cannot be negative.');
    expect(error('0')).toBe('Amount must be more than $0.');
    expect(error('0', { allowZero: true })).toBeNull();
    expect(error('99999999999999')).toBe('Amount: that amount is too large.');
  });

  it('writes micro-dollars back as a plain input value', () => {
    expect(microsToInput(12_500_000)).toBe('12.50');
    expect(microsToInput(50_000_000)).toBe('50');
    expect(microsToInput(-1_230_000)).toBe('-1.23');
    expect(microsToInput(0)).toBe('0');
  });
});

describe('local date and time in a zone', () => {
  const AT = Date.UTC(2026, 10, 24, 15, 42);
  it('round-trips a wall time in the user zone to UTC', () => {
    expect(toLocalInputValue(AT, 'America/New_York')).toBe('2026-11-24T10:42');
    expect(toLocalInputValue(AT, 'Asia/Kolkata')).toBe('2026-11-24T21:12');
    expect(parseLocalDateTime('2026-11-24T10:42', 'America/New_York')).toEqual({ ok: true, value: AT });
    expect(parseLocalDateTime('2026-11-24T21:12', 'Asia/Kolkata')).toEqual({ ok: true, value: AT });
    expect(parseLocalDateTime('2026-11-24T15:42', 'UTC')).toEqual({ ok: true, value: AT });
  });

  it('handles a wall time just after a daylight-saving change', () => {
    // 2026-03-08 is the US spring-forward day: 03:30 EDT = 07:30 UTC.
    expect(parseLocalDateTime('2026-03-08T03:30', 'America/New_York')).toEqual({
      ok: true,
      value: Date.UTC(2026, 2, 8, 7, 30),
    });
  });

  it('refuses what is not a date', () => {
    expect(parseLocalDateTime('', 'UTC')).toEqual({ ok: false, error: 'Time: enter a date and time.' });
    expect(parseLocalDateTime('2026-02-30T10:00', 'UTC', 'When')).toEqual({
      ok: false,
      error: 'When: no such date.',
    });
  });
});
