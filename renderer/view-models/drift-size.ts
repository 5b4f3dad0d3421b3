/**
 * How much a drift matters: a difference a person would shrug at (a few dollars of tax, costs not yet
 * settled) is not an alarm. Small = at most $25 or 5 % of the recorded balance, whichever is larger.
 *
 * Example: recorded $200.00, drift +$14.99 → 'small' (limit $25.00); recorded $200, drift −$80 → 'large';
 * a drift within the estimate's range → 'none'.
 */
import type { Reconciliation } from '@core/ledger-reconcile';

export type DriftSize = 'none' | 'small' | 'large';

const SMALL_FLOOR_MICROS = 25_000_000;
const SMALL_SHARE = 0.05;

/** The size class of a reconciliation's drift. */
export function driftSize(
  r: Pick<Reconciliation, 'driftMicros' | 'observedMicros' | 'isConsistent'>,
): DriftSize {
  if (r.isConsistent) return 'none';
  const limit = Math.max(SMALL_FLOOR_MICROS, Math.abs(r.observedMicros) * SMALL_SHARE);
  return Math.abs(r.driftMicros) <= limit ? 'small' : 'large';
}
