/**
 * Gathers one org's alert facts from the services that already hold them (money view, dashboard, stored
 * costs and usage, synced spend limit) and hands them to core's `buildAlertFacts`.
 */
import { buildAlertFacts, type SyncedSpendLimit } from '@core/alerts/build-facts';
import type { OrgAlertFacts } from '@core/alerts/alert-facts';
import type { AccountAnswer } from '@core/answer/account-answer';
import type { Org } from '@core/schemas';
import { dailyTotals } from '@core/spend-history';
import { SPEND_HISTORY_DAYS, USAGE_KEEP_DAYS } from '@core/retention';
import { DAY_MS, startOfUtcDay } from '@core/time';
import type { MoneyService } from './money';
import type { SyncEngineTools } from './sync';

export interface FactsSourceDeps {
  money: Pick<MoneyService, 'view'>;
  sync: Pick<SyncEngineTools, 'dashboard' | 'history'>;
  spendLimit(orgId: string): SyncedSpendLimit | null;
  nowMs(): number;
  timeZone(): string;
  /** The account's answer as the app serves it, so alerts quote the page's very snapshot (absent: built here). */
  answerOf?(orgId: string): Promise<AccountAnswer>;
}

/** Returns a function that builds the facts of one org now. */
export function createAlertFactsSource(deps: FactsSourceDeps): (org: Org) => Promise<OrgAlertFacts> {
  return async (org) => {
    const nowMs = deps.nowMs();
    const today = startOfUtcDay(nowMs);
    const history = await deps.sync.history(org.id);
    const [answer, money, dashboard, costDays, usage] = await Promise.all([
      deps.answerOf?.(org.id),
      deps.money.view(org.id),
      deps.sync.dashboard(org.id),
      history.costDays({ startMs: today - SPEND_HISTORY_DAYS * DAY_MS, endMs: today + DAY_MS }),
      history.usage({ startMs: today - USAGE_KEEP_DAYS * DAY_MS, endMs: nowMs + 1 }),
    ]);
    return buildAlertFacts({
      nowMs,
      timeZone: deps.timeZone(),
      provider: org.provider,
      orgCreatedAtMs: org.createdAtMs,
      money,
      dashboard,
      costTotals: dailyTotals(costDays),
      usage,
      historyStartMs: history.sync().cursor.backfillStartMs,
      spendLimit: deps.spendLimit(org.id),
      answer,
    });
  };
}
