/**
 * What one overview card leads with: the way the account pays as a short chip, one hero figure chosen by
 * what matters now, and at most two secondary lines. It quotes figures already computed (the card view and
 * core's payment answer); it computes no money.
 */
import { paymentOf } from '@core/answer/payment';
import type { PaymentKind } from '@core/answer/account-answer';
import { formatMoney } from '@core/money';
import { PROVIDERS } from '@core/provider-info';
import type { WrongOrgFlag } from '@core/wrong-org';
import type { DisplayZone } from './format';
import type { OrgCardView, OrgData } from './overview';

export interface CardHero {
  /** `data-figure` name of the hero. */
  figure: 'credit-left' | 'card-by-month-end' | 'next-reload' | 'this-month';
  label: string;
  value: string;
  /** Where the figure comes from: "estimate", "from DeepSeek". */
  source: string;
  /** "09:23": the figure's "as of" (the overview says it once when the cards' are minutes apart). */
  asOf: string | null;
  asOfMs: number | null;
}

export interface CardSummary {
  paymentKind: PaymentKind | null;
  /** "Prepaid · auto-reload $10 → $50", "Monthly invoice", "Balance from the API", "Not set". */
  chip: string;
  hero: CardHero | null;
  /** At most two. */
  lines: { figure: CardHero['figure']; text: string }[];
}

function clock(ms: number, zone: DisplayZone): string {
  return new Intl.DateTimeFormat(zone.locale ?? 'en-GB', {
    timeZone: zone.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/** Heroes whose "as of" lie within this window share one "as of" line on the overview. */
export const SHARED_AS_OF_WINDOW_MS = 10 * 60_000;

/**
 * The "as of" the heroes share — "09:23", or "09:20–09:23" when a few minutes apart — or null when they lie
 * further apart (each card then says its own).
 */
export function sharedAsOf(summaries: readonly CardSummary[]): string | null {
  const heroes = summaries.flatMap((s) => (s.hero?.asOfMs != null && s.hero.asOf ? [s.hero] : []));
  if (heroes.length === 0) return null;
  const sorted = [...heroes].sort((a, b) => a.asOfMs! - b.asOfMs!);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  if (last.asOfMs! - first.asOfMs! > SHARED_AS_OF_WINDOW_MS) return null;
  return first.asOf === last.asOf ? first.asOf : `${first.asOf}–${last.asOf}`;
}

/** The chip for a payment kind. */
function chipOf(data: OrgData, kind: PaymentKind): string {
  const m = data.money!;
  const r = m.ledger.billing.reload;
  const cur = m.currency;
  switch (kind) {
    case 'prepaid-auto-reload': {
      if (!r) return 'Prepaid · auto-reload';
      const to =
        r.action.kind === 'restore-to'
          ? `→ ${formatMoney(r.action.targetMicros, cur)}`
          : `+ ${formatMoney(r.action.amountMicros, cur)}`;
      return `Prepaid · auto-reload ${formatMoney(r.thresholdMicros, cur)} ${to}`;
    }
    case 'prepaid':
      return 'Prepaid · no auto-reload';
    case 'provider-balance':
      return `Balance from ${PROVIDERS[data.provider].name}`;
    case 'invoiced':
      return 'Monthly invoice';
    case 'monthly':
    case 'monthly-with-credit':
      return 'Card after each month';
    case 'not-set':
      return 'Not set';
  }
}

/**
 * The summary of one card.
 *
 * @example prepaid with auto-reload below $10 back to $50 → chip "Prepaid · auto-reload $10.00 → $50.00",
 * hero "Credit left $703.78", lines "Next auto-reload Dec 19 · about $40.00", "This month $92.86".
 */
export function buildCardSummary(data: OrgData, card: OrgCardView, zone: DisplayZone): CardSummary {
  const m = data.money;
  if (!m) return { paymentKind: null, chip: '', hero: null, lines: [] };
  const payment = paymentOf(m, data.provider);
  const chip = chipOf(data, payment.kind);
  const hasSpend = card.monthToDate !== '—';
  const thisMonth = { figure: 'this-month' as const, text: `This month ${card.monthToDate}` };
  if (payment.kind === 'not-set') {
    // No card figures until the user has said how the account pays.
    return { paymentKind: payment.kind, chip, hero: null, lines: hasSpend ? [thisMonth] : [] };
  }
  const creditSource = m.apiBalance ? `from ${PROVIDERS[data.provider].name}` : 'estimate';
  const creditAsOfMs = m.apiBalance ? m.apiBalance.atMs : m.balance ? m.balance.asOfMs : null;
  const creditAsOf = creditAsOfMs === null ? null : clock(creditAsOfMs, zone);
  if (payment.kind === 'invoiced' || payment.kind === 'monthly' || payment.kind === 'monthly-with-credit') {
    const card$ = card.cardBeforeMonthEnd;
    return {
      paymentKind: payment.kind,
      chip,
      hero: card$
        ? {
            figure: 'card-by-month-end',
            label: payment.kind === 'invoiced' ? 'Invoice at month end' : 'Card at month end',
            value: card$.value,
            source: 'estimate',
            asOf: data.dashboard?.asOfMs != null ? clock(data.dashboard.asOfMs, zone) : null,
            asOfMs: data.dashboard?.asOfMs ?? null,
          }
        : null,
      lines: hasSpend ? [thisMonth] : [],
    };
  }
  const lines: CardSummary['lines'] = [];
  if (card.nextReload)
    lines.push({
      figure: 'next-reload',
      text: `Next auto-reload ${card.nextReload.value}${card.nextReload.note ? ` · ${card.nextReload.note.replace(' to your card', '')}` : ''}`,
    });
  if (hasSpend) lines.push(thisMonth);
  return {
    paymentKind: payment.kind,
    chip,
    hero: card.creditLeft
      ? {
          figure: 'credit-left',
          label: 'Credit left',
          value: card.creditLeft.value,
          source: creditSource,
          asOf: creditAsOf,
          asOfMs: creditAsOfMs,
        }
      : null,
    lines: lines.slice(0, 2),
  };
}

/**
 * The wrong-organization flag as a card says it, on the account that spends unexpectedly.
 *
 * @example started spending → "Wrong organization? $12.92 in 3 days here, usually nothing. Keys meant for Demo organization?"
 */
export function cardFlagWords(flag: WrongOrgFlag, currency: string): string {
  const spent = formatMoney(flag.recentMicros, currency);
  const usual =
    flag.kind === 'started-spending'
      ? 'usually nothing'
      : `usually ${formatMoney(flag.usualDailyMicros, currency)} a day`;
  const from = flag.fromName ? ` Keys meant for ${flag.fromName}?` : '';
  return `Wrong organization? ${spent} in ${flag.recentDays} days here, ${usual}.${from}`;
}
