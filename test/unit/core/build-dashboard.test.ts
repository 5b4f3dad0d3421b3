import { describe, expect, it } from 'vitest';
import { buildDashboard } from '@core/build-dashboard';
import { INITIAL_SYNC_STATUS, type OrgSummary } from '@core/schemas';
import type { CostDay } from '@core/sync-data';
import { DAY_MS, HOUR_MS } from '@core/time';

const ORG: OrgSummary = {
  id: 'org_dashboard1',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
  hasKey: true,
};
const NOW = Date.UTC(2026, 2, 10, 15, 0);
const TODAY = Date.UTC(2026, 2, 10);
const MARCH = Date.UTC(2026, 2, 1);

function day(dayStartMs: number, ...rows: Array<[string | null, number]>): CostDay {
  return {
    dayStartMs,
    rows: rows.map(([projectId, micros]) => ({ projectId, lineItem: 'gpt-4o, input', micros })),
  };
}

describe('buildDashboard', () => {
  const costDays: CostDay[] = [
    day(MARCH - DAY_MS, ['proj_a', 7_000_000]), // February: not this month
    ...Array.from({ length: 9 }, (_, i) =>
      day(MARCH + i * DAY_MS, ['proj_a', 6_000_000], ['proj_b', 4_000_000]),
    ),
    day(TODAY, ['proj_a', 3_000_000], [null, 1_000_000]),
  ];
  const sync = { ...INITIAL_SYNC_STATUS, state: 'ok' as const, lastSuccessMs: NOW - 60_000 };

  it('splits month-to-date into settled days and today', () => {
    const d = buildDashboard({ org: ORG, nowMs: NOW, costDays, usage: null, projects: [], sync });
    expect(d.monthToDate).toEqual({
      monthStartMs: MARCH,
      settledMicros: 90_000_000,
      provisionalMicros: 4_000_000,
      totalMicros: 94_000_000,
    });
    expect(d.today).toEqual({ dayStartMs: TODAY, costMicros: 4_000_000, requests: null });
    expect(d.asOfMs).toBe(NOW - 60_000);
  });

  it('lists the last 30 days oldest first, empty days included, per project', () => {
    const d = buildDashboard({
      org: ORG,
      nowMs: NOW,
      costDays,
      usage: null,
      projects: [{ id: 'proj_a', name: 'Chatbot' }],
      sync,
    });
    expect(d.daily).toHaveLength(30);
    expect(d.daily[0]?.dayStartMs).toBe(TODAY - 29 * DAY_MS);
    expect(d.daily[29]?.dayStartMs).toBe(TODAY);
    expect(d.daily[0]).toEqual({
      dayStartMs: TODAY - 29 * DAY_MS,
      byProject: [],
      byLineItem: [],
      byApiKey: [],
      totalMicros: 0,
    });
    expect(d.daily[29]?.byProject).toEqual([
      { projectId: 'proj_a', micros: 3_000_000 },
      { projectId: null, micros: 1_000_000 },
    ]);
    // The same day by API key: rows without a key (older history) are grouped as null.
    expect(d.daily[29]?.byApiKey?.reduce((a, k) => a + k.micros, 0)).toBe(4_000_000);
    // A project with spend but no name yet is shown by its id.
    expect(d.projects).toEqual([
      { id: 'proj_a', name: 'Chatbot' },
      { id: 'proj_b', name: 'proj_b' },
    ]);
  });

  it("counts only today's requests", () => {
    const usage = [
      {
        hourStartMs: TODAY - HOUR_MS,
        projectId: 'proj_a',
        model: 'm',
        requests: 50,
        inputTokens: 1,
        outputTokens: 1,
      },
      {
        hourStartMs: TODAY + HOUR_MS,
        projectId: 'proj_a',
        model: 'm',
        requests: 7,
        inputTokens: 1,
        outputTokens: 1,
      },
      {
        hourStartMs: TODAY + 2 * HOUR_MS,
        projectId: 'proj_b',
        model: 'm',
        requests: 5,
        inputTokens: 1,
        outputTokens: 1,
      },
    ];
    expect(buildDashboard({ org: ORG, nowMs: NOW, costDays, usage, projects: [], sync }).today.requests).toBe(
      12,
    );
  });

  it('is empty but well-formed before the first sync', () => {
    const d = buildDashboard({
      org: ORG,
      nowMs: NOW,
      costDays: [],
      usage: null,
      projects: [],
      sync: INITIAL_SYNC_STATUS,
    });
    expect(d.asOfMs).toBeNull();
    expect(d.monthToDate.totalMicros).toBe(0);
    expect(d.daily.every((x) => x.totalMicros === 0)).toBe(true);
  });
});
