import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMicros } from '@core/decimal-amount';
import { DAY_MS, HOUR_MS } from '@core/time';
import { createSimulatedSpendModel } from '../../../main/simulator/index';
import { handleCostReport, dayBuckets } from '../../../main/simulator/anthropic/cost-report';
import { AnthropicHttpError } from '../../../main/simulator/anthropic/errors';
import { createAnthropicFaults, parseAnthropicFaults } from '../../../main/simulator/anthropic/faults';
import { centsString, linesOf } from '../../../main/simulator/anthropic/mapping';
import { pageToken, readPageToken, readParams } from '../../../main/simulator/anthropic/params';
import { handleUsageReport } from '../../../main/simulator/anthropic/usage-report';
import { handleWorkspaces } from '../../../main/simulator/anthropic/workspaces';
import { anthropicKeyKind } from '../../../main/services/providers/anthropic-client';

const NOW = Date.UTC(2026, 10, 24, 15, 20);
const DAY = Date.UTC(2026, 10, 24);
const model = createSimulatedSpendModel({ seed: 3, historyDays: 20, costLagMinutes: 5 }, NOW);
const q = (query: string) => readParams(new URLSearchParams(query));
const iso = (ms: number) => new Date(ms).toISOString();

describe('amounts and lines', () => {
  it('centsString parses back to the same micro-dollars, with at least two decimals', () => {
    expect(centsString(1_234_500)).toBe('123.45');
    expect(centsString(1_234_567)).toBe('123.4567');
    expect(centsString(0)).toBe('0.00');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micros) => {
        const text = centsString(micros);
        expect(text).toMatch(/^-?\d+\.\d{2,4}$/);
        expect(decimalToMicros(text, -2)).toBe(micros);
      }),
    );
  });

  it('lines keep every row cost and token exactly', () => {
    for (let h = DAY - 2 * DAY_MS; h < DAY; h += HOUR_MS) {
      for (const row of model.hourly(h)) {
        const lines = linesOf(row);
        expect(lines.reduce((s, l) => s + l.costMicros, 0)).toBe(row.costMicros);
        const tokens = lines.filter((l) => l.costType === 'tokens').reduce((s, l) => s + l.tokens, 0);
        expect(tokens).toBe(row.tokenKind === 'image' ? 0 : row.inputTokens + row.outputTokens);
      }
    }
  });
});

describe('cost report', () => {
  it('day buckets snap to the UTC day, end by ending_at and stop at now', () => {
    expect(dayBuckets(DAY - DAY_MS + 10 * HOUR_MS, DAY + DAY_MS, NOW)).toEqual([DAY - DAY_MS, DAY]);
    expect(dayBuckets(DAY - DAY_MS, DAY + 12 * HOUR_MS, NOW)).toEqual([DAY - DAY_MS]);
    expect(dayBuckets(DAY - DAY_MS, undefined, NOW)).toEqual([DAY - DAY_MS, DAY]);
  });

  it('pages with the documented token form and default limit 7', () => {
    expect(pageToken(Date.UTC(2025, 4, 14))).toBe('page_MjAyNS0wNS0xNFQwMDowMDowMFo=');
    expect(readPageToken('page_MjAyNS0wNS0xNFQwMDowMDowMFo=')).toBe(Date.UTC(2025, 4, 14));
    const first = handleCostReport(q(`starting_at=${iso(DAY - 9 * DAY_MS)}`), model, NOW) as {
      data: unknown[];
      has_more: boolean;
      next_page: string;
    };
    expect(first.data).toHaveLength(7);
    expect(first.has_more).toBe(true);
    const second = handleCostReport(
      q(`starting_at=${iso(DAY - 9 * DAY_MS)}&page=${first.next_page}`),
      model,
      NOW,
    ) as { data: Array<{ starting_at: string }>; has_more: boolean; next_page: null };
    expect(second.data.map((d) => d.starting_at)).toEqual([
      '2026-11-22T00:00:00Z',
      '2026-11-23T00:00:00Z',
      '2026-11-24T00:00:00Z',
    ]);
    expect(second.has_more).toBe(false);
    expect(second.next_page).toBeNull();
  });

  it("today's bucket holds only the hours whose cost has appeared (5-minute lag)", () => {
    const sum = (now: number) => {
      const page = handleCostReport(q(`starting_at=${iso(DAY)}`), model, now) as {
        data: Array<{ results: Array<{ amount: string }> }>;
      };
      return page.data[0]!.results.reduce((s, r) => s + decimalToMicros(r.amount, -2), 0);
    };
    expect(sum(NOW)).toBe(model.costMicros(DAY, DAY + 15 * HOUR_MS));
    expect(sum(DAY + 15 * HOUR_MS + 4 * 60_000)).toBe(model.costMicros(DAY, DAY + 14 * HOUR_MS));
    expect(sum(DAY + 15 * HOUR_MS + 5 * 60_000)).toBe(model.costMicros(DAY, DAY + 15 * HOUR_MS));
  });

  it('ungrouped, a day is one USD result with the description fields null', () => {
    const page = handleCostReport(q(`starting_at=${iso(DAY - DAY_MS)}&limit=1`), model, NOW) as {
      data: Array<{ results: Array<Record<string, unknown>> }>;
    };
    const [r] = page.data[0]!.results;
    expect(page.data[0]!.results).toHaveLength(1);
    expect(r).toMatchObject({ currency: 'USD', workspace_id: null, description: null, model: null });
    expect(decimalToMicros(r!.amount as string, -2)).toBe(model.costMicros(DAY - DAY_MS, DAY));
  });
});

