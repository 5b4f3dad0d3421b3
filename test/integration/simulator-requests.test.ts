import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { DAY_MS } from '@core/time';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';
import { rawGet, sdkFor } from '../unit/simulator/sdk-client';
import { createSpecValidator, specLimits } from '../unit/simulator/spec-validator';

const NOW = Date.UTC(2026, 10, 24, 15, 20, 17); // Tuesday afternoon
const sec = (ms: number): number => Math.floor(ms / 1000);
const spec = createSpecValidator();

function expectValid(schema: string, body: unknown): void {
  expect(spec.errors(schema, body)).toEqual([]);
}

let sim: Simulator;
let client: OpenAI;

beforeAll(async () => {
  sim = await startSimulator({
    seed: 11,
    clock: createSimClock({ startMs: NOW, speed: 0 }),
    historyDays: 30,
  });
  client = sdkFor(sim);
});
afterAll(() => sim.close());

describe('parameter validation (400 with an OpenAI-shaped body)', () => {
  const start = sec(NOW - 2 * DAY_MS);
  const limits = specLimits('/organization/usage/completions');
  const badQueries: Array<[string, string, string]> = [
    [
      '/organization/costs',
      `start_time=${start}&limit=${specLimits('/organization/costs').any!.max + 1}`,
      'limit',
    ],
    ['/organization/costs', `start_time=${start}&limit=0`, 'limit'],
    ['/organization/costs', `start_time=${start}&bucket_width=1h`, 'bucket_width'],
    ['/organization/costs', `start_time=${start}&group_by[]=model`, 'group_by'],
    // SDK 7.57 allows user_id and api_source on costs, not model.
    ['/organization/costs', `start_time=${start}&group_by=model`, 'group_by'],
    ['/organization/costs', 'limit=3', 'start_time'],
    ['/organization/costs', 'start_time=yesterday', 'start_time'],
    ['/organization/costs', `start_time=${start}.5`, 'start_time'],
    ['/organization/costs', `start_time=${start}&end_time=${start}`, 'end_time'],
    ['/organization/costs', `start_time=${start}&page=page_bm9wZQ`, 'page'],
    [
      '/organization/usage/completions',
      `start_time=${start}&bucket_width=1d&limit=${limits['1d']!.max + 1}`,
      'limit',
    ],
    [
      '/organization/usage/completions',
      `start_time=${start}&bucket_width=1h&limit=${limits['1h']!.max + 1}`,
      'limit',
    ],
    [
      '/organization/usage/completions',
      `start_time=${start}&bucket_width=1m&limit=${limits['1m']!.max + 1}`,
      'limit',
    ],
    ['/organization/usage/completions', `start_time=${start}&bucket_width=5m`, 'bucket_width'],
    ['/organization/usage/completions', `start_time=${start}&group_by[]=line_item`, 'group_by'],
    ['/organization/usage/completions', `start_time=${start}&batch=maybe`, 'batch'],
    ['/organization/usage/embeddings', `start_time=${start}&group_by[]=batch`, 'group_by'],
    ['/organization/usage/images', `start_time=${start}&group_by[]=line_item`, 'group_by'],
    ['/organization/projects', `limit=${specLimits('/organization/projects').any!.max + 1}`, 'limit'],
    ['/organization/projects', 'include_archived=yes', 'include_archived'],
    ['/organization/projects', 'after=proj_nope', 'after'],
  ];

  it.each(badQueries)('%s?%s → 400 on %s', async (path, query, param) => {
    const res = await rawGet(sim, `${path}?${query}`);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text);
    expectValid('ErrorResponse', body);
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(param);
  });

  it('the maximum limits themselves are accepted', async () => {
    for (const [width, range] of Object.entries(limits)) {
      const res = await rawGet(
        sim,
        `/organization/usage/embeddings?start_time=${start}&bucket_width=${width}&limit=${range.max}`,
      );
      expect(res.status).toBe(200);
    }
  });

  it('the SDK surfaces a 400 as BadRequestError', async () => {
    await expect(
      client.admin.organization.usage.costs({ start_time: start, limit: 181 }),
    ).rejects.toMatchObject({
      status: 400,
      error: { param: 'limit', code: 'invalid_value' },
    });
  });
});

