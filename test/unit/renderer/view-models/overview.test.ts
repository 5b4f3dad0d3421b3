import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@core/dashboard';
import { INITIAL_SYNC_STATUS } from '@core/schemas';
import { DAY_MS, HOUR_MS } from '@core/time';
import type { MoneyView } from '@core/money-view';
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { ProviderId } from '@core/provider-info';
import { buildOverview as buildOverviewOf, type OrgData } from '../../../../renderer/view-models/overview';

/** A money view with nothing recorded yet. */
function emptyMoney(orgId: string, currency: string): MoneyView {
  return {
    orgId,
    asOfMs: NOW,
    currency,
    apiBalance: null,
    ledger: {
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
      entries: [],
    },
    balance: null,
    forecast: null,
    forecastNote: null,
    lastReconciliation: null,
    historyDays: 3,
  };
}

/** Each org's answer, built by core as the app serves it (`answer:get`). */
type OrgInput = Omit<OrgData, 'answer'>;
function withAnswer(o: OrgInput): OrgData {
  if (!o.dashboard) return { ...o, answer: null };
  const dashboard = {
    ...o.dashboard,
    org: { ...o.dashboard.org, id: o.orgId, name: o.name, provider: o.provider as ProviderId },
  };
  const answer = buildAccountAnswer({
    nowMs: NOW,
    timeZone: 'UTC',
    isDemo: false,
    money: o.money ?? emptyMoney(o.orgId, o.dashboard.currency),
    dashboard,
    apiSpendLimit: null,
    wrongOrgFlags: [],
  });
  return { ...o, answer };
}
const buildOverview = (
  orgs: readonly OrgInput[],
  ...rest: Parameters<typeof buildOverviewOf> extends [unknown, ...infer R] ? R : never
) => buildOverviewOf(orgs.map(withAnswer), ...rest);

const NOW = Date.UTC(2026, 10, 18, 15);
const USD = 1_000_000;

function dashboard(
  orgId: string,
  perDay: number[],
  lastSuccessMs = NOW - 60_000,
  currency = 'USD',
): Dashboard {
  const today = Math.floor(NOW / DAY_MS) * DAY_MS;
  const daily = perDay.map((usd, i) => ({
    dayStartMs: today - (perDay.length - 1 - i) * DAY_MS,
    byProject: [],
    totalMicros: usd * USD,
  }));
  return {
    org: { id: orgId } as Dashboard['org'],
    asOfMs: lastSuccessMs,
    monthToDate: {
      monthStartMs: Date.UTC(2026, 10, 1),
      settledMicros: 0,
      provisionalMicros: 0,
      totalMicros: 40 * USD,
    },
    today: { dayStartMs: today, costMicros: 2 * USD, requests: null },
    daily,
    projects: [],
    sync: { ...INITIAL_SYNC_STATUS, state: 'ok', lastSuccessMs, lastAttemptMs: lastSuccessMs },
    currency,
    spendSource: { kind: 'costs' },
  };
}

describe('overview', () => {
  it('flags the quiet org that starts spending on both cards, totals the orgs and dims a stale one', () => {
    const quiet = [...Array(27).fill(0), 0, 12, 13];
    const busy = Array(30).fill(25);
    const view = buildOverview(
      [
        {
          orgId: 'a',
          name: 'Acme',
          provider: 'openai',
          dashboard: dashboard('a', busy, NOW - 3 * HOUR_MS),
          money: null,
          error: null,
        },
        {
          orgId: 'p',
          name: 'Personal',
          provider: 'openai',
          dashboard: dashboard('p', quiet),
          money: null,
          error: null,
        },
      ],
      NOW,
      { locale: 'en-US', timeZone: 'UTC' },
    );
    expect(view.flags).toHaveLength(1);
    expect(view.cards[0]!.flags).toEqual([
      'Wrong organization? Personal usually spends nothing and spent $25.00 in the last 3 days — usage meant for Acme may be going there.',
    ]);
    expect(view.cards[1]!.flags[0]).toMatch(
      /^Wrong organization\? Personal usually spends nothing and spent \$25\.00/,
    );
    expect(view.totals).toHaveLength(1);
    expect(view.totals[0]).toMatchObject({ currency: 'USD', orgCount: 2, monthToDate: '$80.00' });
    expect(view.cards[0]!.isStale).toBe(true);
    expect(view.cards[0]!.syncText).toBe('last synced 3 hours ago — retrying');
    expect(view.cards[1]!.syncText).toBe('Up to date · last synced 1 minute ago');
  });
});

