import { describe, expect, it } from 'vitest';
import type { BillingConfig } from '@core/billing';
import { parseEntryForm, type EntryFormFields } from '../../../../renderer/view-models/money-entry-form';
import { billingToFields, parseBillingForm } from '../../../../renderer/view-models/money-billing-form';
import { buildWhatIfChange, whatIfDefaults } from '../../../../renderer/view-models/money-what-if';

const NOW = Date.UTC(2026, 10, 24, 16, 0);
const OPTS = { timeZone: 'UTC', nowMs: NOW };
const entry = (patch: Partial<EntryFormFields>): EntryFormFields => ({
  kind: 'observation',
  amount: '42.50',
  at: '2026-11-24T15:00',
  expires: '',
  note: '',
  ...patch,
});
const BILLING: BillingConfig = {
  mode: 'prepaid',
  reload: {
    enabled: true,
    thresholdMicros: 10_000_000,
    action: { kind: 'restore-to', targetMicros: 50_000_000 },
    monthlyLimit: { kind: 'usd', micros: 200_000_000 },
  },
  hardLimitMicros: null,
  timeZone: 'UTC',
};

describe('entry form', () => {
  it('turns a recorded balance (may be negative) into an observation', () => {
    expect(parseEntryForm(entry({ amount: '-1.20', note: ' page ' }), OPTS)).toEqual({
      ok: true,
      value: {
        kind: 'observation',
        atMs: Date.UTC(2026, 10, 24, 15),
        balanceMicros: -1_200_000,
        note: 'page',
      },
    });
  });

  it('needs a grant expiry, lets a purchase default to a year, and orders the dates', () => {
    expect(parseEntryForm(entry({ kind: 'grant' }), OPTS)).toEqual({
      ok: false,
      error: 'Expires: a grant needs its expiry date.',
      field: 'expires',
    });
    const purchase = parseEntryForm(entry({ kind: 'purchase' }), OPTS);
    expect(purchase.ok && purchase.value).toMatchObject({
      kind: 'purchase',
      micros: 42_500_000,
      expiresAtMs: null,
    });
    expect(parseEntryForm(entry({ kind: 'grant', expires: '2026-11-01T00:00' }), OPTS)).toEqual({
      ok: false,
      error: 'Expires: must be after the date the credit was added.',
      field: 'expires',
    });
    expect(
      parseEntryForm(entry({ kind: 'purchase', at: '2026-11-20T00:00', expires: '2026-11-20T00:00' }), OPTS),
    ).toMatchObject({ ok: false, field: 'expires' });
    const grant = parseEntryForm(entry({ kind: 'grant', expires: '2027-01-01T00:00' }), OPTS);
    expect(grant.ok && grant.value).toMatchObject({ kind: 'grant', expiresAtMs: Date.UTC(2027, 0, 1) });
  });

  it('refuses future times, non-positive charges and bad amounts with a message', () => {
    expect(parseEntryForm(entry({ at: '2026-11-25T15:00' }), OPTS)).toEqual({
      ok: false,
      error: 'When: that time is in the future — record what already happened.',
      field: 'at',
    });
    expect(parseEntryForm(entry({ kind: 'purchase', at: '2026-11-25T15:00' }), OPTS)).toMatchObject({
      ok: false,
      field: 'at',
    });
    expect(parseEntryForm(entry({ kind: 'purchase', amount: '1.000,50' }), OPTS)).toEqual({
      ok: false,
      error: 'Amount: use a point for cents (1000.50); a comma only separates thousands (1,250.50).',
      field: 'amount',
    });
    expect(parseEntryForm(entry({ amount: '$1,234.50' }), OPTS)).toMatchObject({
      ok: true,
      value: { balanceMicros: 1_234_500_000 },
    });
    expect(parseEntryForm(entry({ kind: 'card-charge', amount: '0' }), OPTS)).toEqual({
      ok: false,
      error: 'Amount must be more than $0.',
      field: 'amount',
    });
    expect(parseEntryForm(entry({ kind: 'reload', amount: '-5' }), OPTS)).toEqual({
      ok: false,
      error: 'Amount cannot be negative.',
      field: 'amount',
    });
  });
});

describe('billing form', () => {
  it('starts with auto-reload unticked and its amounts empty when none is set: no default is offered as an answer', () => {
    const none: BillingConfig = { ...BILLING, reload: null };
    const fields = billingToFields(none);
    expect(fields).toMatchObject({ reloadEnabled: false, threshold: '', actionAmount: '', limitValue: '' });
    // Saved untouched, the form stores exactly what was there: no rule.
    expect(parseBillingForm(fields)).toEqual({ ok: true, billing: none });
  });

  it('round-trips a stored config through the fields', () => {
    const fields = billingToFields(BILLING);
    expect(fields).toMatchObject({
      threshold: '10',
      actionAmount: '50',
      limitKind: 'usd',
      limitValue: '200',
    });
    expect(parseBillingForm(fields)).toEqual({ ok: true, billing: BILLING });
  });

  it('says at the target field that it must be above the threshold', () => {
    const result = parseBillingForm({ ...billingToFields(BILLING), threshold: '20', actionAmount: '10' });
    expect(result).toEqual({
      ok: false,
      errors: { actionAmount: 'The target balance must be above the threshold ($20).' },
    });
  });

  it('checks the limit, the hard limit and amounts, but not a switched-off rule', () => {
    const base = billingToFields(BILLING);
    const bad = parseBillingForm({
      ...base,
      limitKind: 'count',
      limitValue: '1.5',
      hardLimit: '-3',
      actionAmount: '',
    });
    expect(bad.ok ? null : Object.keys(bad.errors).sort()).toEqual([
      'actionAmount',
      'hardLimit',
      'limitValue',
    ]);
    const off = parseBillingForm({ ...base, reloadEnabled: false, actionAmount: '5' });
    expect(off).toEqual({ ok: true, billing: { ...BILLING, reload: null } });
    const fixed = parseBillingForm({
      ...base,
      actionKind: 'add-fixed',
      actionAmount: '5',
      limitKind: 'none',
    });
    expect(fixed.ok && fixed.billing.reload).toEqual({
      enabled: true,
      thresholdMicros: 10_000_000,
      action: { kind: 'add-fixed', amountMicros: 5_000_000 },
      monthlyLimit: null,
    });
  });
});

describe('what-if change', () => {
  const defaults = whatIfDefaults(BILLING, 64_000_000);
  it('asks for nothing until a figure differs from the saved one', () => {
    expect(defaults).toEqual({ balance: '64', threshold: '10', target: '50' });
    expect(buildWhatIfChange(defaults, defaults, BILLING)).toEqual({ ok: true, change: null, hasRule: true });
  });

  it('sends only what changed: a balance, or a rule built on the saved one', () => {
    expect(buildWhatIfChange({ ...defaults, balance: '30' }, defaults, BILLING)).toEqual({
      ok: true,
      change: { balanceMicros: 30_000_000 },
      hasRule: true,
    });
    const rule = buildWhatIfChange({ ...defaults, threshold: '20', target: '100' }, defaults, BILLING);
    expect(rule.ok && rule.change?.billing?.reload).toEqual({
      ...BILLING.reload,
      thresholdMicros: 20_000_000,
      action: { kind: 'restore-to', targetMicros: 100_000_000 },
    });
    expect(buildWhatIfChange({ ...defaults, target: '5' }, defaults, BILLING)).toEqual({
      ok: false,
      error: 'Target: must be above the threshold.',
    });
  });
});
