import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '@core/time';
import { createSimulatedSpendModel } from '../../../main/simulator/index';
import { portionOf } from '../../../main/simulator/spend-model';

const NOW = Date.UTC(2026, 10, 24, 15, 20); // a Tuesday afternoon

describe('portionOf', () => {
  it('splits an hour into integer parts that add up exactly', () => {
    for (const value of [0, 1, 59, 3599, 1_234_567, 98_765_432_101]) {
      const cuts = [0, 1, 17, 600, 1799, 2400, 3599, 3600];
      let sum = 0;
      for (let i = 1; i < cuts.length; i++) sum += portionOf(value, 0, cuts[i - 1]!, cuts[i]!);
      expect(sum).toBe(value);
    }
    expect(portionOf(100, 0, 0, 1800)).toBe(50);
    expect(portionOf(100, 3600, 0, 100_000)).toBe(100);
    expect(portionOf(100, 3600, 0, 3600)).toBe(0);
  });
});

describe('the generated spend model', () => {
  const model = createSimulatedSpendModel({ seed: 7 }, NOW);

  it('is deterministic for a seed and differs between seeds', () => {
    const again = createSimulatedSpendModel({ seed: 7 }, NOW);
    const other = createSimulatedSpendModel({ seed: 8 }, NOW);
    const h = Date.UTC(2026, 10, 20, 14);
    expect(again.hourly(h)).toEqual(model.hourly(h));
    expect(again.projects).toEqual(model.projects);
    expect(other.hourly(h)).not.toEqual(model.hourly(h));
  });

  it('memoises hours and does not depend on the order hours are asked for', () => {
    const h = Date.UTC(2026, 10, 10, 9);
    expect(model.hourly(h)).toBe(model.hourly(h));
    const fresh = createSimulatedSpendModel({ seed: 7 }, NOW);
    fresh.hourly(h + 5 * HOUR_MS);
    expect(fresh.hourly(h)).toEqual(model.hourly(h));
  });

  it('has integer micro-dollar rows spread over several projects, models, keys and line items', () => {
    const rows = Array.from({ length: 24 }, (_, i) =>
      model.hourly(Date.UTC(2026, 10, 17) + i * HOUR_MS),
    ).flat();
    for (const r of rows) {
      expect(Number.isInteger(r.costMicros) && r.costMicros >= 0).toBe(true);
      expect(
        Number.isInteger(r.inputTokens) && Number.isInteger(r.outputTokens) && Number.isInteger(r.requests),
      ).toBe(true);
    }
    expect(new Set(rows.map((r) => r.projectId)).size).toBe(4);
    expect(new Set(rows.map((r) => r.model))).toEqual(
      new Set(['gpt-4o-mini-2024-07-18', 'text-embedding-3-small', 'dall-e-3']),
    );
    expect(new Set(rows.map((r) => r.lineItem))).toContain('gpt-4o-mini-2024-07-18, cached input');
    expect(new Set(rows.map((r) => r.apiKeyId)).size).toBeGreaterThanOrEqual(4);
  });

  it('costs about the configured daily amount, with weekly and daily cycles', () => {
    const start = Date.UTC(2026, 7, 3); // a Monday, inside the 120-day history
    const days = Array.from({ length: 70 }, (_, d) =>
      model.costMicros(start + d * DAY_MS, start + (d + 1) * DAY_MS),
    );
    const mean = days.reduce((a, b) => a + b, 0) / days.length / 1e6;
    expect(mean).toBeGreaterThan(15);
    expect(mean).toBeLessThan(40);
    const weekday = days.filter((_, d) => d % 7 < 5).reduce((a, b) => a + b, 0) / 50;
    const weekend = days.filter((_, d) => d % 7 >= 5).reduce((a, b) => a + b, 0) / 20;
    expect(weekday / weekend).toBeGreaterThan(1.4);
    const byHour = Array.from({ length: 24 }, (_, h) =>
      Array.from({ length: 70 }, (_, d) =>
        model.costMicros(start + d * DAY_MS + h * HOUR_MS, start + d * DAY_MS + (h + 1) * HOUR_MS),
      ).reduce((a, b) => a + b, 0),
    );
    expect(Math.max(...byHour) / Math.min(...byHour)).toBeGreaterThan(1.5);
  });

  it('has occasional spikes far above the usual hour', () => {
    const start = Date.UTC(2026, 7, 1);
    const hours = Array.from({ length: 100 * 24 }, (_, i) =>
      model.costMicros(start + i * HOUR_MS, start + (i + 1) * HOUR_MS),
    );
    const sorted = [...hours].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(Math.max(...hours) / median).toBeGreaterThan(4);
  });

  it('sums ranges exactly from the rows, also for partial hours and by project', () => {
    const h = Date.UTC(2026, 10, 18, 10);
    const rows = model.hourly(h);
    const whole = rows.reduce((a, r) => a + r.costMicros, 0);
    expect(model.costMicros(h, h + HOUR_MS)).toBe(whole);
    const half = model.costMicros(h, h + HOUR_MS / 2) + model.costMicros(h + HOUR_MS / 2, h + HOUR_MS);
    expect(half).toBe(whole);
    const p0 = model.projects[0]!.id;
    expect(model.costMicros(h, h + HOUR_MS, { projectIds: [p0] })).toBe(
      rows.filter((r) => r.projectId === p0).reduce((a, r) => a + r.costMicros, 0),
    );
    const perProject = model.projects.map((p) => model.costMicros(h - DAY_MS, h, { projectIds: [p.id] }));
    expect(perProject.reduce((a, b) => a + b, 0)).toBe(model.costMicros(h - DAY_MS, h));
  });

  it('has no spend before the history window', () => {
    expect(model.historyStartMs).toBe(Date.UTC(2026, 6, 27));
    expect(model.hourly(model.historyStartMs - HOUR_MS)).toEqual([]);
    expect(model.costMicros(0, model.historyStartMs)).toBe(0);
  });

  it('shows an hour in the visible costs only after the lag', () => {
    const h = Date.UTC(2026, 10, 24, 13);
    const cost = model.costMicros(h, h + HOUR_MS);
    expect(cost).toBeGreaterThan(0);
    expect(model.visibleCostMicros(h, h + HOUR_MS, h + HOUR_MS + 29 * 60_000)).toBe(0);
    expect(model.visibleCostMicros(h, h + HOUR_MS, h + HOUR_MS + 30 * 60_000)).toBe(cost);
    expect(model.visibleCostMicros(h - DAY_MS, h + HOUR_MS, h + 10 * HOUR_MS)).toBe(
      model.costMicros(h - DAY_MS, h + HOUR_MS),
    );
  });

  it('rejects an hour that is not on the hour, and bad shapes', () => {
    expect(() => model.hourly(NOW)).toThrow(/start of a UTC hour/);
    expect(() => createSimulatedSpendModel({ shape: { models: 9 } }, NOW)).toThrow(/shape.models/);
    expect(() => createSimulatedSpendModel({ shape: { projects: 0 } }, NOW)).toThrow(/shape.projects/);
    expect(() => createSimulatedSpendModel({ historyDays: -1 }, NOW)).toThrow(/historyDays/);
    expect(() => createSimulatedSpendModel({ shape: { dailyUsd: -5 } }, NOW)).toThrow(/dailyUsd/);
    expect(() => createSimulatedSpendModel({ costLagMinutes: -1 }, NOW)).toThrow(/costLagMinutes/);
  });

  it('builds the large benchmark shape (20 projects × 5 models × 6 line items) cheaply', () => {
    const big = createSimulatedSpendModel(
      { seed: 1, shape: { projects: 20, models: 5, lineItemsPerModel: 6, dailyUsd: 400 } },
      NOW,
    );
    const rows = big.hourly(Date.UTC(2026, 10, 24, 14));
    expect(new Set(rows.map((r) => r.projectId)).size).toBe(20);
    expect(new Set(rows.map((r) => r.model)).size).toBe(5);
    expect(new Set(rows.map((r) => r.lineItem)).size).toBeGreaterThan(20);
  });
});

