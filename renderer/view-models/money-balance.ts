/**
 * The estimated balance's parts and a reconciliation's drift as display strings (where the estimate starts,
 * what changed since, predicted reloads, and the drift with its likely causes). The total itself is the
 * account's answer's credit left, said once on the page.
 */
import { roundedMoneyWords } from '@core/words/money-words';
import type { DriftWeight } from '@core/drift-weight';
import type { BalanceEstimate } from '@core/ledger-estimate';
import type { Reconciliation } from '@core/ledger-reconcile';
import type { BillingMode } from '@core/billing';
import { formatMoney, type Micros, MICROS_PER_UNIT, roundToCents } from '@core/money';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import { formatDateTime, formatUtcDay, type DisplayZone } from './format';
import { formatAbout } from './money-format';

export interface BalanceView {
  /** "How the estimated credit adds up" (prepaid) or "How the credit left adds up" (monthly / invoiced). */
  title: string;
  /** The balance the estimate starts from, exact to the cent. */
  start: string;
  asOf: string;
  asOfIso: string;
  basis: string;
  settled: string;
  provisional: string;
  creditsAdded: string;
  expired: string;
  predictedReloads: Array<{ key: string; text: string }>;
  /** Days with no cost bucket yet, said plainly (sync may be behind), or null. */
  missingDaysNote: string | null;
}

/**
 * Describes the parts of a balance estimate (not its total: that is the answer's credit left).
 *
 * Example: recorded $100.00, $36.00 spent since → `{ start: '$100.00', settled: '−$36.00', … }`.
 */
export function buildBalanceView(
  b: BalanceEstimate,
  nowMs: number,
  zone: DisplayZone,
  mode: BillingMode,
  currency: string,
  /** The newest balance a provider's API reported (OpenRouter, DeepSeek), or null. */
  api: { provider: ProviderId; atMs: number } | null = null,
): BalanceView {
  const money = (micros: Micros) => formatMoney(micros, currency);
  const basis =
    api && b.basis.observationId && b.basis.atMs === api.atMs
      ? `From the ${money(b.basis.balanceMicros)} the ${PROVIDERS[api.provider].name} API reported ${formatAbout(b.basis.atMs, nowMs)} (${formatDateTime(b.basis.atMs, nowMs, zone)})`
      : b.basis.observationId
        ? `From the ${money(b.basis.balanceMicros)} you recorded ${formatAbout(b.basis.atMs, nowMs)} (${formatDateTime(b.basis.atMs, nowMs, zone)})`
        : `From the credit you recorded since ${formatDateTime(b.basis.atMs, nowMs, zone)} (no balance recorded yet)`;
  return {
    title: mode === 'prepaid' ? 'How the estimated credit adds up' : 'How the credit left adds up',
    start: money(b.basis.balanceMicros),
    asOf: formatDateTime(b.asOfMs, nowMs, zone),
    asOfIso: new Date(b.asOfMs).toISOString(),
    basis,
    settled: signed('−', b.settledCostMicros, currency),
    provisional: signed('−', b.provisionalCostMicros, currency),
    creditsAdded: signed('+', b.creditsAddedMicros, currency),
    expired: signed('−', b.expiredMicros, currency),
    predictedReloads: b.predictedReloads.map((r) => ({
      key: String(r.atMs),
      text: `+${money(r.micros)} reload around ${formatDateTime(r.atMs, nowMs, zone)} (predicted, not confirmed)`,
    })),
    missingDaysNote:
      b.missingDays.length === 0
        ? null
        : `No cost data yet for ${b.missingDays.map((d) => formatUtcDay(d)).join(', ')} (counted as ${money(0)}: the sync may be behind).`,
  };
}

// A part that rounds to $0.00 carries no sign ("−$0.00" reads as a charge).
function signed(sign: '+' | '−', micros: Micros, currency: string): string {
  const text = formatMoney(micros, currency);
  return roundToCents(micros) === 0 ? text : `${sign}${text}`;
}

export interface DriftView {
  /** Signed drift, observed − estimated: "+$40.00" or "−$0.03". */
  drift: string;
  observed: string;
  estimated: string;
  isConsistent: boolean;
  /** How much it matters (core's one rule): 'minor' is said calmly, the others as something to check. */
  weight: DriftWeight;
  summary: string;
  causes: Array<{ key: string; message: string }>;
}

/**
 * Describes a reconciliation: the drift is always shown, even when it is within the estimate's range.
 *
 * Example: observed $104, estimate $64 → `{ drift: '+$40.00', summary: 'The balance is $40.00 higher than estimated …' }`.
 */
export function describeDrift(r: Reconciliation, currency: string, weight: DriftWeight): DriftView {
  const money = (micros: Micros) => formatMoney(micros, currency);
  const d = r.driftMicros;
  const size = money(Math.abs(d));
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const direction = d > 0 ? 'higher' : 'lower';
  const summary = r.isConsistent
    ? `It matches the estimate (${sign}${size}, within its range).`
    : weight === 'minor'
      ? `It is ${size} ${direction} than expected. The estimate now starts from it; nothing needs doing.`
      : `Your recorded balance is ${roundedMoneyWords(Math.round(Math.abs(d) / MICROS_PER_UNIT) * MICROS_PER_UNIT, currency)} ${direction} than expected — ${d > 0 ? 'a purchase or grant may be missing' : 'a cost or charge may be missing'}.`;
  return {
    drift: `${sign}${size}`,
    observed: money(r.observedMicros),
    estimated: money(r.estimate.estimateMicros),
    isConsistent: r.isConsistent,
    weight,
    summary,
    causes: r.causes.map((c, i) => ({ key: `${c.cause}-${i}`, message: c.message })),
  };
}
