/**
 * The tray's glance, pure: one state for the icon, the figure for the title/tooltip, and the menu's
 * first lines (Linux AppIndicator ignores clicks and may hide tooltips, so the icon and these lines must
 * carry the glance alone).
 *
 * Example: Acme with $8.20 of credit and an active low-credit alert → state 'low', figure "$8.20",
 * first menu line "Acme: credit ≈ $8.20 · reload ~Thu 26 Nov". Each account's figures are in its own currency;
 * a total over accounts is one per currency, never summed across them: "$10.00 · CN¥56.00".
 */
import type { Alert, AlertKind } from './alerts/alert-types';
import { formatMoney, type Micros } from './money';
import { MINUTE_MS } from './time';

export const TRAY_STATES = ['healthy', 'reload-soon', 'low', 'card-charge-soon', 'stale', 'error'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** Which figure the title (macOS) or tooltip shows. */
export type TrayFigure = 'credit' | 'runway' | 'month-to-date';

export interface TrayOrg {
  orgId: string;
  name: string;
  /** The currency (ISO 4217) of this account's amounts; absent = USD. */
  currency?: string;
  balanceMicros: Micros | null;
  mtdMicros: Micros | null;
  /** Days of credit at the usual spend, null when unknown. */
  runwayDays: number | null;
  reloadP50Ms: number | null;
  /** Last successful sync. */
  asOfMs: number | null;
  syncState: 'never' | 'syncing' | 'ok' | 'error';
}

export interface TrayInput {
  orgs: readonly TrayOrg[];
  active: readonly Alert[];
  nowMs: number;
  figure: TrayFigure;
  /**
   * The org the figure is for; null = all (credit and month-to-date are summed per currency, runway is
   * the shortest).
   */
  pinnedOrgId: string | null;
  timeZone: string;
  /** Figures older than this are stale (dimmed icon). Default 30 minutes. */
  staleAfterMs?: number;
  /** Notifications paused until (shown in the menu). */
  pausedUntilMs?: number | null;
}

export interface TrayModel {
  state: TrayState;
  isDimmed: boolean;
  /** Short, for the macOS menu-bar title; "" when nothing is known yet. */
  figure: string;
  tooltip: string;
  /** One line per org, then one per active alert (at most 5). */
  menuLines: string[];
}

const BY_PRIORITY: Array<[TrayState, AlertKind[]]> = [
  ['error', ['sync-failing']],
  ['low', ['low-credit', 'low-runway', 'spend-limit']],
  ['card-charge-soon', ['card-charge']],
  ['reload-soon', ['reload-soon']],
];

/** Builds the model. */
export function trayModelOf(input: TrayInput): TrayModel {
  const staleMs = input.staleAfterMs ?? 30 * MINUTE_MS;
  const orgs = input.pinnedOrgId ? input.orgs.filter((o) => o.orgId === input.pinnedOrgId) : input.orgs;
  const kinds = new Set(input.active.filter((a) => orgs.some((o) => o.orgId === a.orgId)).map((a) => a.kind));
  const isStale = orgs.some((o) => o.asOfMs === null || input.nowMs - o.asOfMs > staleMs);
  const hasError = orgs.some((o) => o.syncState === 'error');
  let state: TrayState = BY_PRIORITY.find(([, ks]) => ks.some((k) => kinds.has(k)))?.[0] ?? 'healthy';
  if (state === 'healthy' && hasError) state = 'error';
  if (state === 'healthy' && isStale) state = 'stale';
  const day = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: input.timeZone,
  });
  const orgLine = (o: TrayOrg) => {
    const cur = o.currency ?? 'USD';
    const credit = o.balanceMicros === null ? null : `credit ≈ ${formatMoney(o.balanceMicros, cur)}`;
    const mtd = o.mtdMicros === null ? 'not synced yet' : `${formatMoney(o.mtdMicros, cur)} this month`;
    const reload = o.reloadP50Ms === null ? null : `reload ~${day.format(o.reloadP50Ms)}`;
    const sync = o.syncState === 'error' ? 'sync failing' : null;
    return `${o.name}: ${[credit ?? mtd, reload, sync].filter(Boolean).join(' · ')}`;
  };
  const alertLines = input.active.slice(0, 5).map((a) => `⚠ ${a.title}`);
  const paused =
    input.pausedUntilMs && input.pausedUntilMs > input.nowMs
      ? [
          `Notifications paused until ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: input.timeZone }).format(input.pausedUntilMs)}`,
        ]
      : [];
  const figure = figureOf(orgs, input.figure);
  const lines = input.orgs.length ? input.orgs.map(orgLine) : ['No organization yet'];
  return {
    state,
    isDimmed: state === 'stale',
    figure,
    tooltip: truncate(['Creditwatch', ...lines, ...alertLines].join('\n'), 120),
    menuLines: [...lines, ...alertLines, ...paused],
  };
}

function figureOf(orgs: readonly TrayOrg[], figure: TrayFigure): string {
  if (figure === 'runway') {
    const days = orgs.map((o) => o.runwayDays).filter((d): d is number => d !== null && Number.isFinite(d));
    return days.length ? `${Math.min(...days).toFixed(1)} d` : '';
  }
  // One total per currency (US dollars first, then by code): amounts in different currencies never add up.
  const totals = new Map<string, number>();
  for (const o of orgs) {
    const v = figure === 'credit' ? o.balanceMicros : o.mtdMicros;
    if (v === null) continue;
    const cur = o.currency ?? 'USD';
    totals.set(cur, (totals.get(cur) ?? 0) + v);
  }
  return [...totals]
    .sort(([a], [b]) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)))
    .map(([cur, micros]) => formatMoney(micros, cur))
    .join(' · ');
}

// Windows truncates tray tooltips at 127 characters.
function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
