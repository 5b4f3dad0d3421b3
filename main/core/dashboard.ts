/**
 * The dashboard view of one organization: what the first screen and the tray show.
 * Built by a pure function from stored history (see `buildDashboard`), sent as-is to the renderer.
 */
import type { Micros } from './money';
import type { OrgSummary, SyncStatus } from './schemas';

export interface ProjectName {
  id: string;
  name: string;
}

export interface DailyProjectSpend {
  /** UTC midnight that starts the cost bucket. */
  dayStartMs: number;
  /** Spend per project id (`null` project = spend without a project, shown as "Default project"). */
  byProject: Array<{ projectId: string | null; micros: Micros }>;
  /** Spend per line item (`gpt-4o-mini-2024-07-18, input`; the model is the part before the comma). */
  byLineItem?: Array<{ key: string | null; micros: Micros }>;
  /** Spend per API key id (`null` = not recorded by key: older history, or spend without a key). */
  byApiKey?: Array<{ key: string | null; micros: Micros }>;
  totalMicros: Micros;
}

export interface Dashboard {
  org: OrgSummary;
  /** Time of the last successful sync: every figure below is "as of" this. Null before the first sync. */
  asOfMs: number | null;
  monthToDate: {
    /** UTC calendar month start (cost buckets are UTC days). */
    monthStartMs: number;
    /** Settled: cost buckets of finished UTC days this month. */
    settledMicros: Micros;
    /** Provisional: today's partial cost bucket. */
    provisionalMicros: Micros;
    totalMicros: Micros;
  };
  today: {
    dayStartMs: number;
    /** Today's partial cost bucket (lags usage). */
    costMicros: Micros;
    /** Requests seen today in the hourly usage (the intraday picture), null if not fetched. */
    requests: number | null;
  };
  /** The last 30 UTC days, oldest first, including empty days. */
  daily: DailyProjectSpend[];
  projects: ProjectName[];
  /**
   * Per-key figures exist only for days from this UTC midnight on: the provider refused the per-key split
   * before it (OpenAI, some organizations and windows). Null: every day has it. Never read as zero spend.
   */
  perKeyFromMs?: number | null;
  sync: SyncStatus;
  /** The currency of every amount above (ISO 4217); amounts are micro-units of it. */
  currency: string;
  /**
   * Where the spend comes from: the provider's cost reports, or the fall of the balance it reports
   * (OpenRouter, DeepSeek), counted since the first reading (`sinceMs`, null before it).
   */
  spendSource:
    | { kind: 'costs' }
    | {
        kind: 'balance';
        sinceMs: number | null;
        /** Days before the first reading's day filled from the provider's activity (OpenRouter), from this UTC day; absent: none. */
        historyFromMs?: number | null;
      };
}
