/**
 * One sync of an account whose provider reports its balance (OpenRouter, DeepSeek): one request, then the
 * reading is logged and the spend since the previous reading is added to the cost days, spread over the
 * time between the two. Nothing is written until the answer has been read and checked: a suspect reading
 * (a counter going backwards, usage above credits, a jump far above the usual rate) is held until the
 * next one confirms it (see @core/balance-check), and a step beyond any plausible spend is not counted.
 */
import { averageHourly, decideReading, implausibleStep } from '@core/balance-check';
import { EMPTY_BALANCE_LOG, recordReading, type BalanceLog } from '@core/balance-log';
import { stepBetween, type BalancePoint } from '@core/balance-spend';
import { dailyTotals } from '@core/spend-history';
import { isKnownCurrency } from '@core/providers';
import type { CostDay } from '@core/sync-data';
import type { SyncCursor } from '@core/sync-plan';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { ImplausibleAnswerError } from './api-errors';
import type { BalanceApi, BalanceReading } from './providers/port';
import type { OrgHistory } from './stores/history-store';
import type { SyncRunResult } from './sync-run';

import { BALANCE_SPEND_LINE_ITEM } from '@core/balance-line-item';

export { BALANCE_SPEND_LINE_ITEM };

/** The reading in `currency`, or the first one when the account has none yet; refuses unknown currencies. */
export function pickReading(readings: BalanceReading[], currency: string | null): BalanceReading {
  for (const r of readings) {
    if (!isKnownCurrency(r.currency))
      throw new ImplausibleAnswerError(`the balance is in an unknown currency '${r.currency.slice(0, 12)}'`);
  }
  const chosen = currency === null ? readings[0] : readings.find((r) => r.currency === currency);
  if (!chosen) {
    const held = readings.map((r) => r.currency).join(', ') || 'no currency';
    throw new ImplausibleAnswerError(
      `no balance in ${currency ?? 'any currency'} (the answer holds ${held})`,
    );
  }
  return chosen;
}

/** Adds `step` days to the stored cost days of `range` under the balance line item. */
function withSpend(days: CostDay[], add: Array<{ dayStartMs: number; micros: number }>): CostDay[] {
  const byDay = new Map(days.map((d) => [d.dayStartMs, { dayStartMs: d.dayStartMs, rows: [...d.rows] }]));
  for (const { dayStartMs, micros } of add) {
    const day = byDay.get(dayStartMs) ?? { dayStartMs, rows: [] };
    const i = day.rows.findIndex((r) => r.lineItem === BALANCE_SPEND_LINE_ITEM && r.projectId === null);
    if (i >= 0) day.rows[i] = { ...day.rows[i]!, micros: day.rows[i]!.micros + micros };
    else day.rows.push({ projectId: null, lineItem: BALANCE_SPEND_LINE_ITEM, apiKeyId: null, micros });
    byDay.set(dayStartMs, day);
  }
  return [...byDay.values()];
}

/** Reads the balance and stores what it says; throws on any failure (nothing written then). */
export async function runBalanceSync(opts: {
  api: BalanceApi;
  history: OrgHistory;
  cursor: SyncCursor;
  nowMs: number;
  /**
   * The account's currency when known (its provider's or the one recorded with it): it wins over the
   * stored log's, which can be edited by hand; the log is relabelled to it. Unknown: the log's.
   */
  currency: string | null;
}): Promise<SyncRunResult & { currency: string }> {
  const { api, history, cursor, nowMs } = opts;
  const readings = await api.balances();
  const saved = await history.balanceLog();
  const currency = opts.currency ?? saved?.currency ?? null;
  const log = saved && currency && saved.currency !== currency ? { ...saved, currency } : saved;
  const reading = pickReading(readings, currency);
  const point: BalancePoint = {
    atMs: nowMs,
    balanceMicros: reading.balanceMicros,
    creditsMicros: reading.creditsMicros,
    usageMicros: reading.usageMicros,
  };
  const prev = log?.last ?? null;
  if (prev && point.atMs <= prev.atMs) return { cursor, calls: 1, currency: reading.currency };
  const today = startOfUtcDay(nowMs);
  let steps: Array<[BalancePoint, BalancePoint]> = [];
  if (log && prev) {
    const recent = dailyTotals(await history.costDays({ startMs: today - 7 * DAY_MS, endMs: today }));
    const decision = decideReading(prev, log.held ?? null, point, averageHourly(recent));
    if (decision.action === 'hold') {
      await history.saveBalanceLog({ ...log, held: point });
      return { cursor, calls: 1, currency: reading.currency };
    }
    steps = decision.steps;
    const implausible = steps.map(([a, b]) => implausibleStep(a, b)).find((why) => why !== null);
    if (implausible) {
      // The reading becomes the new base, its step uncounted, so the next poll measures from it.
      await history.saveBalanceLog(recordReading(log, point, null));
      throw new ImplausibleAnswerError(`${implausible}; it was not counted as spend`);
    }
  }
  // The log first: a crash between the two writes loses one step of history, never counts it twice.
  let next: BalanceLog = log ?? EMPTY_BALANCE_LOG(reading.currency);
  if (steps.length === 0) next = recordReading(next, point, null);
  for (const [a, b] of steps) next = recordReading(next, b, stepBetween(a, b));
  await history.saveBalanceLog(next);
  const range = { startMs: prev ? startOfUtcDay(prev.atMs) : today, endMs: today + DAY_MS };
  const stored = await history.costDays(range);
  const spendDays = steps.flatMap(([a, b]) => stepBetween(a, b).days);
  await history.putCosts(range, withSpend(stored, spendDays), today);
  return {
    cursor: {
      ...cursor,
      costsSettledThroughMs: today,
      backfillStartMs: cursor.backfillStartMs ?? startOfUtcDay(next.first!.atMs),
      usageFinalThroughMs: null,
    },
    calls: 1,
    currency: reading.currency,
  };
}
