/**
 * Builds one org's alert facts from what the app already computes: the money view (balance, forecast),
 * the dashboard (month-to-date, daily spend, sync status), hourly usage and the synced spend limit. Pure.
 *
 * Example: a prepaid org with a "below $10 restore to $50" rule whose forecast crosses on Thu 09:00 →
 * `nextReload = { atMs: Thu 09:00, chargeMicros: 40_000_000 }`.
 */
import type { AccountAnswer } from '../answer/account-answer';
import { buildAccountAnswer } from '../answer/build-answer';
import { reloadChargeMicros } from '../billing';
import type { Dashboard } from '../dashboard';
import { toMicros } from '../money';
import type { MoneyView } from '../money-view';
import { PROVIDERS, type ProviderId } from '../providers';
import type { DailyTotal } from '../spend-history';
import type { UsageRow } from '../sync-data';
import { DAY_MS, startOfUtcDay } from '../time';
import type { OrgAlertFacts } from './alert-facts';
import { detectSpike } from './spike-detect';

/** A hard spend limit as synced from the API (cents converted to micro-dollars). */
export interface SyncedSpendLimit {
  limitMicros: number;
  isEnforced: boolean;
}

export interface FactSources {
  nowMs: number;
  timeZone: string;
  /** Whose account it is. */
  provider: ProviderId;
  /** When the org was added (sync failing "since" before any success). */
  orgCreatedAtMs: number;
  money: MoneyView;
  dashboard: Dashboard;
  /** Daily cost totals (the last 90 days) for credit-lot replay. */
  costTotals: readonly DailyTotal[];
  usage: readonly UsageRow[];
  /** First day of synced history, null before the first sync. */
  historyStartMs: number | null;
  spendLimit: SyncedSpendLimit | null;
  /**
   * The account's answer as the app serves it (page, tray, command line): the rules then quote that very
   * snapshot. Absent: one is built here from the same money view and dashboard.
   */
  answer?: AccountAnswer;
}

const fromAmount = (usd: number) => toMicros(usd);
const bandsOf = (b: { p10: number; p50: number; p90: number }) => ({
  p10: fromAmount(b.p10),
  p50: fromAmount(b.p50),
  p90: fromAmount(b.p90),
});

/** The facts the rules read (see `OrgAlertFacts`). */
export function buildAlertFacts(src: FactSources): OrgAlertFacts {
  const { money, dashboard: d, nowMs } = src;
  const billing = money.ledger.billing;
  const fc = money.forecast;
  const rule = billing.mode === 'prepaid' && billing.reload?.enabled ? billing.reload : null;
  const reloadAt = fc?.crossing?.p50 ? Date.parse(fc.crossing.p50) : null;
  const today = startOfUtcDay(nowMs);
  const yesterday = today - DAY_MS;
  const priorStart = yesterday - 28 * DAY_MS;
  const sumDays = (from: number, to: number) =>
    src.costTotals.filter((t) => t.dayStartMs >= from && t.dayStartMs < to).reduce((a, t) => a + t.micros, 0);
  // What the ledger's own replay leaves of each lot (the same figures as the page's credit lots).
  const lots = money.lots ?? [];
  const names = new Map(d.projects.map((p) => [p.id, p.name]));
  const hasHistory = src.historyStartMs !== null;
  const provider = src.provider;
  return {
    answer:
      src.answer ??
      buildAccountAnswer({
        nowMs,
        timeZone: src.timeZone,
        isDemo: d.org.kind === 'demo',
        money,
        dashboard: { ...d, org: { ...d.org, provider } },
        apiSpendLimit: src.spendLimit,
        wrongOrgFlags: [],
      }),
    orgId: d.org.id,
    orgName: d.org.name,
    provider,
    providerName: PROVIDERS[provider].name,
    balanceSource: PROVIDERS[provider].source === 'balance' ? 'api' : 'ledger',
    currency: money.currency,
    nowMs,
    timeZone: src.timeZone,
    billingMode: billing.mode,
    balance: money.balance ? { micros: money.balance.estimateMicros, asOfMs: money.balance.asOfMs } : null,
    apiBalance: money.apiBalance
      ? { micros: money.apiBalance.balanceMicros, atMs: money.apiBalance.atMs }
      : null,
    spendPerDayMicros: fc ? fromAmount(fc.model.levelPerDay) : null,
    nextReload:
      rule && reloadAt !== null
        ? { atMs: reloadAt, chargeMicros: reloadChargeMicros(rule.action, rule.thresholdMicros) }
        : null,
    monthEnd: fc
      ? {
          atMs: Date.parse(fc.monthEnd.at),
          cardCharge: fc.monthEnd.cardChargeAmount ? bandsOf(fc.monthEnd.cardChargeAmount) : null,
          reloads: fc.reloads
            ? {
                countP50: fc.reloads.count.p50,
                charges: bandsOf(fc.reloads.cardChargesAmount),
                probabilityAny: fc.reloads.probabilityAny,
              }
            : null,
        }
      : null,
    expiring: lots
      .filter((l) => l.remainingMicros > 0 && l.expiresAtMs > nowMs)
      .map((l) => ({ lotId: l.id, micros: l.remainingMicros, expiresAtMs: l.expiresAtMs })),
    spike: detectSpike(src.usage, nowMs, names),
    spend: {
      monthToDateMicros: d.monthToDate.totalMicros,
      recentMicros: sumDays(yesterday, today + DAY_MS),
      priorMicros: sumDays(priorStart, yesterday),
      priorDays: hasHistory
        ? Math.max(
            0,
            Math.min(28, Math.round((yesterday - Math.max(priorStart, src.historyStartMs ?? 0)) / DAY_MS)),
          )
        : 0,
      asOfMs: d.asOfMs,
    },
    sync: {
      state: d.sync.state,
      failingSinceMs:
        d.sync.state === 'error' || (d.sync.state === 'syncing' && d.sync.failures > 0)
          ? (d.sync.lastSuccessMs ?? src.orgCreatedAtMs)
          : null,
      message: d.sync.lastError?.message ?? null,
    },
    spendLimit: src.spendLimit
      ? { limitMicros: src.spendLimit.limitMicros, source: 'api', isEnforced: src.spendLimit.isEnforced }
      : billing.hardLimitMicros
        ? { limitMicros: billing.hardLimitMicros, source: 'ledger', isEnforced: true }
        : null,
  };
}
