/** Facts for alert tests: a calm prepaid org, changed per test. */
import type { OrgAlertFacts } from '@core/alerts/alert-facts';
import { DAY_MS, HOUR_MS } from '@core/time';

/** Tue 2026-11-24 14:30 UTC (a pinned instant; tests never read the machine clock). */
export const NOW = Date.UTC(2026, 10, 24, 14, 30);

export type FactsPatch = Partial<Omit<OrgAlertFacts, 'spend' | 'sync'>> & {
  spend?: Partial<OrgAlertFacts['spend']>;
  sync?: Partial<OrgAlertFacts['sync']>;
};

/** A prepaid org with plenty of credit, no reload due, no spike, syncing fine. */
export function calmFacts(patch: FactsPatch = {}): OrgAlertFacts {
  const nowMs = patch.nowMs ?? NOW;
  const base: OrgAlertFacts = {
    orgId: 'org_acme0001',
    orgName: 'Acme',
    provider: 'openai',
    providerName: 'OpenAI',
    balanceSource: 'ledger',
    currency: 'USD',
    nowMs,
    timeZone: 'UTC',
    billingMode: 'prepaid',
    balance: { micros: 200_000_000, asOfMs: nowMs },
    apiBalance: null,
    spendPerDayMicros: 20_000_000,
    nextReload: { atMs: nowMs + 9 * DAY_MS, chargeMicros: 40_000_000 },
    monthEnd: {
      atMs: Date.UTC(2026, 11, 1),
      cardCharge: null,
      reloads: { countP50: 0, charges: { p10: 0, p50: 0, p90: 0 }, probabilityAny: 0.1 },
    },
    expiring: [{ lotId: 'lot1', micros: 50_000_000, expiresAtMs: nowMs + 200 * DAY_MS }],
    spike: {
      hourStartMs: nowMs - 30 * 60_000,
      tokens: 20_000,
      projectedTokens: 20_000,
      usualTokens: 20_000,
      ratio: 1,
      projectId: 'proj_1',
      projectName: 'Web',
      model: 'gpt-4o',
    },
    spend: {
      monthToDateMicros: 100_000_000,
      recentMicros: 40_000_000,
      priorMicros: 560_000_000,
      priorDays: 28,
      asOfMs: nowMs,
    },
    sync: { state: 'ok', failingSinceMs: null, message: null },
    spendLimit: { limitMicros: 1_000_000_000, source: 'api', isEnforced: true },
  };
  return {
    ...base,
    ...patch,
    spend: { ...base.spend, ...patch.spend },
    sync: { ...base.sync, ...patch.sync },
  } as OrgAlertFacts;
}

export const hoursFromNow = (h: number) => NOW + h * HOUR_MS;
