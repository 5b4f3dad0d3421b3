import { describe, expect, it } from 'vitest';
import { detectSpike } from '@core/alerts/spike-detect';
import type { UsageRow } from '@core/sync-data';
import { DAY_MS, HOUR_MS } from '@core/time';

const NOW = Date.UTC(2026, 10, 24, 14, 30); // a Tuesday
const hour = Date.UTC(2026, 10, 24, 14);
const row = (
  hourStartMs: number,
  tokens: number,
  projectId: string | null = 'proj_web',
  model = 'gpt-4o-mini',
): UsageRow => ({
  hourStartMs,
  projectId,
  model,
  requests: 1,
  inputTokens: tokens,
  outputTokens: 0,
});

describe('detectSpike', () => {
  it('compares with the same hour of earlier weeks and names the project and model that dominate', () => {
    const usage = [
      row(hour - 7 * DAY_MS, 20_000),
      row(hour - 14 * DAY_MS, 30_000),
      row(hour - DAY_MS, 900_000), // yesterday at this hour does not count when weeks exist
      row(hour, 50_000),
      row(hour, 450_000, 'proj_batch', 'gpt-4o'),
    ];
    // At 14:30 the open hour has run half its length: 500k so far is 1M at that rate.
    const s = detectSpike(usage, NOW, new Map([['proj_batch', 'Batch jobs']]));
    expect(s).toMatchObject({
      hourStartMs: hour,
      tokens: 500_000,
      projectedTokens: 1_000_000,
      usualTokens: 25_000,
      ratio: 40,
      projectName: 'Batch jobs',
      model: 'gpt-4o',
    });
  });

  it('falls back to the same hour of earlier days with less than a week of history', () => {
    const s = detectSpike(
      [row(hour - DAY_MS, 10_000), row(hour - 2 * DAY_MS, 30_000), row(hour, 100_000)],
      NOW,
    );
    expect(s?.usualTokens).toBe(20_000);
  });

  it('uses the previous hour early in an hour with nothing yet, and null without history', () => {
    expect(detectSpike([row(hour - HOUR_MS - DAY_MS, 1), row(hour - HOUR_MS, 5)], NOW)?.hourStartMs).toBe(
      hour - HOUR_MS,
    );
    expect(detectSpike([row(hour, 5)], NOW)).toBeNull();
    expect(detectSpike([], NOW)).toBeNull();
  });

  it('in the first 15 minutes of an hour compares the last closed hour (a few minutes are too short a sample)', () => {
    const usage = [row(hour - HOUR_MS - DAY_MS, 10), row(hour - HOUR_MS, 50), row(hour, 1_000)];
    expect(detectSpike(usage, hour + 5 * 60_000)).toMatchObject({
      hourStartMs: hour - HOUR_MS,
      tokens: 50,
      projectedTokens: 50,
      ratio: 5,
    });
  });
});
