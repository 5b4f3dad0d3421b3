/**
 * Decides what one sync of an organization fetches: which cost days, which usage hours, and whether the
 * project names need a refresh. Pure: the engine passes the cursor it stored and the time.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfUtcDay, startOfUtcHour } from './time';

// Cost buckets keep changing after their UTC day ends (costs arrive with a lag of minutes to hours; OpenAI
// does not publish a bound). We treat a day as settled 24 h after it ends: a steady-state poll then
// re-fetches exactly two buckets (yesterday and today) in one request, and a late correction to
// yesterday is still picked up. Days before that are stored once, in the month file, and never re-fetched.
export const COST_SETTLE_MS = DAY_MS;

// Usage buckets fill as requests finish; an hour that ended more than an hour ago no longer changes
// in practice, so a steady-state poll asks only for the last two hours.
export const USAGE_SETTLE_MS = HOUR_MS;

/** Hourly usage is fetched for today and yesterday (the intraday, provisional picture). */
export const USAGE_WINDOW_DAYS = 2;

/** Project names rarely change: refresh hourly, or sooner when an unknown project id shows up. */
export const PROJECTS_REFRESH_MS = HOUR_MS;
/** An unknown id triggers at most one extra refresh per this interval (deleted projects stay unknown). */
export const PROJECTS_UNKNOWN_REFRESH_MS = 10 * MINUTE_MS;

/** What the engine remembers between syncs (persisted with the sync status). */
export interface SyncCursor {
  /** Cost days starting before this are stored as settled (exclusive end), or null before the backfill. */
  costsSettledThroughMs: number | null;
  /** Earliest day the stored costs cover (the backfill start). */
  backfillStartMs: number | null;
  /** Usage hours starting before this are final. */
  usageFinalThroughMs: number | null;
  projectsFetchedAtMs: number | null;
  /**
   * Days before this have no per-key split: the API refused `api_key_id` for them (OpenAI, some orgs and
   * windows). Absent/null: every stored day has it.
   */
  keylessBeforeMs?: number | null;
}

export const EMPTY_CURSOR: SyncCursor = {
  costsSettledThroughMs: null,
  backfillStartMs: null,
  usageFinalThroughMs: null,
  projectsFetchedAtMs: null,
};

/** A half-open time range `[startMs, endMs)`. */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

export interface SyncPlan {
  /** Daily cost buckets to fetch (whole UTC days). */
  costs: TimeRange;
  /** Hourly usage buckets to fetch (whole UTC hours; the last one is partial). */
  usage: TimeRange;
  refreshProjects: boolean;
  /** Days starting before this are settled once this sync succeeds. */
  settledThroughMs: number;
}

/**
 * Exclusive end of the settled cost days at `nowMs`.
 *
 * Example: at Wed 10:00 UTC, Monday and earlier are settled → Tue 00:00; Tuesday and Wednesday are not.
 */
export function settledThrough(nowMs: number): number {
  return startOfUtcDay(nowMs - COST_SETTLE_MS);
}

/**
 * Plans one sync.
 *
 * Example: first sync at 2026-03-10T10:00Z with 90 backfill days → costs from 2025-12-10 (90 days before
 * today's midnight) to 2026-03-11, usage from 2026-03-09T00:00Z; an hour later, with the cursor stored
 * by that sync → costs 2026-03-09..2026-03-11 (two buckets), usage from 2026-03-10T09:00Z.
 */
export function planSync(cursor: SyncCursor, opts: { nowMs: number; backfillDays: number }): SyncPlan {
  const { nowMs, backfillDays } = opts;
  if (!Number.isInteger(backfillDays) || backfillDays < 1)
    throw new RangeError(`backfillDays must be ≥ 1, got ${backfillDays}`);
  const todayMs = startOfUtcDay(nowMs);
  const wantedStart = todayMs - backfillDays * DAY_MS;
  const settledEnd = settledThrough(nowMs);
  // A larger backfill than before (settings changed) re-fetches from the new start; otherwise start at the
  // first day not yet settled in storage, which after a long pause may be older than yesterday.
  const hasCovered = cursor.backfillStartMs !== null && cursor.backfillStartMs <= wantedStart;
  let costsStart = wantedStart;
  if (hasCovered && cursor.costsSettledThroughMs !== null) {
    costsStart = Math.max(wantedStart, Math.min(cursor.costsSettledThroughMs, settledEnd));
  }
  const usageWindowStart = todayMs - (USAGE_WINDOW_DAYS - 1) * DAY_MS;
  const usageStart = Math.max(usageWindowStart, cursor.usageFinalThroughMs ?? usageWindowStart);
  return {
    costs: { startMs: costsStart, endMs: todayMs + DAY_MS },
    usage: { startMs: Math.min(usageStart, startOfUtcHour(nowMs)), endMs: startOfUtcHour(nowMs) + HOUR_MS },
    refreshProjects:
      cursor.projectsFetchedAtMs === null || nowMs - cursor.projectsFetchedAtMs >= PROJECTS_REFRESH_MS,
    settledThroughMs: settledEnd,
  };
}

/** Whether an unknown project id justifies an extra project-name refresh now. */
export function shouldRefreshForUnknown(cursor: SyncCursor, nowMs: number): boolean {
  return (
    cursor.projectsFetchedAtMs === null || nowMs - cursor.projectsFetchedAtMs >= PROJECTS_UNKNOWN_REFRESH_MS
  );
}

/** The cursor after a successful sync that carried out `plan` at `nowMs`. */
export function advanceCursor(
  cursor: SyncCursor,
  plan: SyncPlan,
  nowMs: number,
  fetchedProjects: boolean,
): SyncCursor {
  const backfillStartMs =
    cursor.backfillStartMs === null
      ? plan.costs.startMs
      : Math.min(cursor.backfillStartMs, plan.costs.startMs);
  return {
    costsSettledThroughMs: plan.settledThroughMs,
    backfillStartMs,
    usageFinalThroughMs: startOfUtcHour(nowMs) - USAGE_SETTLE_MS,
    projectsFetchedAtMs: fetchedProjects ? nowMs : cursor.projectsFetchedAtMs,
    ...(cursor.keylessBeforeMs != null ? { keylessBeforeMs: cursor.keylessBeforeMs } : {}),
  };
}
