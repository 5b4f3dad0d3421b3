/**
 * Removes the balance readings of a window and the spend read from them (see @core/balance-discard):
 * the log first, then the cost days, so a crash between the two leaves spend without its readings
 * (shown, and removable again), never readings counted twice.
 */
import { daysTouched, discardReadingsFromLog } from '@core/balance-discard';
import type { CostDay } from '@core/sync-data';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { BALANCE_SPEND_LINE_ITEM } from './balance-sync-run';
import type { OrgHistory } from './stores/history-store';

/** What a discard removed. */
export interface DiscardResult {
  removedReadings: number;
  /** Spend read from the balance on the days of the window, removed (micro-units of the account's currency). */
  removedSpendMicros: number;
}

const isBalanceSpend = (r: CostDay['rows'][number]) =>
  r.lineItem === BALANCE_SPEND_LINE_ITEM && r.projectId === null;

/** Discards the readings of `[fromMs, toMs]` and the spend read from them. */
export async function discardBalanceReadings(
  history: OrgHistory,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<DiscardResult> {
  const log = await history.balanceLog();
  if (!log) return { removedReadings: 0, removedSpendMicros: 0 };
  const { log: kept, removed } = discardReadingsFromLog(log, fromMs, toMs);
  await history.saveBalanceLog(kept);
  const window = daysTouched(fromMs, Math.min(toMs, nowMs));
  // Stored through today: the store rewrites its recent days whole, so every one of them is passed on.
  const range = { startMs: window.startMs, endMs: startOfUtcDay(nowMs) + DAY_MS };
  const days = await history.costDays(range);
  let removedSpendMicros = 0;
  const cleaned = days.map((d) => {
    if (d.dayStartMs >= window.endMs) return d;
    for (const r of d.rows) if (isBalanceSpend(r)) removedSpendMicros += r.micros;
    return { ...d, rows: d.rows.filter((r) => !isBalanceSpend(r)) };
  });
  if (removedSpendMicros !== 0) await history.putCosts(range, cleaned, startOfUtcDay(nowMs));
  return { removedReadings: removed, removedSpendMicros };
}
