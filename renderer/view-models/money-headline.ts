/**
 * The forecast's headline answers as display strings: when auto-reload will charge the card (or the credit
 * runs out), reloads and card charges to month end, the monthly bill, the hard limit and expiring credit.
 */
import type { BillingMode } from '@core/billing';
import type { ForecastSummary } from '@core/forecast/summary';
import type { DisplayZone } from './format';
import { dayRangeWords, monthEndWords } from './plain-words';
import {
  describeConfidence,
  describeWhen,
  formatProbability,
  formatAmount,
  formatAmountRange,
  plural,
  type ConfidenceText,
  type WhenText,
} from './money-format';

export interface CrossingHeadline {
  /** "Auto-reload will charge your card" / "Your credit will run out" / "Your balance will fall below $20.00". */
  subject: string;
  /** Null when the median is beyond the horizon. */
  p50: WhenText | null;
  /** "likely between Nov 26, 5:06 AM and Dec 1, 2:17 AM" (P10–P90), or why not. */
  range: string;
  /** "89% chance within the next 31 days". */
  probability: string;
  isAlreadyBelow: boolean;
}

export interface MoneyHeadline {
  confidence: ConfidenceText;
  crossing: CrossingHeadline | null;
  /** Prepaid with a rule: reloads and what they charge until month end. */
  reloads: {
    count: string;
    /** No reload even at P90: the charge figures are left out. */
    isNoneLikely: boolean;
    charges: string;
    chargesRange: string;
    until: string;
    limitNote: string | null;
  } | null;
  /** Monthly / invoiced billing: the card charge when the month closes. */
  monthEndCharge: { p50: string; range: string; at: string; label: string } | null;
  monthEndSpend: { p50: string; range: string; at: string };
  spendLimit: string | null;
  expiring: string | null;
}

/**
 * Builds the headline from a forecast summary, in the user's zone.
 *
 * Example: crossing P50 in 3 days with a restore-to rule → `crossing.subject` "Auto-reload will charge your
 * card", `crossing.p50.relative` "in about 3 days", `reloads.count` "2 reloads (likely 0–5)".
 */
export function buildMoneyHeadline(
  forecast: ForecastSummary,
  options: {
    hasReloadRule: boolean;
    mode: BillingMode;
    nowMs: number;
    zone: DisplayZone;
    /** The billing months' zone (the ledger's; OpenAI's are UTC). */
    billingTimeZone?: string;
    /** The account's currency: every amount is in it. */
    currency: string;
  },
): MoneyHeadline {
  const { nowMs, zone, currency } = options;
  const horizon = horizonWords(forecast.horizonHours);
  const when = (iso: string | null) => (iso === null ? null : describeWhen(iso, nowMs, zone));
  const c = forecast.crossing;
  let crossing: CrossingHeadline | null = null;
  if (c) {
    const threshold = formatAmount(c.thresholdUsd, currency);
    const subject = options.hasReloadRule
      ? 'Auto-reload will charge your card'
      : c.thresholdUsd > 0
        ? `Your balance will fall below ${threshold}`
        : 'Your credit will run out';
    const p10 = when(c.p10);
    const p90 = when(c.p90);
    const range =
      p10 === null
        ? `not expected within ${horizon}`
        : `likely between ${p10.absolute} and ${p90 ? p90.absolute : `beyond ${horizon}`}`;
    crossing = {
      subject: c.isAlreadyBelow
        ? options.hasReloadRule
          ? `The balance is already below the ${threshold} reload threshold`
          : 'The credit has already run out'
        : subject,
      p50: c.isAlreadyBelow ? null : when(c.p50),
      range: c.isAlreadyBelow ? 'a reload (or a purchase) is due now' : range,
      probability: `${formatProbability(c.probabilityWithinHorizon)} chance within ${horizon}`,
      isAlreadyBelow: c.isAlreadyBelow,
    };
  }
  const r = forecast.reloads;
  // "end of November", not "Dec 1, 12:00 AM"; the charge itself is made on the 1st ("Dec 1").
  const until = monthEndWords(forecast.monthEnd.at, options.billingTimeZone ?? 'UTC', zone);
  const chargeDay = dayRangeWords(Date.parse(forecast.monthEnd.at), Date.parse(forecast.monthEnd.at), zone);
  const reloads = r
    ? {
        count:
          r.count.p90 === 0
            ? 'no reload expected'
            : `${plural(r.count.p50, 'reload')} (likely ${r.count.p10 === r.count.p90 ? r.count.p10 : `${r.count.p10}–${r.count.p90}`})`,
        isNoneLikely: r.count.p90 === 0,
        charges: formatAmount(r.cardChargesUsd.p50, currency),
        chargesRange: formatAmountRange(r.cardChargesUsd, currency),
        until,
        limitNote:
          r.probabilityLimitReached > 0
            ? `${formatProbability(r.probabilityLimitReached)} chance the monthly reload limit is reached (no more reloads after that).`
            : null,
      }
    : null;
  const m = forecast.monthEnd;
  const monthEndCharge = m.cardChargeUsd
    ? {
        p50: formatAmount(m.cardChargeUsd.p50, currency),
        range: formatAmountRange(m.cardChargeUsd, currency),
        at: chargeDay,
        label: options.mode === 'invoiced' ? 'Month-end invoice' : 'Month-end card charge',
      }
    : null;
  const s = forecast.spendLimit;
  let spendLimit: string | null = null;
  if (s) {
    const p50 = when(s.p50);
    spendLimit =
      `Hard limit ${formatAmount(s.limitUsd, currency)}: ${formatProbability(s.probabilityThisMonth)} chance it is hit this month` +
      (p50
        ? `, most likely ${p50.relative} (${p50.absolute}); requests then fail until the month ends.`
        : '.');
  }
  const e = forecast.expiringUnusedUsd;
  const expiring =
    e && e.p90 > 0
      ? `Credit expiring unused: ${formatAmount(e.p50, currency)} (likely ${formatAmountRange(e, currency)}).`
      : null;
  return {
    confidence: describeConfidence(forecast.confidence, forecast.model.historyHours),
    crossing,
    reloads,
    monthEndCharge,
    monthEndSpend: {
      p50: formatAmount(m.spendUsd.p50, currency),
      range: formatAmountRange(m.spendUsd, currency),
      at: until,
    },
    spendLimit,
    expiring,
  };
}

/** "the next 31 days" for a 744-hour horizon. */
export function horizonWords(hours: number): string {
  return hours % 24 === 0 ? `the next ${plural(hours / 24, 'day')}` : `the next ${plural(hours, 'hour')}`;
}
