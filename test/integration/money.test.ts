// The balance ledger end to end: the simulator's spend, synced through the official SDK into the
// stores, against a ledger the user typed — balance and forecast compared with the simulator's truth.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { createMoneyService, type MoneyService } from '../../main/services/money';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { createProblemList } from '../../main/services/stores/store-problem';
import { ORG_ID, startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

async function setup(): Promise<{ h: Harness; money: MoneyService }> {
  let money: MoneyService | null = null;
  h = await startHarness({ engine: { snapshotExtras: (orgId, atMs) => money!.snapshotExtras(orgId, atMs) } });
  const ledgers = createLedgerStore(h.dataDir, {
    nowMs: () => h.clock.nowMs(),
    problems: createProblemList(),
  });
  money = createMoneyService({
    ledgers,
    history: (orgId) => h.engine.history(orgId),
    nowMs: () => h.clock.nowMs(),
    orgOf: (id) => h.settings.get().orgs.find((o) => o.id === id) ?? null,
  });
  return { h, money };
}

describe('balance and forecast over synced data', () => {
  it('estimates the balance as the observation minus what the simulator says was spent since', async () => {
    const { h, money } = await setup();
    expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    const observedAt = startOfUtcDay(h.clock.nowMs()) - DAY_MS; // yesterday 00:00 UTC
    await money.addEntry(ORG_ID, {
      id: 'obs-1',
      kind: 'observation',
      atMs: observedAt,
      balanceMicros: 500_000_000,
      note: '',
    });
    const view = await money.view(ORG_ID);
    const spentSince = h.sim.model.visibleCostMicros(observedAt, h.clock.nowMs(), h.clock.nowMs());
    expect(view.balance!.estimateMicros).toBe(500_000_000 - spentSince);
    expect(view.balance!.lowMicros).toBeLessThanOrEqual(view.balance!.estimateMicros);
    expect(view.balance!.highMicros).toBeGreaterThanOrEqual(view.balance!.estimateMicros);
    expect(view.historyDays).toBeGreaterThanOrEqual(89);
  });

  it('forecasts the reload from the rule and stores it with the next sync snapshot', async () => {
    const { h, money } = await setup();
    await h.engine.syncOrg(ORG_ID);
    const now = h.clock.nowMs();
    await money.addEntry(ORG_ID, {
      id: 'obs-1',
      kind: 'observation',
      atMs: now - HOUR_MS,
      balanceMicros: 80_000_000,
      note: '',
    });
    await money.updateBilling(ORG_ID, {
      mode: 'prepaid',
      reload: {
        enabled: true,
        thresholdMicros: 10_000_000,
        action: { kind: 'restore-to', targetMicros: 60_000_000 },
        monthlyLimit: null,
      },
      hardLimitMicros: null,
      timeZone: 'UTC',
    });
    const view = await money.view(ORG_ID);
    const crossing = view.forecast!.crossing!;
    expect(crossing.probabilityWithinHorizon).toBeGreaterThan(0.9);
    const p50 = Date.parse(crossing.p50!);
    // The demo org spends tens of dollars a day: $70 of headroom lasts days, not hours or months.
    expect(p50 - now).toBeGreaterThan(12 * HOUR_MS);
    expect(p50 - now).toBeLessThan(14 * DAY_MS);

    h.clock.advance(5 * 60_000);
    await h.engine.syncOrg(ORG_ID, { force: true });
    const history = await h.engine.history(ORG_ID);
    const [snapshot] = (await history.snapshots({ startMs: now, endMs: h.clock.nowMs() + 1 })).slice(-1);
    expect(snapshot!.balanceMicros).not.toBeNull();
    expect(snapshot!.forecast!.crossingP50Ms).not.toBeNull();
    expect(snapshot!.forecast!.confidence).toMatch(/low|medium|high/);
  });

  it('reports the drift when a later observation disagrees, and accepts a retried entry once', async () => {
    const { h, money } = await setup();
    await h.engine.syncOrg(ORG_ID);
    const day = startOfUtcDay(h.clock.nowMs());
    await money.addEntry(ORG_ID, {
      id: 'a',
      kind: 'observation',
      atMs: day - 2 * DAY_MS,
      balanceMicros: 300_000_000,
      note: '',
    });
    const later = { id: 'b', kind: 'observation' as const, atMs: day, balanceMicros: 400_000_000, note: '' };
    const { reconciliation } = await money.addEntry(ORG_ID, later);
    const spent = h.sim.model.visibleCostMicros(day - 2 * DAY_MS, day, h.clock.nowMs());
    expect(reconciliation!.driftMicros).toBe(400_000_000 - (300_000_000 - spent));
    expect(reconciliation!.isConsistent).toBe(false);
    expect(reconciliation!.causes.map((c) => c.cause)).toContain('unrecorded-purchase');
    await money.addEntry(ORG_ID, later); // the same request again
    expect((await money.ledger(ORG_ID)).entries).toHaveLength(2);
    await expect(money.addEntry(ORG_ID, { ...later, balanceMicros: 1 })).rejects.toThrow(/already exists/);
  });

  it('refuses an entry dated in the future', async () => {
    const { h, money } = await setup();
    await expect(
      money.addEntry(ORG_ID, {
        id: 'f',
        kind: 'observation',
        atMs: h.clock.nowMs() + DAY_MS,
        balanceMicros: 1,
        note: '',
      }),
    ).rejects.toThrow(/future/);
  });
});
