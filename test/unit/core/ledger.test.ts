import { describe, expect, it } from 'vitest';
import { estimateBalance } from '@core/ledger-estimate';
import { reconcileObservation } from '@core/ledger-reconcile';
import { type LedgerEntry, type LedgerFile, upgradeLedger } from '@core/ledger-schema';
import { monthStartMs, nextMonthStartMs } from '@core/billing';
import { HOUR_MS } from '@core/time';

const D = (iso: string): number => Date.parse(iso);
const usd = (x: number): number => Math.round(x * 1e6);
const day = (iso: string, dollars: number) => ({ dayStartMs: D(`${iso}T00:00:00Z`), micros: usd(dollars) });
const obs = (id: string, iso: string, dollars: number): LedgerEntry => ({
  id,
  kind: 'observation',
  atMs: D(iso),
  balanceMicros: usd(dollars),
  note: '',
});
const ledger = (entries: LedgerEntry[], billing: Partial<LedgerFile['billing']> = {}): LedgerFile =>
  upgradeLedger({
    version: 1,
    billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC', ...billing },
    entries,
  });

describe('estimateBalance', () => {
  it('splits the observation day by elapsed time and carries the split uncertainty', () => {
    const l = ledger([obs('o1', '2025-04-02T12:00:00Z', 100)]);
    const e = estimateBalance(l, [day('2025-04-02', 24), day('2025-04-03', 24)], D('2025-04-04T00:00:00Z'));
    expect(e.estimateMicros).toBe(usd(100 - 12 - 24));
    expect(e.settledCostMicros).toBe(usd(36));
    expect(e.sdMicros).toBeGreaterThan(0);
    expect(e.lowMicros).toBeLessThan(e.estimateMicros);
    expect(e.highMicros).toBeGreaterThan(e.estimateMicros);
  });

  it('splits the observation day by the hourly usage shape when given (narrower range)', () => {
    const l = ledger([obs('o1', '2025-04-02T12:00:00Z', 100)]);
    const shape = Array.from({ length: 24 }, (_, h) => (h < 12 ? 3 : 1)); // 3/4 of usage before noon
    const costs = [day('2025-04-02', 24), day('2025-04-03', 24)];
    const now = D('2025-04-04T00:00:00Z');
    const withShape = estimateBalance(l, costs, now, {
      hourlyShape: new Map([[D('2025-04-02T00:00:00Z'), shape]]),
    });
    const plain = estimateBalance(l, costs, now);
    expect(withShape.estimateMicros).toBe(usd(100 - 6 - 24));
    expect(withShape.sdMicros).toBeLessThan(plain.sdMicros);
  });

  it('separates provisional (today, from the nowcast) from settled cost', () => {
    const l = ledger([obs('o1', '2025-04-03T00:00:00Z', 50)]);
    const e = estimateBalance(l, [day('2025-04-03', 10), day('2025-04-04', 1)], D('2025-04-04T06:00:00Z'), {
      nowcastMicros: usd(3),
    });
    expect(e.settledCostMicros).toBe(usd(10));
    expect(e.provisionalCostMicros).toBe(usd(3));
    expect(e.estimateMicros).toBe(usd(37));
  });

  it('reports finished days with no cost bucket instead of hiding them', () => {
    const l = ledger([obs('o1', '2025-04-01T00:00:00Z', 50)]);
    const e = estimateBalance(l, [day('2025-04-01', 5)], D('2025-04-03T01:00:00Z'));
    expect(e.missingDays).toEqual([D('2025-04-02T00:00:00Z')]);
  });

  it('lets the balance go negative without a reload rule', () => {
    const l = ledger([obs('o1', '2025-04-01T00:00:00Z', 5)]);
    const e = estimateBalance(l, [day('2025-04-01', 4), day('2025-04-02', 4)], D('2025-04-03T00:00:00Z'));
    expect(e.estimateMicros).toBe(usd(-3));
  });

  it('predicts restore-to reloads as target − balance and fixed reloads as the fixed amount', () => {
    const entries = [obs('o1', '2025-04-01T00:00:00Z', 20)];
    const costs = [day('2025-04-01', 15)];
    const now = D('2025-04-02T00:00:00Z');
    const restore = estimateBalance(
      ledger(entries, {
        reload: {
          enabled: true,
          thresholdMicros: usd(10),
          action: { kind: 'restore-to', targetMicros: usd(50) },
          monthlyLimit: null,
        },
      }),
      costs,
      now,
    );
    // $15 spread evenly is $0.625 an hour: $20 first falls below $10 after 17 hours ($9.375).
    expect(restore.predictedReloads).toEqual([
      { atMs: D('2025-04-01T17:00:00Z'), micros: usd(40.625), status: 'predicted' },
    ]);
    expect(restore.estimateMicros).toBe(usd(50 - 7 * 0.625));
    const fixed = estimateBalance(
      ledger(entries, {
        reload: {
          enabled: true,
          thresholdMicros: usd(10),
          action: { kind: 'add-fixed', amountMicros: usd(25) },
          monthlyLimit: null,
        },
      }),
      costs,
      now,
    );
    expect(fixed.predictedReloads.map((r) => r.micros)).toEqual([usd(25)]);
    expect(fixed.estimateMicros).toBe(usd(30));
  });

  it('stops reloading when the monthly reload limit is reached (confirmed reloads count)', () => {
    const rule = {
      enabled: true,
      thresholdMicros: usd(10),
      action: { kind: 'add-fixed' as const, amountMicros: usd(20) },
      monthlyLimit: { kind: 'usd' as const, micros: usd(40) },
    };
    const entries: LedgerEntry[] = [
      obs('o1', '2025-04-10T00:00:00Z', 15),
      { id: 'r1', kind: 'reload', atMs: D('2025-04-05T00:00:00Z'), micros: usd(20), note: '' },
    ];
    const costs = [day('2025-04-10', 30), day('2025-04-11', 30)];
    const e = estimateBalance(ledger(entries, { reload: rule }), costs, D('2025-04-12T00:00:00Z'));
    expect(e.predictedReloads).toHaveLength(1); // $20 confirmed + $20 predicted = the $40 limit
    expect(e.estimateMicros).toBe(usd(15 + 20 - 60));
  });

  it('consumes grants before purchases and subtracts what expires unused', () => {
    const entries: LedgerEntry[] = [
      obs('o0', '2025-03-31T23:00:00Z', 0),
      {
        id: 'p1',
        kind: 'purchase',
        atMs: D('2025-04-01T00:00:00Z'),
        micros: usd(50),
        expiresAtMs: null,
        note: '',
      },
      {
        id: 'g1',
        kind: 'grant',
        atMs: D('2025-04-01T00:00:00Z'),
        micros: usd(10),
        expiresAtMs: D('2025-04-03T00:00:00Z'),
        note: '',
      },
    ];
    // $4 spent before the grant expires: $6 of the grant is lost, the purchase is untouched by then.
    const e = estimateBalance(
      ledger(entries),
      [day('2025-04-01', 2), day('2025-04-02', 2), day('2025-04-03', 2)],
      D('2025-04-04T00:00:00Z'),
    );
    expect(e.expiredMicros).toBe(usd(6));
    expect(e.estimateMicros).toBe(usd(60 - 6 - 6));
  });

  it('handles an org with no spend', () => {
    const e = estimateBalance(ledger([obs('o1', '2025-04-01T00:00:00Z', 25)]), [], D('2025-04-01T05:00:00Z'));
    expect(e.estimateMicros).toBe(usd(25));
    expect(e.sdMicros).toBe(0);
  });
});

