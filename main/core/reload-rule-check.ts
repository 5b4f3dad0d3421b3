/**
 * A fixed-amount auto-reload that cannot lift the balance back over its threshold is a rule the user
 * should hear about before saving it: with usage above the amount each hour, OpenAI would charge the
 * card again and again. The amount must be at least $1 and at least an average hour of recent usage.
 *
 * Example: add $0.000001 when below $1,000,000, usage about $16/hour → "A reload of $0.000001 cannot
 * lift the balance over the $1,000,000.00 threshold: …". A restore-to target must be above the threshold by
 * as much, for the same reason.
 */
import type { BillingConfig } from './billing';
import { formatMoney, type Micros, MICROS_PER_UNIT } from './money';

/** The smallest fixed reload accepted whatever the usage. */
export const MIN_FIXED_RELOAD_MICROS = MICROS_PER_UNIT;

/** A message for the reload amount field, or null when the rule can lift the balance. */
export function reloadRuleProblem(
  billing: BillingConfig,
  avgHourlyMicros: Micros,
  currency = 'USD',
): string | null {
  const fmt = (m: Micros) => formatMoney(m, currency);
  const rule = billing.reload;
  if (!rule || !rule.enabled) return null;
  const needed = Math.max(MIN_FIXED_RELOAD_MICROS, Math.ceil(avgHourlyMicros));
  const usage =
    avgHourlyMicros > MIN_FIXED_RELOAD_MICROS ? ` Your usage is about ${fmt(avgHourlyMicros)} an hour.` : '';
  if (rule.action.kind === 'restore-to') {
    // Restoring to just above the threshold (e.g. to $1,000.000001 below $1,000) lifts the balance by
    // less than an hour of use, so the card is charged after every hour: the gap is held to the same rule.
    if (rule.action.targetMicros - rule.thresholdMicros >= needed) return null;
    return `Restoring to ${fmt(rule.action.targetMicros)} barely lifts the balance over the ${fmt(rule.thresholdMicros)} threshold: the card would be charged again and again.${usage} Choose a target of at least ${fmt(rule.thresholdMicros + needed)}.`;
  }
  const amount = rule.action.amountMicros;
  if (amount >= needed) return null;
  // Under a cent, the cents a money format shows would read "0.00": show the micro-units.
  const shown =
    amount >= 10_000
      ? fmt(amount)
      : currency === 'USD'
        ? `$${(amount / MICROS_PER_UNIT).toFixed(6)}`
        : `${(amount / MICROS_PER_UNIT).toFixed(6)} ${currency}`;
  return `A reload of ${shown} cannot lift the balance over the ${fmt(rule.thresholdMicros)} threshold: the card would be charged again and again.${usage} Choose at least ${fmt(needed)}.`;
}
