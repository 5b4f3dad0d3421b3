/**
 * Credit lots as the user thinks of them: each purchase and grant with what remains of it, its expiry and days
 * left, and the credit likely to expire unused, with its date.
 *
 * What remains is anchored at the last recorded balance: that balance is held by the lots consumed last
 * (grants go first, then purchases, earliest expiry first), and spend since then is drawn from the lots in
 * that order. Without a recorded balance the lots are replayed against the costs the page has.
 *
 * Example: $1,000 bought 353 days ago, balance $702.35 recorded 3 days ago, a $50 grant yesterday, $25 a day →
 * the grant has ≈ $25 left, the purchase ≈ $652; at $24 a day only ≈ $288 of it is used before it expires in
 * 12 days, so ≈ $364 is called out as expiring unused on that date.
 */
import type { CreditLot } from '@core/billing';
import { consumptionOrder } from '@core/lot-order';
import { lotsFromEntries, replayLots } from '@core/credit-lots';
import type { DailyProjectSpend } from '@core/dashboard';
import type { LedgerEntry } from '@core/ledger-schema';
import { formatUsd } from '@core/money';
import { DAY_MS } from '@core/time';
import type { DisplayZone } from './format';

/** A day with its year: "Nov 30, 2025" (lots span years). */
function formatDay(ms: number, zone: DisplayZone): string {
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

/** What remains of each lot at `nowMs` (see the module doc), in consumption order. */
export function remainingLots(
  entries: readonly LedgerEntry[],
  daily: readonly DailyProjectSpend[],
  nowMs: number,
): Array<CreditLot & { remainingMicros: number }> {
  const lots = lotsFromEntries(entries.filter((e) => e.atMs <= nowMs));
  const obs = entries
    .filter(
      (e): e is Extract<LedgerEntry, { kind: 'observation' }> => e.kind === 'observation' && e.atMs <= nowMs,
    )
    .sort((a, b) => b.atMs - a.atMs)[0];
  let start = lots;
  let fromMs = -Infinity;
  if (obs) {
    fromMs = obs.atMs;
    let left = Math.max(0, obs.balanceMicros);
    const held = new Map<string, number>();
    const existing = consumptionOrder(lots.filter((l) => l.atMs <= obs.atMs && l.expiresAtMs > obs.atMs));
    for (const l of [...existing].reverse()) {
      const take = Math.min(left, l.micros);
      held.set(l.id, take);
      left -= take;
    }
    start = lots
      .filter((l) => l.atMs > obs.atMs || (held.get(l.id) ?? 0) > 0)
      .map((l) => (l.atMs > obs.atMs ? l : { ...l, micros: held.get(l.id)! }));
  }
  const costs = daily
    .map((d) => {
      const dayEnd = d.dayStartMs + DAY_MS;
      const covered = Math.max(0, Math.min(dayEnd, nowMs) - Math.max(d.dayStartMs, fromMs));
      const length = Math.min(DAY_MS, nowMs - d.dayStartMs);
      return {
        dayStartMs: d.dayStartMs,
        micros: length > 0 ? Math.round((d.totalMicros * covered) / length) : 0,
      };
    })
    .filter((c) => c.micros > 0);
  const replayed = replayLots(start, costs, nowMs).lots;
  const byId = new Map(replayed.map((l) => [l.id, l.remainingMicros]));
  return consumptionOrder(lots).map((l) => ({ ...l, remainingMicros: byId.get(l.id) ?? 0 }));
}

/** The rows of the credit lots table; `dailyUsd` is the forecast's typical daily spend. */
export function buildLotRows(
  entries: readonly LedgerEntry[],
  daily: readonly DailyProjectSpend[],
  nowMs: number,
  dailyUsd: number | null,
  zone: DisplayZone = {},
): LotRow[] {
  const lots = remainingLots(entries, daily, nowMs);
  let drawnBefore = 0;
  return lots.map((l) => {
    const isExpired = l.expiresAtMs <= nowMs;
    const days = Math.ceil((l.expiresAtMs - nowMs) / DAY_MS);
    let expiringUnused: string | null = null;
    if (!isExpired && l.remainingMicros > 0 && dailyUsd !== null) {
      const spendBefore = dailyUsd * 1e6 * ((l.expiresAtMs - nowMs) / DAY_MS);
      const unused = l.remainingMicros - Math.max(0, spendBefore - drawnBefore);
      if (unused >= 10_000)
        expiringUnused = `≈ ${formatUsd(unused)} will expire unused on ${formatDay(l.expiresAtMs, zone)}`;
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
      amount: formatUsd(l.micros),
      remaining: isExpired ? 'expired' : formatUsd(l.remainingMicros),
      remainingMicros: isExpired ? 0 : l.remainingMicros,
      expires: formatDay(l.expiresAtMs, zone),
      daysLeft: isExpired ? 'expired' : days <= 1 ? 'today' : `${days} days`,
      expiringUnused,
      isUsedUp: !isExpired && l.remainingMicros === 0,
    };
  });
}
