/**
 * What the "Balance and forecast" screen shows for one organization: the ledger's billing settings,
 * the estimated balance with its range, the forecast summary, and the last reconciliation.
 */
import type { BillingConfig } from './billing';
import type { CardSplit } from './card-split';
import type { ForecastSummary } from './forecast/summary';
import type { LotState } from './credit-lots';
import type { BalanceEstimate } from './ledger-estimate';
import type { Reconciliation } from './ledger-reconcile';
import type { LedgerEntry } from './ledger-schema';

export interface LedgerView {
  billing: BillingConfig;
  /** Newest first. */
  entries: LedgerEntry[];
}

export interface MoneyView {
  orgId: string;
  /** The time every figure is computed for (the last successful sync, or now before one). */
  asOfMs: number;
  /** The currency of every amount in this view (ISO 4217). Amounts are micro-units of it. */
  currency: string;
  /**
   * The newest balance the provider's API reported (OpenRouter, DeepSeek), or null where the balance
   * comes from what the user records (OpenAI, Anthropic). The estimate starts from it.
   */
  apiBalance: { atMs: number; balanceMicros: number } | null;
  ledger: LedgerView;
  /** Null until a balance is observed or credit recorded. Monthly/invoiced billing: the credit left. */
  balance: BalanceEstimate | null;
  /** Monthly/invoiced billing: this month's usage split into card charge and credit; null on prepaid. */
  cardSplit?: CardSplit | null;
  /**
   * What the ledger's replay leaves of each credit lot at `asOfMs` (lots used up or expired are absent),
   * in the order they are drawn. The page's credit lots and the forecast start from the same figures.
   */
  lots?: LotState[];
  /** Null when no forecast can be made yet; `forecastNote` says why in words. */
  forecast: ForecastSummary | null;
  forecastNote: string | null;
  /** The reconciliation of the newest observation against what the ledger predicted for it. */
  lastReconciliation: Reconciliation | null;
  /** Days of spend history the forecast could use. */
  historyDays: number;
}
