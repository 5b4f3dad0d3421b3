/**
 * The three questions after an organization is added — how it pays, its auto-reload rule as the billing page
 * words it, the balance the billing page shows now — parsed into billing settings and a recorded balance, with
 * one message per field that needs fixing (nothing is saved until all are right).
 */
import type { BillingConfig, BillingMode } from '@core/billing';
import type { Micros } from '@core/money';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import { BILLING_PAGES } from './figure-source';
import { billingToFields, parseBillingForm } from './money-billing-form';
import { parseMoneyInput } from '@core/money-input';

export interface OnboardingFields {
  /** Null until the user picks one: the question is asked, not answered for them. */
  mode: BillingMode | null;
  reloadOn: boolean;
  /** "When your credit balance goes below $…" */
  below: string;
  /** "…bring it back up to $…" */
  upTo: string;
  /** The balance the billing page shows now (prepaid). */
  balance: string;
}

export type OnboardingErrors = Partial<Record<keyof OnboardingFields, string>>;

/**
 * Empty answers: no way of paying chosen, auto-reload unticked with no amounts, so nothing is saved that the
 * user did not say.
 */
export const ONBOARDING_DEFAULTS: OnboardingFields = {
  mode: null,
  reloadOn: false,
  below: '',
  upTo: '',
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
  options: {
    /** The account's currency: amounts are typed in it. */
    currency?: string;
    /** False where the provider's API reports the balance (nothing to copy from a billing page). */
    asksBalance?: boolean;
    /** False where the account is prepaid by nature (the provider reports its balance); default: `asksBalance`. */
    asksMode?: boolean;
  } = {},
):
  | { ok: true; billing: BillingConfig; balanceMicros: Micros | null }
  | { ok: false; errors: OnboardingErrors } {
  const currency = options.currency ?? 'USD';
  const asksBalance = options.asksBalance ?? true;
  const asksMode = options.asksMode ?? asksBalance;
  // Unanswered, the other answers are still checked (as if prepaid) so every message shows at once.
  const mode: BillingMode = f.mode ?? 'prepaid';
  const base = billingToFields({ mode, reload: null, hardLimitMicros: null, timeZone: 'UTC' });
  const parsed = parseBillingForm(
    {
      ...base,
      mode,
      reloadEnabled: mode === 'prepaid' && f.reloadOn,
      threshold: f.below,
      actionKind: 'restore-to',
      actionAmount: f.upTo,
    },
    currency,
  );
  const errors: OnboardingErrors = {};
  if (f.mode === null && asksMode) errors.mode = 'Choose how this account pays.';
  if (!parsed.ok) {
    if (parsed.errors.threshold) errors.below = parsed.errors.threshold;
    if (parsed.errors.actionAmount) errors.upTo = parsed.errors.actionAmount;
  }
  let balanceMicros: Micros | null = null;
  if (mode === 'prepaid' && asksBalance) {
    const b = parseMoneyInput(f.balance, {
      label: 'The balance',
      allowZero: true,
      allowNegative: true,
      currency,
    });
    if (b.ok) balanceMicros = b.value;
    else errors.balance = b.error;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const billing = mode === 'prepaid' && !f.reloadOn ? { ...parsed.billing, reload: null } : parsed.billing;
  return { ok: true, billing, balanceMicros };
}

/** What the questions say for one provider. */
export interface OnboardingWords {
  /** "Three questions about Acme" / "One question about DeepSeek". */
  title: string;
  intro: string;
  /** The billing page to answer from, or null when the API reports the balance. */
  billingUrl: string | null;
  asksMode: boolean;
  asksBalance: boolean;
  currency: string;
}

/**
 * The questions' words for an account of `provider` named `name`.
 *
 * Example: `onboardingWords('deepseek', 'DeepSeek', 'CNY')` → one question (the auto-reload rule, in CNY),
 * intro "The DeepSeek API reports the balance …"; `onboardingWords('anthropic', 'Claude team', 'USD')` → three
 * questions answered from the Anthropic billing page.
 */
export function onboardingWords(provider: ProviderId, name: string, currency: string): OnboardingWords {
  const p = PROVIDERS[provider];
  if (p.source === 'balance')
    return {
      title: `One question about ${name}`,
      intro: `The ${p.name} API reports the balance, so Creditwatch reads it at every sync. Only the auto-reload (top-up) rule, if you set one, is not in the API.`,
      billingUrl: null,
      asksMode: false,
      asksBalance: false,
      currency,
    };
  return {
    title: `Three questions about ${name}`,
    intro: `${p.name}’s API does not say how you pay or how much credit is left; your billing page does. Answer from it once and Creditwatch keeps the figures up to date from your costs.`,
    billingUrl: BILLING_PAGES[provider] ?? null,
    asksMode: true,
    asksBalance: true,
    currency,
  };
}
