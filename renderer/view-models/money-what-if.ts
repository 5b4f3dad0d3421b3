/**
 * The what-if inputs (balance, threshold, reload target) → the change to ask `money:whatIf` for, or null when
 * nothing differs from the saved figures.
 */
import type { BillingConfig } from '@core/billing';
import type { Micros } from '@core/money';
import { microsToInput, parseMoneyInput } from '@core/money-input';

export interface WhatIfFields {
  balance: string;
  threshold: string;
  /** Restore-to target, or the fixed amount when the saved rule adds a fixed amount. */
  target: string;
}

/** The fields showing the saved figures (a missing rule suggests $10 → $50, OpenAI's usual defaults). */
export function whatIfDefaults(billing: BillingConfig, balanceMicros: Micros | null): WhatIfFields {
  const r = billing.reload;
  return {
    balance: balanceMicros === null ? '' : microsToInput(balanceMicros),
    threshold: microsToInput(r?.thresholdMicros ?? 10_000_000),
    target: microsToInput(
      r ? (r.action.kind === 'restore-to' ? r.action.targetMicros : r.action.amountMicros) : 50_000_000,
    ),
  };
}

export type WhatIfBuild =
  | { ok: true; change: { balanceMicros?: number; billing?: BillingConfig } | null; hasRule: boolean }
  | { ok: false; error: string };

/**
 * Builds the what-if change; only figures that differ from `defaults` are sent.
 *
 * Example: saved rule $10 → $50, fields threshold "20" → `{ billing: { …, reload: { thresholdMicros: 20e6, … } } }`.
 */
export function buildWhatIfChange(
  f: WhatIfFields,
  defaults: WhatIfFields,
  billing: BillingConfig,
  currency = 'USD',
): WhatIfBuild {
  const savedRule = billing.mode === 'prepaid' && billing.reload?.enabled === true;
  const change: { balanceMicros?: number; billing?: BillingConfig } = {};
  if (f.balance.trim() !== defaults.balance.trim()) {
    const b = parseMoneyInput(f.balance, {
      label: 'Balance',
      allowNegative: true,
      allowZero: true,
      currency,
    });
    if (!b.ok) return b;
    change.balanceMicros = b.value;
  }
  const ruleChanged =
    f.threshold.trim() !== defaults.threshold.trim() || f.target.trim() !== defaults.target.trim();
  if (ruleChanged) {
    const t = parseMoneyInput(f.threshold, { label: 'Threshold', allowZero: true, currency });
    if (!t.ok) return t;
    const isFixed = billing.reload?.action.kind === 'add-fixed';
    const a = parseMoneyInput(f.target, { label: isFixed ? 'Reload amount' : 'Target', currency });
    if (!a.ok) return a;
    if (!isFixed && a.value <= t.value) return { ok: false, error: 'Target: must be above the threshold.' };
    change.billing = {
      ...billing,
      mode: 'prepaid',
      reload: {
        enabled: true,
        thresholdMicros: t.value,
        action: isFixed
          ? { kind: 'add-fixed', amountMicros: a.value }
          : { kind: 'restore-to', targetMicros: a.value },
        monthlyLimit: billing.reload?.monthlyLimit ?? null,
      },
    };
  }
  const isEmpty = change.balanceMicros === undefined && change.billing === undefined;
  return { ok: true, change: isEmpty ? null : change, hasRule: ruleChanged || savedRule };
}
