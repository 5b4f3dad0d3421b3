/**
 * The spend history a balance account gets on first connect, where the provider publishes past spend
 * (OpenRouter `/activity`: the last 30 completed UTC days per model). Spend read from the balance starts
 * at the first reading; the days before that reading's day are filled from the activity, once. A failure
 * here never fails the sync (the balance was read): it is tried again at the next poll.
 */
import type { SyncCursor } from '@core/sync-plan';
import { DAY_MS, startOfUtcDay } from '@core/time';
import type { BalanceApi } from './providers/port';
import type { OrgHistory } from './stores/history-store';

/** Days of past spend the provider publishes (OpenRouter: "the last 30 (completed) UTC days"). */
export const ACTIVITY_DAYS = 30;

/**
 * Fills the days before the first balance reading from the provider's activity, when not done yet.
 * Returns the cursor (its `backfillStartMs` moves back to the first day covered: the mark that it is done)
 * and the requests made (0 or 1).
 *
 * Example: first reading 2026-12-07T10:00Z → days 2026-11-07 … 2026-12-06 stored per model, cursor
 * `backfillStartMs` = 2026-11-07; every later poll makes no request here.
 */
export async function backfillActivity(opts: {
  api: BalanceApi;
  history: OrgHistory;
  cursor: SyncCursor;
  nowMs: number;
  log?(line: string): void;
}): Promise<{ cursor: SyncCursor; calls: number }> {
  const { api, history, cursor, nowMs } = opts;
  if (!api.activity) return { cursor, calls: 0 };
  const first = (await history.balanceLog())?.first;
  if (!first) return { cursor, calls: 0 };
  const endMs = startOfUtcDay(first.atMs);
  const startMs = startOfUtcDay(nowMs) - ACTIVITY_DAYS * DAY_MS;
  if (cursor.backfillStartMs !== null && cursor.backfillStartMs < endMs) return { cursor, calls: 0 };
  // The first reading is older than what the provider still publishes: nothing left to fill.
  if (startMs >= endMs) return { cursor, calls: 0 };
  try {
    const days = (await api.activity()).filter((d) => d.dayStartMs >= startMs && d.dayStartMs < endMs);
    // `putCosts` rewrites the days of its range and the open (unsettled) days: the days from the first
    // reading's on are written back as stored, settled as the balance sync settles them (before today).
    const today = startOfUtcDay(nowMs);
    const kept = await history.costDays({ startMs: endMs, endMs: today + DAY_MS });
    await history.putCosts({ startMs, endMs: today + DAY_MS }, [...days, ...kept], today);
    return { cursor: { ...cursor, backfillStartMs: startMs }, calls: 1 };
  } catch (err) {
    opts.log?.(`spend history from ${api.provider} activity: ${(err as Error).message}`);
    return { cursor, calls: 1 };
  }
}
