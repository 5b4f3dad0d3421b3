/**
 * The reloads that happen in one slot when the balance is below the threshold — with bounded work
 * whatever the rule. Each reload is its own card charge; a small fixed amount may need many of them to
 * lift the balance back to the threshold (a burst, or a rule such as "add $0.000001 when below
 * $1,000,000"). Up to `STEPPED_RELOADS` they are replayed one by one; beyond that the count is computed
 * directly, so a forecast never spins on a rule that can hardly lift the balance.
 *
 * Example: balance $990,000, threshold $1,000,000, add $0.000001 → 10,000,000,000 reloads charging
 * $10,000 in total, computed in constant time (the replay would take ten billion steps).
 */
import type { MonthlyLimit, ReloadAction } from '../billing';
import { fitsMonthlyLimit } from '../billing';
import { MICROS_PER_UNIT } from '../money';

/**
 * Float noise below a thousandth of a micro-dollar never counts as "below the threshold": adding $0.01
 * 4,400 times reaches $44 exactly, not $43.9999999999 and one more card charge.
 */
export const THRESHOLD_EPSILON = 1e-9;

/** Reloads replayed one at a time before the count is computed directly. */
export const STEPPED_RELOADS = 4;

export interface SlotReloads {
  balanceAmount: number;
  count: number;
  chargedAmount: number;
  chargedMicros: number;
  limitReached: boolean;
}

/** Applies the rule at one slot's end: reloads while below the threshold and within the monthly limit. */
export function reloadsInSlot(
  balanceAmount: number,
  thresholdAmount: number,
  action: ReloadAction,
  limit: MonthlyLimit | null,
  month: { count: number; micros: number },
): SlotReloads {
  const out: SlotReloads = {
    balanceAmount: balanceAmount,
    count: 0,
    chargedAmount: 0,
    chargedMicros: 0,
    limitReached: false,
  };
  // What this limit month has used so far, kept in one object rather than rebuilt at each step.
  const used = { count: month.count, micros: month.micros };
  for (let step = 0; out.balanceAmount < thresholdAmount - THRESHOLD_EPSILON; step++) {
    const chargeAmount =
      action.kind === 'restore-to'
        ? action.targetMicros / MICROS_PER_UNIT - out.balanceAmount
        : action.amountMicros / MICROS_PER_UNIT;
    const chargeMicros = Math.round(chargeAmount * MICROS_PER_UNIT);
    if (step >= STEPPED_RELOADS && action.kind === 'add-fixed')
      return bulk(out, thresholdAmount, chargeMicros, limit, used);
    if (!fitsMonthlyLimit(limit, used, chargeMicros)) {
      out.limitReached = true;
      break;
    }
    out.balanceAmount += chargeAmount;
    out.count++;
    out.chargedAmount += chargeAmount;
    out.chargedMicros += chargeMicros;
    used.count++;
    used.micros += chargeMicros;
  }
  return out;
}

/** The remaining fixed-amount reloads of a slot at once: as many as lift the balance, within the limit. */
function bulk(
  out: SlotReloads,
  thresholdAmount: number,
  amountMicros: number,
  limit: MonthlyLimit | null,
  used: { count: number; micros: number },
): SlotReloads {
  const needed = Math.max(
    1,
    Math.ceil(((thresholdAmount - THRESHOLD_EPSILON - out.balanceAmount) * MICROS_PER_UNIT) / amountMicros),
  );
  const allowed =
    limit === null
      ? Infinity
      : limit.kind === 'count'
        ? Math.max(0, limit.count - used.count)
        : Math.max(0, Math.floor((limit.micros - used.micros) / amountMicros));
  const n = Math.min(needed, allowed);
  out.balanceAmount += (n * amountMicros) / MICROS_PER_UNIT;
  out.count += n;
  out.chargedAmount += (n * amountMicros) / MICROS_PER_UNIT;
  out.chargedMicros += n * amountMicros;
  out.limitReached = n < needed;
  return out;
}
