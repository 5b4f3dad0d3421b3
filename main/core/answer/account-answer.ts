/**
 * One account's answer: each figure the product tells (credit left, runs out, next auto-reload, card by
 * month end, expiring credit, this month, today) computed once, at one instant, with its range where
 * uncertain, its "as of", its source and its words. Every surface — card, page, alert, notification,
 * tray, command line, webhook — quotes these figures and their `text`; none derives its own.
 */
import type { BalanceChart } from '../charts/balance-chart';
import type { SpendCharts } from '../charts/spend-by';
import type { Micros } from '../money';
import type { ProviderId } from '../provider-info';
import type { MicrosRange } from '../words/money-words';
import type { ForecastDetails } from './forecast-details';

/** The figures every surface names (`data-figure` on the page, keys of `status --json`). */
export const FIGURE_NAMES = [
  'credit-left',
  'runs-out',
  'next-reload',
  'card-by-month-end',
  'expiring-unused',
  'this-month',
  'today',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** Where a figure comes from: typed by the user, read from the provider, or estimated from those. */
export type FigureSource = 'recorded' | 'provider' | 'estimated';

/** One named figure. `text` is what every surface shows; `value` is for scripts and sorting. */
export interface AnswerFigure {
  name: FigureName;
  /** False when it cannot be known yet: `text` then says why and what to do, never "$0.00". */
  isKnown: boolean;
  /** Micro-units of the account's currency (a date figure: the amount involved, if any), else null. */
  valueMicros: Micros | null;
  /** The likely range of `valueMicros`, after the one rounding rule; null when exact. */
  range: MicrosRange | null;
  /** The most likely instant, for date figures (runs out, next reload). */
  atMs: number | null;
  /** The instant the figure is "as of" (a reading, a sync, the forecast's now). */
  asOfMs: number | null;
  source: FigureSource | null;
  /** The figure in words, in the account's currency and the user's zone. */
  text: string;
  /** Where it comes from and as of when, in words ("read from DeepSeek, as of Mon 7 Dec, 09:23"); null when not known. */
  note: string | null;
}

/** How the account pays, as the user said it (or "not set": a default is never an answer). */
export type PaymentKind =
  | 'prepaid-auto-reload'
  | 'prepaid'
  | 'monthly'
  | 'monthly-with-credit'
  | 'invoiced'
  | 'provider-balance'
  | 'not-set';

/** Card charges by month end as a distribution: the chance of none, the likely count and amount. */
export interface CardDistribution {
  chanceNone: number;
  count: { low: number; mid: number; high: number };
  /** What one reload charges (prepaid with auto-reload), else null. */
  perChargeMicros: Micros | null;
  amount: MicrosRange;
  monthEndMs: number;
}

/** One credit lot with credit left: what remains now and what is expected to be left unused at expiry. */
export interface LotAnswer {
  lotId: string;
  kind: 'grant' | 'purchase' | 'reload';
  expiresAtMs: number;
  remaining: { micros: Micros; text: string };
  /** Null when this lot is not forecast on its own (several lots expire within the forecast). */
  unusedAtExpiry: { range: MicrosRange; text: string } | null;
  /** Whether some of this lot is likely to expire unused (its range reaches above zero): worth a callout. */
  isExpectedUnused: boolean;
  /** "$670.78 left, expires Sat 19 Dec; about $384 (likely $0–$573) expected unused". */
  text: string;
}

export interface AccountAnswer {
  orgId: string;
  orgName: string;
  provider: ProviderId;
  providerName: string;
  isDemo: boolean;
  currency: string;
  /** The instant every figure is computed for. */
  nowMs: number;
  timeZone: string;
  payment: { kind: PaymentKind; text: string };
  figures: Record<FigureName, AnswerFigure>;
  nextReload: { chanceBeforeMonthEnd: number; atMs: number | null; perReloadMicros: Micros } | null;
  cardByMonthEnd: CardDistribution | null;
  lots: LotAnswer[];
  hardLimit: { micros: Micros; source: 'provider' | 'recorded'; text: string } | null;
  /** "Wrong organization? …", or null. */
  wrongOrg: string | null;
  staleness: { lastSyncMs: number | null; isStale: boolean; text: string };
  /** What the forecast panel adds beside the figures (confidence, spend to month end, limits); null without a forecast. */
  forecast: ForecastDetails | null;
  /** The figure most worth a glance now (tray title, status line), and how urgent the account is (0–3). */
  urgency: number;
  headline: FigureName;
  /**
   * The page's charts, every amount computed here: the balance (or this month's spend) with its forecast and
   * likely range (null without a forecast), and daily spend by project, model, line item or key.
   */
  charts: { balance: BalanceChart | null; spend: SpendCharts };
  /** Whether the `expiring-unused` figure says some credit is likely to expire unused (worth a callout). */
  isExpiringUnused: boolean;
}
