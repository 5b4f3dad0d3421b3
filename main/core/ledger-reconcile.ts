/**
 * Reconciliation: every new observed balance is compared with what the ledger predicted for that moment.
 * The drift (observed − estimated) is always shown, with its likely causes.
 *
 * Example: estimate $64 ± $3, observed $104 with a restore-to-$50 rule → drift +$40, cause
 * `unrecorded-purchase` (a purchase or grant of about $40 is missing).
 */
import type { LedgerFile } from './ledger-schema';
import { formatMoney, type Micros } from './money';
import {
  type BalanceEstimate,
  type DailyCost,
  type EstimateOptions,
  estimateBalance,
} from './ledger-estimate';

export type DriftCause =
  | 'missed-reload'
  | 'unrecorded-purchase'
  | 'reload-did-not-happen'
  | 'tax-included-in-purchase'
  | 'unrecorded-expiry'
  | 'costs-not-settled'
  | 'api-top-up'
  | 'api-balance-lower';

export interface Reconciliation {
  observedMicros: Micros;
  estimate: BalanceEstimate;
  driftMicros: Micros;
  /** Drift in standard deviations of the estimate. */
  driftSd: number;
  isConsistent: boolean;
  /** Predicted reloads the observation agrees with (now treated as happened). */
  consistentReloads: BalanceEstimate['predictedReloads'];
  causes: Array<{ cause: DriftCause; message: string }>;
  /** Set when the observation is a balance the provider's API reported (not one the user typed). */
  fromApi?: boolean;
}

/**
 * A reconciliation of a balance the provider's API reported: the API is right by definition, so the
 * difference is explained, not flagged. A rise is credit added on the provider's side (a top-up or a
 * grant); a fall is spend the balance shows before it is counted, or credit that expired.
 *
 * Example: OpenRouter reads $150.00 where the last reading less the spend since gives $100.00 → "OpenRouter
 * reports $50.00 more … credit was added (a top-up or a grant)".
 */
export function explainApiReconciliation(
  rec: Reconciliation,
  providerName: string,
  currency: string,
): Reconciliation {
  const amount = formatMoney(Math.abs(rec.driftMicros), currency);
  const big = Math.abs(rec.driftMicros) > TOLERANCE_MICROS;
  const causes: Reconciliation['causes'] = !big
    ? []
    : rec.driftMicros > 0
      ? [
          {
            cause: 'api-top-up',
            message: `${providerName} reports ${amount} more than the previous reading less the spend since: credit was added (a top-up or a grant).`,
          },
        ]
      : [
          {
            cause: 'api-balance-lower',
            message: `${providerName} reports ${amount} less than the previous reading less the spend since: spend not counted yet, or credit that expired.`,
          },
        ];
  return { ...rec, fromApi: true, isConsistent: true, causes };
}

// Below this, drift is rounding on the billing page (it shows cents) or ordinary cost lag.
const TOLERANCE_MICROS = 50_000;

/** Reconciles an observation against the ledger as it stood before it. */
export function reconcileObservation(
  ledger: LedgerFile,
  costs: readonly DailyCost[],
  observation: { atMs: number; balanceMicros: Micros; id?: string },
  options: EstimateOptions & { currency?: string } = {},
): Reconciliation {
  const before = {
    ...ledger,
    entries: ledger.entries.filter((e) => e.id !== observation.id && e.atMs <= observation.atMs),
  };
  const estimate = estimateBalance(before, costs, observation.atMs, options);
  const drift = observation.balanceMicros - estimate.estimateMicros;
  const sd = Math.max(estimate.sdMicros, 10_000);
  const isConsistent = Math.abs(drift) <= Math.max(2 * sd, TOLERANCE_MICROS);
  const causes: Reconciliation['causes'] = [];
  const usd = (m: number): string => formatMoney(Math.abs(m), options.currency ?? 'USD');
  if (!isConsistent) {
    const rule = ledger.billing.reload;
    const reloadSize = rule
      ? rule.action.kind === 'add-fixed'
        ? rule.action.amountMicros
        : rule.action.targetMicros - rule.thresholdMicros
      : 0;
    if (drift > 0) {
      if (rule?.enabled && Math.abs(drift - reloadSize) <= 0.15 * reloadSize) {
        causes.push({
          cause: 'missed-reload',
          message: `A reload of about ${usd(reloadSize)} seems to have happened without being predicted or recorded.`,
        });
      }
      causes.push({
        cause: 'unrecorded-purchase',
        message: `About ${usd(drift)} more credit than recorded: a purchase or grant may be missing.`,
      });
      if (estimate.provisionalCostMicros > 0) {
        causes.push({
          cause: 'costs-not-settled',
          message:
            "Today's costs are provisional and may have been counted before the billing page shows them.",
        });
      }
    } else {
      const predicted = estimate.predictedReloads.reduce((s, r) => s + r.micros, 0);
      if (predicted > 0 && Math.abs(drift + predicted) <= Math.max(2 * sd, 0.15 * predicted)) {
        causes.push({
          cause: 'reload-did-not-happen',
          message: `The predicted reload(s) of ${usd(predicted)} did not happen (limit reached or card declined?).`,
        });
      }
      const share = estimate.creditsAddedMicros > 0 ? -drift / estimate.creditsAddedMicros : 0;
      if (share >= 0.03 && share <= 0.3) {
        causes.push({
          cause: 'tax-included-in-purchase',
          message: `The shortfall is ${Math.round(share * 100)} % of the credit added: purchases may have been recorded including tax.`,
        });
      }
      causes.push({
        cause: 'unrecorded-expiry',
        message: `About ${usd(drift)} less credit than expected: a grant or purchase may have expired, or a cost is missing.`,
      });
    }
  }
  return {
    observedMicros: observation.balanceMicros,
    estimate,
    driftMicros: drift,
    driftSd: drift / sd,
    isConsistent,
    consistentReloads: isConsistent ? estimate.predictedReloads : [],
    causes,
  };
}
