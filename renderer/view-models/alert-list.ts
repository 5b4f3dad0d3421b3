/**
 * The page's list of alerts: grouped per account, the ones that need action first (and red), at most a few
 * rows before "+N more", and those the user said "Got it" to left out until their figures change.
 *
 * Folded (the default), only alerts that need action are listed; information waits behind the counter
 * line. Opened, every alert is listed up to three rows, then "+N more"; "all" lists every one.
 */
import { needsAction } from '@core/alerts/action-needed';
import type { Alert } from '@core/alerts/alert-types';
import type { AlertsView } from '@core/alerts/alerts-view';

/** Rows shown before "+N more". */
export const ALERT_ROWS_SHOWN = 3;

export interface AlertRow {
  alert: Alert;
  needsAction: boolean;
}

export interface AlertGroup {
  orgId: string;
  orgName: string;
  rows: AlertRow[];
}

export interface AlertListView {
  /** Per account, the account with an alert needing action first; rows in the view's order (most severe first). */
  groups: AlertGroup[];
  /** Rows beyond the first {@link ALERT_ROWS_SHOWN} (shown only when the list is opened). */
  hiddenCount: number;
  needsActionCount: number;
  infoCount: number;
  /** Alerts left out after "Got it". */
  acknowledgedCount: number;
  /** "1 alert needs action · 2 for information", for the one-line counter. */
  summary: string;
}

/**
 * The list for the page; `orgId` keeps one account's alerts (its own page), `isOpen` shows every row.
 *
 * @example 5 alerts on 2 accounts, closed → 3 rows, hiddenCount 2
 */
export type AlertListState = 'folded' | 'open' | 'all';

export function buildAlertList(view: AlertsView, orgId: string | null, state: AlertListState): AlertListView {
  const relevant = view.active.filter((a) => orgId === null || a.orgId === orgId);
  const acknowledged = relevant.filter((a) => view.acknowledged?.[a.id] !== undefined);
  const shown = relevant
    .filter((a) => view.acknowledged?.[a.id] === undefined)
    .map((alert) => ({ alert, needsAction: needsAction(alert) }))
    // Stable: action first, then the view's own order.
    .sort((a, b) => Number(b.needsAction) - Number(a.needsAction));
  const listed = state === 'folded' ? shown.filter((r) => r.needsAction) : shown;
  const byOrg = new Map<string, AlertGroup>();
  for (const row of listed) {
    const group = byOrg.get(row.alert.orgId) ?? {
      orgId: row.alert.orgId,
      orgName: row.alert.orgName,
      rows: [],
    };
    group.rows.push(row);
    byOrg.set(row.alert.orgId, group);
  }
  const all = [...byOrg.values()];
  const limit = state === 'all' ? Infinity : ALERT_ROWS_SHOWN;
  let left = limit;
  const groups: AlertGroup[] = [];
  for (const g of all) {
    if (left <= 0) break;
    const rows = g.rows.slice(0, left);
    left -= rows.length;
    groups.push({ ...g, rows });
  }
  const needsActionCount = shown.filter((r) => r.needsAction).length;
  const infoCount = shown.length - needsActionCount;
  return {
    groups,
    hiddenCount: Math.max(0, listed.length - limit),
    needsActionCount,
    infoCount,
    acknowledgedCount: acknowledged.length,
    summary: summaryWords(needsActionCount, infoCount),
  };
}

function summaryWords(action: number, info: number): string {
  const parts: string[] = [];
  if (action > 0) parts.push(`${action} ${action === 1 ? 'alert needs' : 'alerts need'} action`);
  if (info > 0) parts.push(`${info} for information`);
  return parts.length > 0 ? parts.join(' · ') : 'No alerts';
}
