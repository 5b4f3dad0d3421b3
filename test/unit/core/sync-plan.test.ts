import { describe, expect, it } from 'vitest';
import {
  advanceCursor,
  EMPTY_CURSOR,
  planSync,
  settledThrough,
  shouldRefreshForUnknown,
} from '@core/sync-plan';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';

const WED_10 = Date.UTC(2026, 2, 11, 10, 0); // Wednesday 2026-03-11 10:00Z
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('settledThrough', () => {
  it('settles a day 24 h after it ends', () => {
    expect(settledThrough(WED_10)).toBe(day('2026-03-10'));
    expect(settledThrough(day('2026-03-11'))).toBe(day('2026-03-10'));
    expect(settledThrough(day('2026-03-11') - 1)).toBe(day('2026-03-09'));
  });
});

describe('planSync', () => {
  it('backfills on the first sync', () => {
    const plan = planSync(EMPTY_CURSOR, { nowMs: WED_10, backfillDays: 90 });
    expect(plan.costs).toEqual({ startMs: day('2026-03-11') - 90 * DAY_MS, endMs: day('2026-03-12') });
    expect(plan.usage).toEqual({ startMs: day('2026-03-10'), endMs: WED_10 + HOUR_MS });
    expect(plan.refreshProjects).toBe(true);
    expect(plan.settledThroughMs).toBe(day('2026-03-10'));
  });

  it('re-fetches only yesterday and today in steady state, and the last two hours of usage', () => {
    const first = planSync(EMPTY_CURSOR, { nowMs: WED_10, backfillDays: 90 });
    const cursor = advanceCursor(EMPTY_CURSOR, first, WED_10, true);
    const later = WED_10 + 5 * MINUTE_MS;
    const plan = planSync(cursor, { nowMs: later, backfillDays: 90 });
    expect(plan.costs).toEqual({ startMs: day('2026-03-10'), endMs: day('2026-03-12') });
    expect(plan.usage.startMs).toBe(WED_10 - HOUR_MS);
    expect(plan.refreshProjects).toBe(false);
    expect(planSync(cursor, { nowMs: WED_10 + HOUR_MS, backfillDays: 90 }).refreshProjects).toBe(true);
  });

  it('after a pause fetches every day not yet settled', () => {
    const first = planSync(EMPTY_CURSOR, { nowMs: WED_10, backfillDays: 90 });
    const cursor = advanceCursor(EMPTY_CURSOR, first, WED_10, true);
    const plan = planSync(cursor, { nowMs: WED_10 + 5 * DAY_MS, backfillDays: 90 });
    expect(plan.costs.startMs).toBe(day('2026-03-10'));
    expect(plan.usage.startMs).toBe(day('2026-03-15'));
  });

  it('extends the backfill when more days are asked for', () => {
    const first = planSync(EMPTY_CURSOR, { nowMs: WED_10, backfillDays: 30 });
    const cursor = advanceCursor(EMPTY_CURSOR, first, WED_10, true);
    const plan = planSync(cursor, { nowMs: WED_10 + MINUTE_MS, backfillDays: 60 });
    expect(plan.costs.startMs).toBe(day('2026-03-11') - 60 * DAY_MS);
    expect(advanceCursor(cursor, plan, WED_10 + MINUTE_MS, false).backfillStartMs).toBe(plan.costs.startMs);
  });

  it('rejects a bad backfill', () => {
    expect(() => planSync(EMPTY_CURSOR, { nowMs: WED_10, backfillDays: 0 })).toThrow(/backfillDays/);
  });

  it('limits refreshes caused by unknown project ids', () => {
    const cursor = { ...EMPTY_CURSOR, projectsFetchedAtMs: WED_10 };
    expect(shouldRefreshForUnknown(cursor, WED_10 + MINUTE_MS)).toBe(false);
    expect(shouldRefreshForUnknown(cursor, WED_10 + 10 * MINUTE_MS)).toBe(true);
  });
});
