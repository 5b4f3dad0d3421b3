// Conformance: the official Anthropic client (@anthropic-ai/sdk 1.17.0, default options) against our
// simulator, for every endpoint Creditwatch reads and every error it handles. The SDK sends its own headers
// (Authorization: Bearer, anthropic-version 2026-10-21, the beta headers) and must parse each answer.
import Anthropic, {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { createSimClock } from '../../../main/simulator/index';
import {
  ANTHROPIC_DEMO_ADMIN_KEY,
  startAnthropicSimulator,
  type AnthropicSimulator,
} from '../../../main/simulator/anthropic/index';
import {
  AnalyticsCostPageSchema,
  AnalyticsUsagePageSchema,
  AnthropicCostPageSchema,
  AnthropicSpendLimitPageSchema,
  AnthropicUsagePageSchema,
  AnthropicWorkspacePageSchema,
} from '../../../main/services/providers/anthropic-schemas';

const NOW = Date.UTC(2026, 11, 7, 10, 40);
const TODAY = startOfUtcDay(NOW);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

let sim: AnthropicSimulator;
let noAnalytics: AnthropicSimulator;
beforeAll(async () => {
  const clock = createSimClock({ startMs: NOW, speed: 0 });
  sim = await startAnthropicSimulator({
    seed: 5,
    clock,
    historyDays: 40,
    shape: { projects: 3, models: 3, lineItemsPerModel: 3 },
    spendLimits: { usageTierCents: 500_000, organizationCents: 200_000 },
  });
  noAnalytics = await startAnthropicSimulator({ seed: 5, clock, analytics: false, spendLimits: null });
});
afterAll(async () => {
  await sim.close();
  await noAnalytics.close();
});

/** The official client with its default options (retries, timeout, headers), pointed at a simulator. */
const sdk = (s = sim, apiKey = ANTHROPIC_DEMO_ADMIN_KEY) => new Anthropic({ apiKey, baseURL: s.baseUrl });

const lastRequest = (s = sim) => s.requests[s.requests.length - 1]!;

describe('@anthropic-ai/sdk 1.17.0 parses every answer Creditwatch reads', () => {
  it('sends Authorization: Bearer and anthropic-version 2026-10-21, and the simulator accepts them', async () => {
    const before = sim.requests.length;
    const page = await sdk().beta.organization.workspaces.list();
    expect(sim.requests.length).toBe(before + 1);
    expect(lastRequest().status).toBe(200);
    AnthropicWorkspacePageSchema.parse({ data: page.data, has_more: page.has_more, last_id: page.last_id });
    expect(page.data.length).toBeGreaterThan(0);
  });

  it('analytics cost: typed method, daily buckets by workspace, key and model, with request counts', async () => {
    const rows = [];
    for await (const row of sdk().beta.organization.analytics.cost.list({
      starting_at: iso(TODAY - 2 * DAY_MS),
      ending_at: iso(TODAY + DAY_MS),
      time_bucket_width: '1d',
      group_by: ['workspace_id', 'api_key_id', 'model'],
      limit: 1000,
    }))
      rows.push(row);
    expect(rows.length).toBeGreaterThan(0);
    const parsed = AnalyticsCostPageSchema.parse({ data: rows, has_more: false, next_page: null });
    expect(parsed.data.every((r) => r.group.api_key_id?.startsWith('apikey_01'))).toBe(true);
    expect(parsed.data.some((r) => (r.cost.requests ?? 0) > 0)).toBe(true);
  });

  it('analytics cost by token type: requests are null, as documented', async () => {
    const page = await sdk().beta.organization.analytics.cost.list({
      starting_at: iso(TODAY - DAY_MS),
      ending_at: iso(TODAY),
      time_bucket_width: '1d',
      group_by: ['model', 'cost_type', 'token_type'],
    });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((r) => r.cost.requests === null && r.group.cost_type !== null)).toBe(true);
  });

  it('analytics usage: hourly buckets with request counts, every page followed by the SDK', async () => {
    let count = 0;
    let requests = 0;
    for await (const row of sdk().beta.organization.analytics.usage.list({
      starting_at: iso(TODAY - DAY_MS),
      ending_at: iso(NOW),
      time_bucket_width: '1h',
      group_by: ['model', 'workspace_id'],
      limit: 7,
    })) {
      AnalyticsUsagePageSchema.parse({ data: [row], has_more: false });
      count += 1;
      requests += row.usage.requests ?? 0;
    }
    expect(count).toBeGreaterThan(7);
    expect(requests).toBeGreaterThan(0);
  });

  it('spend limits: the usage-tier cap and the organization limit, amounts in cents', async () => {
    const limits = [];
    for await (const l of sdk().beta.organization.spendLimits.list()) limits.push(l);
    const parsed = AnthropicSpendLimitPageSchema.parse({ data: limits, next_page: null });
    expect(parsed.data.map((l) => [l.scope.type, l.amount])).toEqual([
      ['organization', '200000'],
      ['usage_tier', '500000'],
    ]);
    expect(lastRequest().path).toBe('/v1/organizations/spend_limits');
  });

  it('legacy cost_report and usage_report/messages through client.get with default options', async () => {
    const cost = await sdk().get('/v1/organizations/cost_report', {
      query: {
        starting_at: iso(TODAY - 2 * DAY_MS),
        ending_at: iso(TODAY),
        group_by: ['workspace_id', 'description'],
        limit: 31,
      },
    });
    expect(AnthropicCostPageSchema.parse(cost).data).toHaveLength(2);
    const usage = await sdk().get('/v1/organizations/usage_report/messages', {
      query: {
        starting_at: iso(TODAY - 3 * HOUR_MS),
        ending_at: iso(TODAY),
        bucket_width: '1h',
        group_by: ['model', 'workspace_id'],
      },
    });
    expect(AnthropicUsagePageSchema.parse(usage).data).toHaveLength(3);
  });
});

