/**
 * The beta Usage & Cost Analytics API as Creditwatch reads it (`anthropic-beta:
 * analytics-usage-cost-2026-08-24`; shapes of `@anthropic-ai/sdk` 1.17.0): daily cost per workspace, API key,
 * model and token type, and hourly usage per model and workspace **with request counts** — what the legacy
 * reports cannot say. Ranges are cut into windows of at most 31 days (the API's limit); refusals are
 * survived by `readReport`, and what answered is remembered per organization.
 */
import type { CostDay, CostRow, UsageRow } from '@core/sync-data';
import type { TimeRange } from '@core/sync-plan';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { AnalyticsCostPageSchema, AnalyticsUsagePageSchema } from './anthropic-schemas';
import { rememberShape, startShape, type AnthropicOrgMemory } from './anthropic-org-memory';
import { readReport, type ReportShape } from './anthropic-report-reader';
import { ProviderHttpError } from './http';

export const ANALYTICS_BETA = 'analytics-usage-cost-2026-08-24';
/** "No earlier than 2026-01-01T00:00:00Z" and "within the last 365 days" (SDK 1.17.0 `starting_at`). */
export const ANALYTICS_EARLIEST_MS = Date.UTC(2026, 0, 1);
const WINDOW_MS = 31 * DAY_MS;
const PAGE_MAX = 1000;

export type Get = (path: string, query: Array<[string, string]>, beta?: string) => Promise<unknown>;

/** Whether an answer says the organization does not have the Analytics API (404, 403, or not eligible). */
export function isAnalyticsMissing(err: unknown): boolean {
  if (!(err instanceof ProviderHttpError)) return false;
  return (
    err.status === 404 ||
    err.status === 403 ||
    (err.status === 400 && err.body.code === 'organization_not_eligible')
  );
}

/**
 * The earliest start the Analytics API accepts for a range ending at `endMs`: 2026-01-01, or 364 days
 * before the end (the range ends at most a day after now). Example: end 2026-12-08 → 2026-01-01.
 */
export function analyticsFloorMs(endMs: number): number {
  return Math.max(ANALYTICS_EARLIEST_MS, startOfUtcDay(endMs) - 364 * DAY_MS);
}

