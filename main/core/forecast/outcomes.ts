/**
 * What one simulated spend path means for the user: when the threshold is crossed, how many reloads and
 * card charges follow, when a hard limit is hit, how much credit expires unused.
 *
 * Example: gap $10 between balance and threshold, $1/hour → crossing 10 hours from now.
 */
import type { MonthlyLimit, ReloadAction } from '../billing';
import { fitsMonthlyLimit } from '../billing';
import { reloadsInSlot, THRESHOLD_EPSILON as THRESHOLD_EPSILON } from './reload-steps';
import { HOUR_MS } from '../time';
import type { SlotGrid } from './paths';
import { MICROS_PER_UNIT } from '../money';

/** Hours from now until cumulative spend reaches `gapUsd` (linear within a slot), or Infinity. */
export function crossingHours(path: Float64Array, grid: SlotGrid, gapAmount: number): number {
  if (gapAmount <= 0) return 0;
  let cum = 0;
  for (let i = 0; i < grid.count; i++) {
    const spend = path[i] as number;
    if (cum + spend >= gapAmount && spend > 0) {
      const at =
        (grid.startMs[i] as number) + ((gapAmount - cum) / spend) * (grid.hours[i] as number) * HOUR_MS;
      return (at - grid.nowMs) / HOUR_MS;
    }
    cum += spend;
  }
  return Infinity;
}

/**
 * The central crossing: hours until the model's median path (level, day and drift factors at their
 * medians of 1, hourly bursts at their mean) spends `gapUsd`. This is the P50: it needs no draws, so it
 * does not move with the seed. Example: gap $10 at an expected $1/hour → 10.
 */
export function centralCrossingHours(
  grid: SlotGrid,
  gapAmount: number,
  lots: readonly ExpiringLot[] = [],
): number {
  if (lots.length === 0) return crossingHours(grid.base, grid, gapAmount);
  // Credit expiring unused along the median path lowers the balance too.
  const drain = new Float64Array(grid.count);
  expiredUnusedAmount(grid.base, grid, lots, drain);
  return crossingHours(drain, grid, gapAmount);
}

/** Cumulative spend over the first `slots` slots. */
export function spendOver(path: Float64Array, slots: number): number {
  let cum = 0;
  for (let i = 0; i < slots; i++) cum += path[i] as number;
  return cum;
}

export interface ReloadPlan {
  balanceAmount: number;
  thresholdAmount: number;
  action: ReloadAction;
  limit: MonthlyLimit | null;
  /** Reloads already made this month (count the limit against them). */
  monthSoFar: { count: number; micros: number };
  /** Slot indices where a new limit month starts (zone-aware), ascending. */
  monthStarts: readonly number[];
  /** Reloads are counted in slots [0, countUntil). */
  countUntil: number;
}

export interface ReloadOutcome {
  count: number;
  chargedAmount: number;
  limitReached: boolean;
  lowestBalanceAmount: number;
}

/** Replays the reload rule along one path; reloads that do not fit the monthly limit do not happen. */
export function simulateReloads(path: Float64Array, plan: ReloadPlan): ReloadOutcome {
  let balance = plan.balanceAmount;
  let monthCount = plan.monthSoFar.count;
  let monthMicros = plan.monthSoFar.micros;
  let next = 0;
  const out: ReloadOutcome = {
    count: 0,
    chargedAmount: 0,
    limitReached: false,
    lowestBalanceAmount: balance,
  };
  const floorAmount = plan.thresholdAmount - THRESHOLD_EPSILON;
  const restoreToAmount =
    plan.action.kind === 'restore-to' ? plan.action.targetMicros / MICROS_PER_UNIT : null;
  const month = { count: 0, micros: 0 };
  for (let i = 0; i < plan.countUntil; i++) {
    if (next < plan.monthStarts.length && plan.monthStarts[next] === i) {
      monthCount = 0;
      monthMicros = 0;
      next++;
    }
    balance -= path[i] as number;
    // Most slots stay above the threshold: no reload step there (this loop runs paths × slots times).
    if (balance >= floorAmount) {
      if (balance < out.lowestBalanceAmount) out.lowestBalanceAmount = balance;
      continue;
    }
    // Restore-to usually lifts the balance back in one charge. A rule just above its threshold reloads
    // nearly every hour of every path, so that one charge is applied here, without a per-slot object:
    // the same arithmetic as the first step of `reloadsInSlot`, taken only when no second step follows.
    if (restoreToAmount !== null) {
      const chargeAmount = restoreToAmount - balance;
      const after = balance + chargeAmount;
      if (after >= floorAmount) {
        const chargeMicros = Math.round(chargeAmount * MICROS_PER_UNIT);
        month.count = monthCount;
        month.micros = monthMicros;
        if (fitsMonthlyLimit(plan.limit, month, chargeMicros)) {
          balance = after;
          monthCount++;
          monthMicros += chargeMicros;
          out.count++;
          out.chargedAmount += chargeAmount;
        } else out.limitReached = true;
        if (balance < out.lowestBalanceAmount) out.lowestBalanceAmount = balance;
        continue;
      }
    }
    // A burst can drain several reloads' worth in one hour; each reload is its own card charge.
    const slot = reloadsInSlot(balance, plan.thresholdAmount, plan.action, plan.limit, {
      count: monthCount,
      micros: monthMicros,
    });
    balance = slot.balanceAmount;
    monthCount += slot.count;
    monthMicros += slot.chargedMicros;
    out.count += slot.count;
    out.chargedAmount += slot.chargedAmount;
    if (slot.limitReached) out.limitReached = true;
    if (balance < out.lowestBalanceAmount) out.lowestBalanceAmount = balance;
  }
  return out;
}

