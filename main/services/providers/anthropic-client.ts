/**
 * The Anthropic Admin API as Creditwatch uses it (`CostApi`): daily costs from the cost report, hourly
 * token usage from the messages usage report, and workspace names. Plain JSON GETs through `getJson`
 * (the key in `x-api-key`, never in a URL or a message); every answer is checked with zod.
 */
import type { ProjectName } from '@core/dashboard';
import { AmountFormatError, decimalToMicros } from '@core/decimal-amount';
import { PROVIDERS } from '@core/providers';
import type { CostDay, CostRow, UsageRow } from '@core/sync-data';
import type { TimeRange } from '@core/sync-plan';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { ImplausibleAnswerError } from '../api-errors';
import { getJson } from './http';
import type { CostApi, KeyKind } from './port';
import {
  AnthropicCostPageSchema,
  AnthropicUsagePageSchema,
  AnthropicWorkspacePageSchema,
} from './anthropic-schemas';

export const ANTHROPIC_VERSION = '2023-06-01';
const COST_PAGE_MAX = 31; // cost_report `limit`: 1–31 (default 7)
const HOURLY_PAGE_MAX = 168; // usage_report `limit` for bucket_width=1h: max 168
const WORKSPACE_PAGE_MAX = 1000; // workspaces `limit`: 1–1000
const MAX_PAGES = 100; // a server that never stops paging is a malformed answer, not an endless loop

export interface AnthropicApiOptions {
  apiKey: string;
  /** e.g. the simulator's 'http://127.0.0.1:PORT'; default https://api.anthropic.com. */
  baseURL?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Kind of an Anthropic key from its prefix. Examples: 'sk-ant-admin01-…' → 'admin', 'sk-ant-api03-…'
 * (an inference key) → 'project', 'sk-proj-…' → 'other'.
 */
export function anthropicKeyKind(apiKey: string): KeyKind {
  const key = apiKey.trim();
  if (key.startsWith('sk-ant-admin01-')) return 'admin';
  if (key.startsWith('sk-ant-')) return 'project';
  return 'other';
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const count = (r: TimeRange, widthMs: number) => Math.max(1, Math.ceil((r.endMs - r.startMs) / widthMs));

/** Cents string → micro-dollars; a value too large to hold exactly is an implausible answer (shown as malformed). */
function centsToMicros(amount: string): number {
  try {
    return decimalToMicros(amount, -2);
  } catch (err) {
    if (err instanceof AmountFormatError) throw new ImplausibleAnswerError(`cost amount: ${err.message}`);
    throw err;
  }
}

/** `description`, else "model, token_type", else the model, else null. Example: (null, 'claude-x', 'output_tokens') → 'claude-x, output_tokens'. */
function lineItemOf(r: { description?: string | null; model?: string | null; token_type?: string | null }) {
  if (r.description) return r.description;
  if (r.model && r.token_type) return `${r.model}, ${r.token_type}`;
  return r.model ?? null;
}

/** Creates the Anthropic cost API for one key. */
export function createAnthropicApi(opts: AnthropicApiOptions): CostApi {
  const base = (opts.baseURL ?? PROVIDERS.anthropic.baseUrl).replace(/\/+$/, '');
  const get = (path: string, query: Array<[string, string]>) =>
    getJson({
      url: `${base}${path}?${new URLSearchParams(query).toString()}`,
      headers: { 'x-api-key': opts.apiKey, 'anthropic-version': ANTHROPIC_VERSION },
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
    });

  async function dailyCosts(range: TimeRange): Promise<CostDay[]> {
    const days: CostDay[] = [];
    let page: string | null = null;
    for (let i = 0; i < MAX_PAGES; i++) {
      const body = AnthropicCostPageSchema.parse(
        await get('/v1/organizations/cost_report', [
          ['starting_at', iso(range.startMs)],
          ['ending_at', iso(range.endMs)],
          ['bucket_width', '1d'],
          ['group_by[]', 'workspace_id'],
          ['group_by[]', 'description'],
          ['limit', String(Math.min(COST_PAGE_MAX, count(range, DAY_MS)))],
          ...(page ? [['page', page] as [string, string]] : []),
        ]),
      );
      for (const bucket of body.data) {
        const rows: CostRow[] = bucket.results.map((r) => ({
          projectId: r.workspace_id ?? null,
          lineItem: lineItemOf(r),
          apiKeyId: null,
          micros: centsToMicros(r.amount),
        }));
        days.push({ dayStartMs: Date.parse(bucket.starting_at), rows });
      }
      if (!body.has_more || !body.next_page) return days;
      page = body.next_page;
    }
    throw new ImplausibleAnswerError('cost report paging did not end');
  }

  return {
    provider: 'anthropic',
    source: 'costs',
    keyKind: anthropicKeyKind(opts.apiKey),
    dailyCosts,

    /**
     * Hourly token usage grouped by model and workspace. The usage report counts no requests, so
     * `requests` is always 0; input tokens are uncached + cache reads + cache writes (5 min and 1 h).
     */
    async hourlyCompletions(range) {
      const rows: UsageRow[] = [];
      let page: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const body = AnthropicUsagePageSchema.parse(
          await get('/v1/organizations/usage_report/messages', [
            ['starting_at', iso(range.startMs)],
            ['ending_at', iso(range.endMs)],
            ['bucket_width', '1h'],
            ['group_by[]', 'model'],
            ['group_by[]', 'workspace_id'],
            ['limit', String(Math.min(HOURLY_PAGE_MAX, count(range, HOUR_MS)))],
            ...(page ? [['page', page] as [string, string]] : []),
          ]),
        );
        for (const bucket of body.data) {
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
        if (!body.has_more || !body.next_page) return rows;
        page = body.next_page;
      }
      throw new ImplausibleAnswerError('usage report paging did not end');
    },

    /** Every workspace, archived included (their spend still shows in costs). */
    async projects(): Promise<ProjectName[]> {
      const out: ProjectName[] = [];
      let after: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const body = AnthropicWorkspacePageSchema.parse(
          await get('/v1/organizations/workspaces', [
            ['include_archived', 'true'],
            ['limit', String(WORKSPACE_PAGE_MAX)],
            ...(after ? [['after_id', after] as [string, string]] : []),
          ]),
        );
        for (const w of body.data) out.push({ id: w.id, name: w.name });
        if (!body.has_more || !body.last_id) return out;
        after = body.last_id;
      }
      throw new ImplausibleAnswerError('workspace paging did not end');
    },

    /** One cost report call for today's UTC day (the call a sync depends on). */
    async verify(nowMs) {
      const start = startOfUtcDay(nowMs);
      await dailyCosts({ startMs: start, endMs: start + DAY_MS });
    },
  };
}