/** `[start, end)` cut into windows of at most 31 days. */
function windows(range: TimeRange): TimeRange[] {
  const out: TimeRange[] = [];
  for (let a = range.startMs; a < range.endMs; a += WINDOW_MS)
    out.push({ startMs: a, endMs: Math.min(range.endMs, a + WINDOW_MS) });
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

function query(w: TimeRange, width: '1d' | '1h', shape: ReportShape<string>, page: string | null) {
  const q: Array<[string, string]> = [
    ['starting_at', iso(w.startMs)],
    ['ending_at', iso(w.endMs)],
    ['time_bucket_width', width],
    ['limit', String(shape.limit)],
  ];
  for (const g of shape.groups) q.push(['group_by[]', g]);
  if (page) q.push(['page', page]);
  return q;
}

const TOKEN_WORDS: Record<string, string> = {
  uncached_input_tokens: 'input tokens',
  output_tokens: 'output tokens',
  cache_read_input_tokens: 'cache reads',
  'cache_creation.ephemeral_5m_input_tokens': 'cache writes (5 min)',
  'cache_creation.ephemeral_1h_input_tokens': 'cache writes (1 h)',
};
const COST_WORDS: Record<string, string> = {
  web_search: 'web search',
  code_execution: 'code execution',
  session_usage: 'agent sessions',
};

/** The line item of a cost row. Example: ('claude-sonnet-4-5', 'tokens', 'output_tokens') → 'claude-sonnet-4-5, output tokens'. */
export function analyticsLineItem(
  model: string | null,
  costType: string | null,
  tokenType: string | null,
): string | null {
  const what = tokenType
    ? (TOKEN_WORDS[tokenType] ?? tokenType)
    : costType
      ? (COST_WORDS[costType] ?? costType)
      : null;
  if (model && what) return `${model}, ${what}`;
  return what ?? model;
}

const COST_START: ReportShape<string> = { limit: PAGE_MAX, groups: ['workspace_id', 'api_key_id', 'model'] };
// Given up first to last when the org has too many groups: per-key attribution, then models, then workspaces.
const COST_DROPPABLE = ['api_key_id', 'model', 'workspace_id'];

/** Daily cost buckets over `range` (every day present, empty ones too). Money: cents strings → micro-dollars. */
export async function analyticsDailyCosts(
  get: Get,
  range: TimeRange,
  memory: AnthropicOrgMemory,
  centsToMicros: (amount: string) => number,
): Promise<CostDay[]> {
  const byDay = new Map<number, Map<string, CostRow>>();
  for (let d = startOfUtcDay(range.startMs); d < range.endMs; d += DAY_MS) byDay.set(d, new Map());
  for (const w of windows(range)) {
    const start = startShape(memory, 'analytics_cost', COST_START);
    const { items, shape } = await readReport({
      start,
      droppable: COST_DROPPABLE,
      async fetchPage(s, page) {
        const split = { ...s, groups: [...s.groups, 'cost_type', 'token_type'] };
        const body = AnalyticsCostPageSchema.parse(
          await get('/v1/organizations/analytics/cost', query(w, '1d', split, page), ANALYTICS_BETA),
        );
        return { items: body.data, nextPage: body.has_more ? (body.next_page ?? null) : null };
      },
    });
    rememberShape(memory, 'analytics_cost', start, shape);
    for (const r of items) {
      const day = startOfUtcDay(Date.parse(r.starting_at));
      const rows = byDay.get(day) ?? new Map<string, CostRow>();
      byDay.set(day, rows);
      const g = r.group;
      if (g.workspace_id) memory.seenWorkspaceIds.add(g.workspace_id);
      const row: CostRow = {
        projectId: g.workspace_id ?? null,
        lineItem: analyticsLineItem(g.model ?? null, g.cost_type ?? null, g.token_type ?? null),
        apiKeyId: g.api_key_id ?? null,
        micros: centsToMicros(r.cost.amount),
      };
      const key = JSON.stringify([row.projectId, row.lineItem, row.apiKeyId]);
      const had = rows.get(key);
      rows.set(key, had ? { ...had, micros: had.micros + row.micros } : row);
    }
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dayStartMs, rows]) => ({ dayStartMs, rows: [...rows.values()] }));
}

const USAGE_START: ReportShape<string> = { limit: PAGE_MAX, groups: ['model', 'workspace_id'] };

/** Hourly usage over `range` by model and workspace, with the API's request counts. */
export async function analyticsHourlyUsage(
  get: Get,
  range: TimeRange,
  memory: AnthropicOrgMemory,
): Promise<UsageRow[]> {
  const rows: UsageRow[] = [];
  const start = { startMs: Math.floor(range.startMs / HOUR_MS) * HOUR_MS, endMs: range.endMs };
  for (const w of windows(start)) {
    const start = startShape(memory, 'analytics_usage', USAGE_START);
    const { items, shape } = await readReport({
      start,
      droppable: ['workspace_id', 'model'],
      async fetchPage(s, page) {
        const body = AnalyticsUsagePageSchema.parse(
          await get('/v1/organizations/analytics/usage', query(w, '1h', s, page), ANALYTICS_BETA),
        );
        return { items: body.data, nextPage: body.has_more ? (body.next_page ?? null) : null };
      },
    });
    rememberShape(memory, 'analytics_usage', start, shape);
    for (const r of items) {
      const u = r.usage;
      if (r.group.workspace_id) memory.seenWorkspaceIds.add(r.group.workspace_id);
      const writes =
        (u.cache_creation?.ephemeral_1h_input_tokens ?? 0) +
        (u.cache_creation?.ephemeral_5m_input_tokens ?? 0);
      rows.push({
        hourStartMs: Date.parse(r.starting_at),
        projectId: r.group.workspace_id ?? null,
        model: r.group.model ?? null,
        requests: u.requests ?? 0,
        inputTokens: u.uncached_input_tokens + u.cache_read_input_tokens + writes,
        outputTokens: u.output_tokens,
      });
    }
  }
  return rows;
}
