/**
 * What one auto-reload charges the card: the one rule, used by the ledger replay, the forecast, the alerts
 * and each account's answer. Kept free of schemas so the page bundle can quote it.
 *
 * Example: restore-to $50 at $9.20 → $40.80; add-fixed $25 → $25.
 */
import type { Micros } from './money';

/** A reload's action, as the billing settings hold it. */
export type ReloadChargeAction =
  { kind: 'restore-to'; targetMicros: Micros } | { kind: 'add-fixed'; amountMicros: Micros };

/** The card charge of one reload triggered at `balanceMicros`. Example: restore-to $50 at $9.20 → $40.80. */
export function reloadChargeMicros(action: ReloadChargeAction, balanceMicros: Micros): Micros {
  return action.kind === 'restore-to'
    ? Math.max(0, action.targetMicros - balanceMicros)
    : action.amountMicros;
}
