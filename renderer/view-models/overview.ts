/**
 * The overview: one card per organization, side by side, with a total. Each card answers "how much credit
 * is left, where does usage go, when is the card charged next and how much before month end", from the
 * org's `dashboard:get` and `money:get` as they are (fields added later are ignored here).
 */
import type { Dashboard } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import { formatMoney } from '@core/money';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import type { ConversionRate } from '@core/schemas';
import { detectWrongOrg, flagsForOrg, type WrongOrgFlag } from '@core/wrong-org';
import { HOUR_MS } from '@core/time';
import { apiBalanceWords, spendSourceWords } from './figure-source';
import { formatDateTime, formatRelative, type DisplayZone } from './format';
import { formatAmount } from './money-format';
import { buildCurrencyTotals, type CurrencyTotal } from './overview-totals';
import { BILLING_MODE_WORDS, dayRangeWords, likelyWords, monthEndWords } from './plain-words';

export interface OrgData {
  orgId: string;
  name: string;
  provider: ProviderId;
  dashboard: Dashboard | null;
  money: MoneyView | null;
  error: string | null;
}

export interface Figure {
  value: string;
  /** "likely $420.00–$1,370.00", or null when the figure is exact. */
  likely: string | null;
  note: string | null;
}

export interface OrgCardView {
  orgId: string;
  name: string;
  /** "Anthropic". */
  providerName: string;
  /** The currency of every figure on the card, once known. */
  currency: string | null;
  /** "read from the fall of the balance since …" for balance providers, else null. */
  spendSource: string | null;
  isLoading: boolean;
  error: string | null;
  creditLeft: Figure | null;
  billingWords: string | null;
  nextReload: Figure | null;
  cardBeforeMonthEnd: Figure | null;
  monthToDate: string;
  today: string;
  asOf: string | null;
  asOfIso: string | null;
  /** "Up to date · last synced 2 min ago", "last synced 3 h ago — retrying", "Never synced yet". */
  syncText: string;
  isStale: boolean;
  flags: string[];
}

export interface OverviewView {
  cards: OrgCardView[];
  /** One line per currency (USD first); amounts of different currencies are never added up. */
  totals: CurrencyTotal[];
  flags: WrongOrgFlag[];
}

/** Synced longer ago than this, figures are shown dimmed as stale. */
export const STALE_AFTER_MS = HOUR_MS;

/** Says a wrong-org flag from the point of view of `orgId`. */
export function describeFlag(flag: WrongOrgFlag, orgId: string, currency: string): string {
  const spent = formatMoney(flag.recentMicros, currency);
  const usual = `usually ${formatMoney(flag.usualDailyMicros, currency)} a day`;
  const days = `the last ${flag.recentDays} days`;
  if (flag.toOrgId === orgId) {
    return flag.kind === 'started-spending'
      ? `Wrong organization? ${flag.toName} usually spends nothing and spent ${spent} in ${days}${flag.fromName ? ` — check keys meant for ${flag.fromName}` : ''}.`
      : `Wrong organization? ${flag.toName} spent ${spent} in ${days} (${usual}) while ${flag.fromName ?? 'another organization'} spent less.`;
  }
  return `Wrong organization? ${flag.toName} ${flag.kind === 'started-spending' ? 'usually spends nothing and ' : ''}spent ${spent} in ${days} — usage meant for ${flag.fromName ?? 'this organization'} may be going there.`;
}

function syncWords(d: Dashboard, nowMs: number): { text: string; isStale: boolean } {
  const s = d.sync;
  const last = s.lastSuccessMs === null ? null : `last synced ${formatRelative(s.lastSuccessMs, nowMs)}`;
  const isStale = s.lastSuccessMs !== null && nowMs - s.lastSuccessMs > STALE_AFTER_MS;
  if (s.state === 'error')
    return {
      text: `${last ?? 'Never synced'} — retrying (${s.lastError?.message ?? 'sync failed'})`,
      isStale: true,
    };
  if (s.state === 'syncing')
    return { text: last ? `Syncing… (${last})` : 'Syncing for the first time…', isStale };
  if (!last) return { text: 'Waiting for the first sync', isStale: false };
  return { text: isStale ? `${last} — retrying` : `Up to date · ${last}`, isStale };
}

