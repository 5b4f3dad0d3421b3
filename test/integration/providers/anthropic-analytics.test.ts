// The Anthropic adapter on the beta Usage & Cost Analytics API: costs and request counts equal the
// simulator's ground truth, a steady-state poll stays at two requests, an organization without the API falls
// back to the legacy reports (and is remembered), and the two report refusals are survived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySyncError } from '@core/sync-errors';
import { DAY_MS, HOUR_MS, startOfUtcDay, startOfUtcHour } from '@core/time';
import { createSimClock } from '../../../main/simulator/index';
import {
  ANTHROPIC_DEMO_ADMIN_KEY,
  startAnthropicSimulator,
  workspaceIdOf,
  type AnthropicSimulator,
} from '../../../main/simulator/anthropic/index';
import { describeError } from '../../../main/services/api-errors';
import { createAnthropicApi } from '../../../main/services/providers/anthropic-client';
import {
  createOrgMemory,
  type AnthropicOrgMemory,
} from '../../../main/services/providers/anthropic-org-memory';

const NOW = Date.UTC(2026, 11, 7, 10, 40);
const TODAY = startOfUtcDay(NOW);

let sim: AnthropicSimulator;
let legacyOnly: AnthropicSimulator;
beforeAll(async () => {
  const clock = createSimClock({ startMs: NOW, speed: 0 });
  const shape = { projects: 4, models: 3, lineItemsPerModel: 3 };
  sim = await startAnthropicSimulator({ seed: 21, clock, historyDays: 60, shape });
  legacyOnly = await startAnthropicSimulator({ seed: 21, clock, historyDays: 60, shape, analytics: false });
});
afterAll(async () => {
  await sim.close();
  await legacyOnly.close();
});

const api = (s: AnthropicSimulator, memory: AnthropicOrgMemory = createOrgMemory()) =>
  createAnthropicApi({ apiKey: ANTHROPIC_DEMO_ADMIN_KEY, baseURL: s.baseUrl, memory });
const since = (s: AnthropicSimulator, n: number) => s.requests.slice(n);
const withFaults = async <T>(s: AnthropicSimulator, spec: string, run: () => Promise<T>): Promise<T> => {
  s.setFaults(spec);
  try {
    return await run();
  } finally {
    s.setFaults(null);
  }
};
const sum = (rows: Array<{ micros: number }>) => rows.reduce((t, r) => t + r.micros, 0);

describe('costs and usage from the Analytics API', () => {
  it('40 days of daily costs equal the ground truth, per workspace and per API key, in two windows', async () => {
    const range = { startMs: TODAY - 39 * DAY_MS, endMs: TODAY + DAY_MS };
    const before = sim.requests.length;
    const days = await api(sim).dailyCosts(range);
    const asked = since(sim, before);
    expect(asked.map((r) => [r.path, r.status])).toEqual([
      ['/v1/organizations/analytics/cost', 200],
      ['/v1/organizations/analytics/cost', 200],
    ]);
    expect(days.map((d) => d.dayStartMs)).toEqual(
      Array.from({ length: 40 }, (_, i) => range.startMs + i * DAY_MS),
    );
    const all = days.flatMap((d) => d.rows);
    expect(sum(all)).toBe(sim.model.visibleCostMicros(range.startMs, range.endMs, NOW));
    const day = days[10]!;
    for (const p of sim.model.projects) {
      const got = sum(day.rows.filter((r) => r.projectId === workspaceIdOf(p.id)));
      expect(got).toBe(sim.model.costMicros(day.dayStartMs, day.dayStartMs + DAY_MS, { projectIds: [p.id] }));
    }
    // Per-key attribution: every row names its key, and a key's total is the model's.
    expect(all.every((r) => r.apiKeyId?.startsWith('apikey_01'))).toBe(true);
    const key = sim.model.apiKeys[0]!;
    const keyRows = day.rows.filter((r) => r.apiKeyId === `apikey_01${key.id.replace(/^key_/, '')}`);
    let keyTruth = 0;
    for (let h = day.dayStartMs; h < day.dayStartMs + DAY_MS; h += HOUR_MS)
      for (const r of sim.model.hourly(h)) if (r.apiKeyId === key.id) keyTruth += r.costMicros;
    expect(keyTruth).toBeGreaterThan(0);
    expect(sum(keyRows)).toBe(keyTruth);
    expect(all.some((r) => r.lineItem?.endsWith(', output tokens'))).toBe(true);
  });

  it('hourly usage carries the request counts the legacy report lacks, equal to the ground truth', async () => {
    const end = startOfUtcHour(NOW);
    const range = { startMs: end - 6 * HOUR_MS, endMs: end };
    const rows = await api(sim).hourlyCompletions(range);
    let requests = 0;
    let input = 0;
    for (let h = range.startMs; h < range.endMs; h += HOUR_MS)
      for (const r of sim.model.hourly(h)) {
        requests += r.requests;
        input += r.inputTokens;
      }
    expect(requests).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + r.requests, 0)).toBe(requests);
    expect(rows.reduce((s, r) => s + r.inputTokens, 0)).toBe(input);
    expect(new Set(rows.map((r) => r.hourStartMs)).size).toBe(6);
  });

  it('the Default workspace, which the workspace list leaves out, is named once the Analytics API has shown it', async () => {
    const a = api(sim);
    await a.dailyCosts({ startMs: TODAY - DAY_MS, endMs: TODAY + DAY_MS });
    const names = new Map((await a.projects()).map((w) => [w.id, w.name]));
    expect(names.get(workspaceIdOf(sim.model.projects[0]!.id))).toBe('Default workspace');
    expect(names.get(workspaceIdOf(sim.model.projects[1]!.id))).toBe(sim.model.projects[1]!.name);
  });

  it('a steady-state poll is one request for costs and one for usage', async () => {
    const a = api(sim);
    const before = sim.requests.length;
    await a.dailyCosts({ startMs: TODAY - DAY_MS, endMs: TODAY + DAY_MS });
    const hour = startOfUtcHour(NOW);
    await a.hourlyCompletions({ startMs: hour - HOUR_MS, endMs: hour + HOUR_MS });
    expect(since(sim, before).map((r) => r.path)).toEqual([
      '/v1/organizations/analytics/cost',
      '/v1/organizations/analytics/usage',
    ]);
  });
});