/** A credit lot as the forecast sees it: what is left of it now and when it expires. */
export interface ExpiringLot {
  remainingAmount: number;
  expiresAtMs: number;
}

/**
 * Credit lost to expiry along one path: lots (in consumption order) drain in order, leftovers expire.
 * With `drain`, also writes what leaves the balance in each slot: the slot's spend plus the credit that
 * expired at its start — the series the crossing and the reloads follow, since expired credit lowers
 * the balance as surely as spend does. Example: $50 left in a lot expiring in slot 3 and $1 spent per
 * slot → lost $47; drain = [1, 1, 1, 48, 1, …].
 */
export function expiredUnusedAmount(
  path: Float64Array,
  grid: SlotGrid,
  lots: readonly ExpiringLot[],
  drain?: Float64Array,
  byExpiry: readonly number[] = expiryOrder(lots),
): number {
  drain?.set(path);
  // `byExpiry` walks the lots once, earliest expiry first: a slot looks only at the lots falling due at
  // its start, not at every lot (a ledger can hold thousands, and this runs once per path).
  let due = 0;
  const dueMs = () =>
    due < byExpiry.length ? (lots[byExpiry[due] as number] as ExpiringLot).expiresAtMs : Infinity;
  let nextDueMs = dueMs();
  // Nothing falls due inside the window: nothing is lost and the drain is the spend.
  if (grid.count === 0 || nextDueMs > (grid.startMs[grid.count - 1] as number)) return 0;
  const left = lots.map((l) => l.remainingAmount);
  let head = 0;
  let lost = 0;
  const now: number[] = [];
  for (let i = 0; i < grid.count && head < lots.length; i++) {
    const slotStart = grid.startMs[i] as number;
    // Expire every lot whose expiry has passed before this slot's spend is drawn, in consumption order.
    if (slotStart >= nextDueMs) {
      now.length = 0;
      for (; nextDueMs <= slotStart; nextDueMs = dueMs()) now.push(byExpiry[due++] as number);
      if (now.length > 1) now.sort((a, b) => a - b);
      for (const j of now) {
        if ((left[j] as number) > 0) {
          lost += left[j] as number;
          if (drain) drain[i] = (drain[i] as number) + (left[j] as number);
          left[j] = 0;
        }
      }
    }
    let spend = path[i] as number;
    while (spend > 0 && head < lots.length) {
      const take = Math.min(spend, left[head] as number);
      left[head] = (left[head] as number) - take;
      spend -= take;
      if ((left[head] as number) <= 0) head++;
    }
  }
  return lost;
}

/** Indices of `lots` by expiry, earliest first (ties in consumption order); reuse it across paths. */
export function expiryOrder(lots: readonly ExpiringLot[]): number[] {
  return lots
    .map((_, j) => j)
    .sort((a, b) => (lots[a] as ExpiringLot).expiresAtMs - (lots[b] as ExpiringLot).expiresAtMs || a - b);
}
