/**
 * The alert vocabulary shared by the rules, the evaluator, the dispatcher and the page: which kinds
 * exist, what a firing condition says, and what the user is shown.
 */
import type { Micros } from '../money';

/** Every alert kind, in the order the page lists them. */
export const ALERT_KINDS = [
  'low-credit',
  'low-runway',
  'reload-soon',
  'card-charge',
  'credit-expiring',
  'spend-spike',
  'silent-org-spending',
  'sync-failing',
  'spend-limit',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** What a rule returns while its condition holds: the words to show, in the user's terms. */
export interface AlertCondition {
  kind: AlertKind;
  severity: AlertSeverity;
  /** Short headline, e.g. "Acme: credit low". */
  title: string;
  /** One or two sentences with the figures and their "as of". */
  body: string;
  /**
   * Distinguishes episodes of the same kind that are different events (another month's card charge,
   * another lot of credit expiring): a change starts a new episode even while the condition holds.
   */
  episode?: string;
}

/** An alert as stored and shown: the condition plus who and when. */
export interface Alert extends AlertCondition {
  /** Stable per kind and org (`low-credit:org_…`): notifications with the same id replace each other. */
  id: string;
  orgId: string;
  orgName: string;
  /** When this episode started. */
  startedMs: number;
  /** When its words last changed (figures move while the episode lasts). */
  updatedMs: number;
}

/** The stable id of an alert kind for an org. Example: `alertId('low-credit', 'org_abc12345')` → "low-credit:org_abc12345". */
export function alertId(kind: AlertKind, orgId: string): string {
  return `${kind}:${orgId}`;
}

/** Three-point bands (low / middle / high) in micro-dollars. */
export interface MicrosBands {
  p10: Micros;
  p50: Micros;
  p90: Micros;
}
