import { describe, expect, it } from 'vitest';
import { computeMoneyView, computeWhatIf, type MoneyInputs } from '@core/money-compute';
import { LedgerFileSchema, type LedgerEntry, type LedgerFile } from '@core/ledger-schema';
import type { CostDay } from '@core/sync-data';
import { DAY_MS, HOUR_MS } from '@core/time';

// A steady org: $24 every UTC day for 30 days, now = 2026-11-20T12:00Z.
const NOW = Date.UTC(2026, 10, 20, 12);
const TODAY = Date.UTC(2026, 10, 20);
const START = TODAY - 30 * DAY_MS;
const steadyDays = (): CostDay[] =>
  Array.from({ length: 31 }, (_, i) => ({
    dayStartMs: START + i * DAY_MS,
    rows: [
      { projectId: 'proj_a', lineItem: 'gpt-4o-mini, input', micros: i === 30 ? 12_000_000 : 24_000_000 },
    ],
  }));

function ledger(entries: LedgerEntry[] = [], billing: Partial<LedgerFile['billing']> = {}): LedgerFile {
  return LedgerFileSchema.parse({ version: 1, entries, billing: { mode: 'prepaid', ...billing } });
}
const inputs = (l: LedgerFile, over: Partial<MoneyInputs> = {}): MoneyInputs => ({
  orgId: 'org_testorg001',
  nowMs: NOW,
  ledger: l,
  provider: 'openai',
  costDays: steadyDays(),
  usage: [],
  historyStartMs: START,
  ...over,
});
const observation = (atMs: number, usd: number, id = 'obs-1'): LedgerEntry => ({
  id,
  kind: 'observation',
  atMs,
  balanceMicros: usd * 1e6,
  note: '',
});
const RULE = {
  enabled: true,
  thresholdMicros: 10_000_000,
  action: { kind: 'restore-to' as const, targetMicros: 50_000_000 },
  monthlyLimit: null,
};

describe('computeMoneyView', () => {
  it('says the forecast starts after the first sync when nothing is synced', () => {
    const view = computeMoneyView(inputs(ledger(), { historyStartMs: null, costDays: [] }));
    expect(view.forecast).toBeNull();
    expect(view.forecastNote).toMatch(/after the first sync/);
    expect(view.balance).toBeNull();
  });

  it('asks for a balance on a prepaid org, and still forecasts month-end spend', () => {
    const view = computeMoneyView(inputs(ledger()));
    expect(view.balance).toBeNull();
    expect(view.forecastNote).toMatch(/Record the balance/);
    expect(view.forecast?.crossing).toBeNull();
    // 10.5 days of $24/day remain in November after 2026-11-20T12:00Z.
    expect(view.forecast?.monthEnd.spendAmount.p50).toBeGreaterThan(200);
    expect(view.forecast?.monthEnd.spendAmount.p50).toBeLessThan(300);
  });

  it('estimates the balance from an observation and forecasts the reload from the rule', () => {
    const view = computeMoneyView(inputs(ledger([observation(TODAY, 60)], { reload: RULE })));
    // $60 at midnight, half of today's $24 spent by noon → ≈ $48.
    expect(view.balance!.estimateMicros / 1e6).toBeCloseTo(48, 0);
    expect(view.balance!.lowMicros).toBeLessThanOrEqual(view.balance!.estimateMicros);
    const crossing = view.forecast!.crossing!;
    expect(crossing.thresholdAmount).toBe(10);
    // $38 above the threshold at ≈ $1/h → P50 about 38 h from now.
    const p50h = (Date.parse(crossing.p50!) - NOW) / HOUR_MS;
    expect(p50h).toBeGreaterThan(25);
    expect(p50h).toBeLessThan(55);
    expect(Date.parse(crossing.p10!)).toBeLessThan(Date.parse(crossing.p50!));
    expect(view.forecast!.reloads!.count.p50).toBeGreaterThanOrEqual(4);
    expect(view.forecastNote).toBeNull();
  });

  it('forecasts when credit runs out when no reload rule is set', () => {
    const view = computeMoneyView(inputs(ledger([observation(TODAY, 60)])));
    expect(view.forecast!.crossing!.thresholdAmount).toBe(0);
    expect(view.forecast!.reloads).toBeNull();
  });

  it('forecasts the month-end card charge for monthly billing, with no balance needed', () => {
    const view = computeMoneyView(inputs(ledger([], { mode: 'monthly' })));
    expect(view.forecastNote).toBeNull();
    const charge = view.forecast!.monthEnd.cardChargeAmount!;
    // Month to date ≈ 19.5 days × $24 = $468, plus ≈ $252 to come.
    expect(charge.p50).toBeGreaterThan(650);
    expect(charge.p50).toBeLessThan(800);
    expect(charge.p10).toBeLessThanOrEqual(charge.p50);
    expect(charge.p90).toBeGreaterThanOrEqual(charge.p50);
  });

  it('monthly billing: a mid-month purchase covers usage after it only, and the charge says so', () => {
    const bought = Date.UTC(2026, 10, 11); // 1–10 Nov ($240) are already on the card
    const purchase: LedgerEntry = {
      id: 'p1',
      kind: 'purchase',
      atMs: bought,
      micros: 500_000_000,
      expiresAtMs: null,
      note: '',
    };
    const view = computeMoneyView(inputs(ledger([purchase], { mode: 'monthly' })));
    expect(view.cardSplit).toMatchObject({ cardMicros: 240_000_000, creditDrawnMicros: 228_000_000 });
    expect(view.balance!.estimateMicros).toBe(272_000_000); // $500 − 9.5 days × $24
    const charge = view.forecast!.monthEnd.cardChargeAmount!;
    // ≈ $252 still to come is less than the $272 of credit left: the card charge is what came before it.
    expect(charge.p50).toBe(240);
    expect(charge.p90).toBeGreaterThanOrEqual(240);
    const noCredit = computeMoneyView(inputs(ledger([], { mode: 'monthly' })));
    expect(noCredit.forecast!.monthEnd.cardChargeAmount!.p50).toBeGreaterThan(650);
  });

  it('reconciles the newest observation against the one before and shows the drift', () => {
    const l = ledger([observation(TODAY - 2 * DAY_MS, 100, 'obs-1'), observation(TODAY, 92, 'obs-2')]);
    const view = computeMoneyView(inputs(l));
    // Expected $100 − 2 × $24 = $52 at midnight, observed $92: +$40 drift, an unrecorded purchase or reload.
    expect(view.lastReconciliation!.driftMicros / 1e6).toBeCloseTo(40, 0);
    expect(view.lastReconciliation!.isConsistent).toBe(false);
    expect(view.lastReconciliation!.causes.length).toBeGreaterThan(0);
    expect(view.ledger.entries.map((e) => e.id)).toEqual(['obs-2', 'obs-1']);
  });

  it('is deterministic for an org', () => {
    const a = computeMoneyView(inputs(ledger([observation(TODAY, 60)], { reload: RULE })));
    const b = computeMoneyView(inputs(ledger([observation(TODAY, 60)], { reload: RULE })));
    expect(a.forecast).toEqual(b.forecast);
  });
});

