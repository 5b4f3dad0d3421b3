/**
 * The shapes of fetched spend data, as the sync engine stores them and `buildDashboard` reads them.
 * Plain values: money in integer micro-dollars, times in epoch milliseconds (UTC).
 */
import type { Micros } from './money';
import type { SyncErrorKind } from './schemas';

/** One cost result: a project's spend on one line item during one UTC day. */
export interface CostRow {
  /** `null` = spend without a project (the API's "Default project"). */
  projectId: string | null;
  /** e.g. `gpt-4o-mini-2024-07-18, input`; `null` when the API did not group by line item. */
  lineItem: string | null;
  /** The API key the spend was made with (`api_key_id`); `null`/absent when not grouped by key (older files). */
  apiKeyId?: string | null;
  micros: Micros;
}

/** All cost results of one daily bucket. */
export interface CostDay {
  /** UTC midnight that starts the bucket. */
  dayStartMs: number;
  rows: CostRow[];
}

/** Completions usage of one project and model during one UTC hour (tokens, not money). */
export interface UsageRow {
  hourStartMs: number;
  projectId: string | null;
  model: string | null;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/** What one sync saw, kept as history (compacted by `compactSnapshots`). */
export interface SpendSnapshot {
  atMs: number;
  /** Month-to-date spend at `atMs` (settled + provisional). */
  monthToDateMicros: Micros;
  /** Today's provisional spend (partial cost bucket). */
  todayMicros: Micros;
  state: 'ok' | 'error';
  errorKind: SyncErrorKind | null;
  /** Estimated balance, once the ledger provides one. */
  balanceMicros: Micros | null;
  /** The forecast as it stood after this sync (null when none could be made). */
  forecast: SnapshotForecast | null;
}

/** The forecast figures a snapshot keeps: enough to chart how the forecast moved over time. */
export interface SnapshotForecast {
  crossingP10Ms: number | null;
  crossingP50Ms: number | null;
  crossingP90Ms: number | null;
  probabilityWithinHorizon: number | null;
  reloadsP50: number | null;
  cardChargesP50Micros: Micros | null;
  monthEndChargeP50Micros: Micros | null;
  confidence: 'low' | 'medium' | 'high' | null;
}

/** Sums the rows of a cost day. Example: rows of 1_000 and 2_500 µ$ → 3_500. */
export function costDayTotal(day: CostDay): Micros {
  let total = 0;
  for (const row of day.rows) total += row.micros;
  return total;
}
