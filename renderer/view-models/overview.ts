/**
 * The overview: one card per organization, side by side, with a total. Each card answers "how much credit
 * is left, where does usage go, when is the card charged next and how much before month end", from the
 * org's `dashboard:get` and `money:get` as they are (fields added later are ignored here).
 */
import type { AccountAnswer, AnswerFigure } from '@core/answer/account-answer';
import { describeWrongOrgFlag } from '@core/answer/wrong-org-words';
import { agoWords } from '@core/words/time-words';
import type { Dashboard } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import type { ConversionRate } from '@core/schemas';
import { flagsForOrg, type WrongOrgFlag } from '@core/wrong-org';
import { wrongOrgFlagsOf } from '@core/answer/wrong-org-flags';
import { displayZone, systemTimeZone } from '@core/time-zone';
import { HOUR_MS } from '@core/time';
import { spendSourceWords } from './figure-source';
import { formatDateTime, type DisplayZone } from './format';
import { currencyTotals, type CurrencyTotal } from '@core/answer/currency-totals';

export interface OrgData {
  orgId: string;
  name: string;
  provider: ProviderId;
  dashboard: Dashboard | null;
  money: MoneyView | null;
  /** The account's answer (every figure the card shows), null until loaded. */
  answer: AccountAnswer | null;
  error: string | null;
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
  /** The account's answer, quoted: null while loading (or a figure that does not apply to how it pays). */
  creditLeft: AnswerFigure | null;
  /** How the account pays, in words. */
  billingWords: string | null;
  runsOut: AnswerFigure | null;
  nextReload: AnswerFigure | null;
  cardBeforeMonthEnd: AnswerFigure | null;
  expiringUnused: AnswerFigure | null;
  monthToDate: AnswerFigure | null;
  today: AnswerFigure | null;
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

/** Says a wrong-org flag from the point of view of `orgId` (core's words). */
export const describeFlag = describeWrongOrgFlag;

function syncWords(d: Dashboard, nowMs: number): { text: string; isStale: boolean } {
  const s = d.sync;
  const last = s.lastSuccessMs === null ? null : `last synced ${agoWords(s.lastSuccessMs, nowMs)}`;
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

/** Builds one card: every figure quoted from the account's answer, none computed here. */
export function buildOrgCard(
  data: OrgData,
  flags: WrongOrgFlag[],
  nowMs: number,
  zone: DisplayZone,
): OrgCardView {
  const { dashboard: d, money: m, answer: a } = data;
  const cur = a?.currency ?? m?.currency ?? d?.currency ?? 'USD';
  const pays = a?.payment.kind ?? null;
  const shows = (kinds: readonly string[]) => pays !== null && kinds.includes(pays);
  const creditLeft = a ? a.figures['credit-left'] : null;
  const runsOut = a && shows(['prepaid', 'provider-balance', 'not-set']) ? a.figures['runs-out'] : null;
  const nextReload = a && shows(['prepaid-auto-reload']) ? a.figures['next-reload'] : null;
  const cardBeforeMonthEnd = a ? a.figures['card-by-month-end'] : null;
  const expiringUnused = a && a.lots.length > 0 ? a.figures['expiring-unused'] : null;
  const sync = d ? syncWords(d, nowMs) : { text: 'Loading…', isStale: false };
  return {
    orgId: data.orgId,
    name: data.name,
    providerName: PROVIDERS[data.provider].name,
    currency: m?.currency ?? d?.currency ?? null,
    spendSource: d ? spendSourceWords(d.spendSource, nowMs, zone) : null,
    isLoading: !d && !data.error,
    error: data.error,
    creditLeft,
    billingWords: a ? a.payment.text : null,
    runsOut,
    nextReload,
    cardBeforeMonthEnd,
    expiringUnused,
    monthToDate: a ? a.figures['this-month'] : null,
    today: a ? a.figures.today : null,
    asOf: d?.asOfMs != null ? formatDateTime(d.asOfMs, nowMs, zone) : null,
    asOfIso: d?.asOfMs != null ? new Date(d.asOfMs).toISOString() : null,
    syncText: sync.text,
    isStale: sync.isStale,
    flags: flagsForOrg(flags, data.orgId).map((fl) => describeFlag(fl, data.orgId, cur)),
  };
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
  // Core's flags: each currency's synced accounts compared among themselves, named as the list names them.
  const flags = wrongOrgFlagsOf(
    orgs.flatMap((o) =>
      o.dashboard ? [{ ...o.dashboard, org: { ...o.dashboard.org, id: o.orgId, name: o.name } }] : [],
    ),
  );
  const cards = orgs.map((o) => buildOrgCard(o, flags, nowMs, zone));
  // Totals are core's, from the answers: per currency, real accounts only, card charges as likely / up to.
  const answers = orgs.flatMap((o) => (o.answer ? [o.answer] : []));
  const totals = currencyTotals(answers, rates, nowMs, displayZone(zone.timeZone, systemTimeZone()));
  return { cards, totals, flags };
}
