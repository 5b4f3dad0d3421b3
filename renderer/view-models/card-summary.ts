/**
 * What one overview card leads with: the way the account pays as a short chip, one hero figure chosen by
 * what matters now, and at most two secondary lines. It quotes figures already computed (the card view and
 * core's payment answer); it computes no money.
 */
import { dateWords } from '@core/words/date-words';
import type { AccountAnswer, AnswerFigure, FigureName, PaymentKind } from '@core/answer/account-answer';
import { formatMoney } from '@core/money';
import { autoReloadWord, PROVIDERS, type ProviderId } from '@core/provider-info';
import type { DisplayZone } from './format';
import type { OrgData } from './overview';

export interface CardHero {
  /** `data-figure` name of the hero. */
  figure: FigureName;
  label: string;
  /** The answer's figure, quoted. */
  value: AnswerFigure;
  /** Where the figure comes from: "estimate", "from DeepSeek". */
  source: string;
  /** "09:23": the figure's "as of" (the overview says it once when the cards' are minutes apart). */
  asOf: string | null;
  asOfMs: number | null;
}

export interface CardSummary {
  paymentKind: PaymentKind | null;
  /** "Prepaid · auto recharge $10 → $50" (the provider's word), "Monthly invoice", "Balance from DeepSeek", "Not set". */
  chip: string;
  hero: CardHero | null;
  /** At most two, each a figure of the answer with its label. */
  lines: { figure: FigureName; label: string; value: AnswerFigure }[];
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
  const reload = autoReloadWord(data.provider);
  switch (kind) {
    case 'prepaid-auto-reload': {
      if (!r) return `Prepaid · ${reload}`;
      const to =
        r.action.kind === 'restore-to'
          ? `→ ${formatMoney(r.action.targetMicros, cur)}`
          : `+ ${formatMoney(r.action.amountMicros, cur)}`;
      return `Prepaid · ${reload} ${formatMoney(r.thresholdMicros, cur)} ${to}`;
    }
    case 'prepaid':
      return `Prepaid · no ${reload}`;
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
 * What each figure is called on a card, in the provider's own words where its billing page names the thing.
 * Example: OpenAI → "Credit balance", "Next auto recharge"; DeepSeek → "Balance".
 */
export function figureLabel(name: FigureName, provider: ProviderId): string {
  const words = PROVIDERS[provider].words;
  switch (name) {
    case 'credit-left':
      return words.balance;
    case 'next-reload':
      return `Next ${autoReloadWord(provider)}`;
    case 'runs-out':
      return 'Runs out';
    case 'card-by-month-end':
      return 'Card by month end';
    case 'expiring-unused':
      return 'Expiring unused';
    case 'this-month':
      return 'This month';
    case 'today':
      return 'Today';
  }
}

/** The hero by what matters now: the card when billed after the month, running out when it is near, else credit. */
function heroName(answer: AccountAnswer): FigureName {
  const f = answer.figures;
  const pays = answer.payment.kind;
  if (pays === 'monthly' || pays === 'invoiced' || pays === 'monthly-with-credit') return 'card-by-month-end';
  // The answer's most urgent level is "runs out within days" (core decides how many).
  if (f['runs-out'].atMs !== null && answer.urgency >= 3) return 'runs-out';
  return 'credit-left';
}

/** The secondary lines worth a glance for each way of paying, in order (at most two are shown). */
function lineNames(answer: AccountAnswer): FigureName[] {
  switch (answer.payment.kind) {
    case 'prepaid-auto-reload':
      // The next reload when it is days away (the answer's urgency says so), else what this month cost.
      return answer.urgency >= 1 ? ['next-reload', 'this-month'] : ['this-month', 'next-reload'];
    case 'prepaid':
    case 'provider-balance':
      return ['runs-out', 'this-month'];
    default:
      return ['this-month'];
  }
}

/**
 * The summary of one card, quoting the account's answer (it computes no figure).
 *
 * @example prepaid with auto-reload below $10 back to $50 → chip "Prepaid · auto recharge $10.00 → $50.00",
 * hero "Credit balance $703.78", lines "Next auto recharge …", "This month $131.43".
 */
export function buildCardSummary(data: OrgData, zone: DisplayZone): CardSummary {
  const answer = data.answer;
  if (!answer || !data.money) return { paymentKind: null, chip: '', hero: null, lines: [] };
  const kind = answer.payment.kind;
  const chip = chipOf(data, kind);
  const known = (name: FigureName) => answer.figures[name].isKnown;
  const lineOf = (name: FigureName) => ({
    figure: name,
    label: figureLabel(name, data.provider),
    value: answer.figures[name],
  });
  if (kind === 'not-set') {
    // No card figures until the user has said how the account pays.
    return { paymentKind: kind, chip, hero: null, lines: known('this-month') ? [lineOf('this-month')] : [] };
  }
  const name = heroName(answer);
  const figure = answer.figures[name];
  const label =
    name === 'card-by-month-end' && kind === 'invoiced'
      ? 'Invoice at month end'
      : figureLabel(name, data.provider);
  const origin =
    figure.source === 'provider'
      ? `from ${PROVIDERS[data.provider].name}`
      : figure.source === 'recorded'
        ? 'as recorded'
        : 'estimate';
  // A bill after the month: the hero is the amount, and the short line says for when.
  const source =
    name === 'card-by-month-end' && figure.isKnown && figure.atMs !== null
      ? `${origin} · for usage to ${dateWords(figure.atMs - 1, answer.nowMs, answer.timeZone)}`
      : origin;
  return {
    paymentKind: kind,
    chip,
    hero: {
      figure: name,
      label,
      value: figure,
      source,
      asOf: figure.isKnown && figure.asOfMs !== null ? clock(figure.asOfMs, zone) : null,
      asOfMs: figure.isKnown ? figure.asOfMs : null,
    },
    lines: lineNames(answer)
      .filter((n) => n !== name && known(n))
      // One line under the hero on the overview (the account's page has the rest).
      .slice(0, 1)
      .map(lineOf),
  };
}
