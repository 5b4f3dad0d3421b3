/**
 * Monthly / invoiced billing: this month's usage split between the card (or invoice) and credit, in words
 * and figures. Credit covers only usage after it was added, so the sentence names the purchase.
 */
import type { CardSplit } from '@core/card-split';
import { formatMoney } from '@core/money';
import { formatDateTime, type DisplayZone } from './format';

export interface CardSplitView {
  /** "$120.00 accrued before your purchase on Fri 13 Nov, 00:00 will be charged to your card on the 1st; …" */
  sentence: string;
  /** Usage on the card so far this month. */
  card: string;
  /** Usage drawn from credit this month. */
  fromCredit: string;
  /** Credit left now. */
  creditLeft: string;
  /** When the month closes: "Tue 1 Dec, 00:00". */
  chargeAt: string;
}

const WHAT: Record<NonNullable<CardSplit['creditSince']>['kind'], string> = {
  purchase: 'your purchase',
  grant: 'your grant',
  reload: 'your reload',
  observation: 'the balance you recorded',
};

/**
 * Describes the split.
 *
 * Example: card $120, $500 bought 13 Nov, $110 drawn, $390 left → "$120.00 accrued before your purchase on
 * Fri 13 Nov, 00:00 will be charged to your card on the 1st; usage since then draws your $500.00 credit
 * ($390.00 left)."
 */
export function buildCardSplitView(
  s: CardSplit,
  options: { isInvoiced: boolean; zone: DisplayZone; currency: string; nowMs: number },
): CardSplitView {
  const money = (micros: number) => formatMoney(micros, options.currency);
  const payer = options.isInvoiced ? 'invoiced' : 'charged to your card';
  const card = money(s.cardMicros);
  const left = money(s.creditLeftMicros);
  let sentence: string;
  if (s.creditSince) {
    const since = s.creditSince;
    const ranOut =
      s.creditLeftMicros === 0 ? ' until it ran out; usage after that is added to the charge' : '';
    sentence =
      `${card} accrued before ${WHAT[since.kind]} on ${formatDateTime(since.atMs, options.nowMs, options.zone)} will be ` +
      `${payer} on the 1st; usage since then draws your ${money(since.micros)} credit (${left} left)${ranOut}.`;
  } else if (s.hasCredit) {
    sentence = `Usage this month draws your credit (${left} left); ${card} not covered by credit will be ${payer} on the 1st.`;
  } else {
    sentence = `No credit recorded: all usage this month (${card} so far) will be ${payer} on the 1st.`;
  }
  return {
    sentence,
    card,
    fromCredit: money(s.creditDrawnMicros),
    creditLeft: left,
    chargeAt: formatDateTime(s.chargeAtMs, options.nowMs, options.zone),
  };
}