describe('an organization without the Analytics API', () => {
  it('falls back to the legacy reports on 404, remembers it, and costs still equal the ground truth', async () => {
    const memory = createOrgMemory();
    const range = { startMs: TODAY - DAY_MS, endMs: TODAY + DAY_MS };
    const before = legacyOnly.requests.length;
    const days = await api(legacyOnly, memory).dailyCosts(range);
    expect(since(legacyOnly, before).map((r) => [r.path, r.status])).toEqual([
      ['/v1/organizations/analytics/cost', 404],
      ['/v1/organizations/cost_report', 200],
    ]);
    expect(sum(days.flatMap((d) => d.rows))).toBe(
      legacyOnly.model.visibleCostMicros(range.startMs, range.endMs, NOW),
    );
    // The next poll (a new adapter, the same organization) goes straight to the legacy reports.
    const next = legacyOnly.requests.length;
    const hour = startOfUtcHour(NOW);
    await api(legacyOnly, memory).dailyCosts(range);
    await api(legacyOnly, memory).hourlyCompletions({ startMs: hour - HOUR_MS, endMs: hour + HOUR_MS });
    expect(since(legacyOnly, next).map((r) => r.path)).toEqual([
      '/v1/organizations/cost_report',
      '/v1/organizations/usage_report/messages',
    ]);
    // A day (of range end) later it asks the Analytics API again, in case the beta was opened.
    const later = legacyOnly.requests.length;
    await api(legacyOnly, memory).dailyCosts({
      startMs: range.startMs + DAY_MS,
      endMs: range.endMs + DAY_MS,
    });
    expect(since(legacyOnly, later)[0]!.path).toBe('/v1/organizations/analytics/cost');
  });

  it('days before 2026-01-01 (out of the Analytics API reach) come from the legacy report', async () => {
    const early = await startAnthropicSimulator({
      seed: 4,
      clock: createSimClock({ startMs: Date.UTC(2026, 0, 3, 12), speed: 0 }),
      historyDays: 10,
    });
    try {
      const range = { startMs: Date.UTC(2025, 11, 30), endMs: Date.UTC(2026, 0, 4) };
      const days = await api(early).dailyCosts(range);
      expect(early.requests.map((r) => r.path)).toEqual([
        '/v1/organizations/cost_report',
        '/v1/organizations/analytics/cost',
      ]);
      expect(days).toHaveLength(5);
      expect(sum(days.flatMap((d) => d.rows))).toBe(
        early.model.visibleCostMicros(range.startMs, range.endMs, Date.UTC(2026, 0, 3, 12)),
      );
    } finally {
      await early.close();
    }
  });
});

