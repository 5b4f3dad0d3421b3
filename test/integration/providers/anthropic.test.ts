import { readFileSync } from 'node:fs';
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
import { createOrgMemory } from '../../../main/services/providers/anthropic-org-memory';
import {
  AnthropicCostPageSchema,
  AnthropicUsagePageSchema,
  AnthropicWorkspacePageSchema,
} from '../../../main/services/providers/anthropic-schemas';

const NOW = Date.UTC(2026, 10, 24, 15, 20);
const TODAY = startOfUtcDay(NOW);
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/anthropic/${name}`, import.meta.url), 'utf8'));

let sim: AnthropicSimulator;
beforeAll(async () => {
  sim = await startAnthropicSimulator({
    seed: 11,
    clock: createSimClock({ startMs: NOW, speed: 0 }),
    historyDays: 60,
    shape: { projects: 5, models: 4, lineItemsPerModel: 3 },
    // The legacy reports, as an organization without the Analytics API reads them (anthropic-analytics.test.ts
    // covers the Analytics API and the fallback between the two).
    analytics: false,
  });
});
afterAll(() => sim.close());

const api = (apiKey = ANTHROPIC_DEMO_ADMIN_KEY, extra: { timeoutMs?: number; fetch?: typeof fetch } = {}) =>
  createAnthropicApi({
    apiKey,
    baseURL: sim.baseUrl,
    memory: createOrgMemory({ hasAnalytics: false }),
    ...extra,
  });

function raw(path: string, headers: Record<string, string> = {}) {
  return fetch(`${sim.baseUrl}${path}`, {
    headers: { 'x-api-key': ANTHROPIC_DEMO_ADMIN_KEY, 'anthropic-version': '2023-06-01', ...headers },
  });
}

/** The SyncError kind (and retry time) a failure of `call` becomes. */
async function kindOf(call: Promise<unknown>, keyKind: 'admin' | 'project' | 'other') {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  return classifySyncError(describeError(err, keyKind, 'anthropic'), {
    nowMs: NOW,
    failures: 1,
    random: () => 0.5,
  });
}

const requestsSince = (n: number) => sim.requests.slice(n);
const iso = (ms: number) => new Date(ms).toISOString();

describe('documented examples', () => {
  it('the documentation examples parse with the adapter schemas', () => {
    const cost = AnthropicCostPageSchema.parse(fixture('cost-report.json'));
    expect(cost.data[0]!.results[0]!.amount).toBe('123.45');
    const usage = AnthropicUsagePageSchema.parse(fixture('usage-report-messages.json'));
    expect(usage.data[0]!.results[0]!.cache_creation?.ephemeral_1h_input_tokens).toBe(1000);
    const ws = AnthropicWorkspacePageSchema.parse(fixture('workspaces-list.json'));
    expect(ws.data[0]!.id).toBe('wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ');
    const err = fixture('error-overloaded.json') as { type: string; error: { type: string } };
    expect(err.type).toBe('error');
  });

  it("the simulator's answers have the documented shapes", async () => {
    const q = `starting_at=${iso(TODAY - 3 * DAY_MS)}`;
    const cost = await (
      await raw(`/v1/organizations/cost_report?${q}&group_by[]=workspace_id&group_by[]=description`)
    ).json();
    expect(AnthropicCostPageSchema.safeParse(cost).success).toBe(true);
    expect(Object.keys(cost.data[0].results[0]).sort()).toEqual(
      Object.keys((fixture('cost-report.json') as typeof cost).data[0].results[0]).sort(),
    );
    const usage = await (
      await raw(`/v1/organizations/usage_report/messages?${q}&bucket_width=1h&group_by[]=model`)
    ).json();
    expect(AnthropicUsagePageSchema.safeParse(usage).success).toBe(true);
    expect(usage.data).toHaveLength(24); // 1h default limit
    const fixtureUsage = (fixture('usage-report-messages.json') as typeof usage).data[0].results[0];
    expect(Object.keys(usage.data[0].results[0]).sort()).toEqual(Object.keys(fixtureUsage).sort());
    const ws = await (await raw('/v1/organizations/workspaces?include_archived=true')).json();
    expect(AnthropicWorkspacePageSchema.safeParse(ws).success).toBe(true);
    expect(Object.keys(ws.data[0]).sort()).toEqual(
      Object.keys((fixture('workspaces-list.json') as typeof ws).data[0]).sort(),
    );
  });

  it('enforces the documented parameter rules with a 400 naming the parameter', async () => {
    const q = `starting_at=${iso(TODAY - DAY_MS)}`;
    const cases: Array<[string, string]> = [
      ['/v1/organizations/cost_report', 'starting_at'],
      [`/v1/organizations/cost_report?${q}&limit=32`, 'limit'],
      [`/v1/organizations/cost_report?${q}&bucket_width=1h`, 'bucket_width'],
      [`/v1/organizations/cost_report?${q}&group_by[]=model`, 'group_by[]'],
      [`/v1/organizations/cost_report?${q}&page=nonsense`, 'page'],
      [`/v1/organizations/cost_report?starting_at=yesterday`, 'starting_at'],
      [`/v1/organizations/usage_report/messages?${q}&bucket_width=1h&limit=169`, 'limit'],
      [`/v1/organizations/usage_report/messages?${q}&bucket_width=1d&limit=32`, 'limit'],
      [`/v1/organizations/workspaces?limit=1001`, 'limit'],
      [`/v1/organizations/workspaces?after_id=wrkspc_nope`, 'after_id'],
    ];
    for (const [path, param] of cases) {
      const res = await raw(path);
      const body = await res.json();
      expect(res.status, path).toBe(400);
      expect(body.type).toBe('error');
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message.startsWith(`${param}:`), body.error.message).toBe(true);
    }
    const noVersion = await fetch(`${sim.baseUrl}/v1/organizations/workspaces`, {
      headers: { 'x-api-key': ANTHROPIC_DEMO_ADMIN_KEY },
    });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).error.message).toMatch(/anthropic-version/);
    const noKey = await fetch(`${sim.baseUrl}/v1/organizations/workspaces`, {
      headers: { 'anthropic-version': '2023-06-01' },
    });
    expect(noKey.status).toBe(401);
    expect((await noKey.json()).error.type).toBe('authentication_error');
  });
});

describe('happy path against the ground truth', () => {
  it('40 days of daily costs sum exactly to the model, in two pages of at most 31 days', async () => {
    const range = { startMs: TODAY - 39 * DAY_MS, endMs: TODAY + DAY_MS };
    const before = sim.requests.length;
    const days = await api().dailyCosts(range);
    expect(requestsSince(before).map((r) => r.status)).toEqual([200, 200]);
    expect(days.map((d) => d.dayStartMs)).toEqual(
      Array.from({ length: 40 }, (_, i) => range.startMs + i * DAY_MS),
    );
    const total = days.flatMap((d) => d.rows).reduce((s, r) => s + r.micros, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(sim.model.visibleCostMicros(range.startMs, range.endMs, NOW));
    // Each settled day, per workspace, matches too; the Default workspace reports as null.
    const day = days[10]!;
    for (const p of sim.model.projects) {
      const id = p.id === sim.model.projects[0]!.id ? null : workspaceIdOf(p.id);
      const got = day.rows.filter((r) => r.projectId === id).reduce((s, r) => s + r.micros, 0);
      expect(got).toBe(sim.model.costMicros(day.dayStartMs, day.dayStartMs + DAY_MS, { projectIds: [p.id] }));
    }
    expect(day.rows.every((r) => typeof r.lineItem === 'string' && r.apiKeyId === null)).toBe(true);
  });

  it('hourly usage tokens equal the ground truth; the API counts no requests', async () => {
    const end = startOfUtcHour(NOW);
    const range = { startMs: end - 6 * HOUR_MS, endMs: end };
    const rows = await api().hourlyCompletions(range);
    let input = 0;
    let output = 0;
    for (let h = range.startMs; h < range.endMs; h += HOUR_MS) {
      for (const r of sim.model.hourly(h)) {
        input += r.inputTokens;
        output += r.outputTokens;
      }
    }
    expect(input).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + r.inputTokens, 0)).toBe(input);
    expect(rows.reduce((s, r) => s + r.outputTokens, 0)).toBe(output);
    expect(rows.every((r) => r.requests === 0 && r.model?.startsWith('claude-'))).toBe(true);
    expect(new Set(rows.map((r) => r.hourStartMs)).size).toBe(6);
  });

  it('a steady-state poll is one request for costs and one for usage', async () => {
    const before = sim.requests.length;
    await api().dailyCosts({ startMs: TODAY - DAY_MS, endMs: TODAY + DAY_MS });
    const hour = startOfUtcHour(NOW);
    await api().hourlyCompletions({ startMs: hour - HOUR_MS, endMs: hour + HOUR_MS });
    expect(requestsSince(before).map((r) => r.path)).toEqual([
      '/v1/organizations/cost_report',
      '/v1/organizations/usage_report/messages',
    ]);
  });

  it('workspaces: every page through after_id, archived included, Default workspace not listed', async () => {
    const small: typeof fetch = (url, init) => fetch(String(url).replace('limit=1000', 'limit=2'), init);
    const before = sim.requests.length;
    const list = await api(ANTHROPIC_DEMO_ADMIN_KEY, { fetch: small }).projects();
    const expected = [...sim.model.projects.slice(1), ...sim.model.archivedProjects];
    expect(list.map((w) => w.id).sort()).toEqual(expected.map((p) => workspaceIdOf(p.id)).sort());
    expect(list.map((w) => w.name)).toContain('Old prototype');
    expect(requestsSince(before)).toHaveLength(Math.ceil(expected.length / 2));
    expect(requestsSince(before)[1]!.query).toContain('after_id=wrkspc_');
  });

  it('verify makes one cost report call for the UTC day', async () => {
    const before = sim.requests.length;
    await api().verify(NOW);
    const [r] = requestsSince(before);
    expect(requestsSince(before)).toHaveLength(1);
    expect(decodeURIComponent(r!.query)).toContain(`starting_at=${iso(TODAY).replace('.000Z', 'Z')}`);
  });
});

describe('each failure reaches the user as the right kind', () => {
  const today = () => ({ startMs: TODAY, endMs: TODAY + DAY_MS });
  afterAll(() => sim.setFaults(null));

  it('keys: unknown → invalid-key, inference key → project-key, 401 → invalid-key, 403 → forbidden', async () => {
    sim.setFaults(null);
    expect((await kindOf(api('not-a-key-1234567890').dailyCosts(today()), 'other')).kind).toBe('invalid-key');
    const inference = api('sk-ant-api03-abcdefghijklmnopqrstuvwxyz');
    expect(inference.keyKind).toBe('project');
    const wrongKey = await kindOf(inference.dailyCosts(today()), inference.keyKind);
    expect(wrongKey.kind).toBe('project-key');
    expect(wrongKey.message).toMatch(/not an Admin API key.*sk-ant-admin01-…/);
    sim.setFaults('cost_report=401x1');
    expect((await kindOf(api().dailyCosts(today()), 'admin')).kind).toBe('invalid-key');
    sim.setFaults('cost_report=403x1');
    expect((await kindOf(api().dailyCosts(today()), 'admin')).kind).toBe('forbidden');
  });

  it('429 with retry-after → rate-limited, retrying when the server asked', async () => {
    sim.setFaults('cost_report=429:retry-after=120x1');
    const e = await kindOf(api().dailyCosts(today()), 'admin');
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAtMs).toBe(NOW + 120_000);
  });

  it.each(['500', '529'])('%s → server', async (status) => {
    sim.setFaults(`*=${status}x1`);
    const e = await kindOf(api().hourlyCompletions(today()), 'admin');
    expect(e.kind).toBe('server');
    expect(e.status).toBe(Number(status));
  });

  it('an HTML page, an amount that is not a number, or a non-USD currency → malformed', async () => {
    sim.setFaults('workspaces=htmlx1');
    expect((await kindOf(api().projects(), 'admin')).kind).toBe('malformed');
    sim.setFaults('cost_report=bad-amountx1');
    const bad = await kindOf(api().dailyCosts({ startMs: TODAY - 3 * DAY_MS, endMs: TODAY }), 'admin');
    expect(bad.kind).toBe('malformed');
    expect(bad.message).toMatch(/amount/);
    const euro: typeof fetch = async (url, init) => {
      const body = await (await fetch(url, init)).json();
      body.data[0].results[0].currency = 'EUR';
      return new Response(JSON.stringify(body), { status: 200 });
    };
    sim.setFaults(null);
    const eur = await kindOf(
      api(ANTHROPIC_DEMO_ADMIN_KEY, { fetch: euro }).dailyCosts({
        startMs: TODAY - 3 * DAY_MS,
        endMs: TODAY,
      }),
      'admin',
    );
    expect(eur.kind).toBe('malformed');
    expect(eur.message).toMatch(/EUR/);
  });

  it('paging that never ends is malformed, after at most 100 requests', async () => {
    let calls = 0;
    const endless: typeof fetch = async () => {
      calls += 1;
      const page = { data: [], has_more: true, next_page: `page_${calls}` };
      return new Response(JSON.stringify(page), { status: 200 });
    };
    expect(
      (await kindOf(api(ANTHROPIC_DEMO_ADMIN_KEY, { fetch: endless }).dailyCosts(today()), 'admin')).kind,
    ).toBe('malformed');
    expect(calls).toBe(100);
  });

  it('a hang → timeout; a closed port → network', async () => {
    sim.setFaults('cost_report=hangx1');
    expect((await kindOf(api(ANTHROPIC_DEMO_ADMIN_KEY, { timeoutMs: 200 }).verify(NOW), 'admin')).kind).toBe(
      'timeout',
    );
    const gone = await startAnthropicSimulator({
      clock: createSimClock({ startMs: NOW, speed: 0 }),
      historyDays: 1,
    });
    const baseURL = gone.baseUrl;
    await gone.close();
    const e = await kindOf(
      createAnthropicApi({ apiKey: ANTHROPIC_DEMO_ADMIN_KEY, baseURL }).verify(NOW),
      'admin',
    );
    expect(e.kind).toBe('network');
  });
});
