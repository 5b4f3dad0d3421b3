// A purchase with no recorded balance, on the demo organization's simulated spend (the demo's seed and
// defaults, at a pinned instant): `money:get` gives the purchase minus exactly what the simulator says was
// spent since, and the balance card shows that figure.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '@core/api-contract';
import { formatUsd } from '@core/money';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { DEMO_SEED } from '../../main/app/demo-backend';
import { createEventBus } from '../../main/app/event-bus';
import { createMoneyHandlers, type MoneyHandlerDeps } from '../../main/app/money-handlers';
import { createMoneyService, type MoneyService } from '../../main/services/money';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { createProblemList } from '../../main/services/stores/store-problem';
import { BalanceCard } from '../../renderer/components/money/balance-card';
import { buildBalanceView } from '../../renderer/view-models/money-balance';
import { ORG_ID, startHarness, type Harness } from './sync-harness';

let h: Harness;
afterEach(async () => h?.close());

async function demoOrg(): Promise<{ money: MoneyService; handlers: ReturnType<typeof createMoneyHandlers> }> {
  // The demo backend's simulator: its seed, and its defaults for history and cost lag.
  h = await startHarness({ sim: { seed: DEMO_SEED, historyDays: 120 } });
  const ledgers = createLedgerStore(h.dataDir, {
    nowMs: () => h.clock.nowMs(),
    problems: createProblemList(),
  });
  const money = createMoneyService({
    ledgers,
    history: (orgId) => h.engine.history(orgId),
    nowMs: () => h.clock.nowMs(),
    orgOf: (id) => h.settings.get().orgs.find((o) => o.id === id) ?? null,
  });
  const deps = {
    settings: h.settings,
    money,
    sync: h.engine,
    limits: { get: () => ({ org: null }) },
    nowMs: () => h.clock.nowMs(),
    bus: createEventBus(() => {}),
  } as unknown as MoneyHandlerDeps;
  return { money, handlers: createMoneyHandlers(deps) };
}

describe('a purchase and no recorded balance (demo org)', () => {
  it('money:get gives +$1,000 minus the demo’s costs since the purchase, to the cent, and the page shows it', async () => {
    const { money, handlers } = await demoOrg();
    expect((await h.engine.syncOrg(ORG_ID)).state).toBe('ok');
    const now = h.clock.nowMs();
    const boughtAt = startOfUtcDay(now) - 12 * DAY_MS; // dated 12 days ago
    await handlers['ledger:addEntry'](
      parseArgs('ledger:addEntry', {
        orgId: ORG_ID,
        entry: {
          id: 'buy-1',
          kind: 'purchase',
          atMs: boughtAt,
          micros: 1_000_000_000,
          expiresAtMs: null,
          note: '',
        },
      }),
    );
    const view = await handlers['money:get'](parseArgs('money:get', { orgId: ORG_ID }));
    const spentSince = h.sim.model.visibleCostMicros(boughtAt, now, now);
    expect(spentSince).toBeGreaterThan(100_000_000); // the demo spends tens of dollars a day
    const expected = 1_000_000_000 - spentSince;
    expect(view.balance!.estimateMicros).toBe(expected);
    expect(view.balance!.creditsAddedMicros).toBe(1_000_000_000);
    expect(view.balance!.basis).toEqual({ observationId: null, atMs: boughtAt, balanceMicros: 0 });

    const card = buildBalanceView(view.balance!, now, { locale: 'en-US', timeZone: 'UTC' }, 'prepaid', 'USD');
    const answer = await handlers['answer:get'](parseArgs('answer:get', { orgId: ORG_ID }));
    const total = answer.figures['credit-left'].text;
    const html = renderToStaticMarkup(createElement(BalanceCard, { view: card, total }));
    // The parts are exact; the total is the answer's credit left, in its words.
    expect(html).toContain(`data-testid="balance-start">$0.00<`);
    expect(html).toContain(`data-testid="balance-added">+$1,000.00<`);
    expect(html).toContain(`>${total}</strong>`);
    expect(view.balance!.settledCostMicros + view.balance!.provisionalCostMicros).toBe(spentSince);
    expect(formatUsd(expected)).toMatch(/^\$[5-9]\d\d\.\d\d$/);
    expect((await money.view(ORG_ID)).balance!.estimateMicros).toBe(expected);
  });

  it('refuses a purchase dated in the future and a grant that expires before it starts; nothing is saved', async () => {
    const { handlers } = await demoOrg();
    const now = h.clock.nowMs();
    const add = async (entry: object) =>
      handlers['ledger:addEntry'](parseArgs('ledger:addEntry', { orgId: ORG_ID, entry }));
    await expect(
      add({ id: 'f', kind: 'purchase', atMs: now + DAY_MS, micros: 5_000_000, expiresAtMs: null, note: '' }),
    ).rejects.toThrow(/^When: that time is in the future/);
    await expect(
      add({
        id: 'g',
        kind: 'grant',
        atMs: now - DAY_MS,
        micros: 5_000_000,
        expiresAtMs: now - 2 * DAY_MS,
        note: '',
      }),
    ).rejects.toThrow(/^Expires: must be after the date the credit was added/);
    await expect(
      add({ id: 'n', kind: 'purchase', atMs: now, micros: -5, expiresAtMs: null, note: '' }),
    ).rejects.toThrow(/micros/);
    expect(() =>
      parseArgs('ledger:updateBilling', {
        orgId: ORG_ID,
        billing: {
          mode: 'prepaid',
          reload: {
            enabled: true,
            thresholdMicros: 20_000_000,
            action: { kind: 'restore-to', targetMicros: 20_000_000 },
            monthlyLimit: null,
          },
          hardLimitMicros: null,
          timeZone: 'UTC',
        },
      }),
    ).toThrow(/the reload target must be above the threshold/);
    expect((await handlers['ledger:get']({ orgId: ORG_ID })).entries).toEqual([]);
  });
});
