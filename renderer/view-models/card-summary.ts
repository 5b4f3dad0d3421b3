/**
 * What one overview card leads with: the way the account pays as a short chip, one hero figure chosen by
 * what matters now, and at most two secondary lines. It quotes figures already computed (the card view and
 * core's payment answer); it computes no money.
 */
import { paymentOf } from '@core/answer/payment';
import type { PaymentKind } from '@core/answer/account-answer';
import { formatMoney } from '@core/money';
import { PROVIDERS } from '@core/provider-info';
import type { DisplayZone } from './format';
import type { OrgCardView, OrgData } from './overview';

export interface CardHero {
  /** `data-figure` name of the hero. */
  figure: 'credit-left' | 'card-by-month-end' | 'next-reload' | 'this-month';
  label: string;
  value: string;
  /** "estimate · as of 09:23", "from DeepSeek · as of 09:20", or null. */
  marker: string | null;
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
  const asOf = m.apiBalance
    ? `from ${PROVIDERS[data.provider].name} · as of ${clock(m.apiBalance.atMs, zone)}`
    : m.balance
      ? `estimate · as of ${clock(m.balance.asOfMs, zone)}`
      : null;
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
            marker:
              data.dashboard?.asOfMs != null
                ? `estimate · as of ${clock(data.dashboard.asOfMs, zone)}`
                : null,
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
      ? { figure: 'credit-left', label: 'Credit left', value: card.creditLeft.value, marker: asOf }
      : null,
    lines: lines.slice(0, 2),
  };
}