describe('reconcileObservation', () => {
  it('reports drift between two observations and names an unrecorded purchase', () => {
    const l = ledger([obs('o1', '2025-04-01T00:00:00Z', 100), obs('o2', '2025-04-03T00:00:00Z', 160)]);
    const r = reconcileObservation(l, [day('2025-04-01', 20), day('2025-04-02', 20)], {
      id: 'o2',
      atMs: D('2025-04-03T00:00:00Z'),
      balanceMicros: usd(160),
    });
    expect(r.estimate.estimateMicros).toBe(usd(60));
    expect(r.driftMicros).toBe(usd(100));
    expect(r.isConsistent).toBe(false);
    expect(r.causes.map((c) => c.cause)).toContain('unrecorded-purchase');
  });

  it('confirms predicted reloads when a later observation agrees, and flags them when it does not', () => {
    const rule = {
      enabled: true,
      thresholdMicros: usd(10),
      action: { kind: 'restore-to' as const, targetMicros: usd(50) },
      monthlyLimit: null,
    };
    const l = ledger([obs('o1', '2025-04-01T00:00:00Z', 20)], { reload: rule });
    const costs = [day('2025-04-01', 15)];
    const ok = reconcileObservation(l, costs, {
      atMs: D('2025-04-02T00:00:00Z'),
      balanceMicros: usd(45.63),
    });
    expect(ok.isConsistent).toBe(true);
    expect(ok.consistentReloads).toHaveLength(1);
    const missing = reconcileObservation(l, costs, {
      atMs: D('2025-04-02T00:00:00Z'),
      balanceMicros: usd(5),
    });
    expect(missing.causes[0]?.cause).toBe('reload-did-not-happen');
  });
});

describe('month boundaries', () => {
  it('computes the billing month in UTC and in the user zone differently near midnight', () => {
    const t = D('2025-05-01T03:00:00Z'); // still April 30 in Los Angeles
    expect(monthStartMs(t, 'UTC')).toBe(D('2025-05-01T00:00:00Z'));
    expect(monthStartMs(t, 'America/Los_Angeles')).toBe(D('2025-04-01T07:00:00Z'));
    expect(nextMonthStartMs(t, 'America/Los_Angeles')).toBe(D('2025-05-01T07:00:00Z'));
  });

  it('keeps month lengths right across a DST change (March in Berlin is one hour short)', () => {
    const start = monthStartMs(D('2025-03-15T12:00:00Z'), 'Europe/Berlin');
    const end = nextMonthStartMs(start, 'Europe/Berlin');
    expect((end - start) / HOUR_MS).toBe(31 * 24 - 1);
    const mid = D('2025-03-15T12:00:00Z');
    expect((nextMonthStartMs(mid, 'UTC') - monthStartMs(mid, 'UTC')) / HOUR_MS).toBe(31 * 24);
  });

  it('rejects an unknown zone clearly', () => {
    expect(() => monthStartMs(0, 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('upgradeLedger', () => {
  it('upgrades an unversioned file and rejects newer or broken ones', () => {
    expect(upgradeLedger({ entries: [] }).version).toBe(1);
    expect(() => upgradeLedger({ version: 9 })).toThrow(/newer/);
    expect(() =>
      upgradeLedger({ version: 1, entries: [{ id: 'x', kind: 'purchase', atMs: 1, micros: -5 }] }),
    ).toThrow(/invalid/);
    expect(() => upgradeLedger([])).toThrow(/not a JSON object/);
  });
});
