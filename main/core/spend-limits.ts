/** Hard spend limits as read from the API (org and projects), for the page and the alerts. */
import { formatUsd } from './money';
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

/** How often an OpenRouter key's limit starts again (`limit_reset`); null: it never resets. */
export type KeyLimitReset = 'daily' | 'weekly' | 'monthly' | null;

/**
 * The limit of the OpenRouter key Creditwatch reads with (GET /api/v1/key), in micro-dollars.
 *
 * Example: `{"limit":50,"limit_remaining":12.5,"limit_reset":"monthly","usage":37.5}` → limitMicros
 * 50_000_000, remainingMicros 12_500_000, reset 'monthly', usageMicros 37_500_000.
 */
export interface KeyLimit {
  /** The key's credit limit; null when none is set. */
  limitMicros: number | null;
  /** What the key may still spend before the limit (in this reset period); null without a limit. */
  remainingMicros: number | null;
  reset: KeyLimitReset;
  /** What the key has spent in all (OpenRouter `usage`). */
  usageMicros: number;
  /** True while the account has never bought credit (free models only, with a lower daily quota). */
  isFreeTier: boolean;
}

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
  /** OpenRouter: the limit of the key Creditwatch reads with (absent for other providers). */
  keyLimit?: KeyLimit;
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

const RESET_WORDS = {
  daily: ['each day', 'today'],
  weekly: ['each week', 'this week'],
  monthly: ['each month', 'this month'],
} as const;

/**
 * An OpenRouter key's limit in words, for the account page.
 *
 * Examples: $50 monthly with $12.50 remaining → "Key credit limit: $50.00 each month, $12.50 left this
 * month"; $20 that never resets, $20 remaining → "Key credit limit: $20.00, $20.00 left"; no limit → "Key
 * credit limit: none set".
 */
export function keyLimitWords(limit: KeyLimit | undefined): string {
  if (!limit) return 'Key credit limit: not read yet';
  if (limit.limitMicros === null) return 'Key credit limit: none set';
  const [per, within] = limit.reset ? RESET_WORDS[limit.reset] : ['', ''];
  const left =
    limit.remainingMicros === null
      ? ''
      : `, ${formatUsd(limit.remainingMicros)} left${within ? ` ${within}` : ''}`;
  return `Key credit limit: ${formatUsd(limit.limitMicros)}${per ? ` ${per}` : ''}${left}`;
}
