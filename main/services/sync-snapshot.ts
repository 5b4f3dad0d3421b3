/**
 * The snapshot a sync leaves behind: month-to-date and today's spend as stored after the sync.
 */
import type { SyncStatus } from '@core/schemas';
import type { SnapshotForecast, SpendSnapshot } from '@core/sync-data';
import { costDayTotal } from '@core/sync-data';
import { DAY_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import type { OrgHistory } from './stores/history-store';

/** Reads this month's stored cost days and summarises them with the sync's outcome. */
/** Balance and forecast figures another service adds to a snapshot (null until a ledger exists). */
export interface SnapshotExtras {
  balanceMicros: number | null;
  forecast: SnapshotForecast | null;
}

export async function snapshotOf(
  history: OrgHistory,
  status: SyncStatus,
  atMs: number,
  extras: SnapshotExtras = { balanceMicros: null, forecast: null },
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
    balanceMicros: extras.balanceMicros,
    forecast: extras.forecast,
  };
}
