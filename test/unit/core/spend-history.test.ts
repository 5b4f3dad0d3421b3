import { describe, expect, it } from 'vitest';
import { dailyTotals, hourlyShapes, hourlySpendSeries } from '@core/spend-history';
import type { UsageRow } from '@core/sync-data';
import { DAY_MS, HOUR_MS } from '@core/time';

const D0 = Date.UTC(2026, 10, 20);
const usage = (hour: number, input: number, output: number): UsageRow => ({
  hourStartMs: D0 + hour * HOUR_MS,
  projectId: 'proj_a',
  model: 'gpt-4o-mini',
  requests: 1,
  inputTokens: input,
  outputTokens: output,
});
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe('dailyTotals', () => {
  it('sums each day and sorts by day', () => {
    const totals = dailyTotals([
      { dayStartMs: D0 + DAY_MS, rows: [{ projectId: null, lineItem: null, micros: 5 }] },
      {
        dayStartMs: D0,
        rows: [
          { projectId: 'a', lineItem: 'x', micros: 2 },
          { projectId: 'b', lineItem: 'y', micros: 3 },
        ],
      },
    ]);
    expect(totals).toEqual([
      { dayStartMs: D0, micros: 5 },
      { dayStartMs: D0 + DAY_MS, micros: 5 },
    ]);
  });
});

describe('hourlyShapes', () => {
  it('weighs output tokens four times input tokens, per UTC hour of the day', () => {
    const shapes = hourlyShapes([usage(9, 100, 0), usage(9, 0, 25), usage(15, 50, 0)]);
    const shape = shapes.get(D0)!;
    expect(shape).toHaveLength(24);
    expect(shape[9]).toBe(200);
    expect(shape[15]).toBe(50);
    expect(sum(shape)).toBe(250);
  });
});

describe('hourlySpendSeries', () => {
  it('spreads a day by its usage shape and keeps the day total', () => {
    const shapes = hourlyShapes([usage(9, 300, 0), usage(10, 100, 0)]);
    const series = hourlySpendSeries([{ dayStartMs: D0, micros: 24_000_000 }], shapes, D0, D0 + DAY_MS);
    expect(series.startMs).toBe(D0);
    expect(series.usd).toHaveLength(24);
    expect(series.usd[9]).toBeCloseTo(18);
    expect(series.usd[10]).toBeCloseTo(6);
    expect(sum(series.usd)).toBeCloseTo(24);
  });

  it('spreads a day without usage evenly, and today only over its finished hours', () => {
    const now = D0 + DAY_MS + 6 * HOUR_MS + 20 * 60_000; // 06:20 on day 2
    const series = hourlySpendSeries(
      [
        { dayStartMs: D0, micros: 24_000_000 },
        { dayStartMs: D0 + DAY_MS, micros: 3_000_000 },
      ],
      new Map(),
      D0,
      now,
    );
    expect(series.usd).toHaveLength(30);
    expect(series.usd[0]).toBeCloseTo(1);
    expect(series.usd[24]).toBeCloseTo(0.5);
    expect(series.usd[29]).toBeCloseTo(0.5);
    expect(sum(series.usd)).toBeCloseTo(27);
  });

  it('ignores days outside the window and returns an empty series before the first hour', () => {
    const series = hourlySpendSeries(
      [{ dayStartMs: D0 - DAY_MS, micros: 9_000_000 }],
      new Map(),
      D0,
      D0 + 2 * HOUR_MS,
    );
    expect(Array.from(series.usd)).toEqual([0, 0]);
    expect(hourlySpendSeries([], new Map(), D0, D0).usd).toHaveLength(0);
  });
});
