// A what-if walks the balance again over the spend paths the saved view drew at the same instant. Whatever
// the rule, the balance or the billing settings, its result must be exactly what the what-if computed
// from nothing gives; draws made for other data, another instant or another seed must not be taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillingConfig } from '@core/billing';
import { forecastSpend, forecastSteps, type ForecastInput } from '@core/forecast/engine';
import type { DrawsMemo, SpendDraws } from '@core/forecast/spend-draws';
import type { SpendWalk } from '@core/forecast/spend-walk';
import { createHourlySeries } from '@core/hourly-series';
import { LedgerFileSchema, type LedgerEntry } from '@core/ledger-schema';
import {
  computeMoneyView,
  computeWhatIf,
  moneyViewSteps,
  whatIfSteps,
  type MoneyInputs,
  type MoneyOverrides,
} from '@core/money-compute';
import { createRandom } from '@core/random';
import { runAllSteps } from '@core/steps';
import type { CostDay } from '@core/sync-data';
import { DAY_MS, HOUR_MS } from '@core/time';

// Mid-afternoon, ten days before the month ends; 45 days of uneven spend ($5–$60 a day).
const NOW = Date.UTC(2026, 10, 20, 15, 20, 13);
const TODAY = Date.UTC(2026, 10, 20);
const START = TODAY - 45 * DAY_MS;

function costDays(seed: number, days = 46): CostDay[] {
  const random = createRandom(seed);
  return Array.from({ length: days }, (_, i) => ({
    dayStartMs: START + i * DAY_MS,
    rows: [{ projectId: 'proj_a', lineItem: 'gpt-4o, input', micros: Math.round((5 + random() * 55) * 1e6) }],
  }));
}

const ENTRIES: LedgerEntry[] = [
  { id: 'buy-1', kind: 'purchase', atMs: START, micros: 300e6, expiresAtMs: null, note: '' },
  // Promotional credit that expires before the month ends: the paths drain it, then it lapses.
  {
    id: 'grant-1',
    kind: 'grant',
    atMs: TODAY - 3 * DAY_MS,
    micros: 80e6,
    expiresAtMs: NOW + 4 * DAY_MS,
    note: '',
  },
  { id: 'obs-1', kind: 'observation', atMs: TODAY - DAY_MS, balanceMicros: 260e6, note: '' },
];
const SAVED: BillingConfig = {
  mode: 'prepaid',
  reload: {
    enabled: true,
    thresholdMicros: 20e6,
    action: { kind: 'restore-to', targetMicros: 100e6 },
    monthlyLimit: null,
  },
  hardLimitMicros: null,
  timeZone: 'UTC',
};

const inputs = (over: Partial<MoneyInputs> = {}): MoneyInputs => ({
  orgId: 'org_testorg001',
  nowMs: NOW,
  ledger: LedgerFileSchema.parse({ version: 1, entries: ENTRIES, billing: SAVED }),
  provider: 'openai',
  costDays: costDays(1),
  usage: [],
  historyStartMs: START,
  ...over,
});

/**
 * A memo that counts how often a forecast offered it new draws (once per drawing from nothing) and, when it
 * keeps walks, new walks (once per walking the paths again without a balance or rule).
 */
function countingMemo(keepsWalks = false): DrawsMemo & { sets: number; walkSets: number } {
  let kept: SpendDraws | null = null;
  let walk: SpendWalk | null = null;
  const memo: DrawsMemo & { sets: number; walkSets: number } = {
    sets: 0,
    walkSets: 0,
    get: () => kept,
    set(draws) {
      kept = draws;
      memo.sets++;
    },
  };
  if (keepsWalks)
    memo.walks = {
      get: () => walk,
      set(w) {
        walk = w;
        memo.walkSets++;
      },
    };
  return memo;
}

const amount = (min: number, max: number) => fc.integer({ min, max }).map((units) => units * 1e6);

const ruleArb = fc
  .record({
    enabled: fc.boolean(),
    thresholdMicros: amount(0, 300),
    isFixed: fc.boolean(),
    step: amount(1, 400),
    monthlyLimit: fc.oneof(
      fc.constant(null),
      amount(0, 900).map((micros) => ({ kind: 'usd' as const, micros })),
      fc.integer({ min: 0, max: 6 }).map((count) => ({ kind: 'count' as const, count })),
    ),
  })
  .map(({ isFixed, step, thresholdMicros, ...r }) => ({
    ...r,
    thresholdMicros,
    action: isFixed
      ? { kind: 'add-fixed' as const, amountMicros: step }
      : { kind: 'restore-to' as const, targetMicros: thresholdMicros + step },
  }));

const overridesArb: fc.Arbitrary<MoneyOverrides> = fc.record(
  {
    balanceMicros: amount(-50, 1500),
    billing: fc.record({
      mode: fc.constantFrom('prepaid' as const, 'monthly' as const, 'invoiced' as const),
      reload: fc.option(ruleArb, { nil: null }),
      hardLimitMicros: fc.option(amount(1, 2000), { nil: null }),
      timeZone: fc.constantFrom('UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'),
    }),
  },
  { requiredKeys: [] },
);