describe('an org that starts spending (spendStartsDaysAgo)', () => {
  const shape = { projects: 1, models: 2, lineItemsPerModel: 2, dailyUsd: 9, spendStartsDaysAgo: 2 };
  const model = createSimulatedSpendModel({ seed: 5, shape }, NOW);
  const start = Date.UTC(2026, 10, 22); // UTC midnight two days before NOW

  it('spends nothing before that UTC midnight and about its daily amount from then on, the same for a seed', () => {
    expect(model.costMicros(NOW - 60 * DAY_MS, start)).toBe(0);
    expect(model.hourly(start - HOUR_MS)).toEqual([]);
    expect(model.hourly(start + 14 * HOUR_MS).length).toBeGreaterThan(0);
    const twoDays = model.costMicros(start, start + 2 * DAY_MS);
    expect(twoDays).toBeGreaterThan(2 * 9e6 * 0.4);
    expect(twoDays).toBeLessThan(2 * 9e6 * 2.5);
    expect(createSimulatedSpendModel({ seed: 5, shape }, NOW).costMicros(start, NOW)).toBe(
      model.costMicros(start, NOW),
    );
    // The projects and keys exist all along (a dormant org, not a new one).
    expect(model.projects).toHaveLength(1);
    expect(model.historyStartMs).toBeLessThan(start - 100 * DAY_MS);
  });

  it('refuses a negative or fractional start', () => {
    expect(() =>
      createSimulatedSpendModel({ seed: 5, shape: { ...shape, spendStartsDaysAgo: -1 } }, NOW),
    ).toThrow(/spendStartsDaysAgo/);
  });
});

describe('a spend model that keeps no rows', () => {
  it('makes an hour again when it is read again, with the same rows and sums as a caching model', () => {
    const caching = createSimulatedSpendModel({ seed: 7 }, NOW);
    const keeping = createSimulatedSpendModel({ seed: 7, maxCachedRows: 0 }, NOW);
    const h = Date.UTC(2026, 10, 20, 14);
    const first = keeping.hourly(h);
    keeping.hourly(h + HOUR_MS); // reading the next hour lets the first go
    const again = keeping.hourly(h);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(again).toEqual(caching.hourly(h));
    const range = [h - 2 * DAY_MS + 1_234, h + 5 * HOUR_MS] as const;
    expect(keeping.costMicros(...range)).toBe(caching.costMicros(...range));
  });
});
