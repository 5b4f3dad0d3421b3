/**
 * Credit lots as the user thinks of them: each purchase and grant with what remains of it, its expiry and days
 * left. These rows only format: what remains comes from the ledger's replay on the host (`money:get`'s `lots`),
 * and the credit expected to expire unused is the account's answer (`AccountAnswer.lots`), never derived here.
 *
 * Example: $1,000 bought on Fri 19 Dec 2025 with $670.78 left, expiring Sat 19 Dec, now Mon 7 Dec → a row
 * "Purchase · Fri 19 Dec 2025 · $1,000.00 · $670.78 · Sat 19 Dec · 12 days".
 */
import type { CreditLot } from '@core/billing';
import { consumptionOrder } from '@core/lot-order';
import { lotsFromEntries } from '@core/credit-lots';
import type { LedgerEntry } from '@core/ledger-schema';
import { formatMoney } from '@core/money';
import { DAY_MS } from '@core/time';
import { dateWords } from '@core/words/date-words';
import { isShowableInstant, UNREADABLE_DATE, type DisplayZone } from './format';

/** A day as every surface writes it ("Sat 19 Dec", the year added outside the current one). */
function formatDay(ms: number, nowMs: number, zone: DisplayZone): string {
  if (!isShowableInstant(ms)) return UNREADABLE_DATE;
  return dateWords(ms, nowMs, zone.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
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

/** The rows of the credit lots table. */
export function buildLotRows(
  entries: readonly LedgerEntry[],
  remaining: ReadonlyArray<{ id: string; remainingMicros: number }>,
  nowMs: number,
  zone: DisplayZone,
  currency: string,
): LotRow[] {
  const money = (micros: number) => formatMoney(micros, currency);
  const lots = remainingLots(entries, remaining, nowMs);
  return lots.map((l) => {
    const isExpired = l.expiresAtMs <= nowMs;
    const days = Math.ceil((l.expiresAtMs - nowMs) / DAY_MS);
    return {
      id: l.id,
      kind:
        l.kind === 'grant'
          ? 'Grant'
          : entries.find((e) => e.id === l.id)?.kind === 'reload'
            ? 'Auto-reload'
            : 'Purchase',
      added: formatDay(l.atMs, nowMs, zone),
      amount: money(l.micros),
      remaining: isExpired ? 'expired' : money(l.remainingMicros),
      remainingMicros: isExpired ? 0 : l.remainingMicros,
      expires: formatDay(l.expiresAtMs, nowMs, zone),
      daysLeft: isExpired ? 'expired' : days <= 1 ? 'today' : `${days} days`,
      isUsedUp: !isExpired && l.remainingMicros === 0,
    };
  });
}
