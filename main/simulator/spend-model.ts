/**
 * The ground truth behind every simulated response: deterministic hourly spend rows, memoised, with
 * range sums in integer micro-dollars. Spend inside an hour is spread evenly over its seconds, so any
 * range (a bucket that starts mid-hour, the current partial hour) gets an exact integer share.
 */
import { HOUR_MS, MINUTE_MS } from '@core/time';
import type { HourSource, SimApiKey, SimOrg, SimProject, SpendRow } from './spend-types';

const HOUR_S = 3600;

/** Ground truth of the simulated org (integer micro-dollars, deterministic for a seed). */
export interface SpendModel {
  projects: SimProject[];
  archivedProjects: SimProject[];
  apiKeys: SimApiKey[];
  /** First hour with spend (UTC midnight `historyDays` before the clock's start). */
  historyStartMs: number;
  costLagMinutes: number;
  /** The rows of the UTC hour starting at `hourStartMs` (must be on the hour). */
  hourly(hourStartMs: number): readonly SpendRow[];
  /** All spend in [startMs, endMs) (taken to the second), optionally for some projects only. */
  costMicros(startMs: number, endMs: number, filter?: { projectIds?: string[] }): number;
  /** What /costs reports in total for [startMs, endMs) at `nowMs`: only hours whose cost lag has passed. */
  visibleCostMicros(startMs: number, endMs: number, nowMs: number): number;
  /** Whether the hour starting at `hourStartMs` already shows in /costs at `nowMs`. */
  isCostVisible(hourStartMs: number, nowMs: number): boolean;
}

/**
 * The share of an hour's `value` that falls in [aSec, bSec), floored so shares of a split hour add up exactly.
 *
 * Example: value 100 over the hour starting at 0: [0, 1800) → 50, [1800, 2400) → 16, [2400, 3600) → 34.
 */
export function portionOf(value: number, hourStartSec: number, aSec: number, bSec: number): number {
  if (aSec <= hourStartSec && bSec >= hourStartSec + HOUR_S) return value;
  const cum = (t: number): number =>
    Math.floor(
      (value * (Math.min(Math.max(t, hourStartSec), hourStartSec + HOUR_S) - hourStartSec)) / HOUR_S,
    );
  return cum(bSec) - cum(aSec);
}

interface HourTotals {
  total: number;
  byProject: Map<string, number>;
}

/** Creates the spend model over an hour source, keeping at most `maxCachedRows` rows in memory. */
export function createSpendModel(opts: {
  org: SimOrg;
  source: HourSource;
  historyStartMs: number;
  costLagMinutes: number;
  maxCachedRows?: number;
}): SpendModel {
  const { org, source, historyStartMs, costLagMinutes } = opts;
  if (!Number.isFinite(costLagMinutes) || costLagMinutes < 0) {
    throw new RangeError(`costLagMinutes must be >= 0, got ${costLagMinutes}`);
  }
  const maxCachedRows = opts.maxCachedRows ?? 400_000;
  // Insertion-ordered Map as an LRU: a year of polls re-reads the same recent hours.
  const rowCache = new Map<number, SpendRow[]>();
  let cachedRows = 0;
  const totalsCache = new Map<number, HourTotals>();

  function hourly(hourStartMs: number): SpendRow[] {
    if (!Number.isInteger(hourStartMs) || hourStartMs % HOUR_MS !== 0) {
      throw new RangeError(`hourly() needs the start of a UTC hour in epoch ms, got ${hourStartMs}`);
    }
    if (hourStartMs < historyStartMs) return [];
    const hit = rowCache.get(hourStartMs);
    if (hit) {
      rowCache.delete(hourStartMs);
      rowCache.set(hourStartMs, hit);
      return hit;
    }
    const rows = source(hourStartMs);
    rowCache.set(hourStartMs, rows);
    cachedRows += rows.length;
    for (const [key, old] of rowCache) {
      if (cachedRows <= maxCachedRows || key === hourStartMs) break;
      rowCache.delete(key);
      cachedRows -= old.length;
    }
    return rows;
  }

  function totals(hourStartMs: number): HourTotals {
    let t = totalsCache.get(hourStartMs);
    if (!t) {
      t = { total: 0, byProject: new Map() };
      for (const r of hourly(hourStartMs)) {
        t.total += r.costMicros;
        t.byProject.set(r.projectId, (t.byProject.get(r.projectId) ?? 0) + r.costMicros);
      }
      totalsCache.set(hourStartMs, t);
    }
    return t;
  }

  function sumRange(
    startMs: number,
    endMs: number,
    projectIds: string[] | undefined,
    isVisible: (h: number) => boolean,
  ): number {
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs))
      throw new RangeError('cost range needs finite times');
    const aSec = Math.floor(startMs / 1000);
    const bSec = Math.floor(endMs / 1000);
    if (bSec <= aSec) return 0;
    const wanted = projectIds ? new Set(projectIds) : null;
    let sum = 0;
    const first = Math.max(Math.floor(startMs / HOUR_MS) * HOUR_MS, historyStartMs);
    for (let h = first; h < bSec * 1000; h += HOUR_MS) {
      if (!isVisible(h)) continue;
      const hSec = h / 1000;
      const isWhole = aSec <= hSec && bSec >= hSec + HOUR_S;
      if (isWhole) {
        const t = totals(h);
        if (!wanted) sum += t.total;
        else for (const id of wanted) sum += t.byProject.get(id) ?? 0;
        continue;
      }
      for (const r of hourly(h)) {
        if (wanted && !wanted.has(r.projectId)) continue;
        sum += portionOf(r.costMicros, hSec, aSec, bSec);
      }
    }
    return sum;
  }

  const isCostVisible = (hourStartMs: number, nowMs: number): boolean =>
    hourStartMs + HOUR_MS + costLagMinutes * MINUTE_MS <= nowMs;

  return {
    projects: org.projects,
    archivedProjects: org.archivedProjects,
    apiKeys: org.apiKeys,
    historyStartMs,
    costLagMinutes,
    hourly,
    costMicros: (startMs, endMs, filter) => sumRange(startMs, endMs, filter?.projectIds, () => true),
    visibleCostMicros: (startMs, endMs, nowMs) =>
      sumRange(startMs, endMs, undefined, (h) => isCostVisible(h, nowMs)),
    isCostVisible,
  };
}
