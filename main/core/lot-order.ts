/**
 * Which credit is used first, and when purchased credit expires: grants before purchases, earliest expiry
 * first. Kept apart from the billing schemas so the page can use it without the schema library.
 *
 * Example: a grant expiring 1 May and a purchase expiring 1 March → the grant is used first.
 */
import { DateTime } from 'luxon';
import type { CreditLot } from './billing';

/** Purchased credit expires one year after purchase (OpenAI billing FAQ), on the same calendar date, UTC. */
/**
 * The expiry of credit the ledger cannot date: a recorded balance larger than the recorded lots can hold.
 * Its purchase (and so its expiry) is unknown, so it is never taken to expire — a balance recorded long
 * ago must not vanish from the estimate a year later. The latest instant a Date can hold.
 */
export const UNKNOWN_EXPIRY_MS = 8.64e15;

export function purchaseExpiryMs(purchasedAtMs: number): number {
  // Plain UTC arithmetic (a replay asks this for every predicted reload); 29 February becomes 28 February.
  const d = new Date(purchasedAtMs);
  if (Number.isNaN(d.getTime()))
    return DateTime.fromMillis(purchasedAtMs, { zone: 'utc' }).plus({ years: 1 }).toMillis();
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  const month = d.getUTCMonth();
  const last = new Date(0);
  last.setUTCFullYear(d.getUTCFullYear(), month + 1, 0);
  d.setUTCDate(Math.min(day, last.getUTCDate()));
  return d.getTime();
}

/** Consumption order of two lots: grants before purchases, earliest expiry first, then oldest, then id. */
export function compareConsumption(a: CreditLot, b: CreditLot): number {
  return (
    (a.kind === b.kind ? 0 : a.kind === 'grant' ? -1 : 1) ||
    a.expiresAtMs - b.expiresAtMs ||
    a.atMs - b.atMs ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Sorts lots into consumption order: grants before purchases, earliest expiry first, then oldest. */
export function consumptionOrder<T extends CreditLot>(lots: readonly T[]): T[] {
  return [...lots].sort(compareConsumption);
}
