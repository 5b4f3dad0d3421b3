/**
 * A faithful local Anthropic Admin API (the Usage & Cost Analytics API, the legacy cost and messages usage
 * reports, workspaces, spend limits) driven by the same deterministic spend model as the OpenAI simulator,
 * so both providers can be tested against one truth.
 *
 * Checked against the official client **`@anthropic-ai/sdk` 1.17.0** (December 2026), whose conformance tests
 * (test/integration/providers/anthropic-sdk.test.ts) call every route here with default options: it sends
 * `Authorization: Bearer` and `anthropic-version: 2026-10-21` (the docs' curl sends `x-api-key` and
 * `2023-06-01`; both are accepted), serialises arrays as `name[]=…`, sends the beta header each beta route
 * needs, and reads an error's code from `error.details.error_code`. It has typed methods for the Analytics
 * API (`client.beta.organization.analytics.cost.list` / `.usage.list`), spend limits
 * (`client.beta.organization.spendLimits.list`) and workspaces; the legacy `cost_report` and
 * `usage_report/messages` (labelled legacy on 2026-10-29) have none and are read with `client.get`.
 * - Usage & Cost Analytics API, https://platform.claude.com/docs/en/manage-claude/usage-cost-analytics-api and
 *   the SDK's `CostListParams` / `UsageListParams`: see `./analytics-report.ts` and `./analytics-query.ts`.
 *   An organization without it (`analytics: false`) gets 404 not_found_error on both routes.
 * - Spend limits (beta, early access), see `./spend-limits.ts`.
 * - Errors `report_page_too_large` and `too_many_report_groups` (SDK 1.15.0+): 400 invalid_request_error
 *   with `error.details.error_code`; injected as faults (see `./faults.ts`).
 *
 * Facts checked against Anthropic's documentation (December 2026):
 * - Usage and Cost API guide, https://platform.claude.com/docs/en/manage-claude/usage-cost-api (also
 *   https://docs.anthropic.com/en/api/usage-cost-api): the endpoints need an Admin API key (`sk-ant-admin…`;
 *   `sk-ant-admin01-…` in practice) that differs from standard API keys; headers `x-api-key` and
 *   `anthropic-version: 2023-06-01`; costs in USD "as decimal strings in lowest units (cents)"; cost buckets
 *   `1d` only; page with `next_page` while `has_more`; Priority Tier costs are not in the cost endpoint;
 *   spend in the Default workspace has `workspace_id: null`; data usually appears within about 5 minutes.
 * - Get Cost Report, https://platform.claude.com/docs/en/api/admin-api/usage-cost/get-cost-report and
 *   https://platform.claude.com/docs/en/api/admin/cost_report: `starting_at` (required, RFC 3339, snapped to
 *   the UTC day), `ending_at`, `bucket_width` "1d", `group_by[]` of `workspace_id` / `description`, `limit`
 *   default 7, min 1, max 31, `page`; result `{currency:"USD", amount, workspace_id, description, cost_type
 *   ("tokens"|"web_search"|"code_execution"), context_window ("0-200k"|"200k-1M"), model, service_tier
 *   ("standard"|"batch"), token_type}`, the description fields null when not grouping by description;
 *   "123.45" in USD is $1.23.
 * - Get Messages Usage Report, https://platform.claude.com/docs/en/api/admin-api/usage-cost/get-messages-usage-report:
 *   `bucket_width` 1d (default) / 1h / 1m with limits 1d 7 (max 31), 1h 24 (max 168), 1m 60 (max 1440);
 *   `group_by[]` (api_key_id, workspace_id, model, service_tier, context_window, inference_geo, speed,
 *   account_id, service_account_id); filters `models[]`, `workspace_ids[]`, `api_key_ids[]`, `service_tiers[]`,
 *   `context_window[]`; results carry uncached_input_tokens, cache_creation {ephemeral_1h_input_tokens,
 *   ephemeral_5m_input_tokens}, cache_read_input_tokens, output_tokens, server_tool_use {web_search_requests}.
 *   The page token form is the documentation's example `page_MjAyNS0wNS0xNFQwMDowMDowMFo=`.
 * - List Workspaces, https://platform.claude.com/docs/en/api/admin-api/workspaces/list-workspaces:
 *   `limit` default 20 (1–1000), `after_id`, `before_id`, `include_archived` (default false); answers
 *   `{data:[{id, type:"workspace", name, created_at, archived_at, display_color}], has_more, first_id, last_id}`.
 * - Errors, https://platform.claude.com/docs/en/api/errors: `{"type":"error","error":{"type","message"},
 *   "request_id"}`; 400 invalid_request_error, 401 authentication_error, 403 permission_error, 404
 *   not_found_error, 429 rate_limit_error (with `retry-after`), 500 api_error, 529 overloaded_error.
 * Corrections to the brief: the cost report's `group_by` needs no other values; the usage report also groups
 * by inference_geo, speed, account_id and service_account_id; workspaces also have `display_color`.
 * Not documented: what a standard key (`sk-ant-api03-…`) gets on an Admin endpoint. The errors page defines
 * 403 permission_error as "Your API key does not have permission to use the specified resource", which fits,
 * so the simulator answers that (a third-party guide reports an authentication error instead; Creditwatch
 * classifies either as a project key from the key's prefix). Missing `x-api-key` or an unknown key: 401
 * authentication_error; missing `anthropic-version`: 400 invalid_request_error.
 */
