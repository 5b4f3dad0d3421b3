/** Hard spend limits as read from the API (org and projects), for the page and the alerts. */
import type { ProviderId } from './providers';

export interface LimitFigure {
  /** The monthly limit (the API's `threshold_amount` in cents × 10,000). */
  limitMicros: number;
  /** `enforcement.status === 'enforcing'`: requests are refused once it is reached. */
  isEnforced: boolean;
}

export interface SpendLimitsView {
  org: LimitFigure | null;
  projects: Array<LimitFigure & { projectId: string; name: string }>;
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
