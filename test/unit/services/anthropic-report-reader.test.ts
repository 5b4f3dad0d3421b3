// The report reader's answers to Anthropic's two refusals, and what the organization memory keeps.
import { describe, expect, it } from 'vitest';
import { effectiveHardLimit, type SpendLimitsView } from '@core/spend-limits';
import { DAY_MS } from '@core/time';
import {
  createOrgMemory,
  orgMemoryFor,
  rememberShape,
  shouldTryAnalytics,
  startShape,
} from '../../../main/services/providers/anthropic-org-memory';
import { readReport, type ReportShape } from '../../../main/services/providers/anthropic-report-reader';
import { anthropicLimitsView } from '../../../main/services/providers/anthropic-spend-limits';
import { ProviderHttpError } from '../../../main/services/providers/http';

const refusal = (code: string) =>
  new ProviderHttpError(400, { code, type: 'invalid_request_error', message: 'refused' }, null);

/** A fake report of `total` items that refuses pages above `maxLimit` and more than `maxGroups` groups. */
function fakeReport(total: number, maxLimit: number, maxGroups: number) {
  const asked: Array<ReportShape<string> & { page: string | null }> = [];
  return {
    asked,
    async fetchPage(shape: ReportShape<string>, page: string | null) {
      asked.push({ ...shape, page });
      if (shape.groups.length > maxGroups) throw refusal('too_many_report_groups');
      if (shape.limit > maxLimit) throw refusal('report_page_too_large');
      const from = page === null ? 0 : Number(page);
      const items = Array.from({ length: Math.min(shape.limit, total - from) }, (_, i) => from + i);
      const next = from + shape.limit;
      return { items, nextPage: next < total ? String(next) : null };
    },
  };
}

describe('readReport', () => {
  it('halves the page size until a page fits, then pages through everything with it', async () => {
    const r = fakeReport(10, 3, 5);
    const out = await readReport({
      start: { limit: 16, groups: ['a'] },
      droppable: [],
      fetchPage: r.fetchPage,
    });
    expect(out.items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(out.shape).toEqual({ limit: 2, groups: ['a'] });
    expect(r.asked.map((a) => a.limit)).toEqual([16, 8, 4, 2, 2, 2, 2, 2]);
  });

  it('drops groups in the given order and starts again from the first page', async () => {
    const r = fakeReport(4, 100, 1);
    const out = await readReport({
      start: { limit: 100, groups: ['workspace_id', 'api_key_id', 'model'] },
      droppable: ['api_key_id', 'model', 'workspace_id'],
      fetchPage: r.fetchPage,
    });
    expect(out.shape.groups).toEqual(['workspace_id']);
    expect(r.asked.map((a) => a.groups.length)).toEqual([3, 2, 1]);
    expect(out.items).toHaveLength(4);
  });

  it('gives up with the refusal itself when nothing smaller is left, and on any other error at once', async () => {
    const tooBig = fakeReport(4, 0, 5);
    await expect(
      readReport({ start: { limit: 4, groups: [] }, droppable: [], fetchPage: tooBig.fetchPage }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'report_page_too_large' } });
    expect(tooBig.asked.map((a) => a.limit)).toEqual([4, 2, 1]);
    let calls = 0;
    await expect(
      readReport({
        start: { limit: 4, groups: ['a'] },
        droppable: ['a'],
        fetchPage: async () => {
          calls += 1;
          throw new ProviderHttpError(500, { code: null, type: 'api_error', message: null }, null);
        },
      }),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(1);
  });

  it('a server that never stops paging is malformed after 100 requests', async () => {
    let calls = 0;
    await expect(
      readReport({
        start: { limit: 1, groups: [] },
        droppable: [],
        fetchPage: async () => {
          calls += 1;
          return { items: [1], nextPage: 'again' };
        },
      }),
    ).rejects.toThrow(/paging did not end/);
    expect(calls).toBe(100);
  });
});

describe('organization memory', () => {
  it('narrows the usual shape only by what a refusal taught, and keeps the smallest page', () => {
    const m = createOrgMemory();
    const usual = { limit: 31, groups: ['workspace_id', 'description'] };
    expect(startShape(m, 'cost_report', usual)).toEqual(usual);
    rememberShape(m, 'cost_report', usual, usual); // nothing narrowed: nothing kept
    expect(m.shapes.size).toBe(0);
    rememberShape(m, 'cost_report', usual, { limit: 8, groups: ['workspace_id'] });
    expect(startShape(m, 'cost_report', usual)).toEqual({ limit: 8, groups: ['workspace_id'] });
    expect(startShape(m, 'cost_report', { ...usual, limit: 2 })).toEqual({
      limit: 2,
      groups: ['workspace_id'],
    });
  });

  it('believes "no Analytics API" for a day of range end, then asks again', () => {
    const m = createOrgMemory();
    expect(shouldTryAnalytics(m, 0)).toBe(true);
    m.analytics = { isAvailable: false, learntAtMs: 10 * DAY_MS };
    expect(shouldTryAnalytics(m, 10 * DAY_MS + DAY_MS - 1)).toBe(false);
    expect(shouldTryAnalytics(m, 11 * DAY_MS)).toBe(true);
    expect(shouldTryAnalytics(createOrgMemory({ hasAnalytics: false }), 1e15)).toBe(false);
  });

  it('is shared per base URL and key, and separate for another key', () => {
    const a = orgMemoryFor('http://x', 'sk-ant-admin01-aaa');
    expect(orgMemoryFor('http://x', 'sk-ant-admin01-aaa')).toBe(a);
    expect(orgMemoryFor('http://x', 'sk-ant-admin01-bbb')).not.toBe(a);
    expect(orgMemoryFor('http://y', 'sk-ant-admin01-aaa')).not.toBe(a);
  });
});

describe('spend limits view', () => {
  it('names workspace limits, keeps the tier cap beside the own limit, and the lower one stops spending', () => {
    const view = anthropicLimitsView(
      {
        org: { limitMicros: 2_000_000_000, isEnforced: true },
        tierCap: { limitMicros: 5_000_000_000, isEnforced: true },
        workspaces: [
          { workspaceId: 'wrkspc_1', limitMicros: 100_000_000, isEnforced: true },
          { workspaceId: 'wrkspc_gone', limitMicros: 50_000_000, isEnforced: true },
        ],
      },
      [{ id: 'wrkspc_1', name: 'Research' }],
      1234,
    );
    expect(view.projects.map((p) => p.name)).toEqual(['Research', 'wrkspc_gone']);
    expect(view).toMatchObject({ provider: 'anthropic', isReadable: true, asOfMs: 1234, problem: null });
    expect(effectiveHardLimit(view)?.limitMicros).toBe(2_000_000_000);
    const notEnforced: SpendLimitsView = { ...view, org: { limitMicros: 1_000_000_000, isEnforced: false } };
    expect(effectiveHardLimit(notEnforced)?.limitMicros).toBe(5_000_000_000);
    // OpenAI (no tier cap): the limit as read, enforced or not, as before.
    expect(effectiveHardLimit({ ...notEnforced, tierCap: undefined })?.limitMicros).toBe(1_000_000_000);
    const closed = anthropicLimitsView(null, [], 5);
    expect(closed).toMatchObject({ isReadable: false, org: null, tierCap: null, projects: [] });
    expect(effectiveHardLimit(closed)).toBeNull();
  });
});
