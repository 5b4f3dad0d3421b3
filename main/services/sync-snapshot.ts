/**
 * The snapshot a sync leaves behind: month-to-date and today's spend as stored after the sync.
 */
import type { SyncStatus } from '@core/schemas';
import type { SpendSnapshot } from '@core/sync-data';
import { costDayTotal } from '@core/sync-data';
import { DAY_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import type { OrgHistory } from './stores/history-store';

/** Reads this month's stored cost days and summarises them with the sync's outcome. */
export async function snapshotOf(
  history: OrgHistory,
  status: SyncStatus,
  atMs: number,
): Promise<SpendSnapshot> {
  const todayMs = startOfUtcDay(atMs);
  const days = await history.costDays({ startMs: startOfUtcMonth(atMs), endMs: todayMs + DAY_MS });
  let monthToDateMicros = 0;
  let todayMicros = 0;
  for (const day of days) {
    const total = costDayTotal(day);
    monthToDateMicros += total;
    if (day.dayStartMs === todayMs) todayMicros = total;
  }
  return {
    atMs,
    monthToDateMicros,
    todayMicros,
    state: status.state === 'ok' ? 'ok' : 'error',
    errorKind: status.lastError?.kind ?? null,
    balanceMicros: null,
    forecast: null,
  };
}