describe('usage report and workspaces', () => {
  it('1m buckets default to 60; 1d to 7', () => {
    const minutes = handleUsageReport(q(`starting_at=${iso(NOW - 3 * HOUR_MS)}&bucket_width=1m`), model, NOW);
    expect((minutes as { data: unknown[] }).data).toHaveLength(60);
    const days = handleUsageReport(q(`starting_at=${iso(DAY - 10 * DAY_MS)}`), model, NOW);
    expect((days as { data: unknown[] }).data).toHaveLength(7);
  });

  it('filters by model and workspace', () => {
    const all = handleUsageReport(
      q(`starting_at=${iso(DAY - DAY_MS)}&bucket_width=1d&limit=1&group_by[]=model`),
      model,
      NOW,
    ) as { data: Array<{ results: Array<{ model: string; output_tokens: number }> }> };
    const one = all.data[0]!.results[0]!;
    const filtered = handleUsageReport(
      q(`starting_at=${iso(DAY - DAY_MS)}&bucket_width=1d&limit=1&models[]=${one.model}`),
      model,
      NOW,
    ) as { data: Array<{ results: Array<{ model: null; output_tokens: number }> }> };
    expect(filtered.data[0]!.results).toEqual([
      expect.objectContaining({ model: null, output_tokens: one.output_tokens }),
    ]);
  });

  it('workspaces: archived only on request, before_id pages backwards', () => {
    type Page = {
      data: Array<{ id: string; archived_at: string | null }>;
      has_more: boolean;
      first_id: string;
    };
    const active = handleWorkspaces(q(''), model) as Page;
    expect(active.data.every((w) => w.archived_at === null)).toBe(true);
    const all = handleWorkspaces(q('include_archived=true'), model) as Page;
    expect(all.data.length).toBe(active.data.length + 1);
    const last = all.data[all.data.length - 1]!.id;
    const back = handleWorkspaces(q(`include_archived=true&before_id=${last}&limit=2`), model) as Page;
    expect(back.data.map((w) => w.id)).toEqual(all.data.slice(-3, -1).map((w) => w.id));
  });
});

describe('faults and keys', () => {
  it('parses the grammar and names what is wrong', () => {
    expect(parseAnthropicFaults('cost_report=429:retry-after=3x2, *=529@0.5')).toEqual([
      { target: 'cost_report', action: { kind: 'rate-limit', retryAfterSec: 3 }, times: 2 },
      { target: '*', action: { kind: 'status', status: 529 }, probability: 0.5 },
    ]);
    expect(() => parseAnthropicFaults('costs=500')).toThrow(/unknown target 'costs'/);
    expect(() => parseAnthropicFaults('workspaces=503')).toThrow(/unknown action '503'/);
    expect(() => parseAnthropicFaults('workspaces=500@2')).toThrow(/probability/);
  });

  it('counted rules run down; bad-amount only touches the cost report', () => {
    const f = createAnthropicFaults(1, 'cost_report=hangx1,*=bad-amount');
    expect(f.decide('cost_report').action).toEqual({ kind: 'hang' });
    expect(f.decide('cost_report').action).toEqual({ kind: 'bad-amount' });
    expect(f.decide('workspaces').action).toBeNull();
  });

  it('a bad parameter is a 400 invalid_request_error', () => {
    try {
      handleCostReport(q(`starting_at=${iso(DAY)}&limit=0`), model, NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnthropicHttpError);
      expect((e as AnthropicHttpError).status).toBe(400);
      expect((e as AnthropicHttpError).message).toBe('limit: must be from 1 to 31, got 0');
    }
  });

  it('key kinds from the prefix', () => {
    expect(anthropicKeyKind('sk-ant-admin01-abc')).toBe('admin');
    expect(anthropicKeyKind('sk-ant-api03-abc')).toBe('project');
    expect(anthropicKeyKind('sk-admin-abc')).toBe('other');
  });
});
