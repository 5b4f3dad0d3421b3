import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { DAY_MS, HOUR_MS } from '@core/time';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';
import { rawGet, rs, sdkFor } from '../unit/simulator/sdk-client';
import { createSpecValidator, specEnum, specLimits } from '../unit/simulator/spec-validator';

const NOW = Date.UTC(2026, 10, 24, 15, 20, 17); // Tuesday afternoon
const sec = (ms: number): number => Math.floor(ms / 1000);
const spec = createSpecValidator();

type Page = {
  object: string;
  data: Array<{ start_time: number; end_time: number; results: Array<Record<string, unknown>> }>;
  has_more: boolean;
  next_page: string | null;
};

function expectValid(schema: string, body: unknown): void {
  expect(spec.errors(schema, body)).toEqual([]);
}

/** Validates a usage/costs page against UsageResponse and each result against its concrete schema, with no extra fields. */
function expectPage(body: unknown, resultSchema: string): Page {
  expectValid('UsageResponse', body);
  const page = body as Page;
  for (const bucket of page.data) {
    for (const r of bucket.results) {
      expectValid(resultSchema, r);
      expect(spec.unknownProperties(resultSchema, r)).toEqual([]);
    }
  }
  return page;
}

function subsets<T>(items: readonly T[]): T[][] {
  return Array.from({ length: 1 << items.length }, (_, mask) => items.filter((_, i) => mask & (1 << i)));
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

describe('costs', () => {
  it('aligns buckets to UTC days with the first bucket starting at start_time', async () => {
    const start = sec(NOW - 3 * DAY_MS - 5 * HOUR_MS);
    const page = expectPage(
      await client.admin.organization.usage.costs({ start_time: start }),
      'CostsResult',
    );
    expect(page.data[0]!.start_time).toBe(start);
    expect(page.data[0]!.end_time).toBe(sec(Date.UTC(2026, 10, 22)));
    for (const b of page.data.slice(1)) {
      expect(b.start_time % 86_400).toBe(0);
      expect(b.end_time - b.start_time).toBe(86_400);
    }
    expect(page.data.at(-1)!.start_time).toBe(sec(Date.UTC(2026, 10, 24)));
    expect(page.has_more).toBe(false);
    expect(page.next_page).toBeNull();
  });

  it('returns empty buckets before the history with results: []', async () => {
    const start = sec(sim.model.historyStartMs - 3 * DAY_MS);
    const page = expectPage(
      await client.admin.organization.usage.costs({ start_time: start, limit: 5 }),
      'CostsResult',
    );
    expect(page.data.map((b) => b.results.length)).toEqual([0, 0, 0, 1, 1]);
    expect(page.data[3]!.results[0]).toMatchObject({
      line_item: null,
      project_id: null,
      api_key_id: null,
      quantity: null,
    });
  });

  it('defaults to 7 buckets and pages through has_more/next_page to the same data as one big page', async () => {
    const start = sec(sim.model.historyStartMs);
    const first = await client.admin.organization.usage.costs({
      start_time: start,
      group_by: ['project_id'],
    });
    expect(first.data).toHaveLength(specLimits('/organization/costs').any!.default);
    const big = expectPage(
      await client.admin.organization.usage.costs({
        start_time: start,
        limit: 180,
        group_by: ['project_id'],
      }),
      'CostsResult',
    );
    expect(big.has_more).toBe(false);
    const paged: Page['data'] = [];
    let page: string | undefined;
    let requests = 0;
    do {
      const res = expectPage(
        await client.admin.organization.usage.costs({
          start_time: start,
          limit: 4,
          group_by: ['project_id'],
          ...(page ? { page } : {}),
        }),
        'CostsResult',
      );
      paged.push(...res.data);
      page = res.has_more ? res.next_page! : undefined;
      requests++;
    } while (page);
    expect(paged).toEqual(big.data);
    expect(requests).toBe(Math.ceil(big.data.length / 4));
  });

  it('answers every group_by combination with one result per group and the same totals', async () => {
    const start = sec(Date.UTC(2026, 10, 20));
    const end = sec(Date.UTC(2026, 10, 22));
    const fields = specEnum('/organization/costs', 'group_by');
    const ungrouped = await client.admin.organization.usage.costs({ start_time: start, end_time: end });
    const dayTotals = ungrouped.data.map((b) => Math.round(Number(rs(b)[0]!.amount!.value) * 1e6));
    for (const groupBy of subsets(fields)) {
      const page = expectPage(
        await client.admin.organization.usage.costs({
          start_time: start,
          end_time: end,
          group_by: groupBy as never,
        }),
        'CostsResult',
      );
      page.data.forEach((b, i) => {
        const keys = b.results.map((r) => JSON.stringify(groupBy.map((f) => r[f])));
        expect(new Set(keys).size).toBe(b.results.length);
        for (const r of b.results) {
          for (const f of fields) expect(r[f] === null).toBe(!groupBy.includes(f));
          expect(r.quantity === null).toBe(!groupBy.includes('line_item'));
        }
        const micros = b.results.reduce(
          (a, r) => a + Math.round((r.amount as { value: number }).value * 1e6),
          0,
        );
        expect(micros).toBe(dayTotals[i]);
      });
    }
  });

  it('filters by project_ids and api_key_ids, in both array spellings', async () => {
    const [p0, p1] = sim.model.projects;
    const start = sec(Date.UTC(2026, 10, 10));
    const end = sec(Date.UTC(2026, 10, 17));
    const sdk = await client.admin.organization.usage.costs({
      start_time: start,
      end_time: end,
      project_ids: [p0!.id, p1!.id],
      group_by: ['project_id'],
    });
    const plain = await rawGet(
      sim,
      `/organization/costs?start_time=${start}&end_time=${end}&project_ids=${p0!.id}&project_ids=${p1!.id}&group_by=project_id`,
    );
    expect(JSON.parse(plain.text)).toEqual(JSON.parse(JSON.stringify(sdk)));
    const ids = new Set(sdk.data.flatMap((b) => b.results.map((r) => r.project_id)));
    expect(ids).toEqual(new Set([p0!.id, p1!.id]));
    const total = sdk.data
      .flatMap((b) => rs(b))
      .reduce((a, r) => a + Math.round(Number(r.amount!.value) * 1e6), 0);
    expect(total).toBe(sim.model.costMicros(start * 1000, end * 1000, { projectIds: [p0!.id, p1!.id] }));
    const key = sim.model.apiKeys[0]!;
    const byKey = await client.admin.organization.usage.costs({
      start_time: start,
      end_time: end,
      api_key_ids: [key.id],
      group_by: ['api_key_id'],
    });
    expect(new Set(byKey.data.flatMap((b) => rs(b).map((r) => r.api_key_id)))).toEqual(new Set([key.id]));
  });
});

describe('usage endpoints', () => {
  const cases = [
    { name: 'completions', path: '/organization/usage/completions', schema: 'UsageCompletionsResult' },
    { name: 'embeddings', path: '/organization/usage/embeddings', schema: 'UsageEmbeddingsResult' },
    { name: 'images', path: '/organization/usage/images', schema: 'UsageImagesResult' },
  ] as const;

  it.each(cases)('$name: every group_by combination validates and groups', async ({ name, path, schema }) => {
    const fields = specEnum(path, 'group_by');
    const start = sec(Date.UTC(2026, 10, 22, 6));
    const end = sec(Date.UTC(2026, 10, 23, 6));
    const ungrouped = expectPage(
      await client.admin.organization.usage[name]({ start_time: start, end_time: end, bucket_width: '1d' }),
      schema,
    );
    expect(ungrouped.data.every((b) => b.results.length <= 1)).toBe(true);
    const requestsTotal = ungrouped.data.reduce(
      (a, b) => a + ((b.results[0]?.num_model_requests as number | undefined) ?? 0),
      0,
    );
    expect(requestsTotal).toBeGreaterThan(0);
    for (const groupBy of subsets(fields)) {
      const page = expectPage(
        await client.admin.organization.usage[name]({
          start_time: start,
          end_time: end,
          bucket_width: '1d',
          group_by: groupBy as never,
        }),
        schema,
      );
      for (const b of page.data) {
        for (const r of b.results) for (const f of fields) expect(r[f] === null).toBe(!groupBy.includes(f));
      }
      const sum = page.data
        .flatMap((b) => b.results)
        .reduce((a, r) => a + (r.num_model_requests as number), 0);
      expect(sum).toBe(requestsTotal);
    }
  });

  it('completions: token fields are consistent integers and hour buckets align', async () => {
    const start = sec(Date.UTC(2026, 10, 24, 9, 45));
    const page = expectPage(
      await client.admin.organization.usage.completions({ start_time: start, bucket_width: '1h', limit: 24 }),
      'UsageCompletionsResult',
    );
    expect(page.data[0]!.end_time).toBe(sec(Date.UTC(2026, 10, 24, 10)));
    // Buckets up to now only: 09:45, 10, 11, 12, 13, 14, 15 (the current, partial hour).
    expect(page.data).toHaveLength(7);
    for (const b of page.data) {
      const r = b.results[0]!;
      expect(r.input_tokens).toBe((r.input_cached_tokens as number) + (r.input_uncached_tokens as number));
      expect(r.input_text_tokens).toBe(r.input_uncached_tokens);
    }
  });

  it('counts the current hour pro rata up to now, floored', async () => {
    const hour = Date.UTC(2026, 10, 24, 15);
    const page = await client.admin.organization.usage.completions({
      start_time: sec(hour),
      bucket_width: '1h',
      limit: 1,
    });
    const rows = sim.model.hourly(hour).filter((r) => r.kind === 'completions');
    const elapsed = sec(NOW) - sec(hour);
    const expected = rows.reduce((a, r) => a + Math.floor((r.requests * elapsed) / 3600), 0);
    expect(rs(page.data[0]!)[0]!.num_model_requests).toBe(expected);
    expect(expected).toBeLessThan(rows.reduce((a, r) => a + r.requests, 0));
  });

  it('minute buckets tile the hour exactly', async () => {
    const hour = Date.UTC(2026, 10, 24, 12);
    const minutes = await client.admin.organization.usage.embeddings({
      start_time: sec(hour),
      end_time: sec(hour + HOUR_MS),
      bucket_width: '1m',
      limit: 60,
    });
    expect(minutes.data).toHaveLength(60);
    const hourly = await client.admin.organization.usage.embeddings({
      start_time: sec(hour),
      end_time: sec(hour + HOUR_MS),
      bucket_width: '1h',
    });
    const sumMinutes = minutes.data.reduce(
      (a, b) => a + ((rs(b)[0]?.input_tokens as number | undefined) ?? 0),
      0,
    );
    expect(sumMinutes).toBe(rs(hourly.data[0]!)[0]!.input_tokens);
  });

  it('images: filters by size and rejects sizes outside the spec enum', async () => {
    const start = sec(Date.UTC(2026, 10, 20));
    const page = await client.admin.organization.usage.images({
      start_time: start,
      sizes: ['1024x1024'],
      group_by: ['size'],
    });
    expect(new Set(page.data.flatMap((b) => rs(b).map((r) => r.size)))).toEqual(new Set(['1024x1024']));
    const bad = await rawGet(sim, `/organization/usage/images?start_time=${start}&sizes=999x999`);
    expect(bad.status).toBe(400);
    expectValid('ErrorResponse', JSON.parse(bad.text));
  });

  it('completions: batch filter splits the requests', async () => {
    const start = sec(Date.UTC(2026, 10, 20));
    const end = sec(Date.UTC(2026, 10, 21));
    const all = await client.admin.organization.usage.completions({ start_time: start, end_time: end });
    const batch = await client.admin.organization.usage.completions({
      start_time: start,
      end_time: end,
      batch: true,
    });
    const nonBatch = await client.admin.organization.usage.completions({
      start_time: start,
      end_time: end,
      batch: false,
    });
    const n = (p: typeof all): number =>
      p.data.reduce((a, b) => a + ((rs(b)[0]?.num_model_requests as number | undefined) ?? 0), 0);
    expect(n(batch) + n(nonBatch)).toBe(n(all));
  });
});
