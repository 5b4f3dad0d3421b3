import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { MonthlyLimit, ReloadAction } from '@core/billing';
import { fitsMonthlyLimit } from '@core/billing';
import { simulateReloads } from '@core/forecast/outcomes';
import { reloadsInSlot, THRESHOLD_EPSILON } from '@core/forecast/reload-steps';

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
  balanceAmount: number;
  thresholdAmount: number;
  action: ReloadAction;
  limit: MonthlyLimit | null;
  monthSoFar: { count: number; micros: number };
  monthStarts: number[];
  countUntil: number;
}

/** The reload rule replayed slot by slot and charge by charge, with no shortcut (the reference). */
function stepByStep(spend: number[], plan: Plan) {
  let balance = plan.balanceAmount;
  let month = { ...plan.monthSoFar };
  let count = 0;
  let chargedAmount = 0;
  let limitReached = false;
  let lowest = balance;
  for (let i = 0; i < plan.countUntil; i++) {
    if (plan.monthStarts.includes(i)) month = { count: 0, micros: 0 };
    balance -= spend[i] as number;
    while (balance < plan.thresholdAmount - THRESHOLD_EPSILON) {
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
      chargedAmount += charge;
    }
    lowest = Math.min(lowest, balance);
  }
  return { count, chargedAmount: chargedAmount, limitReached, lowestBalanceAmount: lowest };
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
            balanceAmount: balance,
            thresholdAmount: threshold,
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
          expect(fast.chargedAmount).toBeCloseTo(slow.chargedAmount, 4);
          expect(fast.lowestBalanceAmount).toBeCloseTo(slow.lowestBalanceAmount, 4);
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
      balanceAmount: 1_001,
      thresholdAmount: 1_000,
      action: { kind: 'restore-to', targetMicros: 1_001e6 },
      limit: null,
      monthSoFar: { count: 0, micros: 0 },
      monthStarts: [],
      countUntil: spend.length,
    });
    expect(r.count).toBe(2_000);
    expect(r.chargedAmount).toBeCloseTo(6_000, 6);
    expect(replays).toHaveBeenCalledTimes(0);
  });
});
