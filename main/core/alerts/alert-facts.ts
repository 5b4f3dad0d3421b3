/**
 * What the rules look at for one organization: plain figures, each with its "as of". Built by
 * `buildAlertFacts` from the money view, the dashboard, hourly usage and the synced spend limits.
 */
import type { AccountAnswer } from '../answer/account-answer';
import type { BillingMode } from '../billing';
import type { Micros } from '../money';
import type { ProviderId } from '../providers';
import type { MicrosBands } from './alert-types';
import type { SpikeFacts } from './spike-detect';

export interface OrgAlertFacts {
  /**
   * The account's answer: rules quote its figures' words, so an alert says what the page, the tray and
   * the command line say. Absent in facts built without one (older callers, focused tests).
   */
  answer?: AccountAnswer | null;
  orgId: string;
  orgName: string;
  /** Whose account it is and the provider's name as people say it ("DeepSeek"). */
  provider: ProviderId;
  providerName: string;
  /**
   * Where the balance comes from: `api` — the provider reports it (OpenRouter, DeepSeek; the estimate
   * starts from its newest reading); `ledger` — what the user recorded (OpenAI, Anthropic).
   */
  balanceSource: 'api' | 'ledger';
  /** The currency (ISO 4217) of every amount in these facts: micro-units of it. Example: 'CNY'. */
  currency: string;
  nowMs: number;
  /** IANA zone for the dates in the alerts' words. */
  timeZone: string;
  billingMode: BillingMode;
  /** Estimated credit balance (prepaid, once a balance was recorded or read from the API). */
  balance: { micros: Micros; asOfMs: number } | null;
  /** The newest balance the provider's API reported (balance providers only), else null. */
  apiBalance: { micros: Micros; atMs: number } | null;
  /** The forecast's typical spend per day (for days of runway), null without a forecast. */
  spendPerDayMicros: Micros | null;
  /** The next auto-reload the forecast expects (middle estimate) and what the card is charged. */
  nextReload: { atMs: number; chargeMicros: Micros | null } | null;
  /** Month end in the billing zone and what is expected until then. */
  monthEnd: {
    atMs: number;
    /** Monthly billing: the card charge after month end. */
    cardCharge: MicrosBands | null;
    /** Prepaid: reloads (card charges) expected before month end. */
    reloads: { countP50: number; charges: MicrosBands; probabilityAny: number } | null;
  } | null;
  /** Credit lots with credit left that expire in the future. */
  expiring: Array<{ lotId: string; micros: Micros; expiresAtMs: number }>;
  spike: SpikeFacts | null;
  spend: {
    monthToDateMicros: Micros;
    /** Yesterday and today (UTC days) — today provisional. */
    recentMicros: Micros;
    /** The 28 days before yesterday. */
    priorMicros: Micros;
    /** Finished days of history in the prior window (a new org has none). */
    priorDays: number;
    asOfMs: number | null;
  };
  sync: {
    state: 'never' | 'syncing' | 'ok' | 'error';
    /** Since when syncs have been failing (the last success, or when the org was added). */
    failingSinceMs: number | null;
    message: string | null;
  };
  /** The hard monthly spend limit: read from the API, else the one typed in the ledger. */
  spendLimit: { limitMicros: Micros; source: 'api' | 'ledger'; isEnforced: boolean } | null;
}
