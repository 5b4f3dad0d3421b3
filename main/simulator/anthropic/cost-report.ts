/**
 * GET /v1/organizations/cost_report: daily buckets (`bucket_width` is `1d` only), `group_by[]` of
 * `workspace_id` / `description`, `limit` 1–31 (default 7), `page` / `next_page` paging, amounts as decimal
 * strings in cents. A bucket holds only the hours whose cost has appeared (the model's cost lag).
 */
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import type { SpendModel } from '../spend-model';
import { badParam } from './errors';
import { centsString, linesOf, reportedWorkspaceId, type AnthropicLine } from './mapping';
import { pageToken, readPageToken, toRfc3339, type Params } from './params';

export const COST_GROUP_BY = ['workspace_id', 'description'] as const;
type CostGroup = (typeof COST_GROUP_BY)[number];

export interface CostResult {
  currency: 'USD';
  amount: string;
  workspace_id: string | null;
  description: string | null;
  cost_type: string | null;
  context_window: string | null;
  model: string | null;
  service_tier: string | null;
  token_type: string | null;
}

/** The results of one day bucket: one per group with spend, in a stable order. */
export function costResults(
  model: SpendModel,
  dayMs: number,
  nowMs: number,
  groupBy: CostGroup[],
): CostResult[] {
  const byWorkspace = groupBy.includes('workspace_id');
  const byDescription = groupBy.includes('description');
  const groups = new Map<string, { line: AnthropicLine; micros: number }>();
  for (let h = dayMs; h < dayMs + DAY_MS; h += HOUR_MS) {
    if (!model.isCostVisible(h, nowMs)) continue;
    for (const row of model.hourly(h)) {
      for (const line of linesOf(row)) {
        const key = `${byWorkspace ? line.projectId : ''}|${byDescription ? line.description : ''}`;
        const g = groups.get(key);
        if (g) g.micros += line.costMicros;
        else groups.set(key, { line, micros: line.costMicros });
      }
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { line, micros }]) => ({
      currency: 'USD',
      amount: centsString(micros),
      workspace_id: byWorkspace ? reportedWorkspaceId(model, line.projectId) : null,
      description: byDescription ? line.description : null,
      cost_type: byDescription ? line.costType : null,
      context_window: byDescription && line.costType === 'tokens' ? '0-200k' : null,
      model: byDescription ? line.model : null,
      service_tier: byDescription && line.costType === 'tokens' ? line.serviceTier : null,
      token_type: byDescription ? line.tokenType : null,
    }));
}

/**
 * Day buckets from `starting_at` (snapped to its UTC day) that end by `ending_at` and have begun by now.
 * Example: starting_at 2026-11-01T10:00Z, ending_at 2026-11-03T00:00Z → the buckets of Nov 1 and Nov 2.
 */
export function dayBuckets(startMs: number, endMs: number | undefined, nowMs: number): number[] {
  const out: number[] = [];
  for (
    let d = startOfUtcDay(startMs);
    d <= nowMs && (endMs === undefined || d + DAY_MS <= endMs);
    d += DAY_MS
  ) {
    out.push(d);
  }
  return out;
}

/** Builds the cost report page for one request at simulated time `nowMs`. */
export function handleCostReport(q: Params, model: SpendModel, nowMs: number): unknown {
  const startMs = q.time('starting_at', true)!;
  const endMs = q.time('ending_at', false);
  if (endMs !== undefined && endMs <= startMs) throw badParam('ending_at', 'must be after starting_at');
  q.enumOne('bucket_width', ['1d'] as const, '1d');
  const groupBy = q.enumArray('group_by', COST_GROUP_BY) ?? [];
  const limit = q.int('limit', 1, 31, 7);
  const page = q.string('page');
  let buckets = dayBuckets(startMs, endMs, nowMs);
  if (page !== undefined) {
    const from = readPageToken(page);
    if (from % DAY_MS !== 0 || !buckets.includes(from)) throw badParam('page', 'invalid page token');
    buckets = buckets.filter((d) => d >= from);
  }
  const shown = buckets.slice(0, limit);
  const next = buckets[limit];
  return {
    data: shown.map((d) => ({
      starting_at: toRfc3339(d),
      ending_at: toRfc3339(d + DAY_MS),
      results: costResults(model, d, nowMs, groupBy),
    })),
    has_more: next !== undefined,
    next_page: next !== undefined ? pageToken(next) : null,
  };
}
