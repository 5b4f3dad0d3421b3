/**
 * Credit lots and how they are drawn: grants first, then purchases, each earliest expiry first; what is
 * left in a lot when it expires is lost. Spend with no credit left is a debt (the balance is negative)
 * that the next credit pays off first (OpenAI takes the overshoot from the next purchase).
 *
 * Example: a $10 grant expiring 1 May and a $50 purchase; $15 spent in April → the grant is used up,
 * $45 of the purchase remains, nothing expires on 1 May.
 */
import type { CreditLot } from './billing';
import { compareConsumption, purchaseExpiryMs, UNKNOWN_EXPIRY_MS } from './lot-order';
import type { LedgerEntry } from './ledger-schema';
import type { Micros } from './money';

export interface LotState extends CreditLot {
  remainingMicros: Micros;
}
export interface ExpiryEvent {
  lotId: string;
  atMs: number;
  micros: Micros;
}

/** The lot a credit entry adds (purchases and confirmed reloads expire a year after purchase), or null. */
export function lotOf(e: LedgerEntry): CreditLot | null {
  if (e.kind === 'grant')
    return { id: e.id, kind: 'grant', atMs: e.atMs, micros: e.micros, expiresAtMs: e.expiresAtMs };
  if (e.kind === 'purchase' || e.kind === 'reload') {
    const expiresAtMs =
      e.kind === 'purchase' && e.expiresAtMs !== null ? e.expiresAtMs : purchaseExpiryMs(e.atMs);
    return { id: e.id, kind: 'purchase', atMs: e.atMs, micros: e.micros, expiresAtMs };
  }
  return null;
}

/** The credit lots of a ledger's entries. */
export function lotsFromEntries(entries: readonly LedgerEntry[]): CreditLot[] {
  return entries.map(lotOf).filter((l): l is CreditLot => l !== null);
}

/**
 * The credit a ledger holds at one moment of a replay: lots in consumption order and a debt. A replay
 * touches the purse every hour for months while predicted reloads add a lot nearly every hour, so the
 * operations here keep three facts instead of walking every lot each time: the credit the lots hold, the
 * first lot that may hold any, and a lower bound on the expiry of the lots that do. Change a purse only
 * through the functions below (and start one with `createPurse`).
 */
export interface Purse {
  /** Lots in consumption order; spent and expired lots stay, holding nothing. */
  lots: LotState[];
  debtMicros: Micros;
  /** The sum of the lots' `remainingMicros`. */
  creditMicros: Micros;
  /** Every lot before this index holds nothing: draws start here. */
  head: number;
  /** No lot holding credit expires before this instant: an expiry check before it is one comparison. */
  nextExpiryMs: number;
}

/** An empty purse: no lots, no debt. */
export function createPurse(): Purse {
  return { lots: [], debtMicros: 0, creditMicros: 0, head: 0, nextExpiryMs: Infinity };
}

/** Balance of a purse: remaining credit minus debt. */
export function purseBalance(p: Purse): Micros {
  return p.creditMicros - p.debtMicros; // never −0
}

/** Adds a lot; it pays off any debt first. */
export function addLot(p: Purse, lot: CreditLot): void {
  const repay = Math.min(p.debtMicros, lot.micros);
  p.debtMicros -= repay;
  // The lots are already in order: insert after every lot that goes first or ties (as a stable sort
  // would), so a replay adding a reload every hour does not re-sort thousands of lots each time.
  const added = { ...lot, remainingMicros: lot.micros - repay };
  let lo = 0;
  let hi = p.lots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareConsumption(p.lots[mid]!, added) <= 0) lo = mid + 1;
    else hi = mid;
  }
  p.lots.splice(lo, 0, added);
  if (added.remainingMicros > 0) {
    p.creditMicros += added.remainingMicros;
    if (lo < p.head) p.head = lo;
    if (added.expiresAtMs < p.nextExpiryMs) p.nextExpiryMs = added.expiresAtMs;
  } else if (lo < p.head) p.head++;
}

/** Draws up to `micros` from the lots in consumption order; returns what the lots could not cover. */
export function drawLots(p: Purse, micros: Micros): Micros {
  let left = micros;
  const lots = p.lots;
  let i = p.head;
  for (; i < lots.length && left > 0; i++) {
    const l = lots[i]!;
    const take = Math.min(left, l.remainingMicros);
    l.remainingMicros -= take;
    p.creditMicros -= take;
    left -= take;
    if (l.remainingMicros > 0) break; // the draw is covered and this lot still holds credit
  }
  while (i < lots.length && lots[i]!.remainingMicros <= 0) i++;
  p.head = i;
  return left;
}

/** Expires every lot whose expiry is at or before `atMs`; returns what was lost. */
export function expireLots(p: Purse, atMs: number): ExpiryEvent[] {
  if (atMs < p.nextExpiryMs) return [];
  const out: ExpiryEvent[] = [];
  let next = Infinity;
  for (let i = p.head; i < p.lots.length; i++) {
    const l = p.lots[i]!;
    if (l.remainingMicros <= 0) continue;
    if (l.expiresAtMs <= atMs) {
      out.push({ lotId: l.id, atMs: l.expiresAtMs, micros: l.remainingMicros });
      p.creditMicros -= l.remainingMicros;
      l.remainingMicros = 0;
    } else if (l.expiresAtMs < next) next = l.expiresAtMs;
  }
  p.nextExpiryMs = next;
  settleHead(p);
  return out;
}

/**
 * Sets the purse to an observed balance. Usage draws lots front to back, so what is left is the credit
 * drawn last: the balance is given to the lots from the back of the consumption order, each up to its
 * amount (expired lots hold nothing); more than they can hold is credit of unknown origin, added at the
 * observation and never taken to expire (`UNKNOWN_EXPIRY_MS`). This depends only on which lots exist,
 * not on earlier spend.
 *
 * Example: a $10 grant and a $50 purchase, $55 observed → the purchase holds $50, the grant $5.
 */
export function observeBalance(p: Purse, balanceMicros: Micros, atMs: number, id: string): void {
  p.debtMicros = Math.max(0, -balanceMicros);
  let left = Math.max(0, balanceMicros);
  let next = Infinity;
  for (let i = p.lots.length - 1; i >= 0; i--) {
    const l = p.lots[i]!;
    l.remainingMicros = Math.min(left, l.expiresAtMs > atMs ? l.micros : 0);
    left -= l.remainingMicros;
    if (l.remainingMicros > 0 && l.expiresAtMs < next) next = l.expiresAtMs;
  }
  p.creditMicros = Math.max(0, balanceMicros) - left;
  p.nextExpiryMs = next;
  p.head = 0;
  settleHead(p);
  if (left > 0)
    addLot(p, {
      id: `${id}:unrecorded`,
      kind: 'purchase',
      atMs,
      micros: left,
      expiresAtMs: UNKNOWN_EXPIRY_MS,
    });
}

// Moves the head past the lots that hold nothing.
function settleHead(p: Purse): void {
  while (p.head < p.lots.length && p.lots[p.head]!.remainingMicros <= 0) p.head++;
}
