/**
 * The organization page's four headline figures — credit left, the next card charge, card charges until
 * month end, spend until month end — each a figure with its likely range in words, "as of", and whether it is
 * settled, estimated or forecast. Built from `money:get` as it is (fields added later are ignored).
 */
import type { MoneyView } from '@core/money-view';
import { formatMoney } from '@core/money';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import { apiBalanceWords } from './figure-source';
import { formatDateTime, type DisplayZone } from './format';
import { formatAbout, formatAmount } from './money-format';
import { dayRangeWords, likelyWords, monthEndWords } from './plain-words';

export interface HeadlineFigure {
  key: 'credit' | 'next-charge' | 'card-charges' | 'month-end-spend';
  label: string;
  value: string;
  /** "likely $420.00–$1,370.00" / "likely Dec 3 – Dec 9", or null. */
  likely: string | null;
  /** What the figure is: "estimated from your recorded balance and costs (provisional today)", "forecast". */
  nature: string;
  note: string | null;
}

export interface OrgHeadline {
  figures: HeadlineFigure[];
  asOf: string;
  asOfIso: string;
}

/**
 * Builds the headline.
 *
 * Example: prepaid, estimate $675.54 (likely $669.89–$681.19), rule "below $10 restore to $50", crossing
 * around Dec 16 → credit "$675.54"; next card charge "about $40.00" on "Dec 16"; card charges until the end of
 * November "$0.00".
 */
export function buildOrgHeadline(
  money: MoneyView,
  nowMs: number,
  zone: DisplayZone,
  provider: ProviderId,
): OrgHeadline {
  const f = money.forecast;
  const billing = money.ledger.billing;
  const figures: HeadlineFigure[] = [];
  const b = money.balance;
  const cur = money.currency;
  const api = money.apiBalance;
  const fromApi = PROVIDERS[provider].source === 'balance';
  figures.push(
    api
      ? {
          key: 'credit',
          label: 'Balance',
          value: formatMoney(api.balanceMicros, cur),
          likely: null,
          nature: 'settled',
          note: `Balance ${apiBalanceWords(provider, api.atMs, zone)}`,
        }
      : b
        ? {
            key: 'credit',
            label: 'Credit left',
            value: formatMoney(b.estimateMicros, cur),
            likely: likelyWords({ p10: b.lowMicros / 1e6, p50: 0, p90: b.highMicros / 1e6 }, cur),
            nature: 'estimated: recorded balance, credit and settled costs, plus today’s provisional costs',
            note: null,
          }
        : {
            key: 'credit',
            label: 'Credit left',
            value: billing.mode === 'prepaid' || fromApi ? 'Not known yet' : 'No prepaid credit',
            likely: null,
            nature: fromApi
              ? `waiting for the first reading from the ${PROVIDERS[provider].name} API`
              : billing.mode === 'prepaid'
                ? 'record the balance your billing page shows'
                : 'usage goes on the card',
            note: null,
          },
  );
  if (!f)
    return {
      figures,
      asOf: formatDateTime(money.asOfMs, zone),
      asOfIso: new Date(money.asOfMs).toISOString(),
    };
  const end = monthEndWords(f.monthEnd.at, billing.timeZone, zone);
  const rule = billing.mode === 'prepaid' && billing.reload?.enabled ? billing.reload : null;
  const c = f.crossing;
  if (rule && c) {
    const amount =
      rule.action.kind === 'restore-to'
        ? rule.action.targetMicros - rule.thresholdMicros
        : rule.action.amountMicros;
    const p50 = c.p50 ? Date.parse(c.p50) : null;
    figures.push({
      key: 'next-charge',
      label: 'Next card charge (auto-reload)',
      value: c.isAlreadyBelow
        ? 'Due now'
        : p50 === null
          ? 'Not within the next 31 days'
          : dayRangeWords(p50, p50, zone),
      likely:
        c.isAlreadyBelow || c.p10 === null
          ? null
          : `likely ${dayRangeWords(Date.parse(c.p10), c.p90 ? Date.parse(c.p90) : null, zone)}`,
      nature: 'forecast',
      note:
        p50 !== null || c.isAlreadyBelow
          ? `about ${formatMoney(amount, cur)}${p50 !== null ? `, ${formatAbout(p50, nowMs)}` : ''}`
          : null,
    });
  } else if (f.monthEnd.cardChargeUsd) {
    const at = Date.parse(f.monthEnd.at);
    figures.push({
      key: 'next-charge',
      label: billing.mode === 'invoiced' ? 'Next invoice' : 'Next card charge',
      value: dayRangeWords(at, at, zone),
      likely: likelyWords(f.monthEnd.cardChargeUsd, cur),
      nature: 'forecast',
      note: `about ${formatAmount(f.monthEnd.cardChargeUsd.p50, cur)} for the month’s usage`,
    });
  }
  if (f.reloads) {
    figures.push({
      key: 'card-charges',
      label: `Card charges until the ${end}`,
      value: formatAmount(f.reloads.cardChargesUsd.p50, cur),
      likely: likelyWords(f.reloads.cardChargesUsd, cur),
      nature: 'forecast',
      note:
        f.reloads.count.p90 === 0
          ? 'no auto-reload expected'
          : `${f.reloads.count.p50} auto-reload${f.reloads.count.p50 === 1 ? '' : 's'} ${f.reloads.count.p10 === f.reloads.count.p90 ? '' : ` (likely ${f.reloads.count.p10}–${f.reloads.count.p90})`}`,
    });
  } else if (f.monthEnd.cardChargeUsd) {
    figures.push({
      key: 'card-charges',
      label: `Card charge for usage to the ${end}`,
      value: formatAmount(f.monthEnd.cardChargeUsd.p50, cur),
      likely: likelyWords(f.monthEnd.cardChargeUsd, cur),
      nature: 'forecast: settled and provisional costs so far plus the forecast',
      note: null,
    });
  }
  figures.push({
    key: 'month-end-spend',
    label: `Spend until the ${end}`,
    value: formatAmount(f.monthEnd.spendUsd.p50, cur),
    likely: likelyWords(f.monthEnd.spendUsd, cur),
    nature: 'forecast, from now',
    note: null,
  });
  return { figures, asOf: formatDateTime(money.asOfMs, zone), asOfIso: new Date(money.asOfMs).toISOString() };
}
