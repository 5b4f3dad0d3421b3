/**
 * Credit lots over time: which credit is consumed first (grants, then purchases, earliest expiry first)
 * and how much of each lot expires unused.
 *
 * Example: a $10 grant expiring 1 May and a $50 purchase; $15 spent in April → the grant is used up,
 * $45 of the purchase remains, nothing expires on 1 May.
 */
import type { CreditLot } from './billing';
import { consumptionOrder, purchaseExpiryMs } from './lot-order';
import type { LedgerEntry } from './ledger-schema';
import type { Micros } from './money';
import { DAY_MS } from './time';

export interface LotState extends CreditLot {
  remainingMicros: Micros;
}
export interface ExpiryEvent {
  lotId: string;
  atMs: number;
  micros: Micros;
}

/** Credit lots from ledger entries (purchases and confirmed reloads expire a year after purchase). */
export function lotsFromEntries(entries: readonly LedgerEntry[]): CreditLot[] {
  const lots: CreditLot[] = [];
  for (const e of entries) {
    if (e.kind === 'grant')
      lots.push({ id: e.id, kind: 'grant', atMs: e.atMs, micros: e.micros, expiresAtMs: e.expiresAtMs });
    if (e.kind === 'purchase' || e.kind === 'reload') {
      const expiresAtMs =
        e.kind === 'purchase' && e.expiresAtMs !== null ? e.expiresAtMs : purchaseExpiryMs(e.atMs);
      lots.push({ id: e.id, kind: 'purchase', atMs: e.atMs, micros: e.micros, expiresAtMs });
    }
  }
  return lots;
}

/**
 * Replays spend (daily buckets, counted at mid-day) against the lots up to `untilMs`.
 * Spend with no credit left is `uncoveredMicros` (the balance goes negative; OpenAI takes it from the next purchase).
 */
export function replayLots(
  lots: readonly CreditLot[],
  costs: ReadonlyArray<{ dayStartMs: number; micros: Micros }>,
  untilMs: number,
): { lots: LotState[]; expired: ExpiryEvent[]; uncoveredMicros: Micros } {
  const state: LotState[] = consumptionOrder(lots).map((l) => ({ ...l, remainingMicros: l.micros }));
  const spend = costs
    .map((c) => ({ atMs: c.dayStartMs + DAY_MS / 2, micros: c.micros }))
    .filter((s) => s.atMs <= untilMs)
    .sort((a, b) => a.atMs - b.atMs);
  const expired: ExpiryEvent[] = [];
  let uncovered = 0;
  const expireUntil = (t: number): void => {
    for (const l of state) {
      if (l.expiresAtMs <= t && l.remainingMicros > 0) {
        expired.push({ lotId: l.id, atMs: l.expiresAtMs, micros: l.remainingMicros });
        l.remainingMicros = 0;
      }
    }
  };
  for (const s of spend) {
    expireUntil(s.atMs);
    let left = s.micros;
    for (const l of state) {
      if (left <= 0) break;
      if (l.atMs > s.atMs || l.remainingMicros <= 0) continue;
      const take = Math.min(left, l.remainingMicros);
      l.remainingMicros -= take;
      left -= take;
    }
    uncovered += left;
  }
  expireUntil(untilMs);
  expired.sort((a, b) => a.atMs - b.atMs);
  return { lots: state, expired, uncoveredMicros: uncovered };
}
