import { describe, expect, it } from 'vitest';
import type { DailyProjectSpend } from '@core/dashboard';
import { DAY_MS } from '@core/time';
import { buildDailyChart, DEFAULT_PROJECT_LABEL, OTHER_SERIES_KEY } from '@core/charts/daily-chart';

const DAY0 = Date.UTC(2026, 10, 1);

function day(index: number, spend: Record<string, number>): DailyProjectSpend {
  const byProject = Object.entries(spend).map(([id, usd]) => ({
    projectId: id === 'none' ? null : id,
    micros: Math.round(usd * 1_000_000),
  }));
  return {
    dayStartMs: DAY0 + index * DAY_MS,
    byProject,
    totalMicros: byProject.reduce((a, p) => a + p.micros, 0),
  };
}

const PROJECTS = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
];

describe('buildDailyChart', () => {
  it('makes one series per project, largest first, aligned with the days', () => {
    const chart = buildDailyChart([day(0, { a: 1, b: 5 }), day(1, { a: 2 }), day(2, {})], PROJECTS);
    expect(chart.dayStartsMs).toEqual([DAY0, DAY0 + DAY_MS, DAY0 + 2 * DAY_MS]);
    expect(chart.dayKeys).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(chart.series.map((s) => s.label)).toEqual(['Beta', 'Alpha']);
    expect(chart.series[0]!.valuesMicros).toEqual([5_000_000, 0, 0]);
    expect(chart.series[1]!.valuesMicros).toEqual([1_000_000, 2_000_000, 0]);
    expect(chart.series.map((s) => s.colorIndex)).toEqual([0, 1]);
    expect(chart.dailyTotalsMicros).toEqual([6_000_000, 2_000_000, 0]);
    expect(chart.totalMicros).toBe(8_000_000);
    expect(chart.hasSpend).toBe(true);
  });

  it('names spend without a project, and falls back to the id for an unknown project', () => {
    const chart = buildDailyChart([day(0, { none: 3, zzz: 1 })], PROJECTS);
    expect(chart.series.map((s) => s.label)).toEqual([DEFAULT_PROJECT_LABEL, 'zzz']);
  });

  it('folds the smallest projects into one grey "Other projects" series', () => {
    const chart = buildDailyChart([day(0, { a: 9, b: 5, c: 1 }), day(1, { d: 2 })], PROJECTS, 2);
    expect(chart.series.map((s) => s.label)).toEqual(['Alpha', 'Other projects (3)']);
    const other = chart.series[1]!;
    expect(other.key).toBe(OTHER_SERIES_KEY);
    expect(other.colorIndex).toBeNull();
    expect(other.valuesMicros).toEqual([6_000_000, 2_000_000]);
    expect(other.totalMicros).toBe(8_000_000);
  });

  it('sums in micro-dollars, so many small amounts add up exactly', () => {
    const days = Array.from({ length: 30 }, (_, i) => day(i, { a: 0.1, b: 0.2 }));
    const chart = buildDailyChart(days, PROJECTS);
    expect(chart.totalMicros).toBe(9_000_000);
    expect(chart.series.reduce((a, s) => a + s.totalMicros, 0)).toBe(chart.totalMicros);
  });

  it('reports no spend for empty days and keeps colours stable on ties', () => {
    expect(buildDailyChart([day(0, { a: 0 })], PROJECTS)).toMatchObject({ hasSpend: false, series: [] });
    const first = buildDailyChart([day(0, { b: 1, a: 1 })], PROJECTS);
    const second = buildDailyChart([day(0, { a: 1, b: 1 })], PROJECTS);
    expect(first.series.map((s) => [s.key, s.colorIndex])).toEqual(
      second.series.map((s) => [s.key, s.colorIndex]),
    );
  });

  it('rejects a non-positive series cap', () => {
    expect(() => buildDailyChart([], PROJECTS, 0)).toThrow(/maxSeries/);
  });
});
