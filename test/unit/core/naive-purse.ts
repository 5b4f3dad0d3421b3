/**
 * A deliberately plain reference for the purse, for property tests only: every operation walks every lot
 * and keeps no running total, index or bound. The product's purse (`@core/credit-lots`) must give the same
 * lots, balance, draws and expiries after any sequence of operations.
 */
import type { CreditLot } from '@core/billing';
import { compareConsumption, UNKNOWN_EXPIRY_MS } from '@core/lot-order';

export interface NaiveLot extends CreditLot {
  remainingMicros: number;
}
export interface NaivePurse {
  lots: NaiveLot[];
  debtMicros: number;
}

export const naiveBalance = (p: NaivePurse): number =>
  p.lots.reduce((s, l) => s + l.remainingMicros, 0) - p.debtMicros;

export function naiveAddLot(p: NaivePurse, lot: CreditLot): void {
  const repay = Math.min(p.debtMicros, lot.micros);
  p.debtMicros -= repay;
  // A full stable sort after appending: the order a plain reading of the rule gives.
  p.lots = [...p.lots, { ...lot, remainingMicros: lot.micros - repay }].sort(compareConsumption);
}

export function naiveDraw(p: NaivePurse, micros: number): number {
  let left = micros;
  for (const l of p.lots) {
    if (left <= 0) break;
    const take = Math.min(left, l.remainingMicros);
    l.remainingMicros -= take;
    left -= take;
  }
  return left;
}

export function naiveExpire(
  p: NaivePurse,
  atMs: number,
): Array<{ lotId: string; atMs: number; micros: number }> {
  const out = [];
  for (const l of p.lots)
    if (l.expiresAtMs <= atMs && l.remainingMicros > 0) {
      out.push({ lotId: l.id, atMs: l.expiresAtMs, micros: l.remainingMicros });
      l.remainingMicros = 0;
    }
  return out;
}

export function naiveObserve(p: NaivePurse, balanceMicros: number, atMs: number, id: string): void {
  p.debtMicros = Math.max(0, -balanceMicros);
  let left = Math.max(0, balanceMicros);
  for (let i = p.lots.length - 1; i >= 0; i--) {
    const l = p.lots[i]!;
    l.remainingMicros = Math.min(left, l.expiresAtMs > atMs ? l.micros : 0);
    left -= l.remainingMicros;
  }
  if (left > 0)
    naiveAddLot(p, {
      id: `${id}:unrecorded`,
      kind: 'purchase',
      atMs,
      micros: left,
      expiresAtMs: UNKNOWN_EXPIRY_MS,
    });
}
