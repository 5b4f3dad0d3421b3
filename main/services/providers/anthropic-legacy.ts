/**
 * The legacy Anthropic reports (labelled legacy on 2026-10-29): `cost_report` (daily, by workspace and
 * description, amounts as decimal strings in cents) and `usage_report/messages` (hourly tokens, no request
 * counts). Read for organizations without the Analytics API and for days before its reach; both survive
 * the report refusals through `readReport`, remembering what answered.
 */
import type { CostDay, CostRow, UsageRow } from '@core/sync-data';
import type { TimeRange } from '@core/sync-plan';
import { DAY_MS, HOUR_MS } from '@core/time';
import type { Get } from './anthropic-analytics';
import { rememberShape, startShape, type AnthropicOrgMemory } from './anthropic-org-memory';
import { readReport } from './anthropic-report-reader';
import { AnthropicCostPageSchema, AnthropicUsagePageSchema } from './anthropic-schemas';

const COST_PAGE_MAX = 31; // cost_report `limit`: 1–31 (default 7)
const HOURLY_PAGE_MAX = 168; // usage_report `limit` for bucket_width=1h: max 168

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const count = (r: TimeRange, widthMs: number) => Math.max(1, Math.ceil((r.endMs - r.startMs) / widthMs));

/** `description`, else "model, token_type", else the model, else null. Example: (null, 'claude-x', 'output_tokens') → 'claude-x, output_tokens'. */
function lineItemOf(r: { description?: string | null; model?: string | null; token_type?: string | null }) {
  if (r.description) return r.description;
  if (r.model && r.token_type) return `${r.model}, ${r.token_type}`;
  return r.model ?? null;
}

/** Daily cost buckets from the legacy cost report, by workspace and description (no per-key cost). */
export async function readLegacyDailyCosts(
  get: Get,
  range: TimeRange,
  memory: AnthropicOrgMemory,
  centsToMicros: (amount: string) => number,
): Promise<CostDay[]> {
  const start = startShape(memory, 'cost_report', {
    limit: Math.min(COST_PAGE_MAX, count(range, DAY_MS)),
    groups: ['workspace_id', 'description'],
  });
  const { items, shape } = await readReport({
    start,
    droppable: ['description', 'workspace_id'],
    async fetchPage(s, page) {
      const body = AnthropicCostPageSchema.parse(
        await get('/v1/organizations/cost_report', [
          ['starting_at', iso(range.startMs)],
          ['ending_at', iso(range.endMs)],
          ['bucket_width', '1d'],
          ...s.groups.map((g): [string, string] => ['group_by[]', g]),
          ['limit', String(s.limit)],
          ...(page ? [['page', page] as [string, string]] : []),
        ]),
      );
      return { items: body.data, nextPage: body.has_more ? (body.next_page ?? null) : null };
    },
  });
  rememberShape(memory, 'cost_report', start, shape);
  return items.map((bucket) => ({
    dayStartMs: Date.parse(bucket.starting_at),
    rows: bucket.results.map((r): CostRow => ({
      projectId: r.workspace_id ?? null,
      lineItem: lineItemOf(r),
      apiKeyId: null,
      micros: centsToMicros(r.amount),
    })),
  }));
}

/** Hourly tokens by model and workspace from the legacy report: it counts no requests, so `requests` is 0. */
export async function readLegacyHourly(
  get: Get,
  range: TimeRange,
  memory: AnthropicOrgMemory,
): Promise<UsageRow[]> {
  const start = startShape(memory, 'usage_messages', {
    limit: Math.min(HOURLY_PAGE_MAX, count(range, HOUR_MS)),
    groups: ['model', 'workspace_id'],
  });
  const { items, shape } = await readReport({
    start,
    droppable: ['workspace_id', 'model'],
    async fetchPage(s, page) {
      const body = AnthropicUsagePageSchema.parse(
        await get('/v1/organizations/usage_report/messages', [
          ['starting_at', iso(range.startMs)],
          ['ending_at', iso(range.endMs)],
          ['bucket_width', '1h'],
          ...s.groups.map((g): [string, string] => ['group_by[]', g]),
          ['limit', String(s.limit)],
          ...(page ? [['page', page] as [string, string]] : []),
        ]),
      );
      return { items: body.data, nextPage: body.has_more ? (body.next_page ?? null) : null };
    },
  });
  rememberShape(memory, 'usage_messages', start, shape);
  const rows: UsageRow[] = [];
  for (const bucket of items) {
    for (const r of bucket.results) {
      const writes =
        (r.cache_creation?.ephemeral_1h_input_tokens ?? 0) +
        (r.cache_creation?.ephemeral_5m_input_tokens ?? 0);
      rows.push({
        hourStartMs: Date.parse(bucket.starting_at),
        projectId: r.workspace_id ?? null,
        model: r.model ?? null,
        requests: 0,
        inputTokens: r.uncached_input_tokens + r.cache_read_input_tokens + writes,
        outputTokens: r.output_tokens,
      });
    }
  }
  return rows;
}
