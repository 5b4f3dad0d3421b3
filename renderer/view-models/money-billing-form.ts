/**
 * The billing settings form: a `BillingConfig` ↔ text fields, with the same rules the server checks
 * (target above threshold, positive amounts) said next to the field that breaks them.
 */
import type { BillingConfig, BillingMode } from '@core/billing';
import { currencySymbol } from '@core/money';
import { microsToInput, parseMoneyInput } from '@core/money-input';

export interface BillingFormFields {
  mode: BillingMode;
  reloadEnabled: boolean;
  threshold: string;
  actionKind: 'restore-to' | 'add-fixed';
  /** Target balance (restore-to) or the fixed amount (add-fixed). */
  actionAmount: string;
  limitKind: 'none' | 'usd' | 'count';
  limitValue: string;
  hardLimit: string;
  timeZone: string;
}

export type BillingFieldErrors = Partial<Record<keyof BillingFormFields, string>>;

/** Form fields showing the stored config; a missing rule shows empty fields, switched off. */
export function billingToFields(b: BillingConfig): BillingFormFields {
  const r = b.reload;
  return {
    mode: b.mode,
    reloadEnabled: r?.enabled ?? false,
    // No rule yet: the fields start empty, so no figure is offered as if the user had said it.
    threshold: r ? microsToInput(r.thresholdMicros) : '',
    actionKind: r?.action.kind ?? 'restore-to',
    actionAmount: r
      ? microsToInput(r.action.kind === 'restore-to' ? r.action.targetMicros : r.action.amountMicros)
      : '',
    limitKind: r?.monthlyLimit?.kind ?? 'none',
    limitValue: !r?.monthlyLimit
      ? ''
      : r.monthlyLimit.kind === 'usd'
        ? microsToInput(r.monthlyLimit.micros)
        : String(r.monthlyLimit.count),
    hardLimit: b.hardLimitMicros === null ? '' : microsToInput(b.hardLimitMicros),
    timeZone: b.timeZone,
  };
}

/**
 * Parses the form into a config, or one message per offending field.
 *
 * Example: threshold "20", restore-to "10" → `{ ok: false, errors: { actionAmount: 'The target balance must be above the threshold ($20).' } }`.
 */
export function parseBillingForm(
  f: BillingFormFields,
  currency = 'USD',
): { ok: true; billing: BillingConfig } | { ok: false; errors: BillingFieldErrors } {
  const errors: BillingFieldErrors = {};
  const hardLimit =
    f.hardLimit.trim() === '' ? null : parseMoneyInput(f.hardLimit, { label: 'The hard limit', currency });
  if (hardLimit && !hardLimit.ok) errors.hardLimit = hardLimit.error;
  const timeZone = f.timeZone.trim() || 'UTC';
  let reload: BillingConfig['reload'] = null;
  // A switched-off rule is still stored (when its figures are valid) so switching it back on restores it.
  const threshold = parseMoneyInput(f.threshold, { label: 'The threshold', allowZero: true, currency });
  const amount = parseMoneyInput(f.actionAmount, {
    label: f.actionKind === 'restore-to' ? 'The target balance' : 'The reload amount',
    currency,
  });
  let limit: NonNullable<BillingConfig['reload']>['monthlyLimit'] = null;
  let limitError: string | null = null;
  if (f.limitKind === 'usd') {
    const l = parseMoneyInput(f.limitValue, { label: 'The monthly limit', currency });
    if (l.ok) limit = { kind: 'usd', micros: l.value };
    else limitError = l.error;
  } else if (f.limitKind === 'count') {
    const n = Number(f.limitValue.trim());
    if (f.limitValue.trim() !== '' && Number.isInteger(n) && n > 0 && n <= 1000)
      limit = { kind: 'count', count: n };
    else limitError = 'The monthly limit: enter a whole number of reloads (1 or more).';
  }
  const ruleErrors: BillingFieldErrors = {};
  if (!threshold.ok) ruleErrors.threshold = threshold.error;
  if (!amount.ok) ruleErrors.actionAmount = amount.error;
  else if (threshold.ok && f.actionKind === 'restore-to' && amount.value <= threshold.value) {
    ruleErrors.actionAmount = `The target balance must be above the threshold (${currencySymbol(currency)}${microsToInput(threshold.value)}).`;
  }
  if (limitError) ruleErrors.limitValue = limitError;
  if (f.mode === 'prepaid' && f.reloadEnabled) Object.assign(errors, ruleErrors);
  if (threshold.ok && amount.ok && Object.keys(ruleErrors).length === 0) {
    reload = {
      enabled: f.reloadEnabled,
      thresholdMicros: threshold.value,
      action:
        f.actionKind === 'restore-to'
          ? { kind: 'restore-to', targetMicros: amount.value }
          : { kind: 'add-fixed', amountMicros: amount.value },
      monthlyLimit: limit,
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    billing: { mode: f.mode, reload, hardLimitMicros: hardLimit?.ok ? hardLimit.value : null, timeZone },
  };
}
