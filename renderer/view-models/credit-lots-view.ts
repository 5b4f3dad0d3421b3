/**
 * Credit lots as the user thinks of them: each purchase and grant with what remains of it, its expiry and days
 * left, and the credit likely to expire unused, with its date.
 *
 * What remains comes from the ledger's replay on the host (`money:get`'s `lots`), so the table, the balance
 * and the forecast agree: a recorded balance is held by the lots drawn last (grants go first, then purchases,
 * earliest expiry first), and spend since then is drawn from the lots in that order.
 *
 * Example: $1,000 bought 353 days ago, balance $702.35 recorded 3 days ago, a $50 grant yesterday, $25 a day →
 * the grant has ≈ $25 left, the purchase ≈ $652; at $24 a day only ≈ $288 of it is used before it expires in
 * 12 days, so ≈ $364 is called out as expiring unused on that date.
 */
import type { CreditLot } from '@core/billing';
import { consumptionOrder } from '@core/lot-order';
import { lotsFromEntries } from '@core/credit-lots';
import type { LedgerEntry } from '@core/ledger-schema';
import { formatMoney, MICROS_PER_USD } from '@core/money';
import { DAY_MS } from '@core/time';
import { isShowableInstant, UNREADABLE_DATE, type DisplayZone } from './format';

/** A day with its year: "Nov 30, 2025" (lots span years). */
function formatDay(ms: number, zone: DisplayZone): string {
  if (!isShowableInstant(ms)) return UNREADABLE_DATE;
  return new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
    timeZone: zone.timeZone,
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(ms);
}

export interface LotRow {
  id: string;
  kind: string;
  added: string;
  amount: string;
  remaining: string;
  remainingMicros: number;
  expires: string;
  daysLeft: string;
  /** "≈ $364.12 will expire unused on Nov 30" or null. */
  expiringUnused: string | null;
  isUsedUp: boolean;
}

/**
 * Every credit lot of the ledger up to `nowMs` with what remains of it, in consumption order. What remains
 * comes from the ledger's own replay (`remaining`, by lot id; a lot absent there is used up or expired).
 */
export function remainingLots(
  entries: readonly LedgerEntry[],
  remaining: ReadonlyArray<{ id: string; remainingMicros: number }>,
  nowMs: number,
): Array<CreditLot & { remainingMicros: number }> {
  const lots = lotsFromEntries(entries.filter((e) => e.atMs <= nowMs));
  const byId = new Map(remaining.map((l) => [l.id, l.remainingMicros]));
  return consumptionOrder(lots).map((l) => ({ ...l, remainingMicros: byId.get(l.id) ?? 0 }));
}

/** The rows of the credit lots table; `dailyUsd` is the forecast's typical daily spend. */
export function buildLotRows(
  entries: readonly LedgerEntry[],
  remaining: ReadonlyArray<{ id: string; remainingMicros: number }>,
  nowMs: number,
  dailyUsd: number | null,
  zone: DisplayZone,
  currency: string,
): LotRow[] {
  const money = (micros: number) => formatMoney(micros, currency);
  const lots = remainingLots(entries, remaining, nowMs);
  let drawnBefore = 0;
  return lots.map((l) => {
    const isExpired = l.expiresAtMs <= nowMs;
    const days = Math.ceil((l.expiresAtMs - nowMs) / DAY_MS);
    let expiringUnused: string | null = null;
    if (!isExpired && l.remainingMicros > 0 && dailyUsd !== null) {
      const spendBefore = dailyUsd * MICROS_PER_USD * ((l.expiresAtMs - nowMs) / DAY_MS);
      const unused = l.remainingMicros - Math.max(0, spendBefore - drawnBefore);
      if (unused >= 10_000)
        expiringUnused = `≈ ${money(unused)} will expire unused on ${formatDay(l.expiresAtMs, zone)}`;
    }
    if (!isExpired) drawnBefore += l.remainingMicros;
    return {
      id: l.id,
      kind:
        l.kind === 'grant'
          ? 'Grant'
          : entries.find((e) => e.id === l.id)?.kind === 'reload'
            ? 'Auto-reload'
            : 'Purchase',
      added: formatDay(l.atMs, zone),
      amount: money(l.micros),
      remaining: isExpired ? 'expired' : money(l.remainingMicros),
      remainingMicros: isExpired ? 0 : l.remainingMicros,
      expires: formatDay(l.expiresAtMs, zone),
      daysLeft: isExpired ? 'expired' : days <= 1 ? 'today' : `${days} days`,
      expiringUnused,
      isUsedUp: !isExpired && l.remainingMicros === 0,
    };
  });
}
