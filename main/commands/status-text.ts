/**
 * What `creditwatch status` prints, quoted from each account's answer: the same figures, in the same
 * words, as the page, the alerts and the tray.
 *
 * Example line block:
 *   Acme (OpenAI, USD) — prepaid credit, no auto-reload
 *     credit left: $144.88 (likely $137.54–$152.23)
 *     runs out: around Thu 10 Dec (likely Tue 8 Dec – Wed 16 Dec)
 */
import { needsAction } from '@core/alerts/action-needed';
import type { Alert } from '@core/alerts/alert-types';
import { FIGURE_NAMES, type AccountAnswer, type FigureName } from '@core/answer/account-answer';
import { accountFiguresJson } from '@core/answer/figures-json';
import { terminalSafe } from './terminal-text';

/** The words before each figure in the text output. */
export const FIGURE_LABELS: Record<FigureName, string> = {
  'credit-left': 'credit left',
  'runs-out': 'runs out',
  'next-reload': 'next auto-reload',
  'card-by-month-end': 'card by month end',
  'expiring-unused': 'expiring unused',
  'this-month': 'this month',
  today: 'today',
};

/** One account's block of lines. */
export function statusLines(a: AccountAnswer): string[] {
  const lines = [
    `${terminalSafe(a.orgName)} (${a.providerName}, ${a.currency})${a.isDemo ? ' [demo]' : ''} — ${a.payment.text}`,
  ];
  for (const name of FIGURE_NAMES) lines.push(`  ${FIGURE_LABELS[name]}: ${a.figures[name].text}`);
  for (const lot of a.lots) lines.push(`  credit lot: ${lot.text}`);
  if (a.hardLimit) lines.push(`  spend limit: ${a.hardLimit.text}`);
  if (a.wrongOrg) lines.push(`  ${a.wrongOrg}`);
  lines.push(`  ${a.staleness.text}`);
  return lines;
}

/** The alerts block: every active alert, and which of them need action. */
export function alertLines(active: readonly Alert[]): string[] {
  if (active.length === 0) return ['No active alerts.'];
  const lines = [`Active alerts (${active.length}):`];
  for (const a of active)
    lines.push(`  [${a.severity}]${needsAction(a) ? ' [needs action]' : ''} ${a.title} — ${a.body}`);
  return lines;
}

/** One account as `status --json` (and `forecast --org … --json`) carries it. */
export function accountJson(a: AccountAnswer) {
  return {
    ...accountFiguresJson(a),
    cardByMonthEnd: a.cardByMonthEnd,
    lots: a.lots,
    hardLimit: a.hardLimit,
    wrongOrg: a.wrongOrg,
    staleness: a.staleness,
  };
}

/** The `--json` document. */
export function statusJson(answers: readonly AccountAnswer[], active: readonly Alert[]) {
  return {
    accounts: answers.map(accountJson),
    alerts: active,
    actionNeeded: active.filter(needsAction).map((a) => a.id),
  };
}
