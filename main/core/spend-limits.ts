/** Hard spend limits as read from the API (org and projects), for the page and the alerts. */

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
}