/** A balance provider's money view: the API's balance and nothing recorded by the user. */
function apiMoney(orgId: string, currency: string, balanceMicros: number): MoneyView {
  const atMs = NOW - 5 * 60_000;
  return {
    orgId,
    asOfMs: NOW,
    currency,
    apiBalance: { atMs, balanceMicros },
    ledger: {
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
      entries: [],
    },
    // The reading is the estimate's basis, with nothing spent since.
    balance: {
      asOfMs: atMs,
      basis: { observationId: `api-${atMs}`, atMs, balanceMicros },
      estimateMicros: balanceMicros,
      lowMicros: balanceMicros,
      highMicros: balanceMicros,
      sdMicros: 0,
      creditsAddedMicros: 0,
      settledCostMicros: 0,
      provisionalCostMicros: 0,
      expiredMicros: 0,
      predictedReloads: [],
      missingDays: [],
    },
    forecast: null,
    forecastNote: null,
    lastReconciliation: null,
    historyDays: 3,
  };
}

function balanceDashboard(orgId: string, currency: string, mtd: number): Dashboard {
  const d = dashboard(orgId, [1, 1, 1], NOW - 60_000, currency);
  return {
    ...d,
    monthToDate: { ...d.monthToDate, totalMicros: mtd * USD },
    spendSource: { kind: 'balance', sinceMs: Date.UTC(2026, 10, 15, 9) },
  };
}

describe('overview across currencies', () => {
  const orgs: OrgInput[] = [
    {
      orgId: 'a',
      name: 'Acme',
      provider: 'openai',
      dashboard: dashboard('a', [5]),
      money: null,
      error: null,
    },
    {
      orgId: 'r',
      name: 'Router',
      provider: 'openrouter',
      dashboard: balanceDashboard('r', 'USD', 7.5),
      money: apiMoney('r', 'USD', 137_151_908),
      error: null,
    },
    {
      orgId: 'd',
      name: 'Deep',
      provider: 'deepseek',
      dashboard: balanceDashboard('d', 'CNY', 100),
      money: apiMoney('d', 'CNY', 191_140_000),
      error: null,
    },
  ];
  const zone = { locale: 'en-US', timeZone: 'UTC' };

  it('keeps one total per currency and never adds CNY to USD', () => {
    const view = buildOverview(orgs, NOW, zone);
    expect(view.totals.map((t) => [t.currency, t.orgCount, t.monthToDate, t.creditLeft])).toEqual([
      ['USD', 2, '$47.50', '$137.15'],
      ['CNY', 1, 'CN¥100.00', 'CN¥191.14'],
    ]);
    expect(view.totals.every((t) => t.converted === null)).toBe(true);
  });

  it('adds a labelled US-dollar figure only for a currency the user set a rate for', () => {
    const rates = [{ currency: 'CNY', usdPerUnit: 0.14, setAtMs: Date.UTC(2026, 11, 2, 9) }];
    const view = buildOverview(orgs, NOW, zone, rates);
    expect(view.totals[0]!.converted).toBeNull();
    expect(view.totals[1]!.converted).toBe(
      '≈ $14.00 this month · $26.76 credit left, in US dollars at your rate 1 CNY = $0.14, set Wed 2 Dec',
    );
    const euro = buildOverview(orgs, NOW, zone, [{ currency: 'EUR', usdPerUnit: 1.08, setAtMs: NOW }]);
    expect(euro.totals[1]!.converted).toBeNull();
  });

  it('formats each card in its own currency and says where a balance provider’s figures come from', () => {
    const [acme, router, deep] = buildOverview(orgs, NOW, zone).cards;
    expect(acme!.providerName).toBe('OpenAI');
    expect(acme!.spendSource).toBeNull();
    expect(deep!.providerName).toBe('DeepSeek');
    expect(deep!.monthToDate?.text).toBe('CN¥100.00');
    expect(deep!.creditLeft).toMatchObject({
      name: 'credit-left',
      text: 'CN¥191.14',
      source: 'provider',
      note: 'read from DeepSeek, as of Wed 18 Nov, 14:55',
    });
    expect(deep!.spendSource).toBe(
      'read from the fall of the balance since Sun 15 Nov, 09:00 (the first reading)',
    );
    expect(router!.creditLeft!.text).toBe('$137.15');
    // An OpenAI account with nothing recorded says so in words, never $0.00.
    expect(acme!.creditLeft!.text).toBe('not known yet — record the balance your billing page shows');
    expect(acme!.billingWords).toBe('not set — say how this account pays');
  });

  it('compares spend for wrong-org flags only between accounts of one currency', () => {
    const quiet = [...Array(27).fill(0), 0, 120, 130];
    const view = buildOverview(
      [
        { ...orgs[0]!, dashboard: dashboard('a', Array(30).fill(25)) },
        { ...orgs[2]!, dashboard: { ...dashboard('d', quiet, NOW - 60_000, 'CNY') } },
      ],
      NOW,
      zone,
    );
    expect(view.flags).toEqual([]);
    // The same figures in one currency are flagged: the comparison itself still works.
    const same = buildOverview(
      [
        { ...orgs[0]!, dashboard: dashboard('a', Array(30).fill(25)) },
        { ...orgs[2]!, money: null, dashboard: dashboard('d', quiet) },
      ],
      NOW,
      zone,
    );
    expect(same.flags).toHaveLength(1);
  });
});