import { createSimulatedSpendModel, type SimulatorShape } from '../index';
import type { RequestLogEntry } from '../server';
import { createSimClock, type SimClock } from '../sim-clock';
import type { SpendModel } from '../spend-model';
import { handleAnalyticsCost, handleAnalyticsUsage } from './analytics-report';
import { handleCostReport } from './cost-report';
import { notFound } from './errors';
import { createAnthropicFaults, type AnthropicFaultRule } from './faults';
import { startAnthropicHttp } from './server';
import { handleSpendLimits, type SimSpendLimits } from './spend-limits';
import { handleUsageReport } from './usage-report';
import { handleWorkspaces } from './workspaces';

export type { SimSpendLimits } from './spend-limits';
export type { AnthropicFaultRule } from './faults';
export { workspaceIdOf } from './mapping';

/** An Admin key the simulator accepts (any `sk-ant-admin01-…` key is); it opens nothing real. */
export const ANTHROPIC_DEMO_ADMIN_KEY = 'sk-ant-admin01-demo-creditwatch-local-simulator-0000';

export interface AnthropicSimulatorOptions {
  seed?: number;
  clock?: SimClock;
  /** Spend exists from UTC midnight this many days before the clock's start; default 120. */
  historyDays?: number;
  shape?: SimulatorShape;
  /** See `./faults` for the grammar. */
  faults?: string | AnthropicFaultRule[] | null;
  /** An hour's cost appears in the cost report this long after the hour ends; default 5. */
  costLagMinutes?: number;
  /** 0 (default) = a free port. */
  port?: number;
  /** Whether the organization has the Usage & Cost Analytics API (beta); default true. */
  analytics?: boolean;
  /**
   * The spend limits the organization lists; null = no access to the early access preview (403). Default:
   * a $5,000 usage-tier cap and no limit of its own.
   */
  spendLimits?: SimSpendLimits | null;
  /**
   * The organization's id (the `anthropic-organization-id` header on every answer): every key is then a key of this one
   * organization. Default: one organization per key (different keys, different organizations).
   */
  organizationId?: string;
}

export interface AnthropicSimulator {
  /** e.g. 'http://127.0.0.1:PORT' — the API base URL (paths start with /v1). */
  baseUrl: string;
  port: number;
  clock: SimClock;
  /** Ground truth. */
  model: SpendModel;
  requests: ReadonlyArray<RequestLogEntry>;
  setFaults(spec: string | AnthropicFaultRule[] | null): void;
  close(): Promise<void>;
}

const DEFAULT_LIMITS: SimSpendLimits = { usageTierCents: 500_000, organizationCents: null };

/** The fixed organization id (a UUID, as the API's) of the simulated org of `seed`. */
export function simulatedAnthropicOrgId(seed: number): string {
  return `5e0c1a2d-0000-4000-8000-${Math.abs(Math.trunc(seed)).toString(16).padStart(12, '0').slice(-12)}`;
}

/** Starts the simulator on 127.0.0.1 (only) and resolves once it is listening. */
export async function startAnthropicSimulator(
  opts: AnthropicSimulatorOptions = {},
): Promise<AnthropicSimulator> {
  const clock = opts.clock ?? createSimClock();
  const model = createSimulatedSpendModel(
    {
      seed: opts.seed,
      historyDays: opts.historyDays,
      shape: opts.shape,
      costLagMinutes: opts.costLagMinutes ?? 5,
    },
    clock.nowMs(),
  );
  const faults = createAnthropicFaults(opts.seed ?? 1, opts.faults);
  const lagMs = (opts.costLagMinutes ?? 5) * 60_000;
  const hasAnalytics = opts.analytics ?? true;
  const limits = opts.spendLimits === undefined ? DEFAULT_LIMITS : opts.spendLimits;
  const orgCreatedMs = Math.min(...model.projects.map((p) => p.createdAtSec * 1000), clock.nowMs());
  const http = await startAnthropicHttp({
    port: opts.port ?? 0,
    clock,
    faults,
    organizationId: opts.organizationId ?? null,
    handlers: {
      cost_report: (q, now) => handleCostReport(q, model, now),
      usage_messages: (q, now) => handleUsageReport(q, model, now),
      workspaces: (q) => handleWorkspaces(q, model),
      analytics_cost: (q, now) => {
        if (!hasAnalytics) throw notFound();
        return handleAnalyticsCost(q, model, now, lagMs);
      },
      analytics_usage: (q, now) => {
        if (!hasAnalytics) throw notFound();
        return handleAnalyticsUsage(q, model, now);
      },
      spend_limits: (q, now) => handleSpendLimits(q, limits, orgCreatedMs, now),
    },
  });
  return {
    baseUrl: `http://127.0.0.1:${http.port}`,
    port: http.port,
    clock,
    model,
    requests: http.requests,
    setFaults: (spec) => faults.set(spec),
    close: http.close,
  };
}
