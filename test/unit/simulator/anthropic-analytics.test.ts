// The Anthropic simulator's Analytics routes and headers, checked without a network: the documented range,
// bucket and grouping rules, the key in either header, the beta header, and the faults' error bodies.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfUtcDay } from '@core/time';
import { createSimulatedSpendModel } from '../../../main/simulator/index';
import {
  handleAnalyticsCost,
  handleAnalyticsUsage,
} from '../../../main/simulator/anthropic/analytics-report';
import { type AnthropicHttpError, reportPageTooLarge } from '../../../main/simulator/anthropic/errors';
import { parseAnthropicFaults } from '../../../main/simulator/anthropic/faults';
import { readParams } from '../../../main/simulator/anthropic/params';
import { keyOf } from '../../../main/simulator/anthropic/server';

const NOW = Date.UTC(2026, 11, 7, 10, 40);
const TODAY = startOfUtcDay(NOW);
const model = createSimulatedSpendModel(
  { seed: 3, historyDays: 40, shape: { projects: 2, models: 2, lineItemsPerModel: 2 }, costLagMinutes: 5 },
  NOW,
);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const q = (o: Record<string, string | string[]>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) for (const x of [v].flat()) s.append(k, x);
  return readParams(s);
};
type Page = { data: Array<Record<string, unknown>>; has_more: boolean; next_page: string | null };
const cost = (o: Record<string, string | string[]>) =>
  handleAnalyticsCost(q(o), model, NOW, 5 * MINUTE_MS) as Page;
const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as AnthropicHttpError).message;
  }
  return null;
};

describe('analytics query rules', () => {
  it('refuses ranges before 2026-01-01, over 31 days, 1m over 24 h, and a bucket width without ending_at', () => {
    expect(refusalOf(() => cost({ starting_at: '2025-12-31T00:00:00Z' }))).toMatch(
      /^starting_at: .*2026-01-01/,
    );
    expect(refusalOf(() => cost({ starting_at: iso(TODAY - 40 * DAY_MS), ending_at: iso(TODAY) }))).toMatch(
      /at most 31 days/,
    );
    expect(
      refusalOf(() =>
        cost({ starting_at: iso(TODAY - 2 * DAY_MS), ending_at: iso(TODAY), time_bucket_width: '1m' }),
      ),
    ).toMatch(/24 hours/);
    expect(refusalOf(() => cost({ starting_at: iso(TODAY), time_bucket_width: '1h' }))).toMatch(
      /^ending_at: is required/,
    );
    const six = ['workspace_id', 'api_key_id', 'model', 'service_tier', 'speed', 'product'];
    expect(refusalOf(() => cost({ starting_at: iso(TODAY), 'group_by[]': six }))).toMatch(/at most 5/);
    expect(
      refusalOf(() =>
        cost({ starting_at: iso(TODAY), 'group_by[]': [...six.slice(0, 5), 'cost_type', 'token_type'] }),
      ),
    ).toBeNull();
  });

  it('without a bucket width one row covers the whole range, rounded down to the hour', () => {
    const page = cost({
      starting_at: iso(TODAY - DAY_MS + 20 * MINUTE_MS),
      ending_at: iso(TODAY + 30 * MINUTE_MS),
    });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ starting_at: iso(TODAY - DAY_MS), ending_at: iso(TODAY) });
    const amount = Number((page.data[0]!.cost as { amount: string }).amount) * 10_000;
    expect(Math.round(amount)).toBe(model.visibleCostMicros(TODAY - DAY_MS, TODAY, NOW));
  });

  it('pages rows with an opaque token; every group field is present, null unless grouped', () => {
    const all: Array<Record<string, unknown>> = [];
    let page: string | undefined;
    do {
      const p = cost({
        starting_at: iso(TODAY - 3 * DAY_MS),
        ending_at: iso(TODAY),
        time_bucket_width: '1d',
        'group_by[]': ['model'],
        limit: '1',
        ...(page ? { page } : {}),
      });
      all.push(...p.data);
      page = p.next_page ?? undefined;
    } while (page);
    expect(all.length).toBeGreaterThan(3);
    const group = all[0]!.group as Record<string, unknown>;
    expect(group.model).toMatch(/^claude-/);
    expect(group.workspace_id).toBeNull();
    expect(Object.keys(group)).toContain('rbac_group_id');
    expect(refusalOf(() => cost({ starting_at: iso(TODAY), page: 'page_bm9wZQ==' }))).toMatch(/^page:/);
  });

  it('usage counts requests per hour; ordered by time ascending on request', () => {
    const p = handleAnalyticsUsage(
      q({
        starting_at: iso(TODAY),
        ending_at: iso(TODAY + 3 * HOUR_MS),
        time_bucket_width: '1h',
        order_by: 'time',
        order: 'asc',
      }),
      model,
      NOW,
    ) as Page;
    expect(p.data.map((r) => r.starting_at)).toEqual([
      iso(TODAY),
      iso(TODAY + HOUR_MS),
      iso(TODAY + 2 * HOUR_MS),
    ]);
    const truth = model.hourly(TODAY).reduce((s, r) => s + r.requests, 0);
    expect((p.data[0]!.usage as { requests: number }).requests).toBe(truth);
  });
});

describe('headers and faults', () => {
  it('takes the key from x-api-key or Authorization: Bearer', () => {
    expect(keyOf('sk-ant-admin01-a', undefined)).toBe('sk-ant-admin01-a');
    expect(keyOf(undefined, 'Bearer sk-ant-admin01-b')).toBe('sk-ant-admin01-b');
    expect(keyOf(undefined, 'Basic abc')).toBeUndefined();
    expect(keyOf(undefined, undefined)).toBeUndefined();
  });

  it('the refusals carry error.details.error_code, as the official client reads it', () => {
    expect(reportPageTooLarge().body('req_1')).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: expect.stringMatching(/lower `limit`/),
        details: { error_code: 'report_page_too_large' },
      },
      request_id: 'req_1',
    });
    expect(reportPageTooLarge().status).toBe(400);
  });

  it('parses the two new fault actions, with and without their threshold', () => {
    expect(parseAnthropicFaults('analytics_cost=page-too-large:100,cost_report=too-many-groups')).toEqual([
      { target: 'analytics_cost', action: { kind: 'page-too-large', maxLimit: 100 } },
      { target: 'cost_report', action: { kind: 'too-many-groups', maxGroups: null } },
    ]);
    expect(() => parseAnthropicFaults('spend_limits=page-too-lage')).toThrow(/unknown action/);
  });
});
