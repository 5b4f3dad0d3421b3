/**
 * The three questions after an organization is added — how it pays, its auto-reload rule as the billing page
 * words it, the balance the billing page shows now — parsed into billing settings and a recorded balance, with
 * one message per field that needs fixing (nothing is saved until all are right).
 */
import type { BillingConfig, BillingMode } from '@core/billing';
import type { Micros } from '@core/money';
import { billingToFields, parseBillingForm } from './money-billing-form';
import { parseUsdInput } from './money-input';

export interface OnboardingFields {
  mode: BillingMode;
  reloadOn: boolean;
  /** "When your credit balance goes below $…" */
  below: string;
  /** "…bring it back up to $…" */
  upTo: string;
  /** The balance the billing page shows now (prepaid). */
  balance: string;
}

export type OnboardingErrors = Partial<Record<keyof OnboardingFields, string>>;

export const ONBOARDING_DEFAULTS: OnboardingFields = {
  mode: 'prepaid',
  reloadOn: true,
  below: '10',
  upTo: '50',
  balance: '',
};

/**
 * Parses the answers.
 *
 * Example: prepaid, reload on, below "$10", up to "50", balance "$1,234.50" → billing with a restore-to
 * rule ($10 → $50) and a balance of 1_234_500_000 µ$; up to "5" → `{ upTo: 'The target balance must be above
 * the threshold ($10).' }`.
 */
export function parseOnboarding(
  f: OnboardingFields,
):
  | { ok: true; billing: BillingConfig; balanceMicros: Micros | null }
  | { ok: false; errors: OnboardingErrors } {
  const base = billingToFields({ mode: f.mode, reload: null, hardLimitMicros: null, timeZone: 'UTC' });
  const parsed = parseBillingForm({
    ...base,
    mode: f.mode,
    reloadEnabled: f.mode === 'prepaid' && f.reloadOn,
    threshold: f.below,
    actionKind: 'restore-to',
    actionAmount: f.upTo,
  });
  const errors: OnboardingErrors = {};
  if (!parsed.ok) {
    if (parsed.errors.threshold) errors.below = parsed.errors.threshold;
    if (parsed.errors.actionAmount) errors.upTo = parsed.errors.actionAmount;
  }
  let balanceMicros: Micros | null = null;
  if (f.mode === 'prepaid') {
    const b = parseUsdInput(f.balance, { label: 'The balance', allowZero: true, allowNegative: true });
    if (b.ok) balanceMicros = b.value;
    else errors.balance = b.error;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const billing = f.mode === 'prepaid' && !f.reloadOn ? { ...parsed.billing, reload: null } : parsed.billing;
  return { ok: true, billing, balanceMicros };
}
