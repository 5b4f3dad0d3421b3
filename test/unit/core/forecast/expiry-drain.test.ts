// Credit that expires unused lowers the balance as surely as spend: the crossing comes earlier.
import { describe, expect, it } from 'vitest';
import { forecastSpend, type ForecastInput } from '@core/forecast/engine';
import { createHourlySeries } from '@core/hourly-series';
import { HOUR_MS } from '@core/time';

const NOW = Date.UTC(2025, 3, 10);
// A steady $1 an hour for two weeks.
const history = createHourlySeries(NOW - 14 * 24 * HOUR_MS, new Array(14 * 24).fill(1));
const base = (over: Partial<ForecastInput> = {}): ForecastInput => ({
  history,
  nowMs: NOW,
  balanceMicros: 60e6,
  thresholdMicros: 10e6,
  horizonHours: 168,
  seed: 42,
  paths: 500,
  ...over,
});
const hours = (ms: number | null) => (ms === null ? Infinity : (ms - NOW) / HOUR_MS);

describe('credit expiring inside the forecast', () => {
  it('is drained at its expiry, so the threshold is crossed sooner', () => {
    const without = forecastSpend(base());
    // $40 of the $60 expires in 10 hours: about $10 of it is spent by then, the other $30 is lost.
    const lots = [
      { remainingMicros: 40e6, expiresAtMs: NOW + 10 * HOUR_MS },
      { remainingMicros: 20e6, expiresAtMs: NOW + 400 * 24 * HOUR_MS },
    ];
    const withLots = forecastSpend(base({ lots }));
    expect(hours(without.crossing!.p50Ms)).toBeGreaterThan(40);
    // $60 − $10 spent − $30 expired = $20 at hour 10; $10 more to the threshold → about hour 20.
    expect(hours(withLots.crossing!.p50Ms)).toBeGreaterThan(15);
    expect(hours(withLots.crossing!.p50Ms)).toBeLessThan(25);
    expect(withLots.expiringUnusedMicros!.p50).toBeGreaterThan(25e6);
    expect(withLots.expiringUnusedMicros!.p50).toBeLessThan(35e6);
    expect(hours(withLots.crossing!.p90Ms)).toBeLessThanOrEqual(hours(without.crossing!.p90Ms));
  });

  it('changes nothing when the credit expires after the forecast window', () => {
    const far = [{ remainingMicros: 60e6, expiresAtMs: NOW + 400 * 24 * HOUR_MS }];
    expect(forecastSpend(base({ lots: far })).crossing).toEqual(forecastSpend(base()).crossing);
  });
});
