/**
 * What each spend path means before any balance or reload rule is applied: what leaves the balance slot
 * by slot (spend plus credit expiring unused), the credit lost to expiry, the month's spend and when a
 * hard limit would be hit. These depend on the paths, the credit lots, the month end and the limit only,
 * so a what-if that changes the balance or the rule keeps them and walks only the balance again (the
 * crossing and the reloads). Kept, they are the computed values themselves: the forecast is the same.
 *
 * Example: 2,000 paths over a 31-day month are 2,000 × 745 slot drains (~12 MB), kept for the account
 * whose what-if is being typed; each keystroke then runs the crossing and the reloads over them.
 */
import type { ExpiringLot } from './outcomes';
import type { SpendDraws } from './spend-draws';

/** What the walk depends on besides the paths. */
export interface WalkKey {
  /** Remaining credit lots in consumption order. */
  lots: readonly ExpiringLot[];
  /** Slots until the month ends. */
  monthSlots: number;
  /** Spend left before the hard limit is hit (limit minus this month's usage so far), or null. */
  limitGapAmount: number | null;
}

/** The walked paths of one set of draws. */
export interface SpendWalk {
  readonly draws: SpendDraws;
  readonly key: WalkKey;
  /** Path p's drain is `drains[p × slots … (p + 1) × slots)`. */
  readonly drains: Float64Array;
  readonly expired: Float64Array;
  readonly monthSpend: Float64Array;
  readonly limitHit: Float64Array;
}

/** An empty walk for `draws`, to be filled path by path by the forecast. */
export function createSpendWalk(draws: SpendDraws, key: WalkKey): SpendWalk {
  const paths = draws.key.paths;
  return {
    draws,
    key: { ...key, lots: key.lots.map((l) => ({ ...l })) },
    drains: new Float64Array(paths * draws.grid.count),
    expired: new Float64Array(paths),
    monthSpend: new Float64Array(paths),
    limitHit: new Float64Array(paths),
  };
}

/** Path `p`'s drain in the walk (a view, not a copy). */
export function drainOf(walk: SpendWalk, p: number): Float64Array {
  const slots = walk.draws.grid.count;
  return walk.drains.subarray(p * slots, (p + 1) * slots);
}

/** Whether `walk` was made over these very draws for the same lots, month end and limit. */
export function walkFits(walk: SpendWalk, draws: SpendDraws, key: WalkKey): boolean {
  const k = walk.key;
  if (walk.draws !== draws || k.monthSlots !== key.monthSlots) return false;
  if (!Object.is(k.limitGapAmount, key.limitGapAmount) || k.lots.length !== key.lots.length) return false;
  return k.lots.every(
    (l, i) =>
      Object.is(l.remainingAmount, key.lots[i]!.remainingAmount) &&
      Object.is(l.expiresAtMs, key.lots[i]!.expiresAtMs),
  );
}
