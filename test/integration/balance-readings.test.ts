// Balance readings are checked before they become spend: one wrong answer between two good ones adds
// nothing, a real jump is counted once the next reading confirms it, and a step beyond any plausible
// spend is refused with words instead of inflating spend forever.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyTotals } from '@core/spend-history';
import { EMPTY_CURSOR, type SyncCursor } from '@core/sync-plan';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { discardBalanceReadings } from '../../main/services/balance-discard';
import { runBalanceSync } from '../../main/services/balance-sync-run';
import type { BalanceApi, BalanceReading } from '../../main/services/providers/port';
import { openOrgHistory, type OrgHistory } from '../../main/services/stores/history-store';

const START = Date.UTC(2026, 11, 1, 8);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-readings-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

/** An OpenRouter-shaped reading (counters in dollars). */
const openRouter = (credits: number, usage: number): BalanceReading => ({
  currency: 'USD',
  balanceMicros: Math.round((credits - usage) * 1e6),
  creditsMicros: Math.round(credits * 1e6),
  usageMicros: Math.round(usage * 1e6),
  grantedMicros: null,
  toppedUpMicros: null,
});
/** A DeepSeek-shaped reading (a balance only, in yuan). */
const deepSeek = (yuan: number): BalanceReading => ({
  currency: 'CNY',
  balanceMicros: Math.round(yuan * 1e6),
  creditsMicros: null,
  usageMicros: null,
  grantedMicros: null,
  toppedUpMicros: null,
});

/** Polls once an hour, answering `readings` in turn; returns the history, the stored spend and the errors. */
async function poll(
  readings: BalanceReading[],
): Promise<{ history: OrgHistory; spend: number; errors: string[] }> {
  let nowMs = START;
  const history = await openOrgHistory(join(dir, 'history'), { nowMs: () => nowMs });
  let cursor: SyncCursor = EMPTY_CURSOR;
  const errors: string[] = [];
  for (const reading of readings) {
    const api = { balances: async () => [reading] } as unknown as BalanceApi;
    try {
      ({ cursor } = await runBalanceSync({ api, history, cursor, nowMs, currency: null }));
    } catch (err) {
      errors.push((err as Error).message);
    }
    nowMs += HOUR_MS;
  }
  const days = await history.costDays({ startMs: START - DAY_MS, endMs: nowMs + DAY_MS });
  return { history, spend: dailyTotals(days).reduce((a, d) => a + d.micros, 0), errors };
}

describe('balance readings', () => {
  it('OpenRouter: one answer of zero credits and zero usage between two normal ones adds no phantom spend', async () => {
    const { spend, history } = await poll([openRouter(1000, 752), openRouter(0, 0), openRouter(1000, 753)]);
    expect(spend).toBe(1e6);
    expect((await history.balanceLog())?.held ?? null).toBeNull();
  });

  it('DeepSeek: one wrong reading of CNY 5,000 less adds nothing', async () => {
    const { spend, history } = await poll([deepSeek(10_000), deepSeek(5_000), deepSeek(9_990)]);
    expect(spend).toBe(10e6);
    expect((await history.balanceLog())?.topUps).toEqual([]);
  });

  it('a real jump is held once, then counted in full when the next reading confirms it', async () => {
    const first = await poll([deepSeek(10_000), deepSeek(9_000)]);
    expect(first.spend).toBe(0);
    expect((await first.history.balanceLog())?.held?.balanceMicros).toBe(9_000e6);
    await rm(dir, { recursive: true, force: true });
    const { spend } = await poll([deepSeek(10_000), deepSeek(9_000), deepSeek(8_990)]);
    expect(spend).toBe(1_010e6);
  });

  it('holds a counter going backwards and usage above credits until confirmed', async () => {
    const back = await poll([openRouter(100, 50), openRouter(100, 40)]);
    expect((await back.history.balanceLog())?.held?.usageMicros).toBe(40e6);
    await rm(dir, { recursive: true, force: true });
    const above = await poll([openRouter(100, 50), openRouter(100, 150)]);
    expect((await above.history.balanceLog())?.held?.usageMicros).toBe(150e6);
    expect(above.spend).toBe(0);
  });

  it('refuses a confirmed step beyond any plausible spend, and goes on from the new reading', async () => {
    const { spend, errors } = await poll([
      deepSeek(30_000_000),
      deepSeek(1_000),
      deepSeek(999),
      deepSeek(990),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/not plausible; it was not counted as spend/);
    expect(spend).toBe(9e6); // 999 → 990 after the refused step
  });

  it('"discard readings between … and …" removes those readings and the spend read from them', async () => {
    // Readings about a day apart, then late on Dec 2 a wrong fall of 2,000 that the checks let through
    // (a second reading confirmed it), then normal again on Dec 3.
    let nowMs = START;
    const history = await openOrgHistory(join(dir, 'history'), { nowMs: () => nowMs });
    let cursor: SyncCursor = EMPTY_CURSOR;
    const at = (day: number, hour: number) => START + day * DAY_MS + hour * HOUR_MS;
    const readings: Array<[number, number]> = [
      [at(0, 0), 10_000],
      [at(1, 0), 9_990],
      [at(1, 15), 7_980],
      [at(1, 15.5), 7_979],
      [at(2, 0), 7_970],
    ];
    for (const [t, yuan] of readings) {
      nowMs = t;
      const api = { balances: async () => [deepSeek(yuan)] } as unknown as BalanceApi;
      ({ cursor } = await runBalanceSync({ api, history, cursor, nowMs, currency: null }));
    }
    const total = async () =>
      dailyTotals(await history.costDays({ startMs: START - DAY_MS, endMs: nowMs + DAY_MS })).reduce(
        (a, d) => a + d.micros,
        0,
      );
    expect(await total()).toBe(2_030e6);
    const day2 = startOfUtcDay(at(1, 15));
    const r = await discardBalanceReadings(history, day2, day2 + DAY_MS - 1, nowMs);
    expect(r.removedReadings).toBeGreaterThanOrEqual(1);
    expect(r.removedSpendMicros).toBeGreaterThan(2_000e6);
    expect(await total()).toBe(2_030e6 - r.removedSpendMicros);
    const log = await history.balanceLog();
    expect(log?.daily.some((p) => p.atMs >= day2 && p.atMs < day2 + DAY_MS)).toBe(false);
    // The next reading measures from the last kept one, never counting the removed day twice.
    nowMs = at(2, 1);
    const api = { balances: async () => [deepSeek(7_969)] } as unknown as BalanceApi;
    await runBalanceSync({ api, history, cursor, nowMs, currency: null });
    expect(await total()).toBe(2_030e6 - r.removedSpendMicros + 1e6);
  });
});
