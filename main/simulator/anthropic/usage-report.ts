/**
 * GET /v1/organizations/usage_report/messages: token counts in `1m` / `1h` / `1d` buckets (limits: 1m
 * default 60 max 1440, 1h default 24 max 168, 1d default 7 max 31), `group_by[]`, the `models[]`,
 * `workspace_ids[]`, `api_key_ids[]` and `service_tiers[]` filters, `page` / `next_page` paging. Usage has
 * no cost lag; the current bucket holds what happened up to now (an hour's tokens spread over its seconds).
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { portionOf, type SpendModel } from '../spend-model';
import { badParam } from './errors';
import { linesOf, reportedWorkspaceId, type AnthropicLine } from './mapping';
import { pageToken, readPageToken, toRfc3339, type Params } from './params';

export const USAGE_GROUP_BY = [
  'api_key_id',
  'workspace_id',
  'model',
  'service_tier',
  'context_window',
  'inference_geo',
  'speed',
  'account_id',
  'service_account_id',
] as const;
type UsageGroup = (typeof USAGE_GROUP_BY)[number];

export const WIDTHS = {
  '1m': { ms: MINUTE_MS, defaultLimit: 60, maxLimit: 1440 },
  '1h': { ms: HOUR_MS, defaultLimit: 24, maxLimit: 168 },
  '1d': { ms: DAY_MS, defaultLimit: 7, maxLimit: 31 },
} as const;

interface Totals {
  line: AnthropicLine;
  uncached: number;
  cacheRead: number;
  cacheWrite5m: number;
  output: number;
  webSearch: number;
}

function add(t: Totals, line: AnthropicLine, share: (v: number) => number): void {
  const n = share(line.tokens);
  if (line.tokenType === 'uncached_input_tokens') t.uncached += n;
  else if (line.tokenType === 'cache_read_input_tokens') t.cacheRead += n;
  else if (line.tokenType === 'cache_creation.ephemeral_5m_input_tokens') t.cacheWrite5m += n;
  else if (line.tokenType === 'output_tokens') t.output += n;
  t.webSearch += share(line.webSearchRequests);
}

interface Filters {
  models?: string[];
  workspaceIds?: string[];
  apiKeyIds?: string[];
  serviceTiers?: string[];
}

/** Usage results of the bucket [aMs, bMs) up to `nowMs`, grouped by `groupBy`. */
export function usageResults(
  model: SpendModel,
  aMs: number,
  bMs: number,
  nowMs: number,
  groupBy: UsageGroup[],
  f: Filters,
): unknown[] {
  const aSec = Math.floor(aMs / 1000);
  const bSec = Math.floor(Math.min(bMs, nowMs) / 1000);
  const groups = new Map<string, Totals>();
  const g = (name: UsageGroup) => groupBy.includes(name);
  for (let h = Math.floor(aMs / HOUR_MS) * HOUR_MS; h < bSec * 1000; h += HOUR_MS) {
    const hSec = h / 1000;
    for (const row of model.hourly(h)) {
      for (const line of linesOf(row)) {
        const ws = reportedWorkspaceId(model, line.projectId);
        if (line.costType !== 'tokens' && line.webSearchRequests === 0) continue;
        if (f.models && !f.models.includes(line.usageModel)) continue;
        if (f.workspaceIds && !f.workspaceIds.includes(ws ?? '')) continue;
        if (f.apiKeyIds && !f.apiKeyIds.includes(line.apiKeyId)) continue;
        if (f.serviceTiers && !f.serviceTiers.includes(line.serviceTier)) continue;
        const key = [
          g('api_key_id') ? line.apiKeyId : '',
          g('workspace_id') ? (ws ?? '') : '',
          g('model') ? line.usageModel : '',
          g('service_tier') ? line.serviceTier : '',
        ].join('|');
        let t = groups.get(key);
        if (!t)
          groups.set(
            key,
            (t = { line, uncached: 0, cacheRead: 0, cacheWrite5m: 0, output: 0, webSearch: 0 }),
          );
        add(t, line, (v) => portionOf(v, hSec, aSec, bSec));
      }
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, t]) => ({
      uncached_input_tokens: t.uncached,
      cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: t.cacheWrite5m },
      cache_read_input_tokens: t.cacheRead,
      output_tokens: t.output,
      server_tool_use: { web_search_requests: t.webSearch },
      api_key_id: g('api_key_id') ? t.line.apiKeyId : null,
      workspace_id: g('workspace_id') ? reportedWorkspaceId(model, t.line.projectId) : null,
      model: g('model') ? t.line.usageModel : null,
      service_tier: g('service_tier') ? t.line.serviceTier : null,
      context_window: g('context_window') ? '0-200k' : null,
    }));
}

/** Builds the messages usage report page for one request at simulated time `nowMs`. */
export function handleUsageReport(q: Params, model: SpendModel, nowMs: number): unknown {
  const startMs = q.time('starting_at', true)!;
  const endMs = q.time('ending_at', false);
  if (endMs !== undefined && endMs <= startMs) throw badParam('ending_at', 'must be after starting_at');
  const width = WIDTHS[q.enumOne('bucket_width', ['1d', '1h', '1m'] as const, '1d')];
  const limit = q.int('limit', 1, width.maxLimit, width.defaultLimit);
  const groupBy = q.enumArray('group_by', USAGE_GROUP_BY) ?? [];
  q.enumArray('service_tiers', ['standard', 'batch', 'priority'] as const);
  const filters: Filters = {
    models: q.array('models'),
    workspaceIds: q.array('workspace_ids'),
    apiKeyIds: q.array('api_key_ids'),
    serviceTiers: q.array('service_tiers'),
  };
  const first = Math.floor(startMs / width.ms) * width.ms;
  const buckets: number[] = [];
  for (let b = first; b <= nowMs && (endMs === undefined || b + width.ms <= endMs); b += width.ms) {
    buckets.push(b);
    if (buckets.length > 100_000) break;
  }
  const page = q.string('page');
  let from = first;
  if (page !== undefined) {
    from = readPageToken(page);
    if (!buckets.includes(from)) throw badParam('page', 'invalid page token');
  }
  const rest = buckets.filter((b) => b >= from);
  const shown = rest.slice(0, limit);
  const next = rest[limit];
  return {
    data: shown.map((b) => ({
      starting_at: toRfc3339(b),
      ending_at: toRfc3339(b + width.ms),
      results: usageResults(model, b, b + width.ms, nowMs, groupBy, filters),
    })),
    has_more: next !== undefined,
    next_page: next !== undefined ? pageToken(next) : null,
  };
}
