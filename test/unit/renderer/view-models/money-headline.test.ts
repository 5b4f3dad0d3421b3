import { afterEach, describe, expect, it } from 'vitest';
import type { ForecastSummary } from '@core/forecast/summary';
import type { Reconciliation } from '@core/ledger-reconcile';
import { buildMoneyHeadline, horizonWords } from '../../../../renderer/view-models/money-headline';
import { buildBalanceView, describeDrift } from '../../../../renderer/view-models/money-balance';
import { buildLedgerRows } from '../../../../renderer/view-models/money-ledger';
import { openRealApi, type RealApi } from '../../../support/real-api';

const NOW = Date.UTC(2026, 10, 24, 16, 0);
const ZONE = { locale: 'en-US', timeZone: 'UTC' };

const opened: RealApi[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((api) => api.close()));
});

/** The real app at NOW: the company demo's spend, with only a $100 balance recorded an hour ago and a reload rule. */
async function prepaidWithRule() {
  const api = await openRealApi({ nowMs: NOW, demo: true });
  opened.push(api);
  const { selectedOrgId } = await api.invoke('orgs:list', {});
  const orgId = selectedOrgId!;
  // Only this test's entries: the demo's own ledger entries are removed first.
  for (const entry of (await api.invoke('ledger:get', { orgId })).entries)
    await api.invoke('ledger:removeEntry', { orgId, entryId: entry.id });
  await api.invoke('ledger:addEntry', {
    orgId,
    entry: { id: 'o1', kind: 'observation', atMs: NOW - 3_600_000, balanceMicros: 100_000_000, note: '' },
  });
  await api.invoke('ledger:updateBilling', {
    orgId,
    billing: {
      mode: 'prepaid',
      reload: {
        enabled: true,
        thresholdMicros: 20_000_000,
        action: { kind: 'restore-to', targetMicros: 60_000_000 },
        monthlyLimit: null,
      },
      hardLimitMicros: null,
      timeZone: 'UTC',
    },
  });
  return { api, orgId, money: await api.invoke('money:get', { orgId }) };
}

