/**
 * What one account's answer is computed from: the money view (ledger replay, credit lots, the provider's
 * readings and the forecast, all at one instant), the dashboard (spend and sync), the hard limit read from
 * the provider, and the wrong-organization flags across accounts.
 */
import type { Dashboard } from '../dashboard';
import type { Micros } from '../money';
import type { MoneyView } from '../money-view';
import type { WrongOrgFlag } from '../wrong-org';

export interface AnswerInput {
  nowMs: number;
  /** The user's zone for dates in words. */
  timeZone: string;
  isDemo: boolean;
  money: MoneyView;
  dashboard: Dashboard;
  /** The hard monthly limit read from the provider (OpenAI), else null. */
  apiSpendLimit: { limitMicros: Micros; isEnforced: boolean } | null;
  wrongOrgFlags: readonly WrongOrgFlag[];
}

/** Days the forecast looks ahead: "not within 31 days". */
export const ANSWER_WINDOW_DAYS = 31;
/** Synced longer ago than this, the figures are stale. */
export const STALE_AFTER_MS = 60 * 60 * 1000;
