/**
 * How much history to keep: snapshots thin out with age (every sync for 48 h, hourly for 90 days, daily
 * forever) and hourly usage is kept for a few weeks. Pure functions of the data and `nowMs`.
 */
import { DAY_MS, HOUR_MS } from './time';

/** From `ageMs` on, keep one point per `stepMs` (0 = keep every point). */
export interface RetentionTier {
  ageMs: number;
  stepMs: number;
}

/** The snapshot policy: all points for 48 h, then hourly up to 90 days, then daily. */
export const SNAPSHOT_TIERS: readonly RetentionTier[] = [
  { ageMs: 0, stepMs: 0 },
  { ageMs: 48 * HOUR_MS, stepMs: HOUR_MS },
  { ageMs: 90 * DAY_MS, stepMs: DAY_MS },
];

/**
 * Days of hourly usage to keep (the intraday picture and recent per-model detail); readers ask for no
 * more than this, since older days have no usage files.
 */
export const USAGE_KEEP_DAYS = 14;

/** Days of daily costs the forecast, the ledger replay and alerts read (the sync's default backfill). */
export const SPEND_HISTORY_DAYS = 90;

/** The step that applies to a point of age `ageMs` (the tier with the largest `ageMs` ≤ age). */
export function stepForAge(ageMs: number, tiers: readonly RetentionTier[] = SNAPSHOT_TIERS): number {
  let step = 0;
  for (const tier of tiers) if (ageMs >= tier.ageMs) step = tier.stepMs;
  return step;
}

/**
 * Thins points by age, keeping the latest point in each UTC-aligned step (the latest is the most complete
 * picture of that hour or day). Input order does not matter; output is sorted by time.
 *
 * Example: at noon, points at 09:05, 09:35 and 09:55 three days ago (hourly tier) → only 09:55 stays.
 */
export function compactSnapshots<T extends { atMs: number }>(
  points: readonly T[],
  nowMs: number,
  tiers: readonly RetentionTier[] = SNAPSHOT_TIERS,
): T[] {
  const sorted = [...points].sort((a, b) => a.atMs - b.atMs);
  const kept: T[] = [];
  const lastKeyIndex = new Map<string, number>();
  for (const point of sorted) {
    const step = stepForAge(nowMs - point.atMs, tiers);
    if (step === 0) {
      kept.push(point);
      continue;
    }
    const key = `${step}:${Math.floor(point.atMs / step)}`;
    const at = lastKeyIndex.get(key);
    if (at === undefined) {
      lastKeyIndex.set(key, kept.length);
      kept.push(point);
    } else {
      kept[at] = point; // sorted ascending, so this one is later
    }
  }
  return kept;
}

/** Whether hourly usage of the UTC day starting at `dayStartMs` has aged out. Example: 15 days old → true. */
export function isUsageDayExpired(dayStartMs: number, nowMs: number, keepDays = USAGE_KEEP_DAYS): boolean {
  return dayStartMs + DAY_MS <= nowMs - keepDays * DAY_MS;
}
