/**
 * Billing facts the API cannot give, entered by the user per org: billing mode, the auto-reload rule and
 * credit lots (purchases and grants) with their expiry. Amounts are integer micro-dollars.
 *
 * Example rule: "when the balance falls below $10, restore it to $50, at most $200 of reloads a month":
 * `{ enabled: true, thresholdMicros: 10e6, action: { kind: 'restore-to', targetMicros: 50e6 },
 *   monthlyLimit: { kind: 'usd', micros: 200e6 } }` → each reload charges the card ≈ $40.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Micros } from './money';
import { TimeZoneSchema } from './sane-values';

const MicrosSchema = z.number().int('amounts are whole micro-dollars');

/** `prepaid`: usage draws credit down. `monthly`: card charged after each month. `invoiced`: same, by invoice. */
export const BillingModeSchema = z.enum(['prepaid', 'monthly', 'invoiced']);
export type BillingMode = z.infer<typeof BillingModeSchema>;

/** What a reload does: restore the balance to a target (current UI) or add a fixed amount (older UI). */
export const ReloadActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('restore-to'), targetMicros: MicrosSchema.positive() }),
  z.object({ kind: z.literal('add-fixed'), amountMicros: MicrosSchema.positive() }),
]);
export type ReloadAction = z.infer<typeof ReloadActionSchema>;

/**
 * Optional monthly reload limit, either total USD of reloads or a number of reloads per calendar month
 * (OpenAI shows a USD limit; the count form covers cards with a per-month charge budget). A reload that
 * would go over the limit is assumed not to happen at all (OpenAI does not document partial reloads).
 */
export const MonthlyLimitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('usd'), micros: MicrosSchema.nonnegative() }),
  z.object({ kind: z.literal('count'), count: z.number().int().nonnegative() }),
]);
export type MonthlyLimit = z.infer<typeof MonthlyLimitSchema>;

export const ReloadRuleSchema = z
  .object({
    enabled: z.boolean(),
    /** The card is charged when the balance falls below this. */
    thresholdMicros: MicrosSchema.nonnegative(),
    action: ReloadActionSchema,
    monthlyLimit: MonthlyLimitSchema.nullable().default(null),
  })
  .refine((r) => r.action.kind !== 'restore-to' || r.action.targetMicros > r.thresholdMicros, {
    message: 'the reload target must be above the threshold',
    path: ['action', 'targetMicros'],
  });
export type ReloadRule = z.infer<typeof ReloadRuleSchema>;

export const BillingConfigSchema = z.object({
  mode: BillingModeSchema.default('prepaid'),
  reload: ReloadRuleSchema.nullable().default(null),
  /** Hard monthly spend limit set in the OpenAI dashboard, if any. */
  hardLimitMicros: MicrosSchema.positive().nullable().default(null),
  /** IANA zone whose calendar months bound the reload limit and month-end charges; OpenAI bills in UTC. */
  timeZone: TimeZoneSchema.default('UTC'),
});
export type BillingConfig = z.infer<typeof BillingConfigSchema>;

/** A lot of credit: consumed grants first, then purchases, each group earliest expiry first. */
export interface CreditLot {
  id: string;
  kind: 'grant' | 'purchase';
  atMs: number;
  micros: Micros;
  expiresAtMs: number;
}

// Lot order and purchase expiry live apart from the schemas, so the page can use them without zod.
export { consumptionOrder, purchaseExpiryMs } from './lot-order';

// The one rule for what a reload charges lives without zod, so the page can use it too.
export { reloadChargeMicros } from './reload-charge';

/** Whether one more reload of `chargeMicros` fits the monthly limit, given this month's reloads so far. */
export function fitsMonthlyLimit(
  limit: MonthlyLimit | null,
  month: { count: number; micros: Micros },
  chargeMicros: Micros,
): boolean {
  if (limit === null) return true;
  return limit.kind === 'count'
    ? month.count + 1 <= limit.count
    : month.micros + chargeMicros <= limit.micros;
}

/** Start of the calendar month after the one containing `ms`, in `zone` (month-end charges, limit resets). */
export function nextMonthStartMs(ms: number, zone: string): number {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new RangeError(`unknown time zone: ${zone}`);
  return dt.startOf('month').plus({ months: 1 }).toMillis();
}

/** Start of the calendar month containing `ms`, in `zone`. */
export function monthStartMs(ms: number, zone: string): number {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new RangeError(`unknown time zone: ${zone}`);
  return dt.startOf('month').toMillis();
}
