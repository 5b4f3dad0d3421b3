/**
 * "Discard readings between … and …": the balance readings taken in a window are removed from the log,
 * with the spend read from them (the balance line item of the UTC days the window touches). When the
 * newest reading is among them, the next reading starts afresh (it measures no step), so nothing is
 * counted twice; spend between the last kept reading and the window is then not counted.
 *
 * Example: readings at 09:00, 10:00 and 11:00 on Dec 3, window Dec 3 00:00–24:00 → all three removed,
 * Dec 3's spend read from the balance removed.
 */
import type { BalanceLog } from './balance-log';
import { DAY_MS, startOfUtcDay } from './time';

/** The log without the readings of `[fromMs, toMs]`, and how many were removed. */
export function discardReadingsFromLog(
  log: BalanceLog,
  fromMs: number,
  toMs: number,
): { log: BalanceLog; removed: number } {
  const inside = (atMs: number) => atMs >= fromMs && atMs <= toMs;
  const daily = log.daily.filter((p) => !inside(p.atMs));
  const lastGone = log.last !== null && inside(log.last.atMs);
  const heldGone = log.held != null && inside(log.held.atMs);
  const removed =
    log.daily.length -
    daily.length +
    (lastGone && !log.daily.some((p) => p.atMs === log.last!.atMs) ? 1 : 0) +
    (heldGone ? 1 : 0);
  return {
    log: {
      ...log,
      daily,
      last: lastGone ? null : log.last,
      held: heldGone ? null : (log.held ?? null),
      topUps: log.topUps.filter((t) => !inside(t.atMs)),
    },
    removed,
  };
}

/** The UTC days `[fromMs, toMs]` touches, as a range of whole days. */
export function daysTouched(fromMs: number, toMs: number): { startMs: number; endMs: number } {
  return { startMs: startOfUtcDay(fromMs), endMs: startOfUtcDay(toMs) + DAY_MS };
}
