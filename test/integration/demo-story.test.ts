// The demo tells a true story: started at several pinned instants, each prepaid demo account's ledger holds
// the auto-reloads its rule really made over the simulated spend, the company's recorded balance is what that
// spend left (checked against a naive hour-by-hour reference kept here), the ledger's estimate agrees with it,
// and no alert asks for action that the data does not justify.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needsAction } from '@core/alerts/action-needed';
import type { LedgerEntry } from '@core/ledger-schema';
import { HOUR_MS } from '@core/time';
import { DEMO_SIMULATORS } from '../../main/app/demo-backend';
import { createSimulatedSpendModel } from '../../main/simulator/index';
import { createSimClock } from '../../main/simulator/sim-clock';
import { createDemoApp } from '../support/demo-app';

const INSTANTS = ['2026-12-07T09:23:00Z', '2026-12-31T23:30:00Z', '2027-03-15T12:00:00Z'];
const CENT = 10_000;
const dirs: string[] = [];
afterAll(async () =>
  Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }))),
);

/**
 * The naive reference: credit (purchases, grants; no lot order, no expiry: nothing expires within 60 days)
 * drawn hour by hour by the simulator's spend; after each hour below $100 the card restores it to $500.
 */
function reference(nowMs: number, credit: LedgerEntry[], untilMs: number) {
  const { seed, historyDays, shape } = DEMO_SIMULATORS.company;
  const model = createSimulatedSpendModel({ seed, historyDays, shape }, nowMs);
  const adds = credit.map((e) => ({ atMs: e.atMs, micros: 'micros' in e ? e.micros : 0 }));
  let t = Math.min(...adds.map((a) => a.atMs));
  let balance = 0;
  const reloads: Array<{ atMs: number; micros: number }> = [];
  const addUpTo = (a: number, b: number) => {
    for (const c of adds) if (c.atMs >= a && c.atMs < b) balance += c.micros;
  };
  addUpTo(t, t + 1);
  while (t < untilMs) {
    const next = Math.min(untilMs, (Math.floor(t / HOUR_MS) + 1) * HOUR_MS);
    // Credit landing inside this hour is counted from its instant: cut the hour there.
    const cut = Math.min(next, ...adds.filter((c) => c.atMs > t && c.atMs < next).map((c) => c.atMs));
    balance -= model.costMicros(t, cut);
    if (cut === next && balance < 100_000_000) {
      reloads.push({ atMs: cut, micros: 500_000_000 - balance });
      balance = 500_000_000;
    }
    addUpTo(cut, cut + 1);
    t = cut;
  }
  return { balance, reloads };
}

describe('the demo at pinned instants', () => {
  for (const iso of INSTANTS) {
    it(`agrees with its simulated spend at ${iso}`, async () => {
      const now = Date.parse(iso);
      const dataDir = await mkdtemp(join(tmpdir(), 'cw-demo-story-'));
      dirs.push(dataDir);
      const app = await createDemoApp(dataDir, createSimClock({ startMs: now, speed: 0 }));
      try {
        const orgs = app.settings.get().orgs;
        const company = orgs.find((o) => o.demoProfile === 'company')!;
        const ledger = await app.handlers['ledger:get']({ orgId: company.id });
        const credit = ledger.entries.filter((e) => e.kind === 'purchase' || e.kind === 'grant');
        const observed = ledger.entries.find((e) => e.kind === 'observation')!;
        expect(observed.kind).toBe('observation');

        // The reloads in the ledger are the ones the rule made over the simulated spend, to the cent.
        const truth = reference(now, credit, now);
        const recorded = ledger.entries
          .filter((e) => e.kind === 'reload')
          .map((e) => ({ atMs: e.atMs, micros: 'micros' in e ? e.micros : 0 }))
          .sort((a, b) => a.atMs - b.atMs);
        expect(truth.reloads.length).toBeGreaterThan(0);
        expect(recorded.map((r) => r.atMs)).toEqual(truth.reloads.map((r) => r.atMs));
        recorded.forEach((r, i) =>
          expect(Math.abs(r.micros - truth.reloads[i]!.micros)).toBeLessThanOrEqual(1),
        );
        // The recorded balance is what the simulated spend left at its instant, within a cent.
        const atObservation = reference(now, credit, observed.atMs).balance;
        expect(
          Math.abs(('balanceMicros' in observed ? observed.balanceMicros : 0) - atObservation),
        ).toBeLessThanOrEqual(CENT);

        for (const org of orgs) expect((await app.sync.syncOrg(org.id, { force: true })).state).toBe('ok');
        // Judged against the synced costs, the recorded balance matches the ledger's estimate.
        const money = await app.handlers['money:get']({ orgId: company.id });
        expect(money.lastReconciliation).not.toBeNull();
        expect(money.lastReconciliation!.isConsistent).toBe(true);
        expect(money.lastReconciliation!.causes).toEqual([]);
        // The estimate now is the reference's balance now, within the uncertainty of today's partial costs.
        expect(Math.abs(money.balance!.estimateMicros - truth.balance)).toBeLessThan(
          Math.max(3 * money.balance!.sdMicros, 2 * 1_000_000),
        );

        // The Claude team's purchase has not fallen below its threshold in 40 days: no reload to record.
        const claude = orgs.find((o) => o.demoProfile === 'anthropic')!;
        const claudeLedger = await app.handlers['ledger:get']({ orgId: claude.id });
        const claudeMoney = await app.handlers['money:get']({ orgId: claude.id });
        expect(claudeMoney.balance!.estimateMicros).toBeGreaterThan(100_000_000);
        expect(claudeLedger.entries.filter((e) => e.kind === 'reload')).toEqual([]);

        // No alert asks for action on a fresh demo whose data is sound.
        const view = await app.alerts.evaluate();
        expect(view.active.filter(needsAction).map((a) => `${a.kind}: ${a.title}`)).toEqual([]);
      } finally {
        await app.close();
      }
    }, 120_000);
  }
});