describe('a what-if over the saved view’s spend paths', () => {
  it.each([
    ['the drawn paths', false],
    ['the drawn and walked paths', true],
  ])(
    'over %s, gives exactly the what-if computed from nothing, for any rule, balance and billing settings',
    (_, keepsWalks) => {
      const memo = countingMemo(keepsWalks);
      const view = runAllSteps(moneyViewSteps(inputs(), memo));
      expect(view).toEqual(computeMoneyView(inputs()));
      expect(memo.sets).toBe(1);
      fc.assert(
        fc.property(overridesArb, (overrides) => {
          const reused = runAllSteps(whatIfSteps(inputs(), overrides, memo));
          const fresh = computeWhatIf(inputs(), overrides);
          expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
          expect(reused).toEqual(fresh);
        }),
        { numRuns: 20 },
      );
      // Every what-if walked the view's paths: none drew its own.
      expect(memo.sets).toBe(1);
      // A walk is kept again only when the lots, the month end or the hard limit differ from the last one's.
      if (keepsWalks) expect(memo.walkSets).toBeGreaterThanOrEqual(1);
    },
  );

  it('walks the paths once for a run of what-ifs that change only the balance', () => {
    // (A changed rule may change the credit lots too — the ledger's past reloads are replayed under it —
    // and then the paths are walked again for them.)
    const memo = countingMemo(true);
    runAllSteps(moneyViewSteps(inputs(), memo));
    fc.assert(
      fc.property(amount(-50, 1500), (balanceMicros) => {
        expect(runAllSteps(whatIfSteps(inputs(), { balanceMicros }, memo))).toEqual(
          computeWhatIf(inputs(), { balanceMicros }),
        );
      }),
      { numRuns: 20 },
    );
    expect(memo.sets).toBe(1);
    expect(memo.walkSets).toBe(1);
  });

  it('draws afresh, and still matches, when the spend, the instant or the account differ', () => {
    const overrides: MoneyOverrides = { balanceMicros: 75e6 };
    const others: MoneyInputs[] = [
      // A sync brought one more cent of today's spend.
      inputs({
        costDays: costDays(1).map((d, i) =>
          i === 45 ? { ...d, rows: [{ ...d.rows[0]!, micros: d.rows[0]!.micros + 10_000 }] } : d,
        ),
      }),
      inputs({ nowMs: NOW + 60_000 }),
      inputs({ orgId: 'org_testorg002' }),
      inputs({ historyStartMs: START + 7 * DAY_MS }),
    ];
    for (const other of others) {
      const memo = countingMemo();
      runAllSteps(moneyViewSteps(inputs(), memo));
      const reused = runAllSteps(whatIfSteps(other, overrides, memo));
      expect(reused).toEqual(computeWhatIf(other, overrides));
      expect(reused).not.toEqual(computeWhatIf(inputs(), overrides));
      expect(memo.sets).toBe(2);
    }
  });
});

describe('the forecast over kept spend paths', () => {
  const random = createRandom(9);
  const history = createHourlySeries(
    START,
    Array.from({ length: 45 * 24 }, () => random() * 3),
  );
  const base: ForecastInput = {
    history,
    nowMs: NOW,
    balanceMicros: 120e6,
    thresholdMicros: 10e6,
    horizonHours: 24 * 31,
    seed: 11,
  };

  it.each([false, true])(
    'is the forecast drawn from nothing, unrounded, whatever the purse (walks kept: %s)',
    (keepsWalks) => {
      const memo = countingMemo(keepsWalks);
      expect(runAllSteps(forecastSteps(base, memo))).toEqual(forecastSpend(base));
      const purseArb = fc.record({
        balanceMicros: amount(-50, 900),
        thresholdMicros: fc.option(amount(0, 200), { nil: null }),
        reload: fc.option(ruleArb, { nil: null }),
        mode: fc.constantFrom('prepaid' as const, 'monthly' as const),
        hardLimitMicros: fc.option(amount(1, 2000), { nil: null }),
        monthToDateMicros: amount(0, 600),
        lots: fc.array(
          fc.record({
            remainingMicros: amount(0, 300),
            expiresAtMs: fc.integer({ min: -48, max: 24 * 40 }).map((h) => NOW + h * HOUR_MS),
          }),
          { maxLength: 4 },
        ),
        timeZone: fc.constantFrom('UTC', 'Asia/Tokyo'),
      });
      fc.assert(
        fc.property(purseArb, (purse) => {
          const input = { ...base, ...purse };
          expect(runAllSteps(forecastSteps(input, memo))).toEqual(forecastSpend(input));
        }),
        { numRuns: 20 },
      );
      expect(memo.sets).toBe(1);
    },
  );

  it('walks the paths again when the lots, the month end or the hard limit differ', () => {
    const lots = [
      { remainingMicros: 40e6, expiresAtMs: NOW + 30 * HOUR_MS },
      { remainingMicros: 90e6, expiresAtMs: NOW + 9 * 24 * HOUR_MS },
    ];
    const kept = { ...base, lots, hardLimitMicros: 900e6, monthToDateMicros: 300e6 };
    const others: ForecastInput[] = [
      { ...kept, lots: [lots[0]!, { ...lots[1]!, remainingMicros: 91e6 }] },
      { ...kept, lots: [{ ...lots[0]!, expiresAtMs: NOW + 31 * HOUR_MS }, lots[1]!] },
      { ...kept, hardLimitMicros: 901e6 },
      { ...kept, monthToDateMicros: 299e6 },
      { ...kept, timeZone: 'Asia/Tokyo' },
    ];
    for (const other of others) {
      const memo = countingMemo(true);
      runAllSteps(forecastSteps(kept, memo));
      expect(runAllSteps(forecastSteps(other, memo))).toEqual(forecastSpend(other));
      expect(memo.walkSets).toBe(2);
    }
  });
});
