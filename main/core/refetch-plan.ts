/**
 * Re-fetchable data that was lost (a damaged cost or usage file set aside) comes back by itself: the
 * sync cursor is moved back to the start of the lost range, so the next sync fetches it again.
 *
 * Example: cursor settled through 2026-11-23, the file of November 2026 lost →
 * `costsSettledThroughMs` = 2026-11-01 (the next sync fetches costs from Nov 1 — or from the backfill
 * start, if later — to today).
 */
import type { SyncCursor, TimeRange } from './sync-plan';

/** What was lost, by kind. */
export interface LostRanges {
  costs: TimeRange[];
  usage: TimeRange[];
}

/** The cursor moved back so that every lost range is fetched again (unchanged when nothing was lost). */
export function rewindCursor(cursor: SyncCursor, lost: LostRanges): SyncCursor {
  const earliest = (ranges: TimeRange[]) => Math.min(...ranges.map((r) => r.startMs));
  let next = cursor;
  if (lost.costs.length && cursor.costsSettledThroughMs !== null)
    next = { ...next, costsSettledThroughMs: Math.min(cursor.costsSettledThroughMs, earliest(lost.costs)) };
  if (lost.usage.length && cursor.usageFinalThroughMs !== null)
    next = { ...next, usageFinalThroughMs: Math.min(cursor.usageFinalThroughMs, earliest(lost.usage)) };
  return next;
}