describe('money headline', () => {
  it('answers when auto-reload charges the card, with its range, probability and reloads to month end', async () => {
    const { money } = await prepaidWithRule();
    const f = money.forecast!;
    const h = buildMoneyHeadline(f, {
      hasReloadRule: true,
      mode: 'prepaid',
      nowMs: NOW,
      zone: ZONE,
      currency: 'USD',
    });
    expect(h.crossing!.subject).toBe('Auto-reload will charge your card');
    expect(h.crossing!.p50!.iso).toBe(new Date(f.crossing!.p50!).toISOString());
    expect(h.crossing!.p50!.relative).toMatch(/^in about \d+ (hours?|days?)$/);
    expect(h.crossing!.range).toMatch(/^likely between \w{3} \d+, .+ and /);
    expect(h.crossing!.probability).toMatch(/% chance within the next 31 days$/);
    expect(h.reloads!.until).toBe('end of November');
    expect(h.monthEndSpend.at).toBe('end of November');
    expect(h.reloads!.charges).toBe(`$${f.reloads!.cardChargesUsd.p50.toFixed(2)}`);
    expect(h.reloads!.count).toMatch(/^\d+ reloads? \(likely /);
    expect(h.monthEndCharge).toBeNull();
    expect(h.confidence.label).toMatch(/confidence$/);
  });

  it('words the no-rule, already-below, monthly-bill and beyond-horizon cases', async () => {
    const { money } = await prepaidWithRule();
    const f = money.forecast!;
    const opts = {
      hasReloadRule: false,
      mode: 'prepaid' as const,
      nowMs: NOW,
      zone: ZONE,
      currency: 'USD',
    };
    const noRule: ForecastSummary = { ...f, crossing: { ...f.crossing!, thresholdUsd: 0 } };
    expect(buildMoneyHeadline(noRule, opts).crossing!.subject).toBe('Your credit will run out');
    const below: ForecastSummary = { ...f, crossing: { ...f.crossing!, isAlreadyBelow: true } };
    const b = buildMoneyHeadline(below, { ...opts, hasReloadRule: true }).crossing!;
    expect(b.subject).toBe('The balance is already below the $20.00 reload threshold');
    expect(b.p50).toBeNull();
    const never: ForecastSummary = {
      ...f,
      crossing: { ...f.crossing!, p10: null, p50: null, p90: null, probabilityWithinHorizon: 0.04 },
    };
    const n = buildMoneyHeadline(never, opts).crossing!;
    expect([n.p50, n.range, n.probability]).toEqual([
      null,
      'not expected within the next 31 days',
      '4% chance within the next 31 days',
    ]);
    const monthly: ForecastSummary = {
      ...f,
      crossing: null,
      reloads: null,
      monthEnd: { ...f.monthEnd, cardChargeUsd: { p10: 80, p50: 120.5, p90: 190 } },
    };
    const m = buildMoneyHeadline(monthly, { ...opts, mode: 'monthly' }).monthEndCharge;
    expect(m).toEqual({
      p50: '$120.50',
      range: '$80.00–$190.00',
      at: 'Dec 1',
      label: 'Month-end card charge',
    });
    expect(horizonWords(36)).toBe('the next 36 hours');
  });
});

describe('balance and drift', () => {
  it('shows the estimate with its range and parts, from the recorded balance', async () => {
    const { money } = await prepaidWithRule();
    const b = money.balance!;
    const v = buildBalanceView(b, NOW, ZONE, 'prepaid', 'USD');
    expect(v.estimate).toMatch(/^\$\d+\.\d\d$/);
    expect(v.range).toMatch(/^\$[\d.]+–\$[\d.]+$/);
    expect(v.basis).toBe('From the $100.00 you recorded 1 hour ago (Nov 24, 3:00 PM)');
    expect(v.asOf).toBe('Nov 24, 4:00 PM');
    expect(v.isNegative).toBe(false);
    const withReload = buildBalanceView(
      { ...b, predictedReloads: [{ atMs: NOW - 600_000, micros: 41_000_000, status: 'predicted' }] },
      NOW,
      ZONE,
      'prepaid',
      'USD',
    );
    expect(withReload.predictedReloads[0]!.text).toBe(
      '+$41.00 reload around Nov 24, 3:50 PM (predicted, not confirmed)',
    );
  });

  it('always states the drift of a recorded balance, with its causes', async () => {
    const { api, orgId, money } = await prepaidWithRule();
    const far = money.balance!.estimateMicros + 40_000_000;
    const { reconciliation } = await api.invoke('ledger:addEntry', {
      orgId,
      entry: { id: 'o2', kind: 'observation', atMs: NOW, balanceMicros: far, note: '' },
    });
    const d = describeDrift(reconciliation!, 'USD');
    expect(d.isConsistent).toBe(false);
    expect(d.drift).toMatch(/^\+\$(39|40|41)\.\d\d$/);
    expect(d.summary).toMatch(
      /^Your recorded balance is \$[\d,.]+ higher than expected — a purchase or grant may be missing\.$/,
    );
    expect(d.causes.length).toBeGreaterThan(0);
    const consistent: Reconciliation = {
      ...reconciliation!,
      driftMicros: -30_000,
      isConsistent: true,
      causes: [],
    };
    expect(describeDrift(consistent, 'USD').summary).toBe(
      'It matches the estimate (−$0.03, within its range).',
    );
  });

  it('sizes a drift by how much it matters: $14.99 on a $200 balance is small, not an alarm', async () => {
    const { api, orgId, money } = await prepaidWithRule();
    const { reconciliation } = await api.invoke('ledger:addEntry', {
      orgId,
      entry: {
        id: 'o3',
        kind: 'observation',
        atMs: NOW,
        balanceMicros: money.balance!.estimateMicros,
        note: '',
      },
    });
    const small: Reconciliation = {
      ...reconciliation!,
      observedMicros: 200e6,
      driftMicros: -14_990_000,
      isConsistent: false,
    };
    const d = describeDrift(small, 'USD');
    expect(d.size).toBe('small');
    expect(d.summary).toBe(
      'It is $14.99 lower than expected. The estimate now starts from it; nothing needs doing.',
    );
    expect(describeDrift({ ...small, driftMicros: -80e6 }, 'USD').size).toBe('large');
    expect(describeDrift({ ...small, isConsistent: true }, 'USD').size).toBe('none');
  });

  it('lists ledger entries with kind, signed amount and expiry', async () => {
    const { money } = await prepaidWithRule();
    const rows = buildLedgerRows(
      [
        { id: 'p', kind: 'purchase', atMs: NOW, micros: 25_000_000, expiresAtMs: null, note: 'card' },
        ...money.ledger.entries,
      ],
      ZONE,
      'USD',
    );
    expect(rows.map((r) => [r.kindLabel, r.amount, r.detail])).toEqual([
      ['Purchase', '+$25.00', 'expires a year after purchase'],
      ['Balance recorded', '$100.00', null],
    ]);
  });
});
