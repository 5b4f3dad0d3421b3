/**
 * The tray's glance, pure, quoted from each account's answer: one state for the icon, the most urgent
 * account's figure for the title, and one line per account, most urgent first, for the tooltip and the
 * menu (Linux AppIndicator ignores clicks and may hide tooltips, so the icon and these lines must carry
 * the glance alone). Never a sum across accounts or currencies; demo accounts are left out once a real
 * one exists.
 *
 * Example: Acme with $8.20 of credit and an active low-credit alert → state 'low', figure "$8.20", first
 * menu line "Acme: credit $8.20 · runs out around Thu 26 Nov".
 */
import { needsAction } from './alerts/action-needed';
import type { Alert, AlertKind } from './alerts/alert-types';
import type { AccountAnswer } from './answer/account-answer';
import { MINUTE_MS } from './time';

export const TRAY_STATES = ['healthy', 'reload-soon', 'low', 'card-charge-soon', 'stale', 'error'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** Which figure the title (macOS) or tooltip shows. */
export type TrayFigure = 'credit' | 'runway' | 'month-to-date';

export interface TrayInput {
  /** Each account's answer, in the accounts' order. */
  answers: readonly AccountAnswer[];
  active: readonly Alert[];
  nowMs: number;
  figure: TrayFigure;
  /** The account the figure is for; null = the most urgent account. */
  pinnedOrgId: string | null;
  timeZone: string;
  /** Figures older than this are stale (dimmed icon). Default 30 minutes. */
  staleAfterMs?: number;
  /** Notifications paused until (shown in the menu). */
  pausedUntilMs?: number | null;
  /** Accounts whose last sync failed. */
  syncFailingOrgIds?: readonly string[];
}

export interface TrayModel {
  state: TrayState;
  isDimmed: boolean;
  /** Short, for the macOS menu-bar title: one account's figure; "" when nothing is known yet. */
  figure: string;
  /** Most urgent account first, whole lines only, within the platform's length limit. */
  tooltip: string;
  /** One line per account (most urgent first), then one per active alert (at most 5). */
  menuLines: string[];
  /** The account each menu line opens (same order as `menuLines`); null for a line that opens nothing. */
  menuOrgIds: Array<string | null>;
}

/** Windows cuts tray tooltips at 127 characters (macOS and Linux allow more): whole lines within this. */
export const MAX_TOOLTIP_CHARS = 127;

const BY_PRIORITY: Array<[TrayState, AlertKind[]]> = [
  ['error', ['sync-failing']],
  ['low', ['low-credit', 'low-runway', 'spend-limit']],
  ['card-charge-soon', ['card-charge']],
  ['reload-soon', ['reload-soon']],
];

/** The accounts the tray speaks of: real ones (demos left out once a real account exists), most urgent first. */
export function trayAccounts(answers: readonly AccountAnswer[], active: readonly Alert[]): AccountAnswer[] {
  const real = answers.filter((a) => !a.isDemo);
  const shown = real.length > 0 ? real : [...answers];
  const score = (a: AccountAnswer) =>
    (active.some((x) => x.orgId === a.orgId && needsAction(x)) ? 10 : 0) + a.urgency;
  // Array.prototype.sort is stable: equal urgency keeps the accounts' order.
  return shown.sort((x, y) => score(y) - score(x));
}

/** The figure's words before its range: "$1,300 (likely $1,295–$1,305)" → "$1,300". */
function shortText(text: string): string {
  const i = text.indexOf(' (');
  return i === -1 ? text : text.slice(0, i);
}

const SECOND_LABEL = {
  'runs-out': 'runs out',
  'next-reload': 'next reload',
  'card-by-month-end': 'card by month end',
} as const;

/** One account's line, quoting its answer: "Acme: credit $8.20 · runs out around Thu 26 Nov". */
export function trayLine(a: AccountAnswer, syncFailing: boolean): string {
  const f = a.figures;
  const parts: string[] = [];
  if (f['credit-left'].isKnown) parts.push(`credit ${f['credit-left'].text}`);
  else if (f['this-month'].isKnown) parts.push(`${f['this-month'].text} this month`);
  else parts.push('not synced yet');
  const second = a.headline === 'credit-left' ? null : a.headline;
  if (second && second in SECOND_LABEL && f[second].isKnown)
    parts.push(`${SECOND_LABEL[second as keyof typeof SECOND_LABEL]} ${f[second].text}`);
  if (syncFailing) parts.push('sync failing');
  return `${a.orgName}: ${parts.join(' · ')}`;
}

/**
 * Whole lines that fit `max` characters, then "+N more" when some are left out. The first line after the
 * heading (the most urgent account) is always shown, cut with "…" when it alone is too long.
 *
 * Example: `fitLines(['Creditwatch', 'A very long line …', 'B'], 30)` → "Creditwatch\nA very lon…\n+1 more".
 */
export function fitLines(lines: readonly string[], max: number): string {
  let text = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const rest = lines.length - i;
    const next = `${text}\n${lines[i]}`;
    const more = rest > 1 ? `\n+${rest - 1} more` : '';
    if (next.length + more.length > max) {
      if (i > 1) return `${text}\n+${rest} more`;
      const room = Math.max(1, max - text.length - 1 - more.length);
      return `${text}\n${(lines[i] ?? '').slice(0, room - 1)}…${more}`;
    }
    text = next;
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Builds the model. */
export function trayModelOf(input: TrayInput): TrayModel {
  const staleMs = input.staleAfterMs ?? 30 * MINUTE_MS;
  const accounts = trayAccounts(input.answers, input.active);
  const focus = input.pinnedOrgId ? accounts.filter((a) => a.orgId === input.pinnedOrgId) : accounts;
  const kinds = new Set(
    input.active.filter((x) => focus.some((a) => a.orgId === x.orgId)).map((x) => x.kind),
  );
  const isStale = focus.some(
    (a) => a.staleness.lastSyncMs === null || input.nowMs - a.staleness.lastSyncMs > staleMs,
  );
  const failing = new Set(input.syncFailingOrgIds ?? []);
  const hasError = focus.some((a) => failing.has(a.orgId));
  let state: TrayState = BY_PRIORITY.find(([, ks]) => ks.some((k) => kinds.has(k)))?.[0] ?? 'healthy';
  if (state === 'healthy' && hasError) state = 'error';
  if (state === 'healthy' && isStale) state = 'stale';
  const shownIds = new Set(accounts.map((a) => a.orgId));
  const shownAlerts = input.active.filter((x) => shownIds.has(x.orgId)).slice(0, 5);
  const alertLines = shownAlerts.map((x) => `⚠ ${x.title}`);
  const paused =
    input.pausedUntilMs && input.pausedUntilMs > input.nowMs
      ? [
          `Notifications paused until ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: input.timeZone }).format(input.pausedUntilMs)}`,
        ]
      : [];
  const lines = accounts.length
    ? accounts.map((a) => trayLine(a, failing.has(a.orgId)))
    : ['No organization yet'];
  return {
    state,
    isDimmed: state === 'stale',
    figure: figureOf(focus[0] ?? null, input.figure),
    tooltip: fitLines(['Creditwatch', ...lines, ...alertLines], MAX_TOOLTIP_CHARS),
    menuLines: [...lines, ...alertLines, ...paused],
    menuOrgIds: [
      ...(accounts.length ? accounts.map((a) => a.orgId) : [null]),
      ...shownAlerts.map((x) => x.orgId),
      ...paused.map(() => null),
    ],
  };
}

/** The one account's figure for the title: credit left, when it runs out, or this month. */
function figureOf(a: AccountAnswer | null, figure: TrayFigure): string {
  if (!a) return '';
  const f = a.figures[figure === 'runway' ? 'runs-out' : figure === 'credit' ? 'credit-left' : 'this-month'];
  return f.isKnown ? shortText(f.text) : '';
}
