/**
 * The official `openai` SDK (7.57.0, default options but the base URL, the key and no retries) against our
 * OpenAI simulator: every endpoint Creditwatch reads answers something the SDK returns and our schemas
 * accept, and every error Creditwatch handles arrives as the SDK's own error class.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, startOfUtcDay } from '@core/time';
import {
  AdminKeySchema,
  CompletionsPageSchema,
  CostsPageSchema,
  ProjectSchema,
  SpendAlertSchema,
  SpendLimitSchema,
} from '../../../main/services/api-schemas';
import {
  createSimClock,
  DEMO_ADMIN_KEY,
  startSimulator,
  type Simulator,
} from '../../../main/simulator/index';

const NOW = Date.UTC(2026, 11, 7, 10, 7);
const TODAY_S = startOfUtcDay(NOW) / 1000;
const CUT_MS = startOfUtcDay(NOW) - 20 * DAY_MS;
let sim: Simulator;
let client: OpenAI;
const sdk = (apiKey = DEMO_ADMIN_KEY) =>
  new OpenAI({ adminAPIKey: apiKey, apiKey: null, baseURL: sim.baseUrl, maxRetries: 0 });

beforeAll(async () => {
  sim = await startSimulator({
    seed: 9,
    clock: createSimClock({ startMs: NOW, speed: 0 }),
    refuseKeyGroupingBeforeMs: CUT_MS,
    adminKeyExpiresAtMs: NOW + 30 * DAY_MS,
  });
  client = sdk();
});
afterAll(async () => sim.close());

const org = () => client.admin.organization;

describe('openai SDK 7.57 reads every answer', () => {
  it('costs: the grouping Creditwatch asks, by user and source, and the line-item filter', async () => {
    const keyed = await org().usage.costs({
      start_time: TODAY_S - 7 * 86_400,
      end_time: TODAY_S,
      bucket_width: '1d',
      group_by: ['project_id', 'line_item', 'api_key_id'],
      limit: 7,
    });
    const page = CostsPageSchema.parse(keyed);
    expect(page.data).toHaveLength(7);
    const item = page.data.flatMap((b) => b.results)[0]!;
    expect(typeof item.api_key_id).toBe('string');

    const bySource = await org().usage.costs({
      start_time: TODAY_S - 86_400,
      end_time: TODAY_S,
      group_by: ['user_id', 'api_source'],
    });
    const rows = bySource.data.flatMap((b) => b.results) as Array<{
      user_id?: string | null;
      api_source?: string | null;
    }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => typeof r.user_id === 'string' && r.api_source === 'unlabeled')).toBe(true);

    const lineItem = (item as { line_item?: string | null }).line_item!;
    const filtered = await org().usage.costs({
      start_time: TODAY_S - 7 * 86_400,
      end_time: TODAY_S,
      group_by: ['line_item'],
      line_items: [lineItem],
      limit: 7,
    });
    const items = new Set(
      filtered.data.flatMap((b) => b.results).map((r) => (r as { line_item?: string | null }).line_item),
    );
    expect([...items]).toEqual([lineItem]);
  });

  it('completions usage by model and project, hourly', async () => {
    const page = await org().usage.completions({
      start_time: TODAY_S,
      bucket_width: '1h',
      group_by: ['model', 'project_id'],
      limit: 24,
    });
    expect(CompletionsPageSchema.parse(page).data.length).toBeGreaterThan(0);
  });

  it('projects (archived too), paged by the SDK', async () => {
    const all = [];
    for await (const p of org().projects.list({ limit: 2, include_archived: true }))
      all.push(ProjectSchema.parse(p));
    expect(all.length).toBe(sim.model.projects.length + sim.model.archivedProjects.length);
  });

  it('spend limits (set and "no limit"), spend alerts (org and project), the Admin key list', async () => {
    expect(SpendLimitSchema.parse(await org().spendLimit.retrieve()).threshold_amount).toBeGreaterThan(0);
    const [first, , third] = sim.model.projects;
    expect(
      SpendLimitSchema.parse(await org().projects.spendLimit.retrieve(first!.id)).enforcement.status,
    ).toBe('enforcing');
    expect(SpendLimitSchema.parse(await org().projects.spendLimit.retrieve(third!.id))).toMatchObject({
      threshold_amount: 0,
      enforcement: { status: 'inactive' },
    });
    const alerts = [];
    for await (const a of org().spendAlerts.list({ limit: 1 })) alerts.push(SpendAlertSchema.parse(a));
    expect(alerts).toHaveLength(2);
    const projectAlerts = [];
    for await (const a of org().projects.spendAlerts.list(first!.id))
      projectAlerts.push(SpendAlertSchema.parse(a));
    expect(projectAlerts).toHaveLength(1);
    const keys = [];
    for await (const k of org().adminAPIKeys.list({ limit: 1 })) keys.push(AdminKeySchema.parse(k));
    expect(keys.map((k) => k.expires_at)).toEqual([null, Math.floor((NOW + 30 * DAY_MS) / 1000)]);
  });
});

describe('openai SDK 7.57 raises its own error class for every error Creditwatch handles', () => {
  const costsToday = (c = client) =>
    c.admin.organization.usage.costs({ start_time: TODAY_S, end_time: TODAY_S + 86_400 });

  it('400 for the key grouping of an old window, with the API error body', async () => {
    const err = await org()
      .usage.costs({
        start_time: TODAY_S - 40 * 86_400,
        end_time: TODAY_S,
        group_by: ['api_key_id'],
        limit: 40,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('group_by');
  });

  it('401 for a key that is not an Admin key, 401 for a project key, 404 for an unknown project', async () => {
    expect(await costsToday(sdk('sk-live-not-admin-0000')).catch((e: unknown) => e)).toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
    expect(await costsToday(sdk('sk-proj-abc-0000')).catch((e: unknown) => e)).toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
    expect(
      await org()
        .projects.spendLimit.retrieve('proj_nope')
        .catch((e: unknown) => e),
    ).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it.each([
    ['costs=403x1', OpenAI.PermissionDeniedError],
    ['costs=429:retry-after=7x1', OpenAI.RateLimitError],
    ['costs=spend-limit-429x1', OpenAI.RateLimitError],
    ['costs=500x1', OpenAI.InternalServerError],
    ['costs=503x1', OpenAI.InternalServerError],
  ] as const)('%s', async (fault, kind) => {
    sim.setFaults(fault);
    const err = await costsToday().catch((e: unknown) => e);
    sim.setFaults(null);
    expect(err).toBeInstanceOf(kind);
    if (fault.includes('retry-after'))
      expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('7');
  });
});
