/**
 * Monthly billing with credit: which part of this month's usage goes on the card at month end and which
 * part credit covers. Credit covers only usage incurred after it was added, so usage accrued before a
 * mid-month purchase stays on the card ("buying credit does not cancel a charge for usage already accrued").
 *
 * Example: monthly billing, $10/day since 1 Nov, $500 bought on 13 Nov 00:00, now 24 Nov 00:00 →
 * `cardMicros` $120 (1–12 Nov) goes on the card on 1 Dec; `creditDrawnMicros` $110 came out of the $500,
 * `creditLeftMicros` $390.
 */
import { monthStartMs, nextMonthStartMs } from './billing';
import type { LedgerState } from './ledger-estimate';
import type { LedgerFile } from './ledger-schema';
import type { Micros } from './money';

export interface CardSplit {
  monthStartMs: number;
  /** When the month closes and the card is charged (the 1st, billing zone). */
  chargeAtMs: number;
  /** Usage this month so far that credit did not cover: on the card at month end. */
  cardMicros: Micros;
  /** Usage this month so far drawn from credit. */
  creditDrawnMicros: Micros;
  /** Credit left now (zero when there is none). */
  creditLeftMicros: Micros;
  /** Whether credit covers any of this month's usage: some was drawn, or some is left. */
  hasCredit: boolean;
  /**
   * The first credit added this month (or the first positive balance recorded): usage before it is on the
   * card. Null when no credit was added this month.
   */
  creditSince: { atMs: number; kind: 'purchase' | 'grant' | 'reload' | 'observation'; micros: Micros } | null;
}

/** The split for the month containing `nowMs`, from a replayed ledger; null on prepaid billing. */
export function cardSplit(ledger: LedgerFile, state: LedgerState, nowMs: number): CardSplit | null {
  if (ledger.billing.mode === 'prepaid') return null;
  const zone = ledger.billing.timeZone;
  const month = monthStartMs(nowMs, zone);
  const credit = ledger.entries
    .filter((e) => e.atMs >= month && e.atMs <= nowMs)
    .filter((e) => e.kind !== 'card-charge' && (e.kind !== 'observation' || e.balanceMicros > 0))
    .sort((a, b) => a.atMs - b.atMs)[0];
  const drawn = state.drawnByMonth.get(month) ?? 0;
  const left = Math.max(0, state.estimate?.estimateMicros ?? 0);
  return {
    monthStartMs: month,
    chargeAtMs: nextMonthStartMs(nowMs, zone),
    cardMicros: state.cardByMonth.get(month) ?? 0,
    creditDrawnMicros: drawn,
    creditLeftMicros: left,
    hasCredit: drawn > 0 || left > 0,
    creditSince:
      credit === undefined
        ? null
        : {
            atMs: credit.atMs,
            kind: credit.kind as 'purchase' | 'grant' | 'reload' | 'observation',
            micros: credit.kind === 'observation' ? credit.balanceMicros : credit.micros,
          },
  };
}