describe('the two report refusals', () => {
  const range = { startMs: TODAY - 5 * DAY_MS, endMs: TODAY + DAY_MS };

  it('report_page_too_large: asks again with a lower limit, the sum is exact, and the smaller page is remembered', async () => {
    const memory = createOrgMemory();
    const before = sim.requests.length;
    const days = await withFaults(sim, 'analytics_cost=page-too-large:300', () =>
      api(sim, memory).dailyCosts(range),
    );
    const limits = since(sim, before).map((r) => [new URLSearchParams(r.query).get('limit'), r.status]);
    expect(limits.slice(0, 3)).toEqual([
      ['1000', 400],
      ['500', 400],
      ['250', 200],
    ]);
    expect(sum(days.flatMap((d) => d.rows))).toBe(
      sim.model.visibleCostMicros(range.startMs, range.endMs, NOW),
    );
    const next = sim.requests.length;
    await withFaults(sim, 'analytics_cost=page-too-large:300', () => api(sim, memory).dailyCosts(range));
    expect(since(sim, next).every((r) => r.status === 200 && r.query.includes('limit=250'))).toBe(true);
  });

  it('too_many_report_groups: gives up per-key attribution first, and the costs stay exact', async () => {
    const memory = createOrgMemory();
    const days = await withFaults(sim, 'analytics_cost=too-many-groups:2', () =>
      api(sim, memory).dailyCosts(range),
    );
    const rows = days.flatMap((d) => d.rows);
    expect(sum(rows)).toBe(sim.model.visibleCostMicros(range.startMs, range.endMs, NOW));
    expect(rows.every((r) => r.apiKeyId === null && r.projectId?.startsWith('wrkspc_'))).toBe(true);
    // Remembered: the next read asks for the two groups at once.
    const next = sim.requests.length;
    await withFaults(sim, 'analytics_cost=too-many-groups:2', () => api(sim, memory).dailyCosts(range));
    const q = new URLSearchParams(since(sim, next)[0]!.query);
    expect(q.getAll('group_by[]')).toEqual(['workspace_id', 'model', 'cost_type', 'token_type']);
  });

  it('the legacy reports survive both too', async () => {
    const memory = createOrgMemory({ hasAnalytics: false });
    const days = await withFaults(
      legacyOnly,
      'cost_report=too-many-groups:1,cost_report=page-too-large:2',
      () => api(legacyOnly, memory).dailyCosts(range),
    );
    expect(days).toHaveLength(6);
    expect(sum(days.flatMap((d) => d.rows))).toBe(
      legacyOnly.model.visibleCostMicros(range.startMs, range.endMs, NOW),
    );
  });

  it('when nothing smaller is left, the user reads Anthropic-named words and the previous figures stay', async () => {
    const err = await withFaults(sim, 'analytics_cost=page-too-large', () =>
      api(sim)
        .dailyCosts(range)
        .then(
          () => null,
          (e: unknown) => e,
        ),
    );
    const words = classifySyncError(describeError(err, 'admin', 'anthropic'), {
      nowMs: NOW,
      failures: 1,
      random: () => 0.5,
      timeZone: 'UTC',
    });
    expect(words.message).toMatch(/^Anthropic says its report is too large to send, even one row a page/);
    expect(words.message).toContain('The previous figures are kept');
    const groups = await withFaults(sim, 'analytics_cost=too-many-groups', () =>
      api(sim)
        .dailyCosts(range)
        .then(
          () => null,
          (e: unknown) => e,
        ),
    );
    const w2 = classifySyncError(describeError(groups, 'admin', 'anthropic'), {
      nowMs: NOW,
      failures: 1,
      random: () => 0.5,
      timeZone: 'UTC',
    });
    expect(w2.message).toMatch(/^Anthropic has usage in more groups than its report can return/);
    expect(w2.message).toContain('The previous figures are kept');
  });
});

describe('an amount that does not parse', () => {
  it('fails the read as malformed, and the same report read again is whole', async () => {
    const range = { startMs: TODAY - 3 * DAY_MS, endMs: TODAY + DAY_MS };
    const err = await withFaults(sim, 'analytics_cost=bad-amountx1', () =>
      api(sim)
        .dailyCosts(range)
        .then(
          () => null,
          (e: unknown) => e,
        ),
    );
    expect(describeError(err, 'admin', 'anthropic').transport).toBe('schema');
    const days = await api(sim).dailyCosts(range);
    expect(sum(days.flatMap((d) => d.rows))).toBe(
      sim.model.visibleCostMicros(range.startMs, range.endMs, NOW),
    );
  });
});

describe('spend limits (beta)', () => {
  it('reads the organization limit and the usage-tier cap; an org without access is null, not an error', async () => {
    const limited = await startAnthropicSimulator({
      seed: 2,
      clock: createSimClock({ startMs: NOW, speed: 0 }),
      spendLimits: {
        usageTierCents: 500_000,
        organizationCents: 120_000,
        workspaceCents: { wrkspc_01x: 30_000 },
      },
    });
    try {
      const limits = await createAnthropicApi({
        apiKey: ANTHROPIC_DEMO_ADMIN_KEY,
        baseURL: limited.baseUrl,
      }).spendLimits();
      expect(limits).toEqual({
        org: { limitMicros: 1_200_000_000, isEnforced: true },
        tierCap: { limitMicros: 5_000_000_000, isEnforced: true },
        workspaces: [{ workspaceId: 'wrkspc_01x', limitMicros: 300_000_000, isEnforced: true }],
      });
    } finally {
      await limited.close();
    }
    expect(await api(legacyOnly).spendLimits()).toEqual({
      org: null,
      tierCap: { limitMicros: 5_000_000_000, isEnforced: true },
      workspaces: [],
    });
    const closed = await startAnthropicSimulator({
      seed: 2,
      clock: createSimClock({ startMs: NOW, speed: 0 }),
      spendLimits: null,
    });
    try {
      expect(await api(closed).spendLimits()).toBeNull();
    } finally {
      await closed.close();
    }
  });
});
