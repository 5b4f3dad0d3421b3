import { describe, expect, it } from 'vitest';
import { currencySymbol, formatMoney, formatMoneyAmount, formatUsd } from '@core/money';
import { parseMoneyInput } from '@core/money-input';
import { parseEntryForm } from '../../../../renderer/view-models/money-entry-form';
import { billingToFields, parseBillingForm } from '../../../../renderer/view-models/money-billing-form';
import { buildLedgerRows } from '../../../../renderer/view-models/money-ledger';
import { buildBalanceView } from '../../../../renderer/view-models/money-balance';
import type { BalanceEstimate } from '@core/ledger-estimate';

const ZONE = { locale: 'en-US', timeZone: 'UTC' };
const NOW = Date.UTC(2026, 11, 2, 10);

describe('money in its own currency', () => {
  it('formats micro-units to the cent with the currency’s own sign, negatives included', () => {
    expect(formatMoney(1_234_560_000, 'CNY')).toBe('CN¥1,234.56');
    expect(formatMoney(1_234_560_000, 'USD')).toBe('$1,234.56');
    expect(formatMoney(1_234_560_000, 'USD')).toBe(formatUsd(1_234_560_000));
    expect(formatMoney(-2_505_000, 'CNY')).toBe('-CN¥2.51');
    expect(formatMoney(-2_500_000, 'USD')).toBe('-$2.50');
    // Less than half a cent below zero is no debt: never "-CN¥0.00".
    expect(formatMoney(-4_000, 'CNY')).toBe('CN¥0.00');
    expect(formatMoney(5_000_000, 'EUR')).toBe('€5.00');
    expect(formatMoneyAmount(82.9, 'CNY')).toBe('CN¥82.90');
    expect(formatMoneyAmount(-3.5, 'CNY')).toBe('-CN¥3.50');
    expect(currencySymbol('CNY')).toBe('CN¥');
    expect(currencySymbol('USD')).toBe('$');
  });

  it('parses CNY amounts with their sign or code, and refuses dollars in a CNY field', () => {
    const cny = (text: string, extra = {}) =>
      parseMoneyInput(text, { label: 'Amount', currency: 'CNY', ...extra });
    expect(cny('CN¥1,234.5')).toEqual({ ok: true, value: 1_234_500_000 });
    expect(cny('¥12')).toEqual({ ok: true, value: 12_000_000 });
    expect(cny('12 CNY')).toEqual({ ok: true, value: 12_000_000 });
    expect(cny('-¥3.20', { allowNegative: true })).toEqual({ ok: true, value: -3_200_000 });
    expect(cny('$12')).toEqual({
      ok: false,
      error: 'Amount: amounts are in CNY, the currency this account is billed in.',
    });
    expect(cny('12 USD')).toMatchObject({ ok: false });
    expect(cny('')).toEqual({ ok: false, error: 'Amount: enter an amount in CNY.' });
    expect(cny('0')).toEqual({ ok: false, error: 'Amount must be more than CN¥0.' });
    expect(cny('12,50')).toMatchObject({ ok: false, error: expect.stringContaining('use a point') });
    // A CNY amount in a dollar field is refused as well.
    expect(parseMoneyInput('¥12', { label: 'Amount' })).toEqual({
      ok: false,
      error: 'Amount: amounts are in US dollars, the currency this account is billed in.',
    });
  });

  it('reads the ledger and billing forms in the account’s currency', () => {
    const entry = parseEntryForm(
      { kind: 'purchase', amount: '¥100', at: '2026-12-01T09:00', expires: '', note: '' },
      { timeZone: 'UTC', nowMs: NOW, currency: 'CNY' },
    );
    expect(entry).toMatchObject({ ok: true, value: { kind: 'purchase', micros: 100_000_000 } });
    const fields = {
      ...billingToFields({ mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' }),
      reloadEnabled: true,
      threshold: '20',
      actionKind: 'restore-to' as const,
      actionAmount: '10',
    };
    expect(parseBillingForm(fields, 'CNY')).toEqual({
      ok: false,
      errors: { actionAmount: 'The target balance must be above the threshold (CN¥20).' },
    });
  });

  it('lists ledger amounts and the balance estimate in the account’s currency', () => {
    const rows = buildLedgerRows(
      [{ id: 'p', kind: 'purchase', atMs: NOW, micros: 25_000_000, expiresAtMs: null, note: '' }],
      ZONE,
      'CNY',
    );
    expect(rows[0]!.amount).toBe('+CN¥25.00');
    const b: BalanceEstimate = {
      asOfMs: NOW,
      estimateMicros: 191_140_000,
      lowMicros: 191_140_000,
      highMicros: 191_140_000,
      sdMicros: 0,
      basis: { observationId: 'api-1', atMs: NOW - 60_000, balanceMicros: 191_140_000 },
      creditsAddedMicros: 0,
      settledCostMicros: 0,
      provisionalCostMicros: 1_500_000,
      expiredMicros: 0,
      predictedReloads: [],
      missingDays: [],
    };
    const fromApi = buildBalanceView(b, NOW, ZONE, 'prepaid', 'CNY', {
      provider: 'deepseek',
      atMs: NOW - 60_000,
    });
    expect(fromApi.start).toBe('CN¥191.14');
    expect(fromApi.provisional).toBe('−CN¥1.50');
    expect(fromApi.basis).toBe(
      'From the CN¥191.14 the DeepSeek API reported 1 minute ago (Wed 2 Dec, 09:59)',
    );
    const recorded = buildBalanceView(b, NOW, ZONE, 'prepaid', 'CNY', null);
    expect(recorded.basis).toMatch(/^From the CN¥191\.14 you recorded/);
  });
});