describe('projects and spend limit', () => {
  it('lists projects with cursor paging and include_archived', async () => {
    const listed = [];
    for await (const p of client.admin.organization.projects.list({ limit: 3 })) listed.push(p);
    expect(listed.map((p) => p.id)).toEqual(sim.model.projects.map((p) => p.id));
    const raw = await rawGet(sim, '/organization/projects?limit=2');
    const page = JSON.parse(raw.text);
    expectValid('ProjectListResponse', page);
    for (const p of page.data) expect(spec.unknownProperties('Project', p)).toEqual([]);
    expect(page).toMatchObject({
      object: 'list',
      has_more: true,
      first_id: page.data[0].id,
      last_id: page.data[1].id,
    });
    const withArchived = JSON.parse(
      (await rawGet(sim, '/organization/projects?include_archived=true&limit=100')).text,
    );
    expectValid('ProjectListResponse', withArchived);
    expect(withArchived.data).toHaveLength(sim.model.projects.length + 1);
    expect(withArchived.data.filter((p: { status: string }) => p.status === 'archived')).toHaveLength(1);
    expect(sim.model.projects.map((p) => p.name)).toContain('Website chatbot');
  });

  it('returns a spend limit in cents', async () => {
    const limit = await client.admin.organization.spendLimit.retrieve();
    expectValid('OrganizationSpendLimitResource', limit);
    expect(limit.threshold_amount % 10_000).toBe(0);
    expect(limit.threshold_amount).toBeGreaterThan(sim.model.costMicros(NOW - 30 * DAY_MS, NOW) / 1e4);
  });
});

describe('auth and routing', () => {
  const path = `/organization/costs?start_time=${sec(NOW - DAY_MS)}`;

  it('accepts any sk-admin- key', async () => {
    expect((await rawGet(sim, path, { key: 'sk-admin-anything-at-all' })).status).toBe(200);
  });

  it('gives a project key the missing-scopes 401', async () => {
    const res = await rawGet(sim, path, { key: 'sk-proj-abcdefghijklmnopqrstuvwxyz' });
    expect(res.status).toBe(401);
    const body = JSON.parse(res.text);
    expectValid('ErrorResponse', body);
    expect(body).toEqual({
      error: {
        message:
          "You have insufficient permissions for this operation. Missing scopes: api.usage.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    await expect(
      sdkFor(sim, { key: 'sk-proj-abcdefghijklmnopqrstuvwxyz' }).admin.organization.usage.costs({
        start_time: 1,
      }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('rejects an unknown key as invalid_api_key without echoing it', async () => {
    const key = 'sk-abcdef1234567890SECRETSECRET9yz';
    const res = await rawGet(sim, path, { key });
    expect(res.status).toBe(401);
    const body = JSON.parse(res.text);
    expectValid('ErrorResponse', body);
    expect(body.error.code).toBe('invalid_api_key');
    expect(body.error.message).toMatch(
      /^Incorrect API key provided: sk-ab\*+T9yz\. You can find your API key at https:\/\/platform\.openai\.com\/account\/api-keys\.$/,
    );
    expect(res.text).not.toContain(key);
    expect(res.text).not.toContain('SECRET');
  });

  it('asks for a key when none is sent', async () => {
    const res = await rawGet(sim, path, { key: null });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).error.message).toMatch(/You didn't provide an API key/);
  });

  it('answers 404 for unknown paths and 405 for other methods, OpenAI-shaped', async () => {
    const notFound = await rawGet(sim, '/organization/costz?start_time=1');
    expect(notFound.status).toBe(404);
    expectValid('ErrorResponse', JSON.parse(notFound.text));
    expect(JSON.parse(notFound.text).error.message).toBe('Invalid URL (GET /v1/organization/costz)');
    const wrongMethod = await rawGet(sim, '/organization/costs', { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expectValid('ErrorResponse', JSON.parse(wrongMethod.text));
  });

  it('logs every request with its status', async () => {
    const before = sim.requests.length;
    await rawGet(sim, path);
    await rawGet(sim, '/nope');
    expect(sim.requests.slice(before).map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v1/organization/costs', 200],
      ['GET', '/v1/nope', 404],
    ]);
    expect(sim.requests.at(-2)!.query).toBe(path.split('?')[1]);
    expect(sim.requests.at(-1)!.atMs).toBe(NOW);
  });
});
