/**
 * Which alerts ask the user to do something now, as opposed to telling them what is coming.
 *
 * Action needed: credit low, credit running out soon, the sync failing, the spend limit near. The others
 * (a reload or card charge expected, credit expiring, a spike, an unexpected org spending) inform.
 * `creditwatch status --check`, the page's alert list and the tray all ask this one rule.
 */
import type { Alert, AlertCondition, AlertKind } from './alert-types';

/** The alert kinds that need the user to act, in the order the page lists them. */
export const ACTION_KINDS: readonly AlertKind[] = ['low-credit', 'low-runway', 'sync-failing', 'spend-limit'];

const ACTION_SET: ReadonlySet<AlertKind> = new Set(ACTION_KINDS);

/** True when alerts of this kind need action. Example: `kindNeedsAction('low-credit')` → true; `'card-charge'` → false. */
export function kindNeedsAction(kind: AlertKind): boolean {
  return ACTION_SET.has(kind);
}

/**
 * True when this alert needs the user to act (see {@link ACTION_KINDS}).
 * Example: a "credit low" alert → true; "card charge expected" → false.
 */
export function needsAction(alert: Pick<AlertCondition, 'kind'> | Pick<Alert, 'kind'>): boolean {
  return kindNeedsAction(alert.kind);
}

/** The alerts that need action, in their given order. */
export function actionNeeded<T extends Pick<AlertCondition, 'kind'>>(alerts: readonly T[]): T[] {
  return alerts.filter(needsAction);
}
