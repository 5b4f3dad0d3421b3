/** Hard spend limits as read from the API (org and projects), for the page and the alerts. */
import type { ProviderId } from './providers';

export interface LimitFigure {
  /** The monthly limit (the API's `threshold_amount` in cents × 10,000). */
  limitMicros: number;
  /** `enforcement.status === 'enforcing'`: requests are refused once it is reached. */
  isEnforced: boolean;
}

/** A project's spend alerts (OpenAI emails when the month's spend passes each threshold). */
export interface ProjectAlerts {
  projectId: string;
  name: string;
  /** Thresholds in micro-dollars, lowest first. */
  alertsMicros: number[];
}

/** What is known of the expiry of the Admin key Creditwatch reads with (OpenAI `expires_at`). */
export type AdminKeyExpiry =
  | { kind: 'expires'; atMs: number }
  | { kind: 'never' }
  /** The key list did not show this key unambiguously (or could not be read). */
  | { kind: 'unknown' };

export interface SpendLimitsView {
  org: LimitFigure | null;
  projects: Array<LimitFigure & { projectId: string; name: string }>;
  /** The org's spend alerts in micro-dollars, lowest first (absent before the first read). */
  orgAlertsMicros?: number[];
  /** Projects with spend alerts (only projects that spent in the last 30 days are read). */
  projectAlerts?: ProjectAlerts[];
  adminKey?: AdminKeyExpiry;
  /** When they were read; null before the first read. */
  asOfMs: number | null;
  /** Why the last read failed, in words (the previous figures stay). */
  problem: string | null;
  /** Whose limits these are (absent: OpenAI). */
  provider?: ProviderId;
  /** Anthropic: the monthly cap Anthropic sets from the usage tier (read-only), or null when none is read. */
  tierCap?: LimitFigure | null;
  /** False when the provider does not let this account read its limits (Anthropic: an early access preview). */
  isReadable?: boolean;
}

/**
 * The limit that stops spending first: the lower of the organization's own enforced limit and the
 * provider's usage-tier cap. Example: own $2,000 (enforced), tier cap $5,000 → $2,000; own limit not
 * enforced → the tier cap.
 */
export function effectiveHardLimit(view: SpendLimitsView): LimitFigure | null {
  const own = view.org && view.org.isEnforced ? view.org : null;
  const cap = view.tierCap ?? null;
  if (own && cap) return own.limitMicros <= cap.limitMicros ? own : cap;
  return own ?? cap ?? view.org;
}

/** Days before an Admin key's expiry from which the page warns. */
export const KEY_EXPIRY_WARNING_DAYS = 14;

/**
 * The warning about the Admin key's expiry at `nowMs`, or null when there is nothing to warn about yet.
 *
 * Example: expiry 2026-12-12T09:00Z, now 2026-12-07T09:00Z → "The Admin key Creditwatch reads with expires
 * in 5 days: create a new one and paste it here before then, or syncing stops."
 */
export function adminKeyWarning(expiry: AdminKeyExpiry | undefined, nowMs: number): string | null {
  if (expiry?.kind !== 'expires') return null;
  const leftMs = expiry.atMs - nowMs;
  if (leftMs <= 0)
    return 'The Admin key Creditwatch reads with has expired: create a new one and paste it here.';
  const days = Math.floor(leftMs / 86_400_000);
  if (days >= KEY_EXPIRY_WARNING_DAYS) return null;
  const when = days === 0 ? 'within a day' : days === 1 ? 'in 1 day' : `in ${days} days`;
  return `The Admin key Creditwatch reads with expires ${when}: create a new one and paste it here before then, or syncing stops.`;
}
