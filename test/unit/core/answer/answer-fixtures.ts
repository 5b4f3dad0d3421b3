/** Builds one account's app state (ledger, spend, sync) from a few numbers, the way the app computes it. */
import { buildAccountAnswer } from '@core/answer/build-answer';
import type { AccountAnswer } from '@core/answer/account-answer';
import { buildDashboard } from '@core/build-dashboard';
import type { Dashboard } from '@core/dashboard';
import { LedgerFileSchema, type LedgerEntry, type LedgerFile } from '@core/ledger-schema';
import { computeMoneyView } from '@core/money-compute';
import type { MoneyView } from '@core/money-view';
import type { ProviderId } from '@core/provider-info';
import { INITIAL_SYNC_STATUS, type OrgSummary } from '@core/schemas';
import type { CostDay } from '@core/sync-data';
import { DAY_MS, startOfUtcDay } from '@core/time';

export const NOW = Date.UTC(2026, 11, 7, 9, 23);

export interface AccountSpec {
  orgId?: string;
  name?: string;
  provider?: ProviderId;
  currency?: string;
  isDemo?: boolean;
  nowMs?: number;
  /** Spend per UTC day, oldest first, ending today (today's share is partial). */
  dailyMicros?: number[];
  entries?: LedgerEntry[];
  billing?: Partial<LedgerFile['billing']>;
  /** Undefined: the default billing is left untouched (not set). */
  hasSynced?: boolean;
}

export interface AccountState {
  org: OrgSummary;
  money: MoneyView;
  dashboard: Dashboard;
  nowMs: number;
  isDemo: boolean;
}

/** The account's money view and dashboard at its instant. */
export function accountState(spec: AccountSpec = {}): AccountState {
  const nowMs = spec.nowMs ?? NOW;
  const today = startOfUtcDay(nowMs);
  const daily = spec.dailyMicros ?? Array.from({ length: 31 }, () => 24_000_000);
  const hasSynced = spec.hasSynced ?? true;
  const start = today - (daily.length - 1) * DAY_MS;
  const costDays: CostDay[] = hasSynced
    ? daily.map((micros, i) => ({
        dayStartMs: start + i * DAY_MS,
        rows: [{ projectId: 'proj_a', lineItem: 'gpt-4o-mini, input', micros }],
      }))
    : [];
  const org: OrgSummary = {
    id: spec.orgId ?? 'org_answer0001',
    name: spec.name ?? 'Acme',
    kind: spec.isDemo ? 'demo' : 'live',
    provider: spec.provider ?? 'openai',
    baseUrl: null,
    createdAtMs: start,
    hasKey: true,
  };
  const ledger = LedgerFileSchema.parse({
    version: 1,
    entries: spec.entries ?? [],
    billing: spec.billing ?? {},
  });
  const money = computeMoneyView({
    orgId: org.id,
    nowMs,
    ledger,
    costDays,
    usage: [],
    historyStartMs: hasSynced ? start : null,
    provider: org.provider,
    currency: spec.currency ?? 'USD',
  });
  const sync = hasSynced
    ? { ...INITIAL_SYNC_STATUS, state: 'ok' as const, lastSuccessMs: nowMs - 60_000 }
    : INITIAL_SYNC_STATUS;
  const dashboard = {
    ...buildDashboard({ org, nowMs, costDays, usage: null, projects: [], sync }),
    currency: spec.currency ?? 'USD',
  };
  if (!hasSynced) dashboard.asOfMs = null;
  return { org, money, dashboard, nowMs, isDemo: spec.isDemo ?? false };
}

/** The answer of an account state, as the app builds it. */
export function answerOf(s: AccountState, timeZone = 'UTC'): AccountAnswer {
  return buildAccountAnswer({
    nowMs: s.nowMs,
    timeZone,
    isDemo: s.isDemo,
    money: s.money,
    dashboard: s.dashboard,
    apiSpendLimit: null,
    wrongOrgFlags: [],
  });
}

export const observation = (atMs: number, micros: number, id = 'obs-1'): LedgerEntry => ({
  id,
  kind: 'observation',
  atMs,
  balanceMicros: micros,
  note: '',
});
