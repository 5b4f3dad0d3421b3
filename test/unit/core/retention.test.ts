import { describe, expect, it } from 'vitest';
import { compactSnapshots, isUsageDayExpired, stepForAge } from '@core/retention';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';

const NOW = Date.UTC(2026, 5, 1, 12, 0);

describe('compactSnapshots', () => {
  it('keeps every point of the last 48 h', () => {
    const points = Array.from({ length: 100 }, (_, i) => ({ atMs: NOW - i * 5 * MINUTE_MS }));
    expect(compactSnapshots(points, NOW)).toHaveLength(100);
  });

  it('keeps the latest point per hour from 48 h and per day from 90 days, sorted', () => {
    const threeDaysAgo = NOW - 3 * DAY_MS;
    const hourStart = Math.floor(threeDaysAgo / HOUR_MS) * HOUR_MS;
    const old = Date.UTC(2026, 0, 10);
    const points = [
      { atMs: hourStart + 55 * MINUTE_MS, id: 'c' },
      { atMs: hourStart + 5 * MINUTE_MS, id: 'a' },
      { atMs: hourStart + 35 * MINUTE_MS, id: 'b' },
      { atMs: old + HOUR_MS, id: 'd' },
      { atMs: old + 20 * HOUR_MS, id: 'e' },
      { atMs: NOW - MINUTE_MS, id: 'f' },
    ];
    expect(compactSnapshots(points, NOW).map((p) => p.id)).toEqual(['e', 'c', 'f']);
  });

  it('a year of 5-minute points shrinks to ~48h×12 + 88×24 + the rest daily', () => {
    const points = [];
    for (let t = NOW - 365 * DAY_MS; t <= NOW; t += 5 * MINUTE_MS) points.push({ atMs: t });
    const kept = compactSnapshots(points, NOW).length;
    expect(kept).toBeGreaterThan(48 * 12 + 87 * 24 + 270);
    expect(kept).toBeLessThan(48 * 12 + 89 * 24 + 280);
  });

  it('stepForAge picks the tier', () => {
    expect(stepForAge(HOUR_MS)).toBe(0);
    expect(stepForAge(49 * HOUR_MS)).toBe(HOUR_MS);
    expect(stepForAge(100 * DAY_MS)).toBe(DAY_MS);
  });
});

describe('isUsageDayExpired', () => {
  it('drops days older than the kept window', () => {
    const today = Math.floor(NOW / DAY_MS) * DAY_MS;
    expect(isUsageDayExpired(today - 13 * DAY_MS, NOW)).toBe(false);
    expect(isUsageDayExpired(today - 15 * DAY_MS, NOW)).toBe(true);
  });
});