describe('the errors Creditwatch handles reach the SDK as its own classes', () => {
  it('report_page_too_large and too_many_report_groups carry their error codes', async () => {
    sim.setFaults('analytics_cost=page-too-large:100,analytics_usage=too-many-groups:1');
    try {
      const big = await sdk()
        .beta.organization.analytics.cost.list({ starting_at: iso(TODAY - DAY_MS), limit: 1000 })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(big).toBeInstanceOf(Anthropic.Beta.Organization.BetaReportPageTooLargeError);
      expect(big).toMatchObject({ status: 400, errorCode: 'report_page_too_large' });
      // Within the limit, the same call answers.
      const ok = await sdk().beta.organization.analytics.cost.list({
        starting_at: iso(TODAY - DAY_MS),
        limit: 100,
      });
      expect(ok.data.length).toBe(1);
      const groups = await sdk()
        .beta.organization.analytics.usage.list({
          starting_at: iso(TODAY - DAY_MS),
          group_by: ['model', 'workspace_id'],
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(groups).toBeInstanceOf(Anthropic.Beta.Organization.BetaTooManyReportGroupsError);
      expect(groups).toMatchObject({ status: 400, errorCode: 'too_many_report_groups' });
    } finally {
      sim.setFaults(null);
    }
  });

  it('legacy reports answer the two codes too (through client.get)', async () => {
    sim.setFaults('cost_report=too-many-groups:1x1,usage_messages=page-too-large:24x1');
    try {
      const err = await sdk()
        .get('/v1/organizations/cost_report', {
          query: { starting_at: iso(TODAY - DAY_MS), group_by: ['workspace_id', 'description'] },
        })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 400, errorCode: 'too_many_report_groups' });
      expect((err as Error).message).toMatch(/analytics\/cost/);
      const page = await sdk()
        .get('/v1/organizations/usage_report/messages', {
          query: { starting_at: iso(TODAY - DAY_MS), bucket_width: '1h', limit: 168 },
        })
        .catch((e: unknown) => e);
      expect(page).toMatchObject({ status: 400, errorCode: 'report_page_too_large' });
    } finally {
      sim.setFaults(null);
    }
  });

  it('an org without the Analytics API: 404; without spend limit access: 403; keys, rate limits', async () => {
    await expect(
      sdk(noAnalytics).beta.organization.analytics.cost.list({ starting_at: iso(TODAY - DAY_MS) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(sdk(noAnalytics).beta.organization.spendLimits.list()).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    await expect(
      sdk(sim, 'sk-ant-api03-not-an-admin-key').beta.organization.workspaces.list(),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(sdk(sim, 'sk-ant-nope').beta.organization.workspaces.list()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    sim.setFaults('workspaces=429:retry-after=0,analytics_usage=529,analytics_cost=500');
    try {
      // No retries here: the SDK would retry these by itself (and Creditwatch retries on its schedule).
      const client = new Anthropic({ apiKey: ANTHROPIC_DEMO_ADMIN_KEY, baseURL: sim.baseUrl, maxRetries: 0 });
      await expect(client.beta.organization.workspaces.list()).rejects.toBeInstanceOf(RateLimitError);
      const start = { starting_at: iso(TODAY - DAY_MS) };
      await expect(client.beta.organization.analytics.usage.list(start)).rejects.toMatchObject({
        status: 529,
        type: 'overloaded_error',
      });
      await expect(client.beta.organization.analytics.cost.list(start)).rejects.toBeInstanceOf(
        InternalServerError,
      );
    } finally {
      sim.setFaults(null);
    }
  });
});