/** Builds one card. */
export function buildOrgCard(
  data: OrgData,
  flags: WrongOrgFlag[],
  nowMs: number,
  zone: DisplayZone,
): OrgCardView {
  const { dashboard: d, money: m } = data;
  const f = m?.forecast ?? null;
  const billing = m?.ledger.billing ?? null;
  const rule = billing?.mode === 'prepaid' && billing.reload?.enabled ? billing.reload : null;
  const cur = m?.currency ?? d?.currency ?? 'USD';
  const isBalanceSource = PROVIDERS[data.provider].source === 'balance';
  const creditLeft: Figure | null = m?.apiBalance
    ? {
        value: formatMoney(m.apiBalance.balanceMicros, cur),
        likely: null,
        note: `${apiBalanceWords(data.provider, m.apiBalance.atMs, zone)} (settled)`,
      }
    : m && isBalanceSource
      ? {
          value: 'Not known yet',
          likely: null,
          note: `waiting for the first reading from the ${PROVIDERS[data.provider].name} API`,
        }
      : m?.balance
        ? {
            value: formatMoney(m.balance.estimateMicros, cur),
            likely: likelyWords(
              { p10: m.balance.lowMicros / 1e6, p50: 0, p90: m.balance.highMicros / 1e6 },
              cur,
            ),
            note: 'estimated (provisional)',
          }
        : billing && billing.mode !== 'prepaid'
          ? { value: 'No prepaid credit', likely: null, note: 'billed after the month ends' }
          : billing
            ? { value: 'Not known yet', likely: null, note: 'record the balance your billing page shows' }
            : null;
  let nextReload: Figure | null = null;
  if (rule && f?.crossing) {
    const c = f.crossing;
    const amount =
      rule.action.kind === 'restore-to'
        ? rule.action.targetMicros - rule.thresholdMicros
        : rule.action.amountMicros;
    nextReload = c.isAlreadyBelow
      ? { value: 'Due now', likely: null, note: `about ${formatMoney(amount, cur)} to your card` }
      : c.p10 === null
        ? { value: 'Not within the next 31 days', likely: null, note: null }
        : {
            value: c.p50
              ? dayRangeWords(Date.parse(c.p50), Date.parse(c.p50), zone)
              : 'Not within the next 31 days',
            likely: `likely ${dayRangeWords(Date.parse(c.p10), c.p90 ? Date.parse(c.p90) : null, zone)}`,
            note: `about ${formatMoney(amount, cur)} to your card`,
          };
  }
  let cardBeforeMonthEnd: Figure | null = null;
  if (f) {
    const end = monthEndWords(f.monthEnd.at, billing?.timeZone ?? 'UTC', zone);
    if (f.reloads) {
      cardBeforeMonthEnd = {
        value: formatAmount(f.reloads.cardChargesUsd.p50, cur),
        likely: likelyWords(f.reloads.cardChargesUsd, cur),
        note: `auto-reloads until the ${end}`,
      };
    } else if (f.monthEnd.cardChargeUsd) {
      cardBeforeMonthEnd = {
        value: formatAmount(f.monthEnd.cardChargeUsd.p50, cur),
        likely: likelyWords(f.monthEnd.cardChargeUsd, cur),
        note: `charged for usage to the ${end}`,
      };
    } else if (billing?.mode === 'prepaid') {
      cardBeforeMonthEnd = { value: formatAmount(0, cur), likely: null, note: `no auto-reload set up` };
    }
  }
  const hasData = d?.asOfMs != null;
  const sync = d ? syncWords(d, nowMs) : { text: 'Loading…', isStale: false };
  return {
    orgId: data.orgId,
    name: data.name,
    providerName: PROVIDERS[data.provider].name,
    currency: m?.currency ?? d?.currency ?? null,
    spendSource: d ? spendSourceWords(d.spendSource, zone) : null,
    isLoading: !d && !data.error,
    error: data.error,
    creditLeft,
    billingWords: billing ? BILLING_MODE_WORDS[billing.mode] : null,
    nextReload,
    cardBeforeMonthEnd,
    monthToDate: d && hasData ? formatMoney(d.monthToDate.totalMicros, cur) : '—',
    today: d && hasData ? formatMoney(d.today.costMicros, cur) : '—',
    asOf: d?.asOfMs != null ? formatDateTime(d.asOfMs, zone) : null,
    asOfIso: d?.asOfMs != null ? new Date(d.asOfMs).toISOString() : null,
    syncText: sync.text,
    isStale: sync.isStale,
    flags: flagsForOrg(flags, data.orgId).map((fl) => describeFlag(fl, data.orgId, cur)),
  };
}

/** The currency an org's figures are in, once either view has loaded. */
function currencyOf(o: OrgData): string | null {
  return o.money?.currency ?? o.dashboard?.currency ?? null;
}

/**
 * Builds the overview from every org's data; `rates` are the user's conversion rates (shown only as a
 * labelled US-dollar figure next to a currency's own total). Wrong-org flags compare accounts of one
 * currency only.
 *
 * Example: two USD orgs with estimates $675.54 and none (monthly) → the USD line's credit left "$675.54";
 * month-to-date $451.14 + $30.93 → "$482.07"; a CNY account adds a CNY line of its own.
 */
export function buildOverview(
  orgs: readonly OrgData[],
  nowMs: number,
  zone: DisplayZone = {},
  rates: readonly ConversionRate[] = [],
): OverviewView {
  const loaded = orgs.filter((o) => o.dashboard?.asOfMs != null && currencyOf(o) !== null);
  const flags = [...new Set(loaded.map(currencyOf))].flatMap((currency) =>
    detectWrongOrg(
      loaded
        .filter((o) => currencyOf(o) === currency)
        .map((o) => ({
          orgId: o.orgId,
          name: o.name,
          dailyMicros: o.dashboard!.daily.map((x) => x.totalMicros),
        })),
    ),
  );
  const cards = orgs.map((o) => buildOrgCard(o, flags, nowMs, zone));
  const totals = buildCurrencyTotals(
    orgs.flatMap((o) => {
      const currency = currencyOf(o);
      if (currency === null) return [];
      const f = o.money?.forecast;
      return [
        {
          currency,
          creditLeftMicros: o.money?.apiBalance?.balanceMicros ?? o.money?.balance?.estimateMicros ?? null,
          monthToDateMicros: o.dashboard?.asOfMs != null ? o.dashboard.monthToDate.totalMicros : null,
          cardMicros: Math.round(
            (f?.reloads?.cardChargesUsd.p50 ?? f?.monthEnd.cardChargeUsd?.p50 ?? 0) * 1e6,
          ),
        },
      ];
    }),
    rates,
    zone,
  );
  return { cards, totals, flags };
}
