import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MonthlyLimit, ReloadAction } from '@core/billing';
import { fitsMonthlyLimit } from '@core/billing';
import { forecastSpend } from '@core/forecast/engine';
import { reloadsInSlot, THRESHOLD_EPSILON } from '@core/forecast/reload-steps';
import { createHourlySeries } from '@core/hourly-series';
import { HOUR_MS } from '@core/time';

/** The reload loop one step at a time, without any bound (the reference for small counts). */
function stepwise(balance: number, threshold: number, action: ReloadAction, limit: MonthlyLimit | null) {
  let count = 0;
  let micros = 0;
  let limitReached = false;
  while (balance < threshold - THRESHOLD_EPSILON) {
    const charge =
      action.kind === 'restore-to' ? action.targetMicros / 1e6 - balance : action.amountMicros / 1e6;
    const chargeMicros = Math.round(charge * 1e6);
    if (!fitsMonthlyLimit(limit, { count, micros }, chargeMicros)) {
      limitReached = true;
      break;
    }
    balance += charge;
    count++;
    micros += chargeMicros;
  }
  return { count, chargedMicros: micros, limitReached };
}

describe('reloads in one slot', () => {
  it('needs constant work for a rule that can hardly lift the balance', () => {
    // CPU time of this process, not wall time: other work on a busy machine must not fail the check.
    const started = process.cpuUsage();
    const r = reloadsInSlot(990_000, 1_000_000, { kind: 'add-fixed', amountMicros: 1 }, null, {
      count: 0,
      micros: 0,
    });
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(50);
    expect(r.count).toBe(10_000_000_000);
    expect(r.balanceAmount).toBeGreaterThanOrEqual(1_000_000);
    expect(r.chargedMicros).toBe(10_000_000_000);
  });

  it('stops at the monthly limit in count or USD', () => {
    const action = { kind: 'add-fixed', amountMicros: 1 } as const;
    const byCount = reloadsInSlot(0, 1_000, action, { kind: 'count', count: 500 }, { count: 100, micros: 0 });
    expect(byCount).toMatchObject({ count: 400, limitReached: true });
    const byUsd = reloadsInSlot(0, 1_000, action, { kind: 'usd', micros: 300 }, { count: 0, micros: 100 });
    expect(byUsd).toMatchObject({ count: 200, limitReached: true });
  });

  it('equals the step-by-step replay for every rule and balance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.oneof(
          // At least a cent, so the step-by-step reference stays under ~15,000 steps.
          fc
            .integer({ min: 10_000, max: 50_000_000 })
            .map((m) => ({ kind: 'add-fixed', amountMicros: m }) as const),
          fc
            .integer({ min: 1, max: 50_000_000 })
            .map((m) => ({ kind: 'restore-to', targetMicros: 100e6 + m }) as const),
        ),
        fc.option(
          fc.oneof(
            fc.integer({ min: 0, max: 40 }).map((count) => ({ kind: 'count', count }) as const),
            fc.integer({ min: 0, max: 2e9 }).map((micros) => ({ kind: 'usd', micros }) as const),
          ),
        ),
        (balance, threshold, action, limit) => {
          const fast = reloadsInSlot(balance, threshold, action, limit, { count: 0, micros: 0 });
          const slow = stepwise(balance, threshold, action, limit);
          expect(fast.count).toBe(slow.count);
          expect(fast.limitReached).toBe(slow.limitReached);
          expect(Math.abs(fast.chargedMicros - slow.chargedMicros)).toBeLessThanOrEqual(slow.count);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps a whole forecast quick under a pathological rule (add $0.000001 when below $1,000,000)', () => {
    const now = Date.UTC(2025, 3, 10);
    const usd = Array.from({ length: 14 * 24 }, (_, i) => 1 + 0.5 * Math.sin((2 * Math.PI * i) / 24));
    // CPU time of this process, not wall time: other work on a busy machine must not fail the check.
    const started = process.cpuUsage();
    const r = forecastSpend({
      history: createHourlySeries(now - usd.length * HOUR_MS, usd),
      nowMs: now,
      balanceMicros: 500e6,
      thresholdMicros: 1_000_000e6,
      horizonHours: 168,
      seed: 1,
      paths: 2000,
      reload: {
        enabled: true,
        thresholdMicros: 1_000_000e6,
        action: { kind: 'add-fixed', amountMicros: 1 },
        monthlyLimit: null,
      },
    });
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(2_000);
    expect(r.reloads!.count.p50).toBeGreaterThan(1e9);
  });
});
