/**
 * A what-if shown in place: the org's balance view with the what-if's balance, billing settings and forecast,
 * so the headline figures and the balance chart move with it (marked "what-if, not saved"). Nothing is saved.
 */
import type { BillingConfig } from '@core/billing';
import type { ForecastSummary } from '@core/forecast/summary';
import type { MoneyView } from '@core/money-view';

export interface WhatIfPreview {
  forecast: ForecastSummary;
  balanceMicros?: number;
  billing?: BillingConfig;
}

/**
 * The view as the what-if would have it; the saved view when there is none.
 *
 * Example: saved estimate $675.54, what-if balance $100 → the shown estimate is exactly $100.00 (a typed
 * balance has no range), with the what-if's forecast.
 */
export function applyWhatIf(money: MoneyView, preview: WhatIfPreview | null): MoneyView {
  if (!preview) return money;
  const b = money.balance;
  const balance =
    preview.balanceMicros === undefined
      ? b
      : {
          ...(b ?? {
            asOfMs: money.asOfMs,
            basis: { observationId: null, atMs: money.asOfMs, balanceMicros: preview.balanceMicros },
            sdMicros: 0,
            creditsAddedMicros: 0,
            settledCostMicros: 0,
            provisionalCostMicros: 0,
            expiredMicros: 0,
            predictedReloads: [],
            missingDays: [],
          }),
          estimateMicros: preview.balanceMicros,
          lowMicros: preview.balanceMicros,
          highMicros: preview.balanceMicros,
        };
  return {
    ...money,
    balance,
    forecast: preview.forecast,
    ledger: preview.billing ? { ...money.ledger, billing: preview.billing } : money.ledger,
  };
}