describe('computeWhatIf', () => {
  it('moves the crossing with a larger balance without touching the ledger', () => {
    const l = ledger([observation(TODAY, 60)], { reload: RULE });
    const base = computeMoneyView(inputs(l)).forecast!.crossing!.p50!;
    const richer = computeWhatIf(inputs(l), { balanceMicros: 200_000_000 }).forecast!.crossing!.p50!;
    expect(Date.parse(richer)).toBeGreaterThan(Date.parse(base) + 2 * DAY_MS);
    expect(l.entries).toHaveLength(1);
  });

  it('uses a changed rule', () => {
    const l = ledger([observation(TODAY, 60)], { reload: RULE });
    const higher = computeWhatIf(inputs(l), {
      billing: { ...l.billing, reload: { ...RULE, thresholdMicros: 40_000_000 } },
    });
    expect(higher.forecast!.crossing!.thresholdAmount).toBe(40);
  });
});

describe("balances read from the provider's API", () => {
  const point = (atMs: number, usd: number) => ({
    atMs,
    balanceMicros: usd * 1e6,
    creditsMicros: null,
    usageMicros: null,
  });

  it("start the estimate from the newest reading, in the account's currency, never in the typed ledger", () => {
    const view = computeMoneyView(
      inputs(ledger(), {
        provider: 'deepseek',
        currency: 'CNY',
        apiObservations: [point(NOW - DAY_MS, 300), point(NOW - HOUR_MS, 276)],
      }),
    );
    expect(view.currency).toBe('CNY');
    expect(view.apiBalance).toEqual({ atMs: NOW - HOUR_MS, balanceMicros: 276e6 });
    // An hour of the steady $24/day since the reading: 276 − 1.
    expect(view.balance?.estimateMicros).toBe(275e6);
    expect(view.ledger.entries).toEqual([]);
  });

  it("explain a rise between readings as credit added on the provider's side, not as a missing purchase", () => {
    const view = computeMoneyView(
      inputs(ledger(), {
        provider: 'openrouter',
        apiObservations: [point(NOW - DAY_MS, 100), point(NOW - HOUR_MS, 177)],
      }),
    );
    const rec = view.lastReconciliation!;
    expect(rec.fromApi).toBe(true);
    expect(rec.isConsistent).toBe(true);
    // 100 less about a day of $24/day spend ≈ 77 expected; 177 read → about $100 more.
    expect(Math.abs(rec.driftMicros - 100e6)).toBeLessThanOrEqual(1e6);
    const amount = `$${(rec.driftMicros / 1e6).toFixed(2)}`;
    expect(rec.causes).toEqual([
      {
        cause: 'api-top-up',
        message: `OpenRouter reports ${amount} more than the previous reading less the spend since: credit was added (a top-up or a grant).`,
      },
    ]);
  });
});
