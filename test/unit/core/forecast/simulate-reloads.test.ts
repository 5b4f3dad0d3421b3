import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { MonthlyLimit, ReloadAction } from '@core/billing';
import { fitsMonthlyLimit } from '@core/billing';
import { simulateReloads } from '@core/forecast/outcomes';
import { reloadsInSlot, THRESHOLD_EPSILON_USD } from '@core/forecast/reload-steps';

// Counts the charge-by-charge replays of a slot while keeping their behaviour.
vi.mock('@core/forecast/reload-steps', async (original) => {
  const actual = await original<typeof import('@core/forecast/reload-steps')>();
  return { ...actual, reloadsInSlot: vi.fn(actual.reloadsInSlot) };
});
const replays = vi.mocked(reloadsInSlot);
beforeEach(() => {
  replays.mockClear();
});

interface Plan {
  balanceUsd: number;
  thresholdUsd: number;
  action: ReloadAction;
  limit: MonthlyLimit | null;
  monthSoFar: { count: number; micros: number };
  monthStarts: number[];
  countUntil: number;
}

/** The reload rule replayed slot by slot and charge by charge, with no shortcut (the reference). */
function stepByStep(spend: number[], plan: Plan) {
  let balance = plan.balanceUsd;
  let month = { ...plan.monthSoFar };
  let count = 0;
  let chargedUsd = 0;
  let limitReached = false;
  let lowest = balance;
  for (let i = 0; i < plan.countUntil; i++) {
    if (plan.monthStarts.includes(i)) month = { count: 0, micros: 0 };
    balance -= spend[i] as number;
    while (balance < plan.thresholdUsd - THRESHOLD_EPSILON_USD) {
      const charge =
        plan.action.kind === 'restore-to'
          ? plan.action.targetMicros / 1e6 - balance
          : plan.action.amountMicros / 1e6;
      const chargeMicros = Math.round(charge * 1e6);
      if (!fitsMonthlyLimit(plan.limit, month, chargeMicros)) {
        limitReached = true;
        break;
      }
      balance += charge;
      month = { count: month.count + 1, micros: month.micros + chargeMicros };
      count++;
      chargedUsd += charge;
    }
    lowest = Math.min(lowest, balance);
  }
  return { count, chargedUsd, limitReached, lowestBalanceUsd: lowest };
}

describe('reloads along a path', () => {
  it('equal the charge-by-charge replay for every rule, limit and month boundary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30_000_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -20, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        fc.oneof(
          fc
            .integer({ min: 10_000, max: 50_000_000 })
            .map((m) => ({ kind: 'add-fixed', amountMicros: m }) as const),
          // From a dollar-millionth above the threshold up: the rule that reloads almost every hour.
          fc.integer({ min: 0, max: 50_000_000 }).map((m) => ({ kind: 'restore-to', above: m }) as const),
        ),
        fc.option(
          fc.oneof(
            fc.integer({ min: 0, max: 40 }).map((count) => ({ kind: 'count', count }) as const),
            fc.integer({ min: 0, max: 2e9 }).map((micros) => ({ kind: 'usd', micros }) as const),
          ),
        ),
        fc.uniqueArray(fc.integer({ min: 1, max: 59 }), { maxLength: 3 }),
        (spendMicros, balance, threshold, rule, limit, starts) => {
          const action: ReloadAction =
            rule.kind === 'restore-to'
              ? { kind: 'restore-to', targetMicros: threshold * 1e6 + Math.max(1, rule.above) }
              : rule;
          const spend = spendMicros.map((m) => m / 1e6);
          const plan: Plan = {
            balanceUsd: balance,
            thresholdUsd: threshold,
            action,
            limit,
            monthSoFar: { count: 0, micros: 0 },
            monthStarts: [...starts].sort((a, b) => a - b),
            countUntil: spend.length,
          };
          const fast = simulateReloads(Float64Array.from(spend), plan);
          const slow = stepByStep(spend, plan);
          expect(fast.count).toBe(slow.count);
          expect(fast.limitReached).toBe(slow.limitReached);
          expect(fast.chargedUsd).toBeCloseTo(slow.chargedUsd, 4);
          expect(fast.lowestBalanceUsd).toBeCloseTo(slow.lowestBalanceUsd, 4);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('lift a restore-to rule just above its threshold without a charge-by-charge replay', () => {
    // $3 an hour against a rule $1 above its threshold: a reload in every one of 2,000 slots. Each is
    // one charge to the target, applied in the slot's own step (before, a replay object per slot).
    const spend = new Float64Array(2_000).fill(3);
    const r = simulateReloads(spend, {
      balanceUsd: 1_001,
      thresholdUsd: 1_000,
      action: { kind: 'restore-to', targetMicros: 1_001e6 },
      limit: null,
      monthSoFar: { count: 0, micros: 0 },
      monthStarts: [],
      countUntil: spend.length,
    });
    expect(r.count).toBe(2_000);
    expect(r.chargedUsd).toBeCloseTo(6_000, 6);
    expect(replays).toHaveBeenCalledTimes(0);
  });
});
